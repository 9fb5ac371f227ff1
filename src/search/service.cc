// Copyright 2026 The Jianbao Authors.

#include "search/service.h"

#include <algorithm>
#include <set>

#include "core/clock.h"
#include "search/query.h"
#include "search/repository.h"
#include "search/snippet.h"
#include "store/changes.h"

namespace jianbao::search {
namespace {

std::string HashToken(const std::string& text) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  char buf[18];
  snprintf(buf, sizeof buf, "X%016llX", static_cast<unsigned long long>(h));
  return buf;
}

// A candidate with its final score.
struct Ranked {
  repo::Hit hit;
  std::vector<Range> body_ranges;
  double score = 0;
};

}  // namespace

std::string ReaderToken(const std::string& kind, const std::string& key) {
  return HashToken("r\x1f" + kind + "\x1f" + key);
}
std::string KindToken(const std::string& kind) { return HashToken("k\x1f" + kind); }
std::string OrgToken(const std::string& org) { return HashToken("o\x1f" + org); }
std::string SeriesToken(const std::string& series) { return HashToken("s\x1f" + series); }
std::string StateToken(const std::string& state) { return HashToken("t\x1f" + state); }

SearchService::SearchService(store::Database* db) : db_(db), cache_(kCacheBytes) {}

void SearchService::set_cache_bytes(size_t bytes) { cache_.set_max_bytes(bytes); }

std::pair<int64_t, int64_t> SearchService::cache_lookups() const {
  return {cache_.hits(), cache_.misses()};
}

SearchService::~SearchService() {
  if (observer_) store::RemoveChangeObserver(observer_);
}

void SearchService::AddKind(Kind kind) { kinds_.push_back(std::move(kind)); }

std::vector<std::string> SearchService::kinds() const {
  std::vector<std::string> out;
  for (const Kind& k : kinds_) out.push_back(k.name);
  return out;
}

const Kind* SearchService::Find(const std::string& name) const {
  for (const Kind& k : kinds_) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

void SearchService::Observe() {
  if (observer_) return;
  observer_ = store::AddChangeObserver(
      [this](soci::session& s, const std::string& kind, int64_t id) { OnChange(s, kind, id); });
}

void SearchService::OnChange(soci::session& s, const std::string& kind, int64_t id) const {
  const Kind* k = Find(kind);
  if (!k) return;
  std::optional<Document> doc = k->load(s, id);
  if (doc) {
    Index(s, *doc);
  } else {
    repo::Remove(s, kind, id);
  }
}

void SearchService::Index(soci::session& s, const Document& doc) {
  if (doc.readers.empty()) {
    repo::Remove(s, doc.kind, doc.id);
    return;
  }
  repo::Entry e;
  e.kind = doc.kind;
  e.ref_id = doc.id;
  e.title = doc.title;
  e.body = doc.body;
  e.org = doc.org;
  e.date = doc.date;
  e.acl.push_back(KindToken(doc.kind));
  if (!doc.org.empty()) e.acl.push_back(OrgToken(doc.org));
  if (!doc.series.empty()) e.acl.push_back(SeriesToken(doc.series));
  if (!doc.state.empty()) e.acl.push_back(StateToken(doc.state));
  for (const std::string& r : doc.readers) e.acl.push_back(ReaderToken(doc.kind, r));
  repo::Put(s, e);
}

Result<SearchResult> SearchService::Search(const Actor& actor, const SearchRequest& req) {
  JB_ASSIGN_OR_RETURN(Query query, ParseQuery(req.q));
  if (!req.kind.empty() && !Find(req.kind)) {
    return Status::Invalid("kind", "invalid_kind", "unknown kind: " + req.kind);
  }
  for (const auto& [field, date] : {std::pair{"from", &req.from}, std::pair{"to", &req.to}}) {
    if (!date->empty() && !clock::IsValidDate(*date)) {
      return Status::Invalid(field, "invalid_date", std::string(field) + " is not a date");
    }
  }
  const int wanted = req.page.offset() + req.page.page_size;
  if (wanted > kMaxResults) {
    return Status::Invalid("page", "out_of_range", "a search pages to its first 1000 results");
  }
  SearchResult result;
  // The user's reader keys, per kind, as index tokens.
  std::vector<std::string> access;
  std::vector<std::string> readable_kinds;
  for (const Kind& k : kinds_) {
    result.kinds[k.name] = 0;
    JB_ASSIGN_OR_RETURN(std::vector<std::string> keys, k.readers_of(actor));
    if (keys.empty()) continue;
    readable_kinds.push_back(k.name);
    if (std::find(keys.begin(), keys.end(), kEveryDocument) != keys.end()) {
      access.push_back(KindToken(k.name));
      continue;
    }
    for (const std::string& key : keys) access.push_back(ReaderToken(k.name, key));
  }
  if (access.empty()) return result;
  repo::Match base;
  base.fts = ToFts5(query);
  base.tsquery = ToTsquery(query, "");
  base.need_one_of.push_back(access);
  if (!req.org.empty()) base.need_one_of.push_back({OrgToken(req.org)});
  if (!req.series.empty()) base.need_one_of.push_back({SeriesToken(req.series)});
  if (!req.state.empty()) base.need_one_of.push_back({StateToken(req.state)});
  base.from = req.from;
  base.to = req.to;
  // Rounded up to whole kCandidates, so that neighbouring pages share one
  // cached answer: the first `wanted` of the order are the same for any
  // limit of at least `wanted` (the scored set does not depend on it below
  // kScored, and ties are broken by id).
  const int limit = (std::max(kCandidates, wanted) + kCandidates - 1) / kCandidates * kCandidates;
  // Everything the answer depends on besides the index itself.
  std::string key = base.fts + '\x1e' + base.tsquery + '\x1e' + req.kind + '\x1e' +
                    std::to_string(limit) + '\x1e' + base.from + '\x1e' + base.to;
  for (const std::string& k : readable_kinds) key += '\x1e' + k;
  for (const std::vector<std::string>& any : base.need_one_of) {
    key += '\x1d';
    for (const std::string& t : any) key += '\x1e' + t;
  }
  std::shared_ptr<const CachedAnswer> answer;
  std::map<std::string, int64_t> counts = result.kinds;
  std::vector<repo::Hit> hits;
  repo::Generation generation;
  bool reusable = false;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    generation = repo::ReadGeneration(s);
    if (generation.settled) {
      answer = cache_.Get(key, generation.n);
      if (answer) return Status::Ok();
    }
    {
      repo::IndexPlan plan(s);
      if (readable_kinds.size() == 1) {
        counts[readable_kinds[0]] = repo::Count(s, base);
      } else {
        for (const std::string& k : readable_kinds) {
          repo::Match m = base;
          m.need_one_of.push_back({KindToken(k)});
          counts[k] = repo::Count(s, m);
        }
      }
      repo::Match m = base;
      if (!req.kind.empty()) m.need_one_of.push_back({KindToken(req.kind)});
      int64_t matching = 0;
      for (const auto& [kind, n] : counts) {
        if (req.kind.empty() || kind == req.kind) matching += n;
      }
      if (matching > 0) {
        hits = repo::Top(s, m, limit, matching > kScored ? std::max<int64_t>(kScored, limit) : 0);
      }
    }
    // Reusable only when no index write committed between the two reads
    // (each statement of a Read may see a newer commit).
    if (generation.settled) reusable = repo::ReadGeneration(s).n == generation.n;
    return Status::Ok();
  }));
  if (!answer) {
    answer = Rank(query, counts, std::move(hits));
    if (reusable) cache_.Put(key, generation.n, answer);
  }
  result.kinds = answer->kinds;
  for (const auto& [kind, n] : result.kinds) {
    if (req.kind.empty() || kind == req.kind) result.total += n;
  }
  for (size_t i = req.page.offset(); i < answer->items.size() && static_cast<int>(i) < wanted;
       ++i) {
    result.items.push_back(answer->items[i]);
  }
  return result;
}

std::shared_ptr<const CachedAnswer> SearchService::Rank(const Query& query,
                                                        const std::map<std::string, int64_t>& kinds,
                                                        std::vector<repo::Hit> hits) {
  // The first kCandidates (in BM25 order) get the word boundary bonus and are
  // sorted again; the rest stay in BM25 order below them (a bonus only raises
  // a score), so every page of a search is cut from the same order.
  std::vector<Ranked> ranked;
  for (size_t i = 0; i < hits.size(); ++i) {
    Ranked r;
    r.body_ranges = MatchRanges(hits[i].body, query, 4);
    r.score = hits[i].score;
    if (i < static_cast<size_t>(kCandidates)) {
      const std::vector<Range> title_ranges = MatchRanges(hits[i].title, query, 4);
      const double title_share = WordAlignedShare(hits[i].title, title_ranges);
      const double body_share = WordAlignedShare(hits[i].body, r.body_ranges);
      const double share = title_ranges.empty()    ? body_share
                           : r.body_ranges.empty() ? title_share
                                                   : (title_share + body_share) / 2;
      r.score *= 1.0 + 0.5 * share;
    }
    r.hit = std::move(hits[i]);
    ranked.push_back(std::move(r));
  }
  std::stable_sort(ranked.begin(),
                   ranked.begin() + std::min(ranked.size(), static_cast<size_t>(kCandidates)),
                   [](const Ranked& a, const Ranked& b) {
                     if (a.score != b.score) return a.score > b.score;
                     if (a.hit.date != b.hit.date) return a.hit.date > b.hit.date;
                     return a.hit.doc_id > b.hit.doc_id;
                   });
  auto answer = std::make_shared<CachedAnswer>();
  answer->kinds = kinds;
  answer->items.reserve(ranked.size());
  for (const Ranked& r : ranked) {
    SearchItem item;
    item.kind = r.hit.kind;
    item.id = r.hit.ref_id;
    item.title = r.hit.title;
    item.snippet = Snippet(r.hit.body, r.body_ranges);
    item.date = r.hit.date;
    item.org = r.hit.org;
    item.score = r.score;
    answer->items.push_back(std::move(item));
  }
  return answer;
}

Status SearchService::IndexKinds(const std::vector<const Kind*>& kinds,
                                 const std::function<void(int64_t, int64_t)>& progress,
                                 const std::function<bool()>& stop,
                                 std::set<std::pair<std::string, int64_t>>* live) {
  std::vector<std::pair<const Kind*, std::vector<int64_t>>> work;
  int64_t total = 0, done = 0;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    for (const Kind* k : kinds) {
      work.emplace_back(k, k->ids(s));
      total += static_cast<int64_t>(work.back().second.size());
      if (live) {
        for (int64_t id : work.back().second) live->emplace(k->name, id);
      }
    }
    return Status::Ok();
  }));
  constexpr size_t kBatch = 500;
  for (const auto& [kind, ids] : work) {
    for (size_t from = 0; from < ids.size(); from += kBatch) {
      if (stop && stop()) return Status(Code::kUnavailable, "stopped", "indexing stopped");
      const size_t to = std::min(ids.size(), from + kBatch);
      JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
        for (size_t i = from; i < to; ++i) OnChange(s, kind->name, ids[i]);
        return Status::Ok();
      }));
      done += static_cast<int64_t>(to - from);
      if (progress) progress(done, total);
    }
    JB_RETURN_IF_ERROR(db_->Write([&, name = kind->name](soci::session& s) {
      repo::MarkKindIndexed(s, name);
      return Status::Ok();
    }));
  }
  return Status::Ok();
}

Status SearchService::Reindex(const std::function<void(int64_t, int64_t)>& progress) {
  std::vector<const Kind*> all;
  std::set<std::pair<std::string, int64_t>> live;
  for (const Kind& k : kinds_) all.push_back(&k);
  JB_RETURN_IF_ERROR(IndexKinds(all, progress, nullptr, &live));
  return db_->Write([&](soci::session& s) {
    for (const auto& [kind, id] : repo::ListEntries(s)) {
      if (!live.count({kind, id})) repo::Remove(s, kind, id);
    }
    repo::Optimize(s);
    return Status::Ok();
  });
}

Result<int64_t> SearchService::IndexNewKinds(const std::function<bool()>& stop) {
  std::vector<std::string> indexed;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    indexed = repo::IndexedKinds(s);
    return Status::Ok();
  }));
  std::vector<const Kind*> fresh;
  for (const Kind& k : kinds_) {
    if (std::find(indexed.begin(), indexed.end(), k.name) == indexed.end()) fresh.push_back(&k);
  }
  int64_t count = 0;
  JB_RETURN_IF_ERROR(IndexKinds(
      fresh, [&](int64_t done, int64_t) { count = done; }, stop));
  return count;
}

Status SearchService::Optimize() {
  return db_->Write([](soci::session& s) {
    repo::Optimize(s);
    return Status::Ok();
  });
}

Result<std::pair<int64_t, int64_t>> SearchService::Size() {
  repo::Size size;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    size = repo::MeasureSize(s);
    return Status::Ok();
  }));
  return std::pair{size.index_bytes, size.text_bytes};
}

}  // namespace jianbao::search
