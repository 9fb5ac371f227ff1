// Copyright 2026 The Jianbao Authors.

#include "store/backup.h"

#include <fcntl.h>
#include <soci/soci.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "store/database.h"

extern char** environ;

namespace jianbao::store {
namespace {

namespace fs = std::filesystem;

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string SqlitePath(const std::string& url) {
  return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
}

// Returns up to `n` first bytes of `path`, or nullopt when it cannot be read.
std::optional<std::string> Magic(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

const char kSqliteMagic[] = "SQLite format 3";  // followed by a NUL
const char kPgDumpMagic[] = "PGDMP";

// Flushes `path` to disk and renames it to `to`, then flushes the directory.
Status SyncAndRename(const std::string& path, const std::string& to) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0 || fsync(fd) != 0) {
    if (fd >= 0) close(fd);
    return Status::Invalid("output", "unwritable", "cannot flush " + path);
  }
  close(fd);
  std::error_code ec;
  fs::rename(path, to, ec);
  if (ec)
    return Status::Invalid("output", "unwritable", "cannot rename to " + to + ": " + ec.message());
  const fs::path dir = fs::absolute(fs::path(to)).parent_path();
  if (int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return Status::Ok();
}

// ---- SQLite ----------------------------------------------------------------

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

Result<SqliteHandle> OpenSqlite(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle db(raw);
  if (rc != SQLITE_OK) {
    return Status(Code::kUnavailable, "db_open",
                  "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                  "db");
  }
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

// Runs `sql` and returns the first column of its first row ("" when none).
Result<std::string> SqliteScalar(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("sqlite: ") + sqlite3_errmsg(db));
  }
  std::string out;
  const int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return Status::Internal(std::string("sqlite: ") + sqlite3_errmsg(db));
  }
  return out;
}

// Copies every page of `from` into `to` in one step (one read transaction on
// `from`, one write transaction on `to`), retrying while either is busy.
Status CopyPages(sqlite3* from, sqlite3* to, const std::string& what) {
  for (int attempt = 0;; ++attempt) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) return Status::Internal(what + ": " + sqlite3_errmsg(to));
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE) return Status::Ok();
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 100) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    return Status(Code::kUnavailable, "db_busy", what + ": " + sqlite3_errstr(rc));
  }
}

// Checks that `path` is a whole SQLite database made by Jianbao.
Status CheckSqliteBackup(const std::string& path) {
  JB_ASSIGN_OR_RETURN(SqliteHandle db, OpenSqlite(path, SQLITE_OPEN_READONLY));
  auto check = SqliteScalar(db.get(), "PRAGMA quick_check");
  if (!check.ok() || check.value() != "ok") {
    return Status::Invalid("file", "corrupt_backup",
                           path + " fails SQLite's integrity check: " +
                               (check.ok() ? check.value() : check.status().message()));
  }
  JB_ASSIGN_OR_RETURN(std::string found,
                      SqliteScalar(db.get(),
                                   "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                   "name = 'schema_migrations'"));
  if (found.empty()) {
    return Status::Invalid("file", "not_a_backup", path + " is not a Jianbao database");
  }
  return Status::Ok();
}

Status BackupSqlite(const std::string& url, const std::string& path) {
  const std::string partial = path + ".partial";
  std::error_code ec;
  fs::remove(partial, ec);
  {
    JB_ASSIGN_OR_RETURN(SqliteHandle src, OpenSqlite(SqlitePath(url), SQLITE_OPEN_READWRITE));
    JB_RETURN_IF_ERROR(SqliteScalar(src.get(), "SELECT COUNT(*) FROM sqlite_master").status());
    auto dst = OpenSqlite(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dst.ok()) return Status::Invalid("output", "unwritable", dst.status().message());
    JB_RETURN_IF_ERROR(CopyPages(src.get(), dst->get(), "backup of " + url));
    // The copy says "WAL" in its header like its source; make it one
    // self-contained file that opens read-only anywhere.
    JB_RETURN_IF_ERROR(SqliteScalar(dst->get(), "PRAGMA journal_mode=DELETE").status());
  }
  Status checked = CheckSqliteBackup(partial);
  if (!checked.ok()) {
    fs::remove(partial, ec);
    return checked;
  }
  return SyncAndRename(partial, path);
}

Status RestoreSqlite(const std::string& url, const std::string& path) {
  JB_RETURN_IF_ERROR(CheckSqliteBackup(path));
  JB_ASSIGN_OR_RETURN(SqliteHandle src, OpenSqlite(path, SQLITE_OPEN_READONLY));
  JB_ASSIGN_OR_RETURN(SqliteHandle dst,
                      OpenSqlite(SqlitePath(url), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  return CopyPages(src.get(), dst.get(), "restore into " + url);
}

// ---- PostgreSQL tools --------------------------------------------------------

// A libpq URI without its password, and the password.
struct PgTarget {
  std::string uri;
  std::string password;
};

PgTarget SplitPassword(const std::string& url) {
  PgTarget t{url, ""};
  const size_t start = url.find("://") + 3;
  const size_t end = url.find_first_of("/?", start);
  const std::string authority = url.substr(start, end == std::string::npos ? end : end - start);
  const size_t at = authority.rfind('@');
  if (at == std::string::npos) return t;
  const size_t colon = authority.find(':');
  if (colon == std::string::npos || colon > at) return t;
  t.password = authority.substr(colon + 1, at - colon - 1);
  t.uri = url.substr(0, start + colon) + url.substr(start + at);
  return t;
}

// Runs `program` with `args` (no shell), stdout to /dev/null or to
// `stdout_path`, and returns an error with the end of its stderr when it
// fails. `password` reaches it as PGPASSWORD.
Status RunTool(const BackupOptions& o, const std::string& program,
               const std::vector<std::string>& args, const std::string& password,
               const std::string& stdout_path = "/dev/null") {
  const std::string exe = o.pg_bin.empty() ? program : (fs::path(o.pg_bin) / program).string();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(exe.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) env_strings.emplace_back(*e);
  }
  if (!password.empty()) env_strings.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return Status::Internal("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
  pid_t pid = 0;
  const int rc = o.pg_bin.empty()
                     ? posix_spawnp(&pid, exe.c_str(), &fa, nullptr, argv.data(), envp.data())
                     : posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(err_pipe[1]);
  if (rc != 0) {
    close(err_pipe[0]);
    return Status(Code::kUnavailable, "tool_missing",
                  "cannot run " + exe + ": " + std::strerror(rc) +
                      " (install postgresql-client or pass --pg-bin)");
  }
  std::string err;
  char buf[4096];
  for (ssize_t n; (n = read(err_pipe[0], buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    err.append(buf, static_cast<size_t>(n));
    if (err.size() > 8192) err.erase(0, err.size() - 4096);
  }
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
  return Status::Internal(
      program + " failed" +
      (WIFEXITED(status) ? " (exit " + std::to_string(WEXITSTATUS(status)) + ")" : " (killed)") +
      (err.empty() ? "" : ": " + err));
}

Status BackupPostgres(const std::string& url, const std::string& path, const BackupOptions& o) {
  const PgTarget t = SplitPassword(url);
  const std::string partial = path + ".partial";
  std::error_code ec;
  fs::remove(partial, ec);
  Status st = RunTool(
      o, "pg_dump", {"--format=custom", "--no-password", "--file=" + partial, "--dbname=" + t.uri},
      t.password);
  if (st.ok()) st = RunTool(o, "pg_restore", {"--list", partial}, "");
  if (!st.ok()) {
    fs::remove(partial, ec);
    return st;
  }
  return SyncAndRename(partial, path);
}

// Drops every table and function (search's generation trigger, migration 6)
// of the schema Jianbao uses, so that the restored script recreates exactly
// the backup's tables and functions; runs in psql's one transaction.
// Functions of extensions are left to their extensions.
constexpr char kDropTables[] =
    "DO $$DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = "
    "current_schema() LOOP EXECUTE format('DROP TABLE IF EXISTS %I.%I CASCADE', current_schema(), "
    "r.tablename); END LOOP; FOR r IN SELECT p.proname, pg_get_function_identity_arguments(p.oid) "
    "AS args FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = "
    "current_schema() AND p.prokind = 'f' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid "
    "= p.oid AND d.deptype = 'e') LOOP EXECUTE format('DROP FUNCTION IF EXISTS %I.%I(%s) CASCADE', "
    "current_schema(), r.proname, r.args); END LOOP; END$$";

Status RestorePostgres(const std::string& url, const std::string& path, const BackupOptions& o) {
  const PgTarget t = SplitPassword(url);
  char tmpl[] = "/tmp/jianbao-restore-XXXXXX";
  const int fd = mkstemp(tmpl);
  if (fd < 0) return Status::Internal("cannot create a temporary file for the restore script");
  close(fd);
  const std::string script = tmpl;
  Status st =
      RunTool(o, "pg_restore", {"--no-owner", "--no-privileges", "--file=" + script, path}, "");
  if (st.ok()) {
    st = RunTool(
        o, "psql",
        {"--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1", "--single-transaction",
         "--command=" + std::string(kDropTables), "--file=" + script, "--dbname=" + t.uri},
        t.password);
  }
  std::error_code ec;
  fs::remove(script, ec);
  return st;
}

// Returns the table names of the schema Jianbao uses.
std::vector<std::string> ListTables(soci::session& s, Engine engine) {
  std::vector<std::string> out;
  std::string name;
  soci::statement st =
      (s.prepare << (engine == Engine::kPostgres
                         ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                         : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%'"),
       soci::into(name));
  st.execute();
  while (st.fetch()) out.push_back(name);
  return out;
}

std::string QuoteIdent(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

Result<bool> HoldsData(const std::string& url) {
  JB_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(url));
  bool holds = false;
  JB_RETURN_IF_ERROR(db->Read([&](soci::session& s) {
    for (const std::string& table : ListTables(s, db->engine())) {
      if (table == "schema_migrations") continue;
      int n = 0;  // names come from the catalogue, quoted as identifiers
      s << "SELECT COUNT(*) FROM (SELECT 1 FROM " + QuoteIdent(table) + " LIMIT 1) AS t",
          soci::into(n);
      if (n > 0) {
        holds = true;
        break;
      }
    }
    return Status::Ok();
  }));
  return holds;
}

Status Backup(const std::string& url, const std::string& path, const BackupOptions& options) {
  if (path.empty()) return Status::Invalid("output", "required", "name the backup file (-o FILE)");
  return IsPostgresUrl(url) ? BackupPostgres(url, path, options) : BackupSqlite(url, path);
}

Status Restore(const std::string& url, const std::string& path, const BackupOptions& options) {
  const bool pg = IsPostgresUrl(url);
  const std::optional<std::string> magic = Magic(path, 16);
  if (!magic) return Status::Invalid("file", "unreadable", "cannot read " + path);
  const std::string& head = *magic;
  const bool is_sqlite =
      head.compare(0, sizeof kSqliteMagic, kSqliteMagic, sizeof kSqliteMagic) == 0;
  const bool is_dump = head.compare(0, 5, kPgDumpMagic) == 0;
  if (pg && !is_dump) {
    return Status::Invalid("file", "wrong_backup",
                           path + (is_sqlite ? " is a SQLite backup; restore it into a sqlite: "
                                               "database"
                                             : " is not a pg_dump custom-format archive"));
  }
  if (!pg && !is_sqlite) {
    return Status::Invalid("file", "wrong_backup",
                           path + (is_dump ? " is a PostgreSQL backup; restore it into a "
                                             "postgresql:// database"
                                           : " is not a SQLite database"));
  }
  if (!options.force) {
    JB_ASSIGN_OR_RETURN(bool holds, HoldsData(url));
    if (holds) {
      return Status::Conflict("not_empty",
                              "the database already holds data; pass --force to replace it");
    }
  }
  return pg ? RestorePostgres(url, path, options) : RestoreSqlite(url, path);
}

}  // namespace jianbao::store
