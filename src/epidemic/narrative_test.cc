// Copyright 2026 The Jianbao Authors.

#include "epidemic/narrative.h"

#include <gtest/gtest.h>

#include "epidemic/testing/test_util.h"

namespace jianbao::epidemic {
namespace {

std::string StripStars(std::string s) {
  for (size_t p = s.find("**"); p != std::string::npos; p = s.find("**", p)) s.erase(p, 2);
  return s;
}

Day IssueDay() {
  auto day = DayFromJson(testing::kIssueDayJson);
  EXPECT_TRUE(day.ok()) << day.status().ToString();
  return day.ok() ? day.value() : Day();
}

std::string Render(const Day& day, std::string_view tmpl = DefaultTemplate()) {
  auto n = RenderNarrative(day, tmpl);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? n->Text() : "";
}

TEST(NarrativeTest, DefaultTemplateReproducesTheSeedFor0318) {
  const std::string seed = testing::SeedSection();
  ASSERT_FALSE(seed.empty()) << "seed section not found under $JIANBAO_SHARED/seed";
  EXPECT_EQ(StripStars(Render(IssueDay())), seed);
}

TEST(NarrativeTest, TitleAndBodyAreSplit) {
  auto n = RenderNarrative(IssueDay(), DefaultTemplate());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->title, "新型冠状病毒肺炎疫情动态（截至3月18日）");
  EXPECT_EQ(n->body.rfind("3月18日0—24时", 0), 0u);
}

TEST(NarrativeTest, DeathsGroupEqualCountsInCodeOrderImportedDoNot) {
  Day day = IssueDay();
  day.date = "2020-02-25";
  day.mainland->set(Field::kNewDeaths, 56);
  day.new_deaths_by_region = {
      {"420000", 52}, {"520000", 1}, {"230000", 1}, {"440000", 1}, {"370000", 1}};
  day.imported->new_by_region = {{"330000", 1}, {"230000", 1}, {"110000", 3}};
  std::string text = Render(day);
  EXPECT_NE(text.find("新增死亡病例56例（湖北52例，黑龙江、山东、广东、贵州各1例）"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("（北京 3 例，黑龙江 1 例，浙江 1 例）"), std::string::npos) << text;
}

TEST(NarrativeTest, SevereWordingFollowsTheSign) {
  Day day = IssueDay();
  day.mainland->set(Field::kSevereChange, 12);
  EXPECT_NE(Render(day).find("，新增重症病例12例。"), std::string::npos);
  day.mainland->set(Field::kSevereChange, -5);
  EXPECT_NE(Render(day).find("，重症病例减少5例。"), std::string::npos);
}

TEST(NarrativeTest, UnreportedParagraphsAreLeftOut) {
  Day day = IssueDay();
  day.imported.reset();
  day.hubei.reset();
  day.wuhan.reset();
  day.mainland->set(Field::kNewCured, std::nullopt);
  day.mainland->set(Field::kCumContacts, std::nullopt);
  std::string text = Render(day);
  EXPECT_EQ(text.find("境外输入"), std::string::npos);
  EXPECT_EQ(text.find("湖北新增"), std::string::npos);
  EXPECT_EQ(text.find("当日新增治愈"), std::string::npos);
  EXPECT_EQ(text.find("密切接触者683281"), std::string::npos);
  EXPECT_EQ(text.find("\n\n\n"), std::string::npos);
  EXPECT_NE(text.find("现有疑似病例105例。\n\n累计收到港澳台"), std::string::npos) << text;
}

TEST(NarrativeTest, HkMacauTaiwanPartsOnlyWhenNonZero) {
  Day day = IssueDay();
  day.hk_macau_taiwan["810000"] = {5, 0, 0};
  day.hk_macau_taiwan["820000"] = {15, 0, 1};
  day.hk_macau_taiwan.erase("710000");
  std::string text = Render(day);
  EXPECT_NE(text.find("累计收到港澳台地区通报确诊病例 20 例：香港特别行政区 5 例，"
                      "澳门特别行政区 15 例（死亡 1 例）。"),
            std::string::npos)
      << text;
  day.hk_macau_taiwan.clear();
  EXPECT_EQ(Render(day).find("港澳台"), std::string::npos);
}

TEST(NarrativeTest, PlainTemplateHasNoSpacesAroundNumbers) {
  std::string text = Render(IssueDay(), PlainTemplate());
  EXPECT_NE(text.find("3月18日0—24时，新增报告境外输入确诊病例34例（北京21例，广东9例，上海2例，"
                      "黑龙江1例，浙江1例）。"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("新增疑似病例0例（武汉0例），现有疑似病例0例（武汉0例）。"),
            std::string::npos);
}

TEST(NarrativeTest, EditedTemplateAndBrokenTemplate) {
  auto n =
      RenderNarrative(IssueDay(), "{{month}}月{{day}}日\n\n全国新增{{mainland.new_confirmed}}例");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->Text(), "3月18日\n\n全国新增34例");
  auto broken = RenderNarrative(IssueDay(), "{{#mainland}}never closed");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().key(), "template_invalid");
}

std::string Nested(const std::string& open, const std::string& close, int depth,
                   const std::string& inner) {
  std::string t;
  for (int i = 0; i < depth; ++i) t += open;
  t += inner;
  for (int i = 0; i < depth; ++i) t += close;
  return t;
}

std::string NestedRegions(int depth, const std::string& inner) {
  return Nested("{{#hk_macau_taiwan.regions}}", "{{/hk_macau_taiwan.regions}}", depth, inner);
}

// Issue 11: 15 nested {{#hk_macau_taiwan.regions}} rendered 3^15 times.
TEST(NarrativeHostileTest, DeepSectionsAreRefusedBeforeRendering) {
  auto deep = RenderNarrative(IssueDay(), NestedRegions(15, "{{name}}"));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().key(), "template_too_deep");
  EXPECT_EQ(deep.status().field(), "template");
  EXPECT_NE(deep.status().message().find("10"), std::string::npos);
  EXPECT_TRUE(RenderNarrative(IssueDay(), NestedRegions(3, "{{name}}")).ok());
  // Thousands of levels (which would make the parser recurse) are refused too.
  EXPECT_EQ(RenderNarrative(IssueDay(), Nested("{{#a}}", "{{/a}}", 10000, "")).status().key(),
            "template_too_deep");
  // Inverted sections count, and so do sections after a delimiter change.
  EXPECT_EQ(RenderNarrative(IssueDay(), Nested("{{^x}}", "{{/x}}", 11, "")).status().key(),
            "template_too_deep");
  EXPECT_EQ(RenderNarrative(IssueDay(), "{{=<% %>=}}" + Nested("<%#x%>", "<%/x%>", 11, ""))
                .status()
                .key(),
            "template_too_deep");
  EXPECT_EQ(RenderNarrative(IssueDay(), "{{{=<% %>=}}}" + Nested("<%#x%>", "<%/x%>", 11, ""))
                .status()
                .key(),
            "template_too_deep");
  EXPECT_EQ(RenderNarrative(IssueDay(), "{{=" + std::string(100, '<') + " >=}}").status().key(),
            "template_invalid");
}

TEST(NarrativeHostileTest, RepetitionIsBounded) {
  // Ten levels is allowed by shape; 3^10 repetitions are not.
  auto wide = RenderNarrative(IssueDay(), NestedRegions(10, "{{name}}"));
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.status().key(), "template_too_costly");
  EXPECT_EQ(wide.status().field(), "template");
}

TEST(NarrativeHostileTest, OutputIsCapped) {
  // 27 copies of 60 KB on one line (no newline to flush it early): 1.6 MB.
  auto big = RenderNarrative(IssueDay(), NestedRegions(3, std::string(60000, 'y')));
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().key(), "narrative_too_long");
  auto lines = RenderNarrative(IssueDay(), NestedRegions(3, std::string(60000, 'y') + "\n"));
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.status().key(), "narrative_too_long");
  EXPECT_TRUE(RenderNarrative(IssueDay(), NestedRegions(2, std::string(60000, 'y'))).ok());
}

TEST(NarrativeHostileTest, PartialsRenderNothing) {
  auto n = RenderNarrative(IssueDay(), "a{{>date}}b");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->Text(), "ab");
}

}  // namespace
}  // namespace jianbao::epidemic
