// Copyright 2026 The Jianbao Authors.
//
// How corrections and source notes explain findings: the reporting-day
// window of a correction, scopes of notes, and the target on the shared CSV.

#include "epidemic/notes.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "epidemic/embedded.h"
#include "epidemic/importer.h"
#include "epidemic/regions.h"
#include "epidemic/rules.h"
#include "epidemic/testing/test_util.h"

namespace jianbao::epidemic {
namespace {

constexpr const char* kHubei = "420000";
constexpr const char* kWuhan = "420100";

// Cumulative deaths of `region` from 2020-04-10: small steps, then a jump of
// +1290 on 2020-04-16 (the Wuhan revision as the shared CSV carries it).
std::vector<RegionDay> Jump(const std::string& region) {
  std::vector<RegionDay> rows;
  int64_t deaths = 100;
  for (int d = 10; d <= 17; ++d) {
    deaths += d == 16 ? 1290 : 1;
    FigureSet s;
    s.set(Field::kCumDeaths, deaths);
    rows.push_back({"2020-04-" + std::to_string(d), region, s});
  }
  return rows;
}

std::vector<Region> Regions() {
  std::vector<Region> r = BuiltinRegions();
  r.push_back({kWuhan, "武汉市", "武汉", RegionLevel::kCity, kHubei});
  return r;
}

std::vector<Violation> RunAll(const std::vector<RegionDay>& rows, const std::vector<Correction>& c,
                              const std::vector<SourceNote>& notes = {}) {
  FigureIndex index(rows, c, Regions(), notes);
  return RunRules(index, INT64_MIN / 2, INT64_MAX / 2);
}

Correction Revision(const std::string& region, const std::string& data_date) {
  return Correction{7, "2020-04-17", region, Field::kCumDeaths, 1290, "订正", "", data_date};
}

const Violation* Only(const std::vector<Violation>& v, const std::string& rule) {
  const Violation* found = nullptr;
  for (const Violation& x : v) {
    if (x.rule != rule) continue;
    EXPECT_EQ(found, nullptr) << "two " << rule;
    found = &x;
  }
  return found;
}

TEST(CorrectionWindowTest, AnnouncementDateOnlyDoesNotExplainTheDayBefore) {
  auto v = RunAll(Jump(kHubei), {Revision(kHubei, "")});
  const Violation* jump = Only(v, "daily_jump");
  ASSERT_TRUE(jump);
  EXPECT_EQ(jump->date, "2020-04-16");
  EXPECT_FALSE(jump->explained);
  EXPECT_FALSE(jump->explained_by);
}

TEST(CorrectionWindowTest, DataDateExplainsTheDayTheDataCarryIt) {
  auto v = RunAll(Jump(kHubei), {Revision(kHubei, "2020-04-16")});
  const Violation* jump = Only(v, "daily_jump");
  ASSERT_TRUE(jump);
  EXPECT_TRUE(jump->explained);
  ASSERT_TRUE(jump->explained_by);
  EXPECT_EQ(*jump->explained_by, (Explanation{"correction", 7}));
}

TEST(CorrectionWindowTest, WindowEndsAtTheAnnouncement) {
  // A correction "as of" 04-14 announced 04-15 does not reach 04-16.
  Correction c = Revision(kHubei, "2020-04-14");
  c.date = "2020-04-15";
  EXPECT_FALSE(Only(RunAll(Jump(kHubei), {c}), "daily_jump")->explained);
}

TEST(CorrectionWindowTest, DeltaMustAccountForTheJump) {
  Correction c = Revision(kHubei, "2020-04-16");
  c.delta = 300;  // leaves +990 unexplained
  EXPECT_FALSE(Only(RunAll(Jump(kHubei), {c}), "daily_jump")->explained);
}

TEST(CorrectionWindowTest, ScopeIsTheRegion) {
  // Recorded for Wuhan only: Hubei's jump stays unexplained.
  EXPECT_FALSE(
      Only(RunAll(Jump(kHubei), {Revision(kWuhan, "2020-04-16")}), "daily_jump")->explained);
}

TEST(CorrectionWindowTest, MainlandCorrectionExplainsTheNationalTotal) {
  auto v = RunAll(Jump(std::string(kNational)), {Revision(std::string(kMainland), "2020-04-16")});
  EXPECT_TRUE(Only(v, "daily_jump")->explained);
}

SourceNote Note(std::vector<std::string> regions, std::string level = "") {
  SourceNote n;
  n.id = 3;
  n.regions = std::move(regions);
  n.level = std::move(level);
  n.rule = "daily_jump";
  n.reason = "口径变化";
  return n;
}

TEST(NoteScopeTest, CityNoteDoesNotCoverItsProvince) {
  std::vector<RegionDay> rows = Jump(kHubei);
  for (RegionDay r : Jump(kWuhan)) {
    r.figures.set(Field::kCumDeaths, *r.figures.get(Field::kCumDeaths) - 50);
    rows.push_back(r);
  }
  auto v = RunAll(rows, {}, {Note({kWuhan})});
  int seen = 0;
  for (const Violation& x : v) {
    if (x.rule != "daily_jump") continue;
    ++seen;
    if (x.region == kWuhan) {
      ASSERT_TRUE(x.explained_by);
      EXPECT_EQ(*x.explained_by, (Explanation{"note", 3}));
    } else {
      EXPECT_FALSE(x.explained) << x.region;
    }
  }
  EXPECT_EQ(seen, 2);
}

TEST(NoteScopeTest, ProvinceWithLevelCityCoversItsCitiesOnly) {
  std::vector<RegionDay> rows = Jump(kHubei);
  for (RegionDay r : Jump(kWuhan)) {
    r.figures.set(Field::kCumDeaths, *r.figures.get(Field::kCumDeaths) - 50);
    rows.push_back(r);
  }
  for (const Violation& x : RunAll(rows, {}, {Note({kHubei}, "city")})) {
    if (x.rule == "daily_jump") {
      EXPECT_EQ(x.explained, x.region == kWuhan) << x.region;
    }
  }
}

TEST(NoteScopeTest, DateRangeFieldsAndRuleLimitTheScope) {
  SourceNote n = Note({kHubei});
  n.from = "2020-04-17";
  EXPECT_FALSE(Only(RunAll(Jump(kHubei), {}, {n}), "daily_jump")->explained);
  n = Note({kHubei});
  n.to = "2020-04-16";
  n.fields = {Field::kCumConfirmed};
  EXPECT_FALSE(Only(RunAll(Jump(kHubei), {}, {n}), "daily_jump")->explained);
  n.fields = {Field::kCumDeaths};
  EXPECT_TRUE(Only(RunAll(Jump(kHubei), {}, {n}), "daily_jump")->explained);
  n.rule = "frozen_cured";
  EXPECT_FALSE(Only(RunAll(Jump(kHubei), {}, {n}), "daily_jump")->explained);
}

TEST(NoteScopeTest, CorrectionWinsOverNote) {
  auto v = RunAll(Jump(kHubei), {Revision(kHubei, "2020-04-16")}, {Note({kHubei})});
  EXPECT_EQ(Only(v, "daily_jump")->explained_by->kind, "correction");
}

TEST(NotesCsvTest, KnownNotesParse) {
  auto notes = ParseNotesCsv(embedded::kKnownNotes);
  ASSERT_TRUE(notes.ok()) << notes.status().ToString();
  EXPECT_GE(notes->size(), 11u);
  for (const SourceNote& n : *notes) EXPECT_NE(n.reference.find("README"), std::string::npos);
}

TEST(NotesCsvTest, RejectsUnknownRuleAndLevel) {
  std::string head = std::string(kNotesHeader) + "\n";
  EXPECT_EQ(ParseNotesCsv(head + ",,,no_such_rule,,,r,x\n").status().key(), "unknown_rule");
  EXPECT_EQ(ParseNotesCsv(head + ",town,,,,,r,x\n").status().key(), "unknown_level");
  EXPECT_EQ(ParseNotesCsv(head + ",,,,2020-02-02,2020-02-01,r,x\n").status().key(), "bad_date");
  EXPECT_EQ(ParseNotesCsv(head + ",,,,,,,x\n").status().key(), "empty_reason");
}

// The target of issue 20 on the whole shared CSV.
TEST(SharedCsvExplainedTest, AtMost30UnexplainedAnd0318Clean) {
  auto batch = ParseImport(testing::ReadFile(testing::SharedCsvPath()), nullptr);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  auto parsed_known = ParseImport(embedded::kKnownCorrections, nullptr);
  ASSERT_TRUE(parsed_known.ok()) << parsed_known.status().ToString();
  ImportBatch known_batch = std::move(parsed_known).value();
  ImportBatch* known = &known_batch;
  int64_t id = 0;
  for (Correction& c : known->corrections) c.id = ++id;
  auto parsed = ParseNotesCsv(embedded::kKnownNotes);
  ASSERT_TRUE(parsed.ok());
  std::vector<SourceNote> notes = std::move(parsed).value();
  id = 0;
  for (SourceNote& n : notes) n.id = ++id;
  std::vector<Region> regions = BuiltinRegions();
  regions.insert(regions.end(), batch->regions.begin(), batch->regions.end());
  FigureIndex index(batch->rows, known->corrections, regions, notes);
  auto v = RunRules(index, INT64_MIN / 2, INT64_MAX / 2);
  int unexplained = 0;
  for (const Violation& x : v) {
    EXPECT_NE(x.date, "2020-03-18") << x.rule;
    EXPECT_EQ(x.explained, x.explained_by.has_value());
    if (!x.explained) ++unexplained;
  }
  EXPECT_LE(unexplained, 30);
  EXPECT_EQ(v.size(), 560u);  // explained, not hidden
}

}  // namespace
}  // namespace jianbao::epidemic
