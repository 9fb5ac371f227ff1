// Copyright 2026 The Jianbao Authors.
//
// Helpers for the epidemic tests: shared data paths, fresh databases on
// SQLite (always) and PostgreSQL (when JIANBAO_TEST_PG_URL is set), and the
// day JSON from issue 4.

#ifndef JIANBAO_EPIDEMIC_TESTING_TEST_UTIL_H_
#define JIANBAO_EPIDEMIC_TESTING_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"

namespace jianbao::epidemic::testing {

// Returns $JIANBAO_SHARED/<relative> (default ../shared).
std::string SharedPath(const std::string& relative);

// Returns the shared CSV's path.
std::string SharedCsvPath();

// Returns a file's content; fails the current test (and returns "") when unreadable.
std::string ReadFile(const std::string& path);

// Returns the URLs the database tests run on: a fresh SQLite file, plus
// $JIANBAO_TEST_PG_URL when set.
std::vector<std::string> TestDatabaseUrls();

// Opens `url` with the epidemic tables dropped and re-migrated.
std::unique_ptr<store::Database> OpenFreshDatabase(const std::string& url);

// The 2020-03-18 day JSON exactly as issue 4 gives it.
extern const char kIssueDayJson[];

// Returns the seed's last section (title through the NHC source line) with
// the `**` markers removed, or "" when the seed is not there.
std::string SeedSection();

}  // namespace jianbao::epidemic::testing

#endif  // JIANBAO_EPIDEMIC_TESTING_TEST_UTIL_H_
