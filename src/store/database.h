// Copyright 2026 The Jianbao Authors.
//
// Database: the one way every module reaches SQLite or PostgreSQL.
//
// A module writes its SQL once, in the common dialect of both engines
// (named `:param` parameters, `INSERT ... RETURNING id`, TEXT timestamps in
// UTC ISO-8601, INTEGER 0/1 booleans). Migration text may use these
// markers, replaced per engine:
//   {{pk}}    INTEGER PRIMARY KEY AUTOINCREMENT | BIGSERIAL PRIMARY KEY
//   {{blob}}  BLOB | BYTEA
//   {{int}}   INTEGER | BIGINT
//
// Writes run in a transaction on the writer connection (SQLite: exactly one
// writer; PostgreSQL: a pool) and are committed before Write returns OK, so a
// caller may acknowledge the write to its user once it has the OK.
//
// One session per request, by construction. A thread inside Read or Write
// holds one session (a lease). Every Read or Write it starts while holding
// it, directly or through another module's service, runs on that same
// session instead of borrowing a second one:
//   Read  inside Read   the same reader session;
//   Read  inside Write  the writer session (it sees the transaction's writes);
//   Write inside Write  the writer session, inside a SAVEPOINT: an error rolls
//                       back to it and the outer transaction goes on;
//   Write inside Read   borrows a writer, which cannot deadlock: a thread that
//                       holds a writer never waits for another session.
// So services may call each other freely inside Read/Write; a nested borrow
// (the pool deadlock of every thread holding one session and waiting for a
// second) cannot be written. What work must not do is hand its session to
// another thread, or wait for another thread that uses this Database.
//
// A borrow that finds no free session within borrow_timeout() returns
// kUnavailable (key "db_busy", HTTP 503) and logs every holder: its thread,
// what it was doing (ScopedActivity in store/pool.h) and its current stack.

#ifndef JIANBAO_STORE_DATABASE_H_
#define JIANBAO_STORE_DATABASE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace soci {
class session;
}

namespace jianbao::store {

class SessionPool;
class VersionWatch;

enum class Engine { kSqlite, kPostgres };

struct Migration {
  int version;       // per module, starting at 1, never reused.
  std::string name;  // a short description for the migrations table.
  std::string sql;   // one or more statements separated by ';' at line ends.
};

class Database {
 public:
  using Work = std::function<Status(soci::session&)>;

  // Opens `url`: "sqlite:PATH", a bare file path, or "postgresql://…".
  // Returns an error naming the URL when it cannot connect.
  static Result<std::unique_ptr<Database>> Open(const std::string& url);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return engine_; }
  // Returns the URL with any password removed, for logs.
  const std::string& display_url() const { return display_url_; }

  // Registers a module's migrations. Call before Migrate().
  void AddMigrations(const std::string& module, std::vector<Migration> migrations);

  // Applies every registered migration not yet applied, each in its own
  // transaction, in module registration order. Returns the first failure.
  Status Migrate();

  // Runs `work` in a transaction. Commits when it returns OK, rolls back when
  // it returns an error or throws. Database exceptions become a Status:
  // unique-key violations kConflict, lost connections kUnavailable, no free
  // session in time kUnavailable "db_busy". Nested in another Write on this
  // thread it joins that transaction through a savepoint (see above).
  // Thread safety: callable from any thread.
  Status Write(const Work& work);

  // Runs `work` on a reader connection (no transaction is kept open), or on
  // the session this thread already holds. Errors as for Write.
  // Thread safety: callable from any thread.
  Status Read(const Work& work);

  // Returns OK when a reader session answers a trivial query: the health check.
  // Errors as for Read. Thread safety: callable from any thread.
  Status Ping();

  // Returns a number that changes whenever a transaction that changed the
  // database commits, on any connection of any process: SQLite's
  // PRAGMA data_version, read on a connection of its own that never writes.
  // Returns nullopt where there is no such number (PostgreSQL: other app
  // servers write without telling this one) or it cannot be read right now.
  // Caches keyed by it are exact (http/answer_cache.h).
  // Thread safety: callable from any thread; borrows no pooled session.
  std::optional<uint64_t> DataVersion();

  // How long a borrow waits for a free session (default 5 s).
  std::chrono::milliseconds borrow_timeout() const { return borrow_timeout_; }
  // REQUIRES: no Read or Write is running.
  void set_borrow_timeout(std::chrono::milliseconds t) { borrow_timeout_ = t; }
  // Returns how many sessions the reader and writer pools have.
  int reader_count() const;
  int writer_count() const;

  // Returns migration text with its {{…}} markers replaced for this engine.
  std::string Dialect(const std::string& sql) const;

 private:
  Database(Engine engine, std::string display_url, std::unique_ptr<SessionPool> writers,
           std::unique_ptr<SessionPool> readers, std::unique_ptr<VersionWatch> watch);
  Status RunNestedWrite(soci::session& s, const Work& work);

  Engine engine_;
  std::string display_url_;
  std::unique_ptr<SessionPool> writers_;
  std::unique_ptr<SessionPool> readers_;
  std::unique_ptr<VersionWatch> watch_;  // SQLite only
  std::chrono::milliseconds borrow_timeout_{5000};
  std::vector<std::pair<std::string, std::vector<Migration>>> migrations_;
};

// Returns how many SQL statements this thread has prepared on any Database
// so far. Tests and the HTTP layer take the difference around a request to
// show that a list costs the same number of statements whatever its length.
int64_t StatementsOnThisThread();

// Converts an exception thrown by SOCI or the standard library into a Status.
Status StatusFromException(const std::exception& e);

}  // namespace jianbao::store

#endif  // JIANBAO_STORE_DATABASE_H_
