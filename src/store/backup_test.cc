// Copyright 2026 The Jianbao Authors.
//
// SQLite backup and restore; the PostgreSQL round trip is in
// tests/http/test_backup.py, which starts a cluster.

#include "store/backup.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/database.h"

namespace jianbao::store {
namespace {

namespace fs = std::filesystem;

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jb_backup_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Url(const std::string& name) { return "sqlite:" + (dir_ / name).string(); }

  // Opens `name` with the test's one table.
  std::unique_ptr<Database> Open(const std::string& name) {
    auto db = Database::Open(Url(name));
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    (*db)->AddMigrations("t",
                         {{1, "things", "CREATE TABLE things (id {{pk}}, n INTEGER NOT NULL);"}});
    EXPECT_TRUE((*db)->Migrate().ok());
    return std::move(db).value();
  }

  static Status Insert(Database& db, int n) {
    return db.Write([&](soci::session& s) {
      s << "INSERT INTO things (n) VALUES (:n)", soci::use(n);
      return Status::Ok();
    });
  }

  // Returns (count, max n) of the things table.
  static std::pair<int, int> Stats(Database& db) {
    int count = -1, max = -1;
    EXPECT_TRUE(db.Read([&](soci::session& s) {
                    s << "SELECT COUNT(*), COALESCE(MAX(n), 0) FROM things", soci::into(count),
                        soci::into(max);
                    return Status::Ok();
                  }).ok());
    return {count, max};
  }

  fs::path dir_;
};

TEST_F(BackupTest, RoundTripWhileWriting) {
  auto db = Open("live.db");
  for (int i = 1; i <= 100; ++i) ASSERT_TRUE(Insert(*db, i).ok());
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged{100};
  std::thread writer([&] {
    for (int i = 101; !stop; ++i) {
      if (!Insert(*db, i).ok()) return;
      acknowledged = i;
    }
  });
  while (acknowledged < 200) std::this_thread::yield();
  const int before = acknowledged;
  const std::string file = (dir_ / "copy.bak").string();
  Status st = Backup(Url("live.db"), file, {});
  stop = true;
  writer.join();
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_FALSE(fs::exists(file + ".partial"));
  EXPECT_FALSE(fs::exists(file + "-wal"));

  ASSERT_TRUE(Restore(Url("restored.db"), file, {}).ok());
  auto restored = Open("restored.db");
  const auto [count, max] = Stats(*restored);
  EXPECT_GE(count, before);  // everything acknowledged before the backup began
  EXPECT_EQ(count, max);     // and a snapshot: no gaps, n = 1..count
  EXPECT_LE(count, acknowledged.load());
}

TEST_F(BackupTest, RestoreRefusesDataUnlessForced) {
  auto source = Open("source.db");
  ASSERT_TRUE(Insert(*source, 1).ok());
  const std::string file = (dir_ / "one.bak").string();
  ASSERT_TRUE(Backup(Url("source.db"), file, {}).ok());

  auto target = Open("target.db");
  EXPECT_FALSE(HoldsData(Url("target.db")).value());  // migrated, but no rows
  ASSERT_TRUE(Insert(*target, 7).ok());
  ASSERT_TRUE(Insert(*target, 8).ok());
  Status st = Restore(Url("target.db"), file, {});
  EXPECT_EQ(st.code(), Code::kConflict);
  EXPECT_EQ(st.key(), "not_empty");
  EXPECT_EQ(Stats(*target), std::make_pair(2, 8));  // untouched

  BackupOptions force;
  force.force = true;
  st = Restore(Url("target.db"), file, force);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(Stats(*target), std::make_pair(1, 1));  // an open connection sees the backup
}

TEST_F(BackupTest, RestoreRejectsFilesThatAreNotBackups) {
  const std::string junk = (dir_ / "junk.bak").string();
  std::ofstream(junk) << "this is not a database at all";
  Status st = Restore(Url("t.db"), junk, {});
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.key(), "wrong_backup");

  {  // a SQLite file that Jianbao did not make
    soci::session other("sqlite3", "db=" + (dir_ / "other.db").string());
    other << "CREATE TABLE x (a INTEGER)";
  }
  st = Restore(Url("t.db"), (dir_ / "other.db").string(), {});
  EXPECT_EQ(st.key(), "not_a_backup") << st.ToString();

  std::ofstream(junk, std::ios::trunc) << "PGDMP and more";
  st = Restore(Url("t.db"), junk, {});
  EXPECT_EQ(st.key(), "wrong_backup");
  EXPECT_NE(st.message().find("PostgreSQL"), std::string::npos) << st.message();

  Open("s.db");
  ASSERT_TRUE(Backup(Url("s.db"), (dir_ / "s.bak").string(), {}).ok());
  st = Restore("postgresql://nobody@127.0.0.1:1/none", (dir_ / "s.bak").string(), {});
  EXPECT_EQ(st.key(), "wrong_backup");
  EXPECT_EQ(Restore(Url("t.db"), (dir_ / "missing.bak").string(), {}).key(), "unreadable");
}

TEST_F(BackupTest, BackupFailsCleanly) {
  const std::string file = (dir_ / "x.bak").string();
  EXPECT_FALSE(Backup(Url("does-not-exist.db"), file, {}).ok());
  EXPECT_FALSE(fs::exists(file));
  EXPECT_FALSE(fs::exists(dir_ / "does-not-exist.db"));  // not created by the attempt
  Open("s.db");
  Status st = Backup(Url("s.db"), (dir_ / "no-such-dir" / "x.bak").string(), {});
  EXPECT_EQ(st.code(), Code::kInvalidArgument) << st.ToString();
  EXPECT_EQ(Backup(Url("s.db"), "", {}).key(), "required");
}

TEST_F(BackupTest, MissingPostgresToolIsNamed) {
  BackupOptions o;
  o.pg_bin = (dir_ / "no-bin").string();
  Status st = Backup("postgresql://nobody:secret@127.0.0.1:1/none", (dir_ / "p.bak").string(), o);
  EXPECT_EQ(st.key(), "tool_missing") << st.ToString();
  EXPECT_EQ(st.message().find("secret"), std::string::npos);
}

}  // namespace
}  // namespace jianbao::store
