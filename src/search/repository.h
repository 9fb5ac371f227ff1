// Copyright 2026 The Jianbao Authors.
//
// All SQL of the search module: its tables on both engines, the FTS5
// tokenizer registration, writing index entries and the matching queries.
//
// Tables (module "search"):
//   search_docs  one row per indexed record: kind, ref_id (the record's id),
//                title, body (the text as indexed, for snippets), org, date,
//                acl (the access, kind and organisation tokens, see
//                indexer.h), digest (skips rewriting an unchanged entry);
//                on PostgreSQL also tsv, the tsvector of the same tokens
//                (title weight A, body D, acl C) under a GIN index.
//   search_generation  one row (id 1): the index generation, ReadGeneration.
//   search_fts   SQLite only: FTS5 over (title, body, acl) of search_docs
//                (external content), tokenizer "jianbao" (tokenizer.h).

#ifndef JIANBAO_SEARCH_REPOSITORY_H_
#define JIANBAO_SEARCH_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"

namespace jianbao::search::repo {

// Returns the module's migrations for `engine` (the index differs per engine).
std::vector<store::Migration> Migrations(store::Engine engine);

// Registers the FTS5 tokenizer "jianbao" with every SQLite connection this
// process opens from now on (sqlite3_auto_extension). Call once before the
// first store::Database::Open; later calls do nothing. Thread-safe.
void InstallSqliteTokenizer();

// Returns true when `s` is a PostgreSQL session.
bool IsPostgres(soci::session& s);

// One index entry as written.
struct Entry {
  std::string kind;
  int64_t ref_id = 0;
  std::string title, body, org, date;
  std::vector<std::string> acl;  // tokens (indexer.h)
};

// Writes `e`, replacing the entry of (kind, ref_id) if any, and moves the
// generation on (ReadGeneration); does nothing when the entry is already
// exactly `e`. Throws on database errors.
// REQUIRES: inside Database::Write.
void Put(soci::session& s, const Entry& e);

// Removes the entry of (kind, ref_id) if any (and then moves the generation
// on). REQUIRES: inside Database::Write.
void Remove(soci::session& s, const std::string& kind, int64_t ref_id);

// Merges the index into as few segments as possible (SQLite: FTS5
// 'optimize'; PostgreSQL: nothing, autovacuum keeps the GIN index). After a
// rebuild. REQUIRES: inside Database::Write.
void Optimize(soci::session& s);

// Returns the kinds whose records were all indexed once (search_kinds).
std::vector<std::string> IndexedKinds(soci::session& s);
// Records that every record of `kind` was indexed. REQUIRES: inside Write.
void MarkKindIndexed(soci::session& s, const std::string& kind);

// Returns (kind, ref_id) of every entry.
std::vector<std::pair<std::string, int64_t>> ListEntries(soci::session& s);

// Returns the bytes the index takes (SQLite: the FTS5 shadow tables;
// PostgreSQL: the tsv column and its GIN index) and the bytes of the text.
struct Size {
  int64_t index_bytes = 0, text_bytes = 0;
};
Size MeasureSize(soci::session& s);

// What to match: the user's query, already translated for both engines, and
// the filters, each a set of acl tokens of which a document needs one.
struct Match {
  std::string fts;                                    // ToFts5 of the query
  std::string tsquery;                                // ToTsquery of the query, weights A and D
  std::vector<std::vector<std::string>> need_one_of;  // every list: at least one token
  std::string from, to;                               // YYYY-MM-DD, inclusive; "" = open
};

// The index generation: a number that every write of an entry (Put, Remove)
// moves on inside the writer's transaction. While it reads the same, every
// answer of the index is the same, so an answer computed between two reads
// of the same generation may be reused until it changes (SearchService's
// result cache). `settled` is false when `s` is inside a transaction that
// may hold uncommitted entries (a search inside a Write): such answers must
// not be reused, since a rollback takes the generation back.
struct Generation {
  int64_t n = 0;
  bool settled = false;
};
// Returns the generation as `s` sees it now. Throws on database errors.
Generation ReadGeneration(soci::session& s);

// While alive, PostgreSQL plans the statements on `s` with the GIN index
// (enable_seqscan off for the session, reset by the destructor): for a word in
// most documents the planner would otherwise read every tsvector (seconds
// instead of milliseconds). Does nothing on SQLite.
class IndexPlan {
 public:
  explicit IndexPlan(soci::session& s);
  ~IndexPlan();
  IndexPlan(const IndexPlan&) = delete;
  IndexPlan& operator=(const IndexPlan&) = delete;

 private:
  soci::session* s_ = nullptr;
};

// Returns how many documents match. Throws on database errors.
int64_t Count(soci::session& s, const Match& m);

// A matching document with its engine score (larger is better).
struct Hit {
  int64_t doc_id = 0;
  std::string kind;
  int64_t ref_id = 0;
  std::string title, body, org, date;
  double score = 0;
};

// Returns the `limit` best matching documents by BM25 (SQLite: FTS5 bm25,
// title ten times the body; PostgreSQL: ts_rank with the same weights),
// best first, ties newest (largest id) first. With `newest` > 0 only the
// `newest` matches with the largest ids are scored (the bound on the work of
// a very common word). Throws on database errors.
std::vector<Hit> Top(soci::session& s, const Match& m, int limit, int64_t newest = 0);

}  // namespace jianbao::search::repo

#endif  // JIANBAO_SEARCH_REPOSITORY_H_
