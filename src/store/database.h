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

#ifndef JIANBAO_STORE_DATABASE_H_
#define JIANBAO_STORE_DATABASE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace soci {
class session;
}

namespace jianbao::store {

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
  // unique-key violations kConflict, lost connections kUnavailable.
  Status Write(const Work& work);

  // Runs `work` on a reader connection (no transaction is kept open).
  Status Read(const Work& work);

  // Returns migration text with its {{…}} markers replaced for this engine.
  std::string Dialect(const std::string& sql) const;

  class Pool;

 private:
  Database(Engine engine, std::string display_url, std::unique_ptr<Pool> writers,
           std::unique_ptr<Pool> readers);

  Engine engine_;
  std::string display_url_;
  std::unique_ptr<Pool> writers_;
  std::unique_ptr<Pool> readers_;
  std::vector<std::pair<std::string, std::vector<Migration>>> migrations_;
};

// Converts an exception thrown by SOCI or the standard library into a Status.
Status StatusFromException(const std::exception& e);

}  // namespace jianbao::store

#endif  // JIANBAO_STORE_DATABASE_H_
