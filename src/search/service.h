// Copyright 2026 The Jianbao Authors.
//
// SearchService: the one entry point of full-text search (全文检索).
//
// Modules register their kinds of document (document.h) at start-up; the
// service then keeps the index in step with their writes (store/changes.h:
// a repository that writes a record calls store::NotifyChanged inside its
// transaction, and the service rewrites that record's index entry there and
// then), answers queries for one user, and rebuilds the index on demand.
//
// A search: the query (query.h) becomes an FTS5 MATCH (SQLite) or a tsquery
// (PostgreSQL) over the same tokens, joined by the user's reader keys as index
// tokens, so a user never matches, counts or facets a document they may not
// read. Results are in BM25 order (title ten times the body), except that
// the best kCandidates are re-ranked: up to +50% for matches on word
// boundaries (friso), then newest first among equal scores. Every page is cut
// from that one order.
//
// Answers are cached (result_cache.h) under the index generation they were
// computed in (repo::ReadGeneration), keyed by everything else they depend
// on: the query, the user's reader keys, the filters and the depth. A cached
// answer is therefore exactly what the index would answer; any write of an
// entry, on any server sharing the database, makes every cached answer old.
//
// Thread safety: AddKind and Observe before serving; everything else from any thread.

#ifndef JIANBAO_SEARCH_SERVICE_H_
#define JIANBAO_SEARCH_SERVICE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/status.h"
#include "search/document.h"
#include "search/query.h"
#include "search/repository.h"
#include "search/result_cache.h"
#include "store/database.h"

namespace jianbao::search {

// How many of the best BM25 candidates are re-ranked by word boundaries.
inline constexpr int kCandidates = 30;
// A search matching more documents scores only the kScored newest of them
// (the bound on the work of a very common word; docs/search.md).
inline constexpr int64_t kScored = 2000;
// The deepest result a search pages to.
inline constexpr int kMaxResults = 1000;
// The default budget of the result cache (ResultCache).
inline constexpr size_t kCacheBytes = 16 << 20;

struct SearchRequest {
  std::string q;
  std::string kind;      // "" = every kind
  std::string org;       // organisation code, "" = any
  std::string series;    // bulletin series code, "" = any (only issues have one)
  std::string state;     // workflow state name, "" = any
  std::string from, to;  // YYYY-MM-DD inclusive, "" = open
  PageRequest page;
};

struct SearchItem {
  std::string kind;
  int64_t id = 0;
  std::string title;
  std::string snippet;  // HTML: matches in <mark>, everything else escaped
  std::string date, org;
  double score = 0;
};

struct SearchResult {
  std::vector<SearchItem> items;
  int64_t total = 0;                     // with the kind filter
  std::map<std::string, int64_t> kinds;  // per kind, without the kind filter
};

// Returns the index tokens of a reader key of `kind`, of a kind, of an
// organisation (plain words that only the acl column / weight C holds).
std::string ReaderToken(const std::string& kind, const std::string& key);
std::string KindToken(const std::string& kind);
std::string OrgToken(const std::string& org);
std::string SeriesToken(const std::string& series);
std::string StateToken(const std::string& state);

class SearchService {
 public:
  explicit SearchService(store::Database* db);
  ~SearchService();
  SearchService(const SearchService&) = delete;
  SearchService& operator=(const SearchService&) = delete;

  // Registers a kind of document. REQUIRES: before Observe and any search.
  void AddKind(Kind kind);
  // Returns the names of the registered kinds, in registration order.
  std::vector<std::string> kinds() const;

  // Starts indexing every change of a registered kind inside the writer's
  // transaction (store::AddChangeObserver); the destructor stops it.
  void Observe();

  // Searches for `actor`. Errors: kInvalidArgument from ParseQuery (field
  // "q"), "invalid_kind" (field "kind"), "invalid_date" (fields "from",
  // "to"), "out_of_range" (field "page", beyond kMaxResults); database errors.
  Result<SearchResult> Search(const Actor& actor, const SearchRequest& req);

  // Rebuilds the index from every registered kind, in batches of 500 records
  // per transaction; entries of records that are gone are removed, then the
  // index is optimised. Calls
  // `progress(done, total)` after each batch. Errors: the first database error.
  Status Reindex(const std::function<void(int64_t done, int64_t total)>& progress);

  // Indexes every record of each registered kind that was never indexed in
  // full (a kind added by an upgrade, or a database older than the search),
  // in batches of 500 per transaction, and records it (search_kinds), so the
  // next call does nothing. Stops between batches when `stop` returns true
  // (the kind is then taken up again next time). Returns how many records
  // were indexed. Errors: database errors; kUnavailable "stopped".
  Result<int64_t> IndexNewKinds(const std::function<bool()>& stop);

  // Merges the index's segments (repo::Optimize); Reindex does it at its end.
  Status Optimize();

  // Returns the index and text sizes (repository.h).
  Result<std::pair<int64_t, int64_t>> Size();

  // Sets the result cache's byte budget (default kCacheBytes; 0 turns the
  // cache off, as the benchmark does to time every search in full).
  void set_cache_bytes(size_t bytes);
  // Returns how many searches the cache answered and how many it did not.
  std::pair<int64_t, int64_t> cache_lookups() const;

  // Writes the index entry of `doc` on `s` (or removes it when it has no
  // readers). Throws on database errors. REQUIRES: inside Database::Write.
  static void Index(soci::session& s, const Document& doc);

 private:
  void OnChange(soci::session& s, const std::string& kind, int64_t id) const;
  // Indexes every record of `kinds` and marks each kind indexed; adds the
  // (kind, id) of every record to `live` when given.
  Status IndexKinds(const std::vector<const Kind*>& kinds,
                    const std::function<void(int64_t, int64_t)>& progress,
                    const std::function<bool()>& stop,
                    std::set<std::pair<std::string, int64_t>>* live = nullptr);
  const Kind* Find(const std::string& name) const;
  // Re-ranks `hits` (BM25 order) by word boundaries and cuts every hit's
  // snippet: the answer before paging.
  static std::shared_ptr<const CachedAnswer> Rank(const Query& query,
                                                  const std::map<std::string, int64_t>& kinds,
                                                  std::vector<repo::Hit> hits);

  store::Database* db_;
  ResultCache cache_;
  std::vector<Kind> kinds_;
  int observer_ = 0;
};

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_SERVICE_H_
