// Copyright 2026 The Jianbao Authors.

#include "epidemic/testing/test_util.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "epidemic/repository.h"
#include "notify/notify.h"
#include "orgs/repository.h"

namespace jianbao::epidemic::testing {

std::string SharedPath(const std::string& relative) {
  const char* env = std::getenv("JIANBAO_SHARED");
  return std::string(env ? env : "../shared") + "/" + relative;
}

std::string SharedCsvPath() {
  return SharedPath("data/epidemic/canghailan-wuhan-2019-ncov_china_2020-01-01_2020-04-30.csv");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> TestDatabaseUrls() {
  static std::atomic<int> counter{0};
  auto dir =
      std::filesystem::temp_directory_path() / ("jb_epidemic_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> urls = {"sqlite:" +
                                   (dir / ("t" + std::to_string(counter++) + ".db")).string()};
  if (const char* pg = std::getenv("JIANBAO_TEST_PG_URL"); pg && *pg) urls.push_back(pg);
  return urls;
}

std::unique_ptr<store::Database> OpenFreshDatabase(const std::string& url) {
  auto db = store::Database::Open(url);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  if (!db.ok()) return nullptr;
  std::unique_ptr<store::Database> out = std::move(db).value();
  Status st = out->Write([](soci::session& s) {
    s << "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER "
         "NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))";
    s << "DROP TABLE IF EXISTS epidemic_followup_events";
    s << "DROP TABLE IF EXISTS epidemic_followups";
    s << "DROP TABLE IF EXISTS epidemic_notes";
    s << "DROP TABLE IF EXISTS epidemic_figure_versions";
    s << "DROP TABLE IF EXISTS epidemic_corrections";
    s << "DROP TABLE IF EXISTS epidemic_figures";
    s << "DROP TABLE IF EXISTS epidemic_regions";
    s << "DELETE FROM schema_migrations WHERE module = 'epidemic'";
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  out->AddMigrations("orgs", orgs::repo::Migrations());  // the audit log, users
  out->AddMigrations("notify", notify::Migrations());    // follow-up notifications
  out->AddMigrations("epidemic", Migrations());
  st = out->Migrate();
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

const char kIssueDayJson[] = R"json({
  "date": "2020-03-18",
  "mainland": { "new_confirmed": 34, "new_deaths": 8, "new_deaths_by_region": {"420000": 8},
                "new_suspected": 23, "new_cured": 819, "contacts_released": 1032, "severe_change": -308,
                "current_confirmed": 7263, "current_severe": 2314, "cum_cured": 70420, "cum_deaths": 3245,
                "cum_confirmed": 80928, "current_suspected": 105, "cum_contacts": 683281,
                "contacts_under_observation": 9144 },
  "hubei": { "new_confirmed": 0, "new_cured": 795, "new_deaths": 8, "current_confirmed": 6992,
             "current_severe": 2274, "cum_cured": 57678, "cum_deaths": 3130, "cum_confirmed": 67800,
             "new_suspected": 0, "current_suspected": 0,
             "wuhan": { "new_confirmed": 0, "new_cured": 733, "new_deaths": 6, "current_confirmed": 6744,
                        "current_severe": 2222, "cum_cured": 40765, "cum_deaths": 2496, "cum_confirmed": 50005,
                        "new_suspected": 0, "current_suspected": 0 } },
  "imported": { "new_confirmed": 34, "cum_confirmed": 189,
                "new_by_region": {"110000": 21, "440000": 9, "310000": 2, "230000": 1, "330000": 1} },
  "hk_macau_taiwan": { "810000": {"confirmed": 192, "discharged": 95, "deaths": 4},
                       "820000": {"confirmed": 15, "discharged": 10, "deaths": 0},
                       "710000": {"confirmed": 100, "discharged": 22, "deaths": 1} }
})json";

std::string SeedSection() {
  const std::string seed = ReadFile(SharedPath("seed/000_83534077f814a0a5.txt"));
  // The section title starts a line; the table of contents has it after "7. ".
  size_t start = seed.find("\n新型冠状病毒肺炎疫情动态（截至");
  if (start == std::string::npos) return "";
  ++start;
  const std::string end_marker = "（信息来自国家卫生健康委员会官方网站）";
  size_t end = seed.find(end_marker, start);
  if (end == std::string::npos) return "";
  std::string section = seed.substr(start, end + end_marker.size() - start);
  std::string out;
  for (size_t i = 0; i < section.size(); ++i) {
    if (section.compare(i, 2, "**") == 0) {
      ++i;
      continue;
    }
    out += section[i];
  }
  return out;
}

}  // namespace jianbao::epidemic::testing
