// Copyright 2026 The Jianbao Authors.

#include "search/repository.h"

#include <soci/soci.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "search/query.h"
#include "search/tokenizer.h"

namespace jianbao::search::repo {
namespace {

// ---- The FTS5 tokenizer "jianbao" ----------------------------------------

constexpr char kVerbatim = '\x01';

struct Fts5State {
  int unused = 0;
};
Fts5State g_fts5_state;

int TokCreate(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(&g_fts5_state);
  return SQLITE_OK;
}

void TokDelete(Fts5Tokenizer*) {}

// Documents are tokenized by Tokenize(); query strings are already tokens
// (query.cc writes them), separated by spaces, and pass through unchanged, as
// does the acl column, whose text starts with kVerbatim (Put removes that
// byte from titles and bodies).
int TokTokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
                int (*emit)(void*, int, const char*, int, int, int)) {
  if ((flags & FTS5_TOKENIZE_QUERY) || (n > 0 && text[0] == kVerbatim)) {
    int i = 0;
    while (i < n) {
      while (i < n && (text[i] == ' ' || text[i] == kVerbatim)) ++i;
      int end = i;
      while (end < n && text[end] != ' ' && text[end] != kVerbatim) ++end;
      if (end > i) {
        int rc = emit(ctx, 0, text + i, end - i, i, end);
        if (rc != SQLITE_OK) return rc;
      }
      i = end;
    }
    return SQLITE_OK;
  }
  int rc = SQLITE_OK;
  Tokenize(std::string_view(text, static_cast<size_t>(n)), [&](const Token& t) {
    if (rc != SQLITE_OK) return;
    rc = emit(ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.text.data(),
              static_cast<int>(t.text.size()), t.start, t.end);
  });
  return rc;
}

int RegisterOn(sqlite3* db, char**, const sqlite3_api_routines*) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  if (!api) return SQLITE_OK;
  fts5_tokenizer tok{TokCreate, TokDelete, TokTokenize};
  return api->xCreateTokenizer(api, "jianbao", nullptr, &tok, nullptr);
}

// ---- helpers ---------------------------------------------------------------

int64_t IntAt(const soci::row& r, size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<int64_t>(r.get<double>(i));
    default:
      return std::stoll(r.get<std::string>(i));
  }
}

double DoubleAt(const soci::row& r, size_t i) {
  if (r.get_properties(i).get_data_type() == soci::dt_double) return r.get<double>(i);
  if (r.get_properties(i).get_data_type() == soci::dt_string)
    return std::stod(r.get<std::string>(i));
  return static_cast<double>(IntAt(r, i));
}

std::string TextAt(const soci::row& r, size_t i) {
  return r.get_indicator(i) == soci::i_null ? std::string() : r.get<std::string>(i);
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : sep) + x;
  return out;
}

std::string Digest(const Entry& e) {
  uint64_t h = 1469598103934665603ULL;
  auto add = [&h](const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0x1f) * 1099511628211ULL;
  };
  for (const std::string* s : {&e.title, &e.body, &e.org, &e.date}) add(*s);
  for (const std::string& a : e.acl) add(a);
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// The tsvector text of an entry: title positions first (weight A), a gap,
// then the body (weight D); acl tokens at position 1 with weight C. PostgreSQL
// keeps positions up to 16383 and at most 256 per lexeme.
std::string TsVector(const Entry& e) {
  std::map<std::string, std::vector<std::string>> lexemes;
  int base = 1, last = 0;
  for (const auto& [text, weight] : {std::pair{&e.title, "A"}, std::pair{&e.body, "D"}}) {
    Tokenize(*text, [&](const Token& t) {
      last = base + t.position;
      if (t.text == kGapToken || last > 16383) return;
      std::vector<std::string>& pos = lexemes[t.text];
      if (pos.size() < 255) pos.push_back(std::to_string(last) + weight);
    });
    base = last + 2;
  }
  for (const std::string& a : e.acl) lexemes[a] = {"1C"};
  std::string out;
  for (const auto& [lexeme, pos] : lexemes) {
    if (!out.empty()) out += ' ';
    out += TsQuote(lexeme) + ":" + Join(pos, ",");
  }
  return out;
}

std::string FtsExpression(const Match& m) {
  // No column filters: they make FTS5 read every position list. Access tokens
  // (upper case, acl column only) cannot come out of a title or a body.
  std::string out = "(" + m.fts + ")";
  for (const std::vector<std::string>& any : m.need_one_of) {
    std::string alt;
    for (const std::string& t : any) alt += (alt.empty() ? "" : " OR ") + Fts5Quote(t);
    out += " AND (" + alt + ")";
  }
  return out;
}

std::string TsExpression(const Match& m) {
  std::string out = "(" + m.tsquery + ")";
  for (const std::vector<std::string>& any : m.need_one_of) {
    std::string alt;
    for (const std::string& t : any) alt += (alt.empty() ? "" : " | ") + TsQuote(t);
    out += " & (" + alt + ")";
  }
  return out;
}

// Returns the date range of `m` on search_docs d as SQL. The dates are
// inlined: only a well-formed YYYY-MM-DD is used (the service checks them).
std::string DateSql(const Match& m) {
  auto valid = [](const std::string& d) {
    if (d.size() != 10) return false;
    for (size_t i = 0; i < d.size(); ++i) {
      if (i == 4 || i == 7 ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
    }
    return true;
  };
  std::string out;
  if (valid(m.from)) out += " AND d.date >= '" + m.from + "'";
  if (valid(m.to)) out += " AND d.date <= '" + m.to + "'";
  return out;
}

// The join that DateSql's conditions need on PostgreSQL's narrow table.
std::string PgDatesJoin(const std::string& dates) {
  return dates.empty() ? "" : " JOIN search_docs d ON d.id = t.doc_id";
}

// Moves the index generation on (ReadGeneration) on SQLite; on PostgreSQL
// the trigger of migration 6 does it when the transaction commits.
void Bump(soci::session& s) {
  if (!IsPostgres(s)) s << "UPDATE search_generation SET n = n + 1 WHERE id = 1";
}

}  // namespace

std::vector<store::Migration> Migrations(store::Engine engine) {
  const std::string docs =
      "CREATE TABLE search_docs (\n"
      "  id {{pk}},\n"
      "  kind TEXT NOT NULL,\n"
      "  ref_id {{int}} NOT NULL,\n"
      "  title TEXT NOT NULL,\n"
      "  body TEXT NOT NULL,\n"
      "  org TEXT NOT NULL DEFAULT '',\n"
      "  date TEXT NOT NULL DEFAULT '',\n"
      "  acl TEXT NOT NULL DEFAULT '',\n"
      "  digest TEXT NOT NULL DEFAULT '',\n";
  // Which kinds were indexed in full once (SearchService::IndexNewKinds).
  const store::Migration kinds = {
      2, "kinds indexed in full",
      "CREATE TABLE search_kinds (kind TEXT PRIMARY KEY, indexed_at TEXT NOT NULL);\n"};
  // 4: entries gain series and state tokens; every kind is indexed again at
  // the next start.
  const store::Migration tokens = {4, "series and state filters", "DELETE FROM search_kinds;\n"};
  // 6: the index generation (ReadGeneration): one row, moved on by every
  // write of an entry in the writer's transaction, so that an answer cached
  // under a generation is exactly the answer while the generation stands.
  // SQLite (one writer) moves it in Put and Remove. On PostgreSQL a deferred
  // trigger moves it at commit: the row lock is then held only while the
  // transaction commits, so writers of several servers cannot deadlock on it
  // (taken mid-transaction, it would make an index writer wait for another
  // that waits for a row the first one holds).
  const std::string generation =
      "CREATE TABLE search_generation (id INTEGER PRIMARY KEY, n {{int}} NOT NULL);\n"
      "INSERT INTO search_generation (id, n) VALUES (1, 0);\n";
  if (engine == store::Engine::kPostgres) {
    // 3: the tsvector moves to a narrow table of its own, so that the bitmap
    // heap scan of a common word visits small rows (a few MB for 50,000
    // documents) instead of the documents' text.
    return {{1, "search index (tsvector)",
             docs + "  tsv tsvector NOT NULL,\n  UNIQUE (kind, ref_id)\n);\n"
                    "CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);\n"},
            kinds,
            {3, "search tsvectors in a narrow table",
             "CREATE TABLE search_tsv (doc_id BIGINT PRIMARY KEY REFERENCES search_docs (id) ON "
             "DELETE CASCADE, tsv tsvector NOT NULL);\n"
             "INSERT INTO search_tsv (doc_id, tsv) SELECT id, tsv FROM search_docs;\n"
             "DROP INDEX search_docs_tsv;\n"
             "ALTER TABLE search_docs DROP COLUMN tsv;\n"
             "CREATE INDEX search_tsv_gin ON search_tsv USING GIN (tsv);\n"},
            tokens,
            {6, "search index generation",
             generation +
                 // Once per transaction: the first row's trigger moves it on.
                 "CREATE OR REPLACE FUNCTION search_generation_bump() RETURNS trigger LANGUAGE "
                 "plpgsql AS "
                 "$$ BEGIN IF current_setting('jianbao.search_bumped', true) IS DISTINCT FROM "
                 "CAST(txid_current() AS text) THEN UPDATE search_generation SET n = n + 1 WHERE "
                 "id = 1; PERFORM set_config('jianbao.search_bumped', CAST(txid_current() AS "
                 "text), true); END IF; RETURN NULL; END $$;\n"
                 "CREATE CONSTRAINT TRIGGER search_docs_generation AFTER INSERT OR UPDATE OR "
                 "DELETE ON search_docs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE "
                 "FUNCTION search_generation_bump();\n"}};
  }
  // 5: the body becomes the first column. FTS5 writes a column marker (2
  // bytes) before the positions of every column but the first, per term and
  // document; most terms of a document occur in its body only, so this makes
  // the index about a quarter smaller (bench/search/README.md). The table is
  // rebuilt from search_docs in the migration.
  const std::string fts5 =
      "CREATE VIRTUAL TABLE search_fts USING fts5(body, title, acl, "
      "content='search_docs', content_rowid='id', tokenize='jianbao');\n"
      "INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(1.0, 10.0, 0.0)');\n";
  return {{1, "search index (FTS5)",
           docs + "  UNIQUE (kind, ref_id)\n);\n"
                  "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, acl, "
                  "content='search_docs', content_rowid='id', tokenize='jianbao');\n"
                  "INSERT INTO search_fts (search_fts, rank) VALUES ('rank', "
                  "'bm25(10.0, 1.0, 0.0)');\n"},
          kinds,
          tokens,
          {5, "search index: body first",
           "DROP TABLE search_fts;\n" + fts5 +
               "INSERT INTO search_fts (search_fts) VALUES ('rebuild');\n"},
          {6, "search index generation", generation}};
}

std::vector<std::string> IndexedKinds(soci::session& s) {
  std::vector<std::string> out;
  soci::rowset<std::string> rows = (s.prepare << "SELECT kind FROM search_kinds ORDER BY kind");
  for (const std::string& k : rows) out.push_back(k);
  return out;
}

void MarkKindIndexed(soci::session& s, const std::string& kind) {
  s << "INSERT INTO search_kinds (kind, indexed_at) VALUES (:kind, CURRENT_TIMESTAMP) "
       "ON CONFLICT (kind) DO UPDATE SET indexed_at = EXCLUDED.indexed_at",
      soci::use(kind, "kind");
}

void InstallSqliteTokenizer() {
  static std::once_flag once;
  std::call_once(once,
                 [] { sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(&RegisterOn)); });
}

bool IsPostgres(soci::session& s) { return s.get_backend_name() == "postgresql"; }

void Put(soci::session& s, const Entry& in) {
  Entry e = in;
  for (std::string* text : {&e.title, &e.body})
    std::replace(text->begin(), text->end(), kVerbatim, ' ');
  const std::string digest = Digest(e);
  const std::string acl = std::string(1, kVerbatim) + " " + Join(e.acl, " ");
  long long id = 0;
  std::string old_title, old_body, old_acl, old_digest;
  soci::indicator found = soci::i_null;
  s << "SELECT id, title, body, acl, digest FROM search_docs WHERE kind = :kind AND ref_id = :ref",
      soci::into(id, found), soci::into(old_title), soci::into(old_body), soci::into(old_acl),
      soci::into(old_digest), soci::use(e.kind, "kind"), soci::use(e.ref_id, "ref");
  const bool exists = s.got_data() && found == soci::i_ok;
  if (exists && old_digest == digest) return;
  Bump(s);
  if (IsPostgres(s)) {
    const std::string tsv = TsVector(e);
    s << "INSERT INTO search_docs (kind, ref_id, title, body, org, date, acl, digest) "
         "VALUES (:kind, :ref, :title, :body, :org, :date, :acl, :digest) "
         "ON CONFLICT (kind, ref_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, "
         "org = EXCLUDED.org, date = EXCLUDED.date, acl = EXCLUDED.acl, digest = EXCLUDED.digest "
         "RETURNING id",
        soci::use(e.kind, "kind"), soci::use(e.ref_id, "ref"), soci::use(e.title, "title"),
        soci::use(e.body, "body"), soci::use(e.org, "org"), soci::use(e.date, "date"),
        soci::use(acl, "acl"), soci::use(digest, "digest"), soci::into(id);
    s << "INSERT INTO search_tsv (doc_id, tsv) VALUES (:id, CAST(:tsv AS tsvector)) "
         "ON CONFLICT (doc_id) DO UPDATE SET tsv = EXCLUDED.tsv",
        soci::use(id, "id"), soci::use(tsv, "tsv");
    return;
  }
  if (exists) {
    s << "INSERT INTO search_fts (search_fts, rowid, title, body, acl) "
         "VALUES ('delete', :id, :title, :body, :acl)",
        soci::use(id, "id"), soci::use(old_title, "title"), soci::use(old_body, "body"),
        soci::use(old_acl, "acl");
    s << "UPDATE search_docs SET title = :title, body = :body, org = :org, date = :date, "
         "acl = :acl, digest = :digest WHERE id = :id",
        soci::use(e.title, "title"), soci::use(e.body, "body"), soci::use(e.org, "org"),
        soci::use(e.date, "date"), soci::use(acl, "acl"), soci::use(digest, "digest"),
        soci::use(id, "id");
  } else {
    s << "INSERT INTO search_docs (kind, ref_id, title, body, org, date, acl, digest) "
         "VALUES (:kind, :ref, :title, :body, :org, :date, :acl, :digest) RETURNING id",
        soci::use(e.kind, "kind"), soci::use(e.ref_id, "ref"), soci::use(e.title, "title"),
        soci::use(e.body, "body"), soci::use(e.org, "org"), soci::use(e.date, "date"),
        soci::use(acl, "acl"), soci::use(digest, "digest"), soci::into(id);
  }
  s << "INSERT INTO search_fts (rowid, title, body, acl) VALUES (:id, :title, :body, :acl)",
      soci::use(id, "id"), soci::use(e.title, "title"), soci::use(e.body, "body"),
      soci::use(acl, "acl");
}

void Remove(soci::session& s, const std::string& kind, int64_t ref_id) {
  long long id = 0;
  std::string title, body, acl;
  soci::indicator found = soci::i_null;
  s << "SELECT id, title, body, acl FROM search_docs WHERE kind = :kind AND ref_id = :ref",
      soci::into(id, found), soci::into(title), soci::into(body), soci::into(acl),
      soci::use(kind, "kind"), soci::use(ref_id, "ref");
  if (!s.got_data() || found != soci::i_ok) return;
  Bump(s);
  if (!IsPostgres(s)) {
    s << "INSERT INTO search_fts (search_fts, rowid, title, body, acl) "
         "VALUES ('delete', :id, :title, :body, :acl)",
        soci::use(id, "id"), soci::use(title, "title"), soci::use(body, "body"),
        soci::use(acl, "acl");
  }
  s << "DELETE FROM search_docs WHERE id = :id", soci::use(id, "id");
}

void Optimize(soci::session& s) {
  if (!IsPostgres(s)) s << "INSERT INTO search_fts (search_fts) VALUES ('optimize')";
}

std::vector<std::pair<std::string, int64_t>> ListEntries(soci::session& s) {
  std::vector<std::pair<std::string, int64_t>> out;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT kind, ref_id FROM search_docs ORDER BY id");
  for (const soci::row& r : rows) out.emplace_back(TextAt(r, 0), IntAt(r, 1));
  return out;
}

Size MeasureSize(soci::session& s) {
  Size size;
  long long index = 0, text = 0;
  if (IsPostgres(s)) {
    s << "SELECT pg_total_relation_size('search_tsv'), "
         "COALESCE(SUM(octet_length(title) + octet_length(body)), 0) FROM search_docs",
        soci::into(index), soci::into(text);
  } else {
    s << "SELECT (SELECT COALESCE(SUM(length(block)), 0) FROM search_fts_data) + "
         "(SELECT COALESCE(SUM(length(sz)), 0) FROM search_fts_docsize) + "
         "(SELECT COUNT(*) * 16 FROM search_fts_idx), "
         "(SELECT COALESCE(SUM(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))), 0) "
         "FROM search_docs)",
        soci::into(index), soci::into(text);
  }
  size.index_bytes = index;
  size.text_bytes = text;
  return size;
}

Generation ReadGeneration(soci::session& s) {
  long long n = 0;
  int settled = 0;
  if (IsPostgres(s)) {
    // A transaction that wrote has an id; one that did not reads committed data only.
    s << "SELECT n, CASE WHEN txid_current_if_assigned() IS NULL THEN 1 ELSE 0 END "
         "FROM search_generation WHERE id = 1",
        soci::into(n), soci::into(settled);
  } else {
    // Reader sessions are query_only and never inside a transaction (store/
    // database.h); the writer session may hold uncommitted entries.
    s << "SELECT g.n, q.query_only FROM search_generation g, pragma_query_only q WHERE g.id = 1",
        soci::into(n), soci::into(settled);
  }
  return Generation{n, settled != 0};
}

IndexPlan::IndexPlan(soci::session& s) {
  if (!IsPostgres(s)) return;
  s << "SET enable_seqscan = off";
  s_ = &s;
}

IndexPlan::~IndexPlan() {
  if (s_ == nullptr) return;
  try {
    *s_ << "RESET enable_seqscan";
  } catch (const std::exception&) {
    // An aborted transaction (a search inside a failed Write) refuses it;
    // the setting then only slows that session's other plans.
  }
}

int64_t Count(soci::session& s, const Match& m) {
  const bool pg = IsPostgres(s);
  const std::string expr = pg ? TsExpression(m) : FtsExpression(m);
  std::string sql;
  if (pg) {
    sql = DateSql(m).empty()
              ? "SELECT COUNT(*) FROM search_tsv t WHERE t.tsv @@ CAST(:q AS tsquery)"
              : "SELECT COUNT(*) FROM search_tsv t JOIN search_docs d ON d.id = t.doc_id WHERE "
                "t.tsv @@ CAST(:q AS tsquery)" +
                    DateSql(m);
  } else if (DateSql(m).empty()) {
    sql = "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH :q";
  } else {
    sql =
        "SELECT COUNT(*) FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
        "WHERE search_fts MATCH :q" +
        DateSql(m);
  }
  long long n = 0;
  s << sql, soci::use(expr, "q"), soci::into(n);
  return n;
}

std::vector<Hit> Top(soci::session& s, const Match& m, int limit, int64_t newest) {
  const bool pg = IsPostgres(s);
  const std::string expr = pg ? TsExpression(m) : FtsExpression(m);
  const std::string user = pg ? m.tsquery : std::string();
  const std::string dates = DateSql(m);
  // The smallest id among the `newest` newest matches: found in id order,
  // which neither engine has to score.
  long long min_id = 0;
  // PostgreSQL takes the newest matches and scores them in one statement
  // (one GIN scan instead of two).
  if (newest > 0 && !pg) {
    long long skip = newest - 1;
    soci::indicator ind = soci::i_null;
    std::string sql;
    if (pg) {
      sql = "SELECT t.doc_id FROM search_tsv t" + PgDatesJoin(dates) +
            " WHERE t.tsv @@ CAST(:q AS tsquery)" + dates +
            " ORDER BY t.doc_id DESC LIMIT 1 OFFSET :skip";
    } else if (dates.empty()) {
      sql =
          "SELECT rowid FROM search_fts WHERE search_fts MATCH :q ORDER BY rowid DESC "
          "LIMIT 1 OFFSET :skip";
    } else {
      sql =
          "SELECT search_fts.rowid FROM search_fts JOIN search_docs d ON d.id = "
          "search_fts.rowid WHERE search_fts MATCH :q" +
          dates + " ORDER BY search_fts.rowid DESC LIMIT 1 OFFSET :skip";
    }
    s << sql, soci::use(expr, "q"), soci::use(skip, "skip"), soci::into(min_id, ind);
    if (!s.got_data() || ind != soci::i_ok) min_id = 0;
  }
  std::string sql;
  if (pg) {
    // Scored on the narrow table; only the `limit` best rows are joined to
    // their text.
    // The candidates: every match, or the `newest` newest (:min is then 0).
    const std::string candidates =
        newest > 0 ? "(SELECT t.doc_id, t.tsv FROM search_tsv t" + PgDatesJoin(dates) +
                         " WHERE t.tsv @@ CAST(:q AS tsquery)" + dates +
                         " ORDER BY t.doc_id DESC LIMIT " + std::to_string(newest) + ")"
                   : "(SELECT t.doc_id, t.tsv FROM search_tsv t" + PgDatesJoin(dates) +
                         " WHERE t.tsv @@ CAST(:q AS tsquery)" + dates + ")";
    sql =
        "SELECT d.id, d.kind, d.ref_id, d.title, d.body, d.org, d.date, r.score FROM ("
        "SELECT c.doc_id, ts_rank('{0.1, 0, 0, 1}', c.tsv, CAST(:u AS tsquery)) AS score "
        "FROM " +
        candidates +
        " c WHERE c.doc_id >= :min ORDER BY score DESC, c.doc_id DESC LIMIT :n) r JOIN search_docs "
        "d ON d.id = r.doc_id ORDER BY r.score DESC, d.id DESC";
  } else {
    const std::string inner =
        dates.empty() ? "SELECT rowid AS rid, rank AS r FROM search_fts WHERE search_fts MATCH :q "
                        "AND rowid >= :min ORDER BY rank, rowid DESC LIMIT :n"
                      : "SELECT search_fts.rowid AS rid, search_fts.rank AS r FROM search_fts "
                        "JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH :q "
                        "AND search_fts.rowid >= :min" +
                            dates + " ORDER BY search_fts.rank, search_fts.rowid DESC LIMIT :n";
    sql = "SELECT d.id, d.kind, d.ref_id, d.title, d.body, d.org, d.date, -t.r FROM (" + inner +
          ") t JOIN search_docs d ON d.id = t.rid ORDER BY t.r, d.id DESC";
  }
  std::vector<Hit> out;
  auto hit = [](const soci::row& r) {
    Hit h;
    h.doc_id = IntAt(r, 0);
    h.kind = TextAt(r, 1);
    h.ref_id = IntAt(r, 2);
    h.title = TextAt(r, 3);
    h.body = TextAt(r, 4);
    h.org = TextAt(r, 5);
    h.date = TextAt(r, 6);
    h.score = DoubleAt(r, 7);
    return h;
  };
  if (pg) {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(user, "u"), soci::use(expr, "q"),
                                    soci::use(min_id, "min"), soci::use(limit, "n"));
    for (const soci::row& r : rows) out.push_back(hit(r));
  } else {
    soci::rowset<soci::row> rows =
        (s.prepare << sql, soci::use(expr, "q"), soci::use(min_id, "min"), soci::use(limit, "n"));
    for (const soci::row& r : rows) out.push_back(hit(r));
  }
  return out;
}

}  // namespace jianbao::search::repo
