// Copyright 2026 The Jianbao Authors.

#include "search/service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "search/repository.h"
#include "search/snippet.h"
#include "search/tokenizer.h"
#include "store/changes.h"

namespace jianbao::search {
namespace {

// A kind over documents the test holds in memory; "public" ones anybody
// reads, "user:LOGIN" ones only LOGIN.
class SearchServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    repo::InstallSqliteTokenizer();
    path_ = std::filesystem::temp_directory_path() /
            ("jb_search_test_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    db_ = store::Database::Open("sqlite:" + path_.string()).value();
    db_->AddMigrations("search", repo::Migrations(db_->engine()));
    ASSERT_TRUE(db_->Migrate().ok());
    svc_ = std::make_unique<SearchService>(db_.get());
    Kind k;
    k.name = "piece";
    k.load = [this](soci::session&, int64_t id) -> std::optional<Document> {
      auto it = docs_.find(id);
      if (it == docs_.end()) return std::nullopt;
      return it->second;
    };
    k.ids = [this](soci::session&) {
      std::vector<int64_t> ids;
      for (const auto& [id, d] : docs_) ids.push_back(id);
      return ids;
    };
    k.readers_of = [this](const Actor& a) -> Result<std::vector<std::string>> {
      if (a.is_system()) return std::vector<std::string>{kEveryDocument};
      std::vector<std::string> keys = {"public", "user:" + a.login};
      for (const std::string& extra : extra_keys_[a.login]) keys.push_back(extra);
      return keys;
    };
    svc_->AddKind(std::move(k));
    svc_->Observe();
  }

  void TearDown() override {
    svc_.reset();
    db_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }

  // Stores `d` and tells the index, as a module's repository does.
  void Save(Document d) {
    d.kind = "piece";
    docs_[d.id] = d;
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     store::NotifyChanged(s, "piece", d.id);
                     return Status::Ok();
                   })
                    .ok());
  }

  static Actor User(const std::string& login) {
    Actor a;
    a.user_id = 7;
    a.login = login;
    return a;
  }

  // Returns the ids of every hit of `q` for `actor` (all pages).
  std::set<int64_t> Ids(const std::string& q, const Actor& actor, int64_t* total = nullptr) {
    std::set<int64_t> out;
    SearchRequest req;
    req.q = q;
    req.page.page_size = 100;
    for (req.page.page = 1; req.page.page <= 10; ++req.page.page) {
      Result<SearchResult> r = svc_->Search(actor, req);
      EXPECT_TRUE(r.ok()) << q << ": " << r.status().message();
      if (!r.ok()) return out;
      if (total) *total = r.value().total;
      for (const SearchItem& it : r.value().items) out.insert(it.id);
      if (r.value().items.size() < 100) break;
    }
    return out;
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<SearchService> svc_;
  std::map<int64_t, Document> docs_;
  std::map<std::string, std::vector<std::string>> extra_keys_;  // login → more reader keys
};

// Returns a document of the test's kind (filters left empty).
Document Doc(const std::string& kind, int64_t id, const std::string& title, const std::string& body,
             const std::string& org, const std::string& date,
             const std::vector<std::string>& readers) {
  Document d;
  d.kind = kind;
  d.id = id;
  d.title = title;
  d.body = body;
  d.org = org;
  d.date = date;
  d.readers = readers;
  return d;
}

// A corpus of random text over a small alphabet, so that short strings recur.
std::vector<Document> Corpus(int n) {
  const std::vector<std::string> chars = {"网", "络", "安", "全", "北", "京", "湖", "山", "通",
                                          "信", "协", "会", "企", "业", "数", "据", "發", "展"};
  const std::vector<std::string> punct = {"，", "。", "！", "；", "\n", "、"};
  std::mt19937 rng(42);
  std::vector<Document> out;
  for (int i = 1; i <= n; ++i) {
    Document d;
    d.id = i;
    auto text = [&](int len) {
      std::string t;
      for (int k = 0; k < len; ++k) {
        t += rng() % 7 == 0 ? punct[rng() % punct.size()] : chars[rng() % chars.size()];
      }
      return t;
    };
    d.title = text(6);
    d.body = text(40 + static_cast<int>(rng() % 80));
    d.date = "2026-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    d.readers = {i % 5 == 0 ? "user:alice" : "public"};
    out.push_back(d);
  }
  return out;
}

TEST_F(SearchServiceTest, RecallAndPrecisionAreOneForShortQueriesAndPhrases) {
  for (const Document& d : Corpus(300)) Save(d);
  const Actor system = Actor::System();
  std::vector<std::string> queries = {"网",   "發",   "发",     "网络",     "北京",     "京山",
                                      "安全", "数据", "络安全", "网络安全", "北京湖山", "通信协会"};
  std::mt19937 rng(7);
  for (int i = 0; i < 30; ++i) {  // strings cut from the corpus, 1 to 4 characters
    const std::string folded = Fold(docs_[1 + rng() % 300].body);
    const std::vector<Token> t = TokenizeAll(folded);
    const Token& tok = t[rng() % t.size()];
    if (!tok.colocated && tok.text != kGapToken)
      queries.push_back(folded.substr(tok.start, tok.end - tok.start));
  }
  for (const std::string& q : queries) {
    std::set<int64_t> expected;
    const std::string fq = Fold(q);
    for (const auto& [id, d] : docs_) {
      if (Fold(d.title).find(fq) != std::string::npos ||
          Fold(d.body).find(fq) != std::string::npos) {
        expected.insert(id);
      }
    }
    int64_t total = 0;
    EXPECT_EQ(Ids(q, system, &total), expected) << q;
    EXPECT_EQ(total, static_cast<int64_t>(expected.size())) << q;
    EXPECT_EQ(Ids("\"" + q + "\"", system), expected) << q;
  }
}

TEST_F(SearchServiceTest, PhrasesNeverCrossSentencePunctuationOrParagraphs) {
  Save(Doc("piece", 1, "一", "北京。上海", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 2, "二", "北京\n上海", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 3, "三", "北京上海", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 4, "四", "北京；上海", "", "2026-01-01", {"public"}));
  EXPECT_EQ(Ids("北京上海", Actor::System()), (std::set<int64_t>{3}));
  EXPECT_EQ(Ids("\"京上\"", Actor::System()), (std::set<int64_t>{3}));
  EXPECT_EQ(Ids("北京 上海", Actor::System()), (std::set<int64_t>{1, 2, 3, 4}));
}

TEST_F(SearchServiceTest, TraditionalAndSimplifiedFindEachOther) {
  Save(Doc("piece", 1, "網絡安全", "香港的網絡", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 2, "网络安全", "内地的网络", "", "2026-01-01", {"public"}));
  EXPECT_EQ(Ids("网络", Actor::System()), (std::set<int64_t>{1, 2}));
  EXPECT_EQ(Ids("網絡", Actor::System()), (std::set<int64_t>{1, 2}));
}

TEST_F(SearchServiceTest, OperatorsAndLatinPrefixes) {
  Save(Doc("piece", 1, "Network", "网络 security report", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 2, "网络", "安全 networking", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 3, "安全", "报告", "", "2026-01-01", {"public"}));
  const Actor sys = Actor::System();
  EXPECT_EQ(Ids("网络 安全", sys), (std::set<int64_t>{2}));
  EXPECT_EQ(Ids("网络 -安全", sys), (std::set<int64_t>{1}));
  EXPECT_EQ(Ids("网络 NOT 安全", sys), (std::set<int64_t>{1}));
  EXPECT_EQ(Ids("报告 OR security", sys), (std::set<int64_t>{1, 3}));
  EXPECT_EQ(Ids("netw*", sys), (std::set<int64_t>{1, 2}));
  EXPECT_EQ(Ids("NETWORK", sys), (std::set<int64_t>{1}));
  SearchRequest req;
  req.q = "-安全";
  EXPECT_EQ(svc_->Search(sys, req).status().key(), "search_query_empty");
}

TEST_F(SearchServiceTest, UsersFindCountAndFacetOnlyWhatTheyMayRead) {
  Save(Doc("piece", 1, "网络", "公开", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 2, "网络", "爱丽丝的", "", "2026-01-01", {"user:alice"}));
  Save(Doc("piece", 3, "网络", "鲍勃的", "", "2026-01-01", {"user:bob"}));
  Save(Doc("piece", 4, "网络", "谁也看不到", "", "2026-01-01", {}));
  int64_t total = 0;
  EXPECT_EQ(Ids("网络", User("alice"), &total), (std::set<int64_t>{1, 2}));
  EXPECT_EQ(total, 2);
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{1}));
  EXPECT_EQ(total, 1);
  SearchRequest req;
  req.q = "网络";
  EXPECT_EQ(svc_->Search(User("bob"), req).value().kinds.at("piece"), 2);
  EXPECT_EQ(Ids("网络", Actor::System()), (std::set<int64_t>{1, 2, 3}));
  // A change of readers takes effect in the same transaction.
  Save(Doc("piece", 2, "网络", "爱丽丝的", "", "2026-01-01", {"public"}));
  EXPECT_EQ(Ids("网络", User("carol")), (std::set<int64_t>{1, 2}));
}

TEST_F(SearchServiceTest, ReindexGivesTheSameAnswersAsTheIncrementalIndex) {
  for (const Document& d : Corpus(120)) Save(d);
  const std::vector<std::string> queries = {"网", "网络", "北京", "络安全", "网络安全"};
  std::map<std::string, std::vector<SearchItem>> before;
  SearchRequest req;
  req.page.page_size = 100;
  for (const std::string& q : queries) {
    req.q = q;
    before[q] = svc_->Search(User("alice"), req).value().items;
  }
  // Wipe the index behind the service's back, then rebuild it.
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   for (const auto& [kind, id] : repo::ListEntries(s)) repo::Remove(s, kind, id);
                   repo::Entry stale;
                   stale.kind = "piece";
                   stale.ref_id = 999;
                   stale.title = "网络";
                   stale.body = "网络";
                   stale.acl = {KindToken("piece")};
                   repo::Put(s, stale);
                   return Status::Ok();
                 })
                  .ok());
  int64_t last_done = 0, last_total = 0;
  ASSERT_TRUE(svc_->Reindex([&](int64_t done, int64_t total) {
                    last_done = done;
                    last_total = total;
                  })
                  .ok());
  EXPECT_EQ(last_done, 120);
  EXPECT_EQ(last_total, 120);
  for (const std::string& q : queries) {
    req.q = q;
    const std::vector<SearchItem> after = svc_->Search(User("alice"), req).value().items;
    ASSERT_EQ(after.size(), before[q].size()) << q;
    for (size_t i = 0; i < after.size(); ++i) {
      EXPECT_EQ(after[i].id, before[q][i].id) << q;
      EXPECT_EQ(after[i].snippet, before[q][i].snippet) << q;
    }
  }
}

TEST_F(SearchServiceTest, WordBoundariesRankBeijingAboveHubeiJingshan) {
  if (!WordSegmenterAvailable()) GTEST_SKIP() << "friso is not installed";
  Save(Doc("piece", 1, "湖北京山县通信发展", "湖北京山县的通信发展很快。", "", "2026-03-01",
           {"public"}));
  Save(Doc("piece", 2, "河北京津冀协同", "河北京津冀协同发展很快。", "", "2026-03-02", {"public"}));
  Save(Doc("piece", 3, "北京通信发展报告", "北京的通信发展很快。", "", "2026-01-01", {"public"}));
  SearchRequest req;
  req.q = "北京";
  std::vector<SearchItem> items = svc_->Search(Actor::System(), req).value().items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].id, 3);
}

TEST_F(SearchServiceTest, SnippetsMarkMatchesAndEscapeEverythingElse) {
  Save(Doc("piece", 1, "标题", "<b>网络</b> & 安全", "", "2026-01-01", {"public"}));
  SearchRequest req;
  req.q = "网络";
  std::vector<SearchItem> items = svc_->Search(Actor::System(), req).value().items;
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].snippet, "&lt;b&gt;<mark>网络</mark>&lt;/b&gt; &amp; 安全");
  req.q = "络";  // one character: a prefix of the bigram 络<, only the character is marked
  items = svc_->Search(Actor::System(), req).value().items;
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].snippet, "&lt;b&gt;网<mark>络</mark>&lt;/b&gt; &amp; 安全");
  req.q = "全";
  EXPECT_EQ(svc_->Search(Actor::System(), req).value().items[0].snippet,
            "&lt;b&gt;网络&lt;/b&gt; &amp; 安<mark>全</mark>");
}

TEST_F(SearchServiceTest, FiltersByKindOrganisationAndDate) {
  Save(Doc("piece", 1, "网络", "一", "ccea", "2026-01-05", {"public"}));
  Save(Doc("piece", 2, "网络", "二", "hubei", "2026-02-05", {"public"}));
  SearchRequest req;
  req.q = "网络";
  req.org = "hubei";
  Result<SearchResult> r = svc_->Search(Actor::System(), req);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().items.size(), 1u);
  EXPECT_EQ(r.value().items[0].id, 2);
  req.org = "";
  req.from = "2026-01-01";
  req.to = "2026-01-31";
  r = svc_->Search(Actor::System(), req);
  ASSERT_EQ(r.value().items.size(), 1u);
  EXPECT_EQ(r.value().items[0].id, 1);
  EXPECT_EQ(r.value().total, 1);
  req.kind = "nothing";
  EXPECT_EQ(svc_->Search(Actor::System(), req).status().key(), "invalid_kind");
}

// Records written before their kind was indexed (an upgrade) are indexed by
// IndexNewKinds once; the next call finds nothing new; a stop leaves the kind
// for next time.
TEST_F(SearchServiceTest, IndexNewKindsIndexesOldRecordsOnce) {
  for (int64_t id = 1; id <= 3; ++id) {
    Document d;
    d.kind = "piece";
    d.id = id;
    d.title = "旧稿件";
    d.body = "鑫淼犇焱";
    d.readers = {"public"};
    docs_[id] = d;  // stored without telling the index
  }
  EXPECT_TRUE(Ids("鑫淼", User("a")).empty());
  Result<int64_t> stopped = svc_->IndexNewKinds([] { return true; });
  EXPECT_EQ(stopped.status().key(), "stopped");
  Result<int64_t> n = svc_->IndexNewKinds(nullptr);
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 3);
  EXPECT_EQ(Ids("鑫淼", User("a")), (std::set<int64_t>{1, 2, 3}));
  EXPECT_EQ(*svc_->IndexNewKinds(nullptr), 0);
}

// A word in more than kScored documents: the total counts every match, and
// the ranked results are the best of the kScored newest (here all score
// alike, so they are the newest).
TEST_F(SearchServiceTest, ACommonWordScoresTheNewestAndCountsEveryMatch) {
  const int n = static_cast<int>(kScored) + 40;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   for (int id = 1; id <= n; ++id) {
                     SearchService::Index(
                         s, Doc("piece", id, "标题", "网络", "", "2026-01-01", {"public"}));
                   }
                   return Status::Ok();
                 })
                  .ok());
  SearchRequest req;
  req.q = "网络";
  req.page.page_size = 50;
  req.page.page = 2;
  Result<SearchResult> r = svc_->Search(User("carol"), req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().total, n);
  ASSERT_EQ(r.value().items.size(), 50u);
  for (size_t i = 0; i < 50; ++i) EXPECT_EQ(r.value().items[i].id, n - 50 - static_cast<int>(i));
}

// The result cache answers a repeated search, and never after a write of the
// index (a change, a removal, a change of readers), nor after a user's reader
// keys change: every answer equals a search without the cache.
TEST_F(SearchServiceTest, CachedAnswersAreExactAfterWritesAndPermissionChanges) {
  Save(Doc("piece", 1, "网络", "公开", "", "2026-01-01", {"public"}));
  Save(Doc("piece", 2, "网络", "爱丽丝的", "", "2026-01-02", {"user:alice"}));
  int64_t total = 0;
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{1}));
  const auto [hits0, misses0] = svc_->cache_lookups();
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{1}));
  EXPECT_EQ(svc_->cache_lookups().first, hits0 + 1);
  EXPECT_EQ(svc_->cache_lookups().second, misses0);
  // A new document, a change of readers, a removal: each is seen at once.
  Save(Doc("piece", 3, "网络安全", "公开", "", "2026-01-03", {"public"}));
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{1, 3}));
  EXPECT_EQ(total, 2);
  Save(Doc("piece", 2, "网络", "爱丽丝的", "", "2026-01-02", {"public"}));
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{1, 2, 3}));
  docs_.erase(1);
  ASSERT_TRUE(db_->Write([](soci::session& s) {
                   store::NotifyChanged(s, "piece", 1);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{2, 3}));
  EXPECT_EQ(total, 2);
  SearchRequest req;
  req.q = "网络";
  EXPECT_EQ(svc_->Search(User("carol"), req).value().kinds.at("piece"), 2);
  // carol gains a reader key: her next search counts the documents it opens.
  Save(Doc("piece", 4, "网络", "编辑部的", "", "2026-01-04", {"staff:ccea"}));
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{2, 3}));
  extra_keys_["carol"] = {"staff:ccea"};
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{2, 3, 4}));
  EXPECT_EQ(svc_->Search(User("carol"), req).value().kinds.at("piece"), 3);
  extra_keys_["carol"].clear();
  EXPECT_EQ(Ids("网络", User("carol"), &total), (std::set<int64_t>{2, 3}));
  // Neighbouring pages share one answer: page 2 of 1 comes from the cache.
  req.page.page_size = 1;
  req.page.page = 1;
  const std::vector<SearchItem> first = svc_->Search(User("carol"), req).value().items;
  const int64_t hits1 = svc_->cache_lookups().first;
  req.page.page = 2;
  const std::vector<SearchItem> second = svc_->Search(User("carol"), req).value().items;
  EXPECT_EQ(svc_->cache_lookups().first, hits1 + 1);
  ASSERT_EQ(first.size() + second.size(), 2u);
  EXPECT_EQ(std::set<int64_t>({first[0].id, second[0].id}), (std::set<int64_t>{2, 3}));
}

// A write by another server (another SearchService on the same database)
// makes this service's cached answers old; a search inside a transaction
// that is then rolled back caches nothing.
TEST_F(SearchServiceTest, CachedAnswersAreExactAcrossServersAndRollbacks) {
  Save(Doc("piece", 1, "网络", "公开", "", "2026-01-01", {"public"}));
  EXPECT_EQ(Ids("网络", User("carol")), (std::set<int64_t>{1}));
  EXPECT_EQ(Ids("网络", User("carol")), (std::set<int64_t>{1}));  // now cached
  ASSERT_TRUE(db_->Write([](soci::session& s) {
                   SearchService::Index(s, Doc("piece", 2, "网络", "另一台服务器写的", "",
                                               "2026-01-02", {"public"}));
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(Ids("网络", User("carol")), (std::set<int64_t>{1, 2}));
  // Inside a write that is rolled back the search sees its own entry...
  Status rolled_back = db_->Write([&](soci::session& s) {
    SearchService::Index(s, Doc("piece", 3, "网络", "未提交", "", "2026-01-03", {"public"}));
    EXPECT_EQ(Ids("网络", User("carol")), (std::set<int64_t>{1, 2, 3}));
    return Status::Invalid("x", "rolled_back", "roll back");
  });
  EXPECT_EQ(rolled_back.key(), "rolled_back");
  // ...and nobody sees it afterwards, from the cache or otherwise, also once
  // the next write takes the generation to the number the rolled back one had.
  EXPECT_EQ(Ids("网络", User("carol")), (std::set<int64_t>{1, 2}));
  Save(Doc("piece", 4, "天气", "晴", "", "2026-01-04", {"public"}));
  EXPECT_EQ(Ids("网络", User("carol")), (std::set<int64_t>{1, 2}));
}

}  // namespace
}  // namespace jianbao::search
