// Copyright 2026 The Jianbao Authors.

#include "store/database.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

#include "store/statement_cache.h"

namespace jianbao::store {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("jb_store_test_" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path_);
    auto db = Database::Open("sqlite:" + path_.string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    db_->AddMigrations(
        "t", {{1, "things", "CREATE TABLE things (id {{pk}}, name TEXT NOT NULL UNIQUE);"}});
    ASSERT_TRUE(db_->Migrate().ok());
  }
  void TearDown() override {
    db_.reset();
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  int Count() {
    int n = -1;
    EXPECT_TRUE(db_->Read([&](soci::session& s) {
                     s << "SELECT COUNT(*) FROM things", soci::into(n);
                     return Status::Ok();
                   })
                    .ok());
    return n;
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, InsertReturningId) {
  long long id = 0;
  const std::string name = "a";  // a bound value must outlive the statement
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   s << "INSERT INTO things (name) VALUES (:n) RETURNING id", soci::use(name),
                       soci::into(id);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_GT(id, 0);
  EXPECT_EQ(Count(), 1);
}

// The statement cache (store/statement_cache.h): the same SQL again takes the
// kept statement, with fresh bindings and results; two live statements with
// the same text each get their own; a kept statement holds no read lock.
TEST_F(DatabaseTest, CachedStatementsRebindAndNest) {
  for (const char* name : {"a", "b", "c"}) {
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     const std::string value = name;  // outlives the statement
                     s << "INSERT INTO things (name) VALUES (:n)", soci::use(value);
                     return Status::Ok();
                   })
                    .ok());
  }
  const size_t hits_before = CachedStatementHits();
  for (const char* name : {"a", "b", "c", "zzz"}) {
    int n = -1;
    ASSERT_TRUE(db_->Read([&](soci::session& s) {
                     const std::string value = name;  // outlives the statement
                     s << "SELECT COUNT(*) FROM things WHERE name = :n", soci::use(value),
                         soci::into(n);
                     return Status::Ok();
                   })
                    .ok());
    EXPECT_EQ(n, std::string(name) == "zzz" ? 0 : 1) << name;
  }
  EXPECT_GT(CachedStatementHits(), hits_before);
  // The same text twice at once: an outer rowset still open while the
  // inner query runs once per row.
  std::vector<std::string> pairs;
  ASSERT_TRUE(db_->Read([&](soci::session& s) {
                   const std::string q = "SELECT name FROM things WHERE id >= :i ORDER BY id";
                   long long one = 1;
                   soci::rowset<std::string> outer = (s.prepare << q, soci::use(one));
                   for (const std::string& name : outer) {
                     long long three = 3;
                     std::string last;
                     soci::statement inner = (s.prepare << q, soci::use(three), soci::into(last));
                     inner.execute(true);
                     pairs.push_back(name + last);
                   }
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(pairs, (std::vector<std::string>{"ac", "bc", "cc"}));
  // Kept statements hold no read transaction: a checkpoint can truncate the WAL.
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   s << "INSERT INTO things (name) VALUES ('d')";
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(Count(), 4);
  int busy = -1;
  ASSERT_TRUE(db_->Write([&](soci::session&) { return Status::Ok(); }).ok());
  ASSERT_TRUE(db_->Read([&](soci::session& s) {
                   int log = 0, done = 0;
                   s << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(log),
                       soci::into(done);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(busy, 0);
}

TEST_F(DatabaseTest, ErrorRollsBack) {
  Status st = db_->Write([&](soci::session& s) {
    s << "INSERT INTO things (name) VALUES ('x')";
    return Status::Invalid("name", "bad", "rejected after insert");
  });
  EXPECT_EQ(st.key(), "bad");
  EXPECT_EQ(Count(), 0);
}

TEST_F(DatabaseTest, UniqueViolationIsConflict) {
  Status st = db_->Write([&](soci::session& s) {
    s << "INSERT INTO things (name) VALUES ('x')";
    s << "INSERT INTO things (name) VALUES ('x')";
    return Status::Ok();
  });
  EXPECT_EQ(st.code(), Code::kConflict);
  EXPECT_EQ(Count(), 0);
}

TEST_F(DatabaseTest, MigrationsRunOnce) {
  EXPECT_TRUE(db_->Migrate().ok());
  int n = 0;
  ASSERT_TRUE(db_->Read([&](soci::session& s) {
                   s << "SELECT COUNT(*) FROM schema_migrations", soci::into(n);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(n, 1);
}

// The freeze of issue 10: every handler thread held a reader and, through
// another service, waited for a second. More threads than readers, each
// nesting reads three deep while the others hold theirs, must all finish.
TEST_F(DatabaseTest, NestedReadsOnManyThreadsDoNotDeadlock) {
  db_->set_borrow_timeout(std::chrono::seconds(3));
  const int threads = db_->reader_count() * 4;
  std::atomic<int> inside{0}, done{0}, failed{0};
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&] {
      Status st = db_->Read([&](soci::session&) {
        ++inside;
        // Wait until every reader is held before borrowing again.
        for (int spin = 0; spin < 200 && inside < db_->reader_count(); ++spin) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return db_->Read([&](soci::session&) {
          return db_->Read([&](soci::session& s) {
            int n = 0;
            s << "SELECT COUNT(*) FROM things", soci::into(n);
            return Status::Ok();
          });
        });
      });
      st.ok() ? ++done : ++failed;
    });
  }
  for (auto& t : pool) t.join();
  EXPECT_EQ(done, threads);
  EXPECT_EQ(failed, 0);
}

TEST_F(DatabaseTest, ReadInsideWriteUsesTheTransaction) {
  int seen = -1;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   s << "INSERT INTO things (name) VALUES ('uncommitted')";
                   seen = Count();  // a nested Read on this thread
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(seen, 1);
}

TEST_F(DatabaseTest, NestedWriteErrorRollsBackOnlyItself) {
  Status inner;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   s << "INSERT INTO things (name) VALUES ('outer')";
                   inner = db_->Write([&](soci::session& s2) {
                     s2 << "INSERT INTO things (name) VALUES ('inner')";
                     return Status::Invalid("name", "bad", "rejected");
                   });
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(inner.key(), "bad");
  std::string names;
  ASSERT_TRUE(db_->Read([&](soci::session& s) {
                   soci::rowset<std::string> rows =
                       (s.prepare << "SELECT name FROM things ORDER BY id");
                   for (const auto& n : rows) names += n + ",";
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(names, "outer,");
}

TEST_F(DatabaseTest, WriteInsideReadCommits) {
  ASSERT_TRUE(db_->Read([&](soci::session&) {
                   return db_->Write([&](soci::session& s) {
                     s << "INSERT INTO things (name) VALUES ('w')";
                     return Status::Ok();
                   });
                 })
                  .ok());
  EXPECT_EQ(Count(), 1);
}

// When every session is held for longer than the borrow timeout, a new
// borrow fails with db_busy (503) instead of waiting for ever.
TEST_F(DatabaseTest, BorrowTimesOutAsUnavailable) {
  db_->set_borrow_timeout(std::chrono::milliseconds(200));
  std::atomic<int> holding{0};
  std::atomic<bool> release{false};
  std::vector<std::thread> holders;
  for (int i = 0; i < db_->reader_count(); ++i) {
    holders.emplace_back([&] {
      (void)db_->Read([&](soci::session&) {
        ++holding;
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return Status::Ok();
      });
    });
  }
  while (holding < db_->reader_count()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Status st = db_->Read([](soci::session&) { return Status::Ok(); });
  release = true;
  for (auto& t : holders) t.join();
  EXPECT_EQ(st.code(), Code::kUnavailable);
  EXPECT_EQ(st.key(), "db_busy");
  EXPECT_EQ(Count(), 0);  // the pool works again
}

// Another writer on the same file (a CLI command, a second server) holds the
// write lock for a moment. A Write that reads before it writes waits for it
// (BEGIN IMMEDIATE) instead of failing at once with "database is locked",
// which a deferred BEGIN did once its snapshot was taken.
TEST_F(DatabaseTest, WriteWaitsForAnotherWriter) {
  auto other = Database::Open("sqlite:" + path_.string());
  ASSERT_TRUE(other.ok());
  std::atomic<bool> locked{false};
  std::thread holder([&] {
    (void)other.value()->Write([&](soci::session& s) {
      s << "INSERT INTO things (name) VALUES ('held')";
      locked = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return Status::Ok();
    });
  });
  while (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Status st = db_->Write([&](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM things", soci::into(n);
    s << "INSERT INTO things (name) VALUES ('mine')";
    return Status::Ok();
  });
  holder.join();
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(Count(), 2);
}

// A reader session refuses writes, so a write that strays into Read fails
// loudly instead of competing with the one writer for the lock.
TEST_F(DatabaseTest, ReaderSessionsAreQueryOnly) {
  Status st = db_->Read([](soci::session& s) {
    s << "INSERT INTO things (name) VALUES ('x')";
    return Status::Ok();
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(Count(), 0);
}

// A failed Write leaves the writer session outside any transaction: the next
// Write commits normally.
TEST_F(DatabaseTest, FailedWriteRollsBackAndWriterStaysUsable) {
  Status st = db_->Write([](soci::session& s) {
    s << "INSERT INTO things (name) VALUES ('a')";
    s << "INSERT INTO things (name) VALUES ('a')";  // UNIQUE violation throws
    return Status::Ok();
  });
  EXPECT_EQ(st.key(), "duplicate");
  EXPECT_EQ(Count(), 0);
  EXPECT_TRUE(db_->Write([](soci::session& s) {
                   s << "INSERT INTO things (name) VALUES ('b')";
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(Count(), 1);
}

// The data version changes with every commit, by this Database's writer or by
// another process's connection, and not with reads or rolled-back writes.
TEST_F(DatabaseTest, DataVersionChangesWithEveryCommit) {
  std::optional<uint64_t> v0 = db_->DataVersion();
  ASSERT_TRUE(v0.has_value());
  EXPECT_EQ(Count(), 0);
  EXPECT_EQ(db_->DataVersion(), v0);
  ASSERT_TRUE(db_->Write([](soci::session& s) {
                   s << "INSERT INTO things (name) VALUES ('a')";
                   return Status::Ok();
                 })
                  .ok());
  std::optional<uint64_t> v1 = db_->DataVersion();
  EXPECT_NE(v1, v0);
  EXPECT_FALSE(db_->Write([](soci::session& s) {
                    s << "INSERT INTO things (name) VALUES ('b')";
                    return Status::Invalid("x", "no", "rolled back");
                  })
                   .ok());
  EXPECT_EQ(db_->DataVersion(), v1);
  {  // another connection, as another process (the CLI) would write
    auto other = Database::Open("sqlite:" + path_.string());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)
                    ->Write([](soci::session& s) {
                      s << "INSERT INTO things (name) VALUES ('c')";
                      return Status::Ok();
                    })
                    .ok());
  }
  EXPECT_NE(db_->DataVersion(), v1);
}

TEST(DatabaseOpenTest, InMemoryDatabasesHaveNoDataVersion) {
  auto db = Database::Open("sqlite::memory:");
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->DataVersion().has_value());
}

TEST(DatabaseOpenTest, BadUrlIsClearError) {
  auto db = Database::Open("sqlite:/nonexistent-dir/x/y.db");
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("/nonexistent-dir"), std::string::npos);
}

TEST(DatabaseDialectTest, Placeholders) {
  auto db = Database::Open("sqlite::memory:");
  ASSERT_TRUE(db.ok());
  EXPECT_EQ((*db)->Dialect("id {{pk}}, b {{blob}}"),
            "id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB");
}

}  // namespace
}  // namespace jianbao::store
