// Copyright 2026 The Jianbao Authors.

#include "store/database.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <filesystem>

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
    db_->AddMigrations("t", {{1, "things", "CREATE TABLE things (id {{pk}}, name TEXT NOT NULL UNIQUE);"}});
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
    }).ok());
    return n;
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, InsertReturningId) {
  long long id = 0;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
    s << "INSERT INTO things (name) VALUES (:n) RETURNING id", soci::use(std::string("a")),
        soci::into(id);
    return Status::Ok();
  }).ok());
  EXPECT_GT(id, 0);
  EXPECT_EQ(Count(), 1);
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
  }).ok());
  EXPECT_EQ(n, 1);
}

TEST(DatabaseOpenTest, BadUrlIsClearError) {
  auto db = Database::Open("sqlite:/nonexistent-dir/x/y.db");
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("/nonexistent-dir"), std::string::npos);
}

TEST(DatabaseDialectTest, Placeholders) {
  auto db = Database::Open("sqlite::memory:");
  ASSERT_TRUE(db.ok());
  EXPECT_EQ((*db)->Dialect("id {{pk}}, b {{blob}}"), "id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB");
}

}  // namespace
}  // namespace jianbao::store
