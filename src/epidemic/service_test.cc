// Copyright 2026 The Jianbao Authors.
//
// The service against a real database: SQLite always, PostgreSQL too when
// JIANBAO_TEST_PG_URL is set.

#include "epidemic/service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "epidemic/json.h"
#include "epidemic/repository.h"
#include "epidemic/testing/test_util.h"

namespace jianbao::epidemic {
namespace {

constexpr char kHeader[] =
    "date,country,countryCode,province,provinceCode,city,cityCode,confirmed,suspected,cured,dead\n";

// The first `lines` lines of the shared CSV (header included).
std::string SharedCsvHead(int lines) {
  std::istringstream in(testing::ReadFile(testing::SharedCsvPath()));
  std::string out, line;
  for (int i = 0; i < lines && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

class ServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = testing::OpenFreshDatabase(GetParam());
    ASSERT_TRUE(db_);
    svc_ = std::make_unique<EpidemicService>(*db_);
  }

  // Everything the module stores, as text, to prove that nothing changed.
  std::string Snapshot() {
    auto rows = svc_->GetDayFigures("2020-01-20");
    std::string out;
    Status st = db_->Read([&](soci::session& s) {
      auto all = repository::LoadFigures(s, "", "");
      auto corrections = repository::LoadCorrections(s, "", "");
      auto regions = repository::LoadRegions(s);
      if (!all.ok() || !corrections.ok() || !regions.ok()) return Status::Internal("load");
      out = RowsToJson(*all) + CorrectionsToJson(*corrections) + std::to_string(regions->size());
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out;
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<EpidemicService> svc_;
  const Actor sys_ = Actor::System();
};

TEST_P(ServiceTest, BadFilesLeaveTheDatabaseUnchanged) {
  const std::string good = SharedCsvHead(1500);
  auto first = svc_->Import(sys_, good, "head.csv");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_GT(first->changed, 0);
  const std::string before = Snapshot();

  const std::string cases[] = {
      good + "2020-01-25,中国,CN,北京市,110000,,,41,0,-1,0\n",  // bad row at the end
      good + "2020-13-01,中国,CN,北京市,110000,,,41,0,0,0\n",   // bad date
      good +
          "2020-01-25,中国,CN,广东省,440000,,,53,0,2,0\n"  // duplicate
          "2020-01-25,中国,CN,广东省,440000,,,53,0,2,0\n",
      "date;country;confirmed\n" + good.substr(good.find('\n') + 1),  // wrong header
  };
  const char* expected[] = {"(cured): not a non-negative integer", "(date): not a date",
                            "duplicate row", "unrecognised header"};
  for (size_t i = 0; i < std::size(cases); ++i) {
    // The bad row comes after a row that would change the stored values.
    std::string content = cases[i];
    content.insert(content.find('\n') + 1, "2020-04-30,中国,CN,北京市,110000,,,999,0,0,0\n");
    auto r = svc_->Import(sys_, content, "bad.csv");
    ASSERT_FALSE(r.ok()) << i;
    EXPECT_NE(r.status().message().find(expected[i]), std::string::npos) << r.status().message();
    EXPECT_EQ(Snapshot(), before) << "case " << i;
  }
}

TEST_P(ServiceTest, ReimportChangesNothing) {
  const std::string good = SharedCsvHead(3000);
  ASSERT_TRUE(svc_->Import(sys_, good, "a.csv").ok());
  const std::string before = Snapshot();
  auto again = svc_->Import(sys_, good, "a.csv");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->changed, 0);
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ServiceTest, SharedCsvPlusIssueJsonGivesTheIssueDayAndTheSeedText) {
  auto csv = svc_->Import(sys_, testing::ReadFile(testing::SharedCsvPath()), "shared.csv");
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_EQ(csv->records, 50172);
  auto json = svc_->Import(sys_, testing::kIssueDayJson, "day.json");
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  auto day = svc_->GetDay("2020-03-18");
  ASSERT_TRUE(day.ok()) << day.status().ToString();
  EXPECT_EQ(nlohmann::json::parse(DayToJson(*day)), nlohmann::json::parse(testing::kIssueDayJson));

  auto n = svc_->NarrativeFor("2020-03-18", "");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  std::string text = n->Text();
  for (size_t p = text.find("**"); p != std::string::npos; p = text.find("**", p)) text.erase(p, 2);
  EXPECT_EQ(text, testing::SeedSection());

  auto report = svc_->Validate("2020-03-18", "2020-03-18");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->violations.empty()) << ViolationsToJson(report->violations);
  ASSERT_EQ(report->days.size(), 1u);
  EXPECT_TRUE(report->days[0].verified);

  // Fixing a value in the grid changes validation, and fixing it back restores it.
  auto rows = svc_->GetDayFigures("2020-03-18");
  ASSERT_TRUE(rows.ok());
  FigureSet hubei;
  for (const RegionDay& r : *rows) {
    if (r.region == "420000") hubei = r.figures;
  }
  FigureSet wrong = hubei;
  wrong.set(Field::kCumDeaths, 3131);
  ASSERT_TRUE(svc_->UpdateFigures(sys_, "2020-03-18", "420000", wrong, "grid").ok());
  report = svc_->Validate("2020-03-18", "2020-03-18");
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->days[0].verified);
  std::set<std::string> rules;
  for (const Violation& v : report->violations) rules.insert(v.rule);
  EXPECT_TRUE(rules.count("mainland_sum"));
  EXPECT_TRUE(rules.count("cumulative_identity"));
  ASSERT_TRUE(svc_->UpdateFigures(sys_, "2020-03-18", "420000", hubei, "grid").ok());
  EXPECT_TRUE(svc_->Validate("2020-03-18", "2020-03-18")->violations.empty());

  auto whole = svc_->Validate("", "");
  ASSERT_TRUE(whole.ok());
  EXPECT_GT(whole->violations.size(), 100u);
  auto current = svc_->CurrentByProvince("2020-03-18");
  ASSERT_TRUE(current.ok());
  ASSERT_FALSE(current->empty());
  EXPECT_EQ(current->front().region.code, "420000");
  EXPECT_EQ(current->front().value, 6992);
  auto series = svc_->HubeiVsRest(Field::kCumConfirmed, "2020-03-01", "2020-03-18");
  ASSERT_TRUE(series.ok());
  EXPECT_EQ((*series)[0].points.back().value, 67800);
  EXPECT_EQ((*series)[1].points.back().value, 80928 - 67800);
  auto mainland = svc_->GetSeries("000000", Field::kCumConfirmed, "2020-03-17", "2020-03-18");
  ASSERT_TRUE(mainland.ok());
  ASSERT_EQ(mainland->points.size(), 2u);
  EXPECT_TRUE(mainland->points[0].derived);
  EXPECT_FALSE(mainland->points[1].derived);
}

TEST_P(ServiceTest, SharedCsvPlusOurFiguresCsvGivesTheSeedText) {
  // data/nhc_2020-03-18.csv holds the NHC figures the shared CSV lacks.
  ASSERT_TRUE(svc_->Import(sys_, testing::ReadFile(testing::SharedCsvPath()), "shared.csv").ok());
  auto extra = svc_->Import(sys_, testing::ReadFile("src/epidemic/data/nhc_2020-03-18.csv"), "nhc.csv");
  ASSERT_TRUE(extra.ok()) << extra.status().ToString();
  EXPECT_EQ(extra->format, "figures");
  auto day = svc_->GetDay("2020-03-18");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->derived, (std::vector<std::string>{"mainland.cum_confirmed", "mainland.cum_cured",
                                                    "mainland.cum_deaths"}));
  auto n = svc_->NarrativeFor("2020-03-18", "");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  std::string text = n->Text();
  for (size_t p = text.find("**"); p != std::string::npos; p = text.find("**", p)) text.erase(p, 2);
  EXPECT_EQ(text, testing::SeedSection());
  auto report = svc_->Validate("2020-03-18", "2020-03-18");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->violations.empty()) << ViolationsToJson(report->violations);
}

TEST_P(ServiceTest, Corrections) {
  auto added = svc_->LoadKnownCorrections(sys_);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(*added, 10);
  EXPECT_EQ(*svc_->LoadKnownCorrections(sys_), 0);
  auto list = svc_->ListCorrections("2020-04-17", "2020-04-17");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 6u);
  Correction c{0, "2020-04-05", "420000", Field::kCumDeaths, 1, "湖北核增1例死亡病例", "x", ""};
  auto dup = svc_->AddCorrection(sys_, c);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  c.reason = "另一条";
  auto ok = svc_->AddCorrection(sys_, c);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_GT(ok->id, 0);
  EXPECT_TRUE(svc_->DeleteCorrection(sys_, ok->id).ok());
  EXPECT_EQ(svc_->DeleteCorrection(sys_, ok->id).code(), Code::kNotFound);
  c.field = Field::kNewDeaths;
  EXPECT_EQ(svc_->AddCorrection(sys_, c).status().code(), Code::kInvalidArgument);
  c.field = Field::kCumDeaths;
  c.region = "999999";
  EXPECT_EQ(svc_->AddCorrection(sys_, c).status().code(), Code::kInvalidArgument);
}

TEST_P(ServiceTest, BadRequests) {
  EXPECT_EQ(svc_->GetDay("2020-3-18").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(svc_->GetDay("2020-03-18").status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->Validate("x", "").status().code(), Code::kInvalidArgument);
  FigureSet f;
  f.set(Field::kCumConfirmed, 1);
  EXPECT_EQ(svc_->UpdateFigures(sys_, "2020-03-18", "999999", f, "grid").code(), Code::kInvalidArgument);
  f.set(Field::kCumConfirmed, -1);
  EXPECT_EQ(svc_->UpdateFigures(sys_, "2020-03-18", "420000", f, "grid").code(), Code::kInvalidArgument);
  EXPECT_EQ(svc_->Import(sys_, "{\"date\":\"2020-03-18\",\"x\":1}", "d.json").status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(svc_->Import(sys_, std::string(kHeader), "empty.csv")->changed, 0);
}

TEST_P(ServiceTest, ChangesNeedTheEditorRoleAndAreAudited) {
  auto audit_count = [&](const std::string& action) {
    long long n = 0;
    Status st = db_->Read([&](soci::session& s) {
      s << "SELECT COUNT(*) FROM audit_log WHERE action = :a", soci::use(action), soci::into(n);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return n;
  };
  const long long imports = audit_count("epidemic.import");
  const long long updates = audit_count("epidemic.update");
  Actor reporter;
  reporter.user_id = 7;
  reporter.login = "reporter";
  reporter.roles = {kRoleReporter, kRoleApprover, kRoleAdmin};
  Actor editor = reporter;
  editor.login = "editor";
  editor.roles = {kRoleEditor};
  const std::string before = Snapshot();
  EXPECT_EQ(svc_->Import(reporter, testing::kIssueDayJson, "d.json").status().code(),
            Code::kPermissionDenied);
  FigureSet f;
  f.set(Field::kCumConfirmed, 1);
  EXPECT_EQ(svc_->UpdateFigures(reporter, "2020-03-18", "420000", f, "grid").code(),
            Code::kPermissionDenied);
  Correction c{0, "2020-04-05", "420000", Field::kCumDeaths, 1, "r", "s", ""};
  EXPECT_EQ(svc_->AddCorrection(reporter, c).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(svc_->DeleteCorrection(reporter, 1).code(), Code::kPermissionDenied);
  EXPECT_EQ(svc_->LoadKnownCorrections(reporter).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Snapshot(), before);

  ASSERT_TRUE(svc_->Import(editor, testing::kIssueDayJson, "d.json").ok());
  EXPECT_EQ(audit_count("epidemic.import"), imports + 1);
  ASSERT_TRUE(svc_->Import(editor, testing::kIssueDayJson, "d.json").ok());  // no change, no entry
  EXPECT_EQ(audit_count("epidemic.import"), imports + 1);
  ASSERT_TRUE(svc_->UpdateFigures(editor, "2020-03-18", "420000", f, "grid").ok());
  EXPECT_EQ(audit_count("epidemic.update"), updates + 1);
  auto added = svc_->AddCorrection(editor, c);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ASSERT_TRUE(svc_->DeleteCorrection(editor, added->id).ok());
  std::string before_json;
  const std::string entity_id = std::to_string(added->id);  // outlives the statement
  Status st = db_->Read([&](soci::session& s) {
    s << "SELECT before_json FROM audit_log WHERE action = 'epidemic.correction_delete' AND "
         "entity_id = :id",
        soci::use(entity_id), soci::into(before_json);
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok());
  EXPECT_NE(before_json.find("\"reason\":\"r\""), std::string::npos) << before_json;
}

INSTANTIATE_TEST_SUITE_P(Engines, ServiceTest, ::testing::ValuesIn(testing::TestDatabaseUrls()),
                         [](const auto& info) {
                           return info.param.rfind("sqlite:", 0) == 0 ? std::string("Sqlite")
                                                                      : std::string("Postgres");
                         });

}  // namespace
}  // namespace jianbao::epidemic
