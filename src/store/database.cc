// Copyright 2026 The Jianbao Authors.

#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <mutex>
#include <optional>
#include <regex>

#include "store/pool.h"
#include "store/statement_cache.h"

namespace jianbao::store {

namespace {

thread_local int64_t t_statements = 0;

// Counts the statements this thread prepares (see StatementsOnThisThread).
class CountingLogger : public soci::logger_impl {
 public:
  void start_query(const std::string&) override { ++t_statements; }

 private:
  soci::logger_impl* do_clone() const override { return new CountingLogger; }
};

// soci::logger takes ownership of the implementation.
void CountStatements(soci::session& s) { s.set_logger(soci::logger(new CountingLogger)); }

}  // namespace

int64_t StatementsOnThisThread() { return t_statements; }

namespace {

constexpr int kSqliteReaders = 4;
constexpr int kPostgresConnections = 8;

// SQLite's allocation statistics take a process-wide mutex on every malloc
// and free; nothing here reads them. Must run before SQLite initializes
// (the first open); later calls are refused by SQLite and change nothing.
void ConfigureSqliteOnce() {
  static const int kDone = [] {
    return ::sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  }();
  (void)kDone;
}

// A reader session is query_only: a write through Read fails loudly instead of
// taking the write lock beside the one writer (which then sees "database is
// locked" or a stale snapshot).
std::unique_ptr<soci::session> OpenSqlite(const std::string& path, bool reader) {
  ConfigureSqliteOnce();
  // JIANBAO_SQLITE_STATEMENT_CACHE=0 turns the statement cache off (for
  // comparisons in bench/http, and as a way out should it ever misbehave).
  static const bool kCache = [] {
    const char* v = std::getenv("JIANBAO_SQLITE_STATEMENT_CACHE");
    return v == nullptr || std::string(v) != "0";
  }();
  auto s = std::make_unique<soci::session>(
      kCache ? CachingSqliteFactory() : *soci::factory_sqlite3(), "db=" + path + " timeout=10");
  *s << "PRAGMA journal_mode=WAL";
  *s << "PRAGMA foreign_keys=ON";
  *s << "PRAGMA synchronous=FULL";
  *s << "PRAGMA busy_timeout=10000";
  if (reader) *s << "PRAGMA query_only=ON";
  CountStatements(*s);
  return s;
}

// Converts "postgresql://user:pw@host:port/db?k=v&…" to libpq's "key=value"
// form, which is what SOCI's backend passes through intact.
std::string PostgresConnString(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string out;
  auto add = [&out](const std::string& k, const std::string& v) {
    if (v.empty()) return;
    std::string q;
    for (char c : v) {
      if (c == '\\' || c == '\'') q += '\\';
      q += c;
    }
    out += (out.empty() ? "" : " ") + k + "='" + q + "'";
  };
  std::string query;
  if (size_t qpos = rest.find('?'); qpos != std::string::npos) {
    query = rest.substr(qpos + 1);
    rest = rest.substr(0, qpos);
  }
  std::string db;
  if (size_t slash = rest.find('/'); slash != std::string::npos) {
    db = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  if (size_t at = rest.rfind('@'); at != std::string::npos) {
    const std::string cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const size_t colon = cred.find(':');
    add("user", cred.substr(0, colon));
    if (colon != std::string::npos) add("password", cred.substr(colon + 1));
  }
  if (size_t colon = rest.rfind(':');
      colon != std::string::npos && rest.find(']') == std::string::npos) {
    add("port", rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  add("host", rest);
  add("dbname", db);
  for (size_t pos = 0; pos < query.size();) {
    size_t amp = query.find('&', pos);
    if (amp == std::string::npos) amp = query.size();
    const std::string kv = query.substr(pos, amp - pos);
    const size_t eq = kv.find('=');
    if (eq != std::string::npos) add(kv.substr(0, eq), kv.substr(eq + 1));
    pos = amp + 1;
  }
  return out;
}

std::string HidePassword(const std::string& url) {
  static const std::regex kPw(R"((://[^:/@]+):[^@]*@)");
  return std::regex_replace(url, kPw, "$1:***@");
}

}  // namespace

// A read-only SQLite connection that only ever asks PRAGMA data_version: its
// answer changes with every commit of any other connection, in this process
// or another (see Database::DataVersion).
class VersionWatch {
 public:
  // Returns nullptr for in-memory databases (a second connection would see
  // another database, or share the first one's pager and never see a change)
  // and when the file cannot be opened.
  static std::unique_ptr<VersionWatch> Open(const std::string& path) {
    if (path.empty() || path[0] == ':' || path.rfind("file:", 0) == 0) return nullptr;
    ::sqlite_api::sqlite3* db = nullptr;
    if (::sqlite_api::sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
      ::sqlite_api::sqlite3_close(db);
      return nullptr;
    }
    ::sqlite_api::sqlite3_busy_timeout(db, 100);
    ::sqlite_api::sqlite3_stmt* stmt = nullptr;
    if (::sqlite_api::sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &stmt, nullptr) !=
        SQLITE_OK) {
      ::sqlite_api::sqlite3_close(db);
      return nullptr;
    }
    return std::unique_ptr<VersionWatch>(new VersionWatch(db, stmt));
  }
  ~VersionWatch() {
    ::sqlite_api::sqlite3_finalize(stmt_);
    ::sqlite_api::sqlite3_close(db_);
  }
  VersionWatch(const VersionWatch&) = delete;
  VersionWatch& operator=(const VersionWatch&) = delete;

  std::optional<uint64_t> Current() {
    std::lock_guard<std::mutex> lock(mu_);
    std::optional<uint64_t> out;
    if (::sqlite_api::sqlite3_step(stmt_) == SQLITE_ROW) {
      out = static_cast<uint64_t>(::sqlite_api::sqlite3_column_int64(stmt_, 0));
    }
    ::sqlite_api::sqlite3_reset(stmt_);  // ends the read transaction
    return out;
  }

 private:
  VersionWatch(::sqlite_api::sqlite3* db, ::sqlite_api::sqlite3_stmt* stmt)
      : db_(db), stmt_(stmt) {}
  std::mutex mu_;
  ::sqlite_api::sqlite3* db_;
  ::sqlite_api::sqlite3_stmt* stmt_;
};

Database::Database(Engine engine, std::string display_url, std::unique_ptr<SessionPool> writers,
                   std::unique_ptr<SessionPool> readers, std::unique_ptr<VersionWatch> watch)
    : engine_(engine),
      display_url_(std::move(display_url)),
      writers_(std::move(writers)),
      readers_(std::move(readers)),
      watch_(std::move(watch)) {}

Database::~Database() = default;

std::optional<uint64_t> Database::DataVersion() {
  return watch_ ? watch_->Current() : std::nullopt;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url) {
  try {
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
      const std::string conn = PostgresConnString(url);
      std::vector<std::unique_ptr<soci::session>> sessions;
      for (int i = 0; i < kPostgresConnections; ++i) {
        sessions.push_back(std::make_unique<soci::session>(*soci::factory_postgresql(), conn));
        *sessions.back() << "SET client_min_messages TO WARNING";
        CountStatements(*sessions.back());
      }
      std::vector<std::unique_ptr<soci::session>> readers;
      for (int i = 0; i < kPostgresConnections / 2; ++i) {
        readers.push_back(std::make_unique<soci::session>(*soci::factory_postgresql(), conn));
        CountStatements(*readers.back());
      }
      return std::unique_ptr<Database>(
          new Database(Engine::kPostgres, HidePassword(url),
                       std::make_unique<SessionPool>("writers", std::move(sessions)),
                       std::make_unique<SessionPool>("readers", std::move(readers)), nullptr));
    }
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    if (path.empty()) return Status::Invalid("db", "db_url", "empty database path");
    std::vector<std::unique_ptr<soci::session>> writer;
    writer.push_back(OpenSqlite(path, false));
    std::vector<std::unique_ptr<soci::session>> readers;
    for (int i = 0; i < kSqliteReaders; ++i) readers.push_back(OpenSqlite(path, true));
    return std::unique_ptr<Database>(new Database(
        Engine::kSqlite, "sqlite:" + path,
        std::make_unique<SessionPool>("writers", std::move(writer)),
        std::make_unique<SessionPool>("readers", std::move(readers)), VersionWatch::Open(path)));
  } catch (const std::exception& e) {
    return Status(Code::kUnavailable, "db_open",
                  "cannot open database " + HidePassword(url) + ": " + e.what(), "db");
  }
}

std::string Database::Dialect(const std::string& sql) const {
  const bool pg = engine_ == Engine::kPostgres;
  std::string out = sql;
  auto replace = [&out](const std::string& from, const std::string& to) {
    for (size_t p = out.find(from); p != std::string::npos; p = out.find(from, p + to.size())) {
      out.replace(p, from.size(), to);
    }
  };
  replace("{{pk}}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
  replace("{{blob}}", pg ? "BYTEA" : "BLOB");
  replace("{{int}}", pg ? "BIGINT" : "INTEGER");
  return out;
}

Status StatusFromException(const std::exception& e) {
  const std::string what = e.what();
  if (what.find("UNIQUE constraint") != std::string::npos ||
      what.find("duplicate key") != std::string::npos) {
    return Status::Conflict("duplicate", "already exists: " + what);
  }
  if (what.find("FOREIGN KEY") != std::string::npos ||
      what.find("foreign key") != std::string::npos) {
    return Status::Conflict("in_use", "referenced by other records: " + what);
  }
  if (what.find("database is locked") != std::string::npos ||
      what.find("could not connect") != std::string::npos ||
      what.find("server closed the connection") != std::string::npos ||
      what.find("no connection to the server") != std::string::npos) {
    return Status(Code::kUnavailable, "db_unavailable", "database unavailable: " + what);
  }
  return Status::Internal("database error: " + what);
}

namespace {

// The sessions this thread holds, innermost last.
struct HeldLease {
  const Database* db;
  soci::session* session;
  bool writer;
};
thread_local std::vector<HeldLease> t_held;
thread_local int t_savepoints = 0;

const HeldLease* FindHeld(const Database* db, bool writer_only) {
  for (auto it = t_held.rbegin(); it != t_held.rend(); ++it) {
    if (it->db == db && (it->writer || !writer_only)) return &*it;
  }
  return nullptr;
}

// Holds a borrowed session for one Read or Write and records it for nesting.
class Lease {
 public:
  Lease(const Database* db, SessionPool* pool, soci::session* s, bool writer) : pool_(pool), s_(s) {
    t_held.push_back({db, s, writer});
  }
  ~Lease() {
    t_held.pop_back();
    pool_->Return(s_);
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

 private:
  SessionPool* pool_;
  soci::session* s_;
};

// One write transaction. On SQLite it is BEGIN IMMEDIATE: the write lock is
// taken at the start, where SQLite's busy handler waits for any other holder
// (a second process, a checkpoint). A deferred BEGIN takes it at the first
// write instead, where SQLite answers "database is locked" at once rather than
// wait, since the transaction already holds a snapshot.
class WriteTransaction {
 public:
  WriteTransaction(soci::session& s, bool sqlite) : s_(s), sqlite_(sqlite) {
    if (sqlite_) {
      s_ << "BEGIN IMMEDIATE";
    } else {
      s_.begin();
    }
    open_ = true;
  }
  ~WriteTransaction() {
    if (!open_) return;
    try {
      Rollback();
    } catch (const std::exception&) {
    }
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Should COMMIT itself fail (SQLite can refuse it), the transaction stays
  // open for the destructor to roll back, so the one writer session never
  // stays inside a transaction.
  void Commit() {
    sqlite_ ? void(s_ << "COMMIT") : s_.commit();
    open_ = false;
  }
  void Rollback() {
    sqlite_ ? void(s_ << "ROLLBACK") : s_.rollback();
    open_ = false;
  }

 private:
  soci::session& s_;
  bool sqlite_;
  bool open_ = false;
};

Status Busy(const char* pool, std::chrono::milliseconds waited) {
  return Status(Code::kUnavailable, "db_busy",
                std::string("no free database ") + pool + " session within " +
                    std::to_string(waited.count()) + " ms")
      .set_retry_after_seconds(1);
}

}  // namespace

int Database::reader_count() const { return readers_->size(); }
int Database::writer_count() const { return writers_->size(); }

Status Database::RunNestedWrite(soci::session& s, const Work& work) {
  const std::string sp = "jb_nested_" + std::to_string(++t_savepoints);
  struct Depth {
    ~Depth() { --t_savepoints; }
  } depth;
  try {
    s << "SAVEPOINT " + sp;
  } catch (const std::exception& e) {
    return StatusFromException(e);
  }
  Status st;
  try {
    st = work(s);
  } catch (const std::exception& e) {
    st = StatusFromException(e);
  }
  try {
    if (!st.ok()) s << "ROLLBACK TO SAVEPOINT " + sp;
    s << "RELEASE SAVEPOINT " + sp;
  } catch (const std::exception& e) {
    if (st.ok()) st = StatusFromException(e);
  }
  return st;
}

Status Database::Write(const Work& work) {
  if (const HeldLease* held = FindHeld(this, true)) return RunNestedWrite(*held->session, work);
  soci::session* borrowed = writers_->Borrow(borrow_timeout_);
  if (!borrowed) return Busy("writer", borrow_timeout_);
  Lease lease(this, writers_.get(), borrowed, true);
  soci::session& s = *borrowed;
  try {
    WriteTransaction tx(s, engine_ == Engine::kSqlite);
    Status st = work(s);
    if (!st.ok()) {
      tx.Rollback();
      return st;
    }
    tx.Commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return StatusFromException(e);
  }
}

Status Database::Read(const Work& work) {
  soci::session* s = nullptr;
  std::optional<Lease> lease;
  if (const HeldLease* held = FindHeld(this, false)) {
    s = held->session;
  } else {
    s = readers_->Borrow(borrow_timeout_);
    if (!s) return Busy("reader", borrow_timeout_);
    lease.emplace(this, readers_.get(), s, false);
  }
  try {
    return work(*s);
  } catch (const std::exception& e) {
    return StatusFromException(e);
  }
}

Status Database::Ping() {
  return Read([](soci::session& s) {
    int one = 0;
    s << "SELECT 1", soci::into(one);
    return Status::Ok();
  });
}

void Database::AddMigrations(const std::string& module, std::vector<Migration> migrations) {
  migrations_.emplace_back(module, std::move(migrations));
}

namespace {

// Splits migration text into statements at ';' that ends a line.
std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == ';' && (i + 1 == sql.size() || sql[i + 1] == '\n')) {
      if (cur.find_first_not_of(" \n\t") != std::string::npos) out.push_back(cur);
      cur.clear();
    } else {
      cur += sql[i];
    }
  }
  if (cur.find_first_not_of(" \n\t") != std::string::npos) out.push_back(cur);
  return out;
}

}  // namespace

Status Database::Migrate() {
  JB_RETURN_IF_ERROR(Write([](soci::session& s) {
    s << "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER "
         "NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))";
    return Status::Ok();
  }));
  for (const auto& [module, list] : migrations_) {
    for (const Migration& m : list) {
      Status st = Write([&, mod = module](soci::session& s) {
        int count = 0;
        s << "SELECT COUNT(*) FROM schema_migrations WHERE module = :m AND version = :v",
            soci::use(mod), soci::use(m.version), soci::into(count);
        if (count > 0) return Status::Ok();
        for (const std::string& stmt : SplitStatements(Dialect(m.sql))) s << stmt;
        s << "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES "
             "(:m, :v, :n, CURRENT_TIMESTAMP)",
            soci::use(mod), soci::use(m.version), soci::use(m.name);
        return Status::Ok();
      });
      if (!st.ok()) {
        return Status::Internal("migration " + module + "/" + std::to_string(m.version) + " (" +
                                m.name + ") failed: " + st.message());
      }
    }
  }
  return Status::Ok();
}

}  // namespace jianbao::store
