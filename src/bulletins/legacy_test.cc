// Copyright 2026 The Jianbao Authors.
//
// The legacy importer on the seed bulletin (read from ../shared/seed at test
// time, never copied here) and on damaged variants made from it.

#include "bulletins/legacy.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace jianbao::bulletins {
namespace {

std::string ReadSeed() {
  const char* shared = std::getenv("JIANBAO_SHARED");
  std::filesystem::path dir = std::filesystem::path(shared ? shared : "../shared") / "seed";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") {
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return "";
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The contents titles of the seed, whitespace removed: the ground truth.
std::vector<std::string> ContentsTitles(const std::string& seed) {
  std::vector<std::string> out;
  static const std::regex kToc(R"(^\d\. (.+)\t\d+$)");
  for (const auto& line : Lines(seed)) {
    std::smatch m;
    if (std::regex_match(line, m, kToc)) {
      out.push_back(std::regex_replace(m[1].str(), std::regex(" "), ""));
    }
  }
  return out;
}

std::string NoSpaces(const std::string& s) { return std::regex_replace(s, std::regex(" "), ""); }

class LegacyImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_ = ReadSeed();
    ASSERT_FALSE(seed_.empty()) << "seed bulletin not found under $JIANBAO_SHARED/seed";
    titles_ = ContentsTitles(seed_);
    ASSERT_EQ(titles_.size(), 7u);
  }
  void ExpectSeedArticles(const LegacyImport& r) {
    ASSERT_EQ(r.issue.sections.size(), 7u);
    for (size_t i = 0; i < 7; ++i) EXPECT_EQ(NoSpaces(r.issue.sections[i].title), titles_[i]);
    EXPECT_EQ(r.issue.sections[0].org, "湖北行协");
    EXPECT_EQ(r.issue.sections[1].org, "河北行协");
    EXPECT_EQ(r.issue.sections[4].org, "黑龙江行协");
    EXPECT_EQ(r.issue.sections[6].org, "");
    EXPECT_EQ(r.kinds[6], SectionKind::kEpidemic);
    EXPECT_EQ(r.kinds[0], SectionKind::kArticle);
  }
  std::string seed_;
  std::vector<std::string> titles_;
};

TEST_F(LegacyImportTest, SeedIsRecoveredWhole) {
  auto r = ImportLegacyText(seed_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectSeedArticles(*r);
  const typeset::Issue& issue = r->issue;
  EXPECT_EQ(issue.number, 31);
  EXPECT_EQ(issue.date, "2020-03-19");
  EXPECT_EQ(issue.issuer, "中国通信企业协会秘书处");
  EXPECT_EQ(issue.masthead, "中国通信企业协会");
  EXPECT_EQ(issue.subtitle, "协会专刊");
  ASSERT_EQ(issue.title_lines.size(), 2u);
  EXPECT_EQ(issue.title_lines[1], "信息简报");
  EXPECT_EQ(issue.sections[3].title.find("全力以赴做好疫情防控") != std::string::npos, true);
  // Sub-headings recognised; paragraphs split by a page break healed.
  EXPECT_NE(issue.sections[0].body_markdown.find("## 众志成城 投入疫情防控阻击战"), std::string::npos);
  EXPECT_NE(issue.sections[0].body_markdown.find("湖北通信行业协会《专题简报》"), std::string::npos);
  EXPECT_NE(issue.sections[6].body_markdown.find("新增疑似病例0 例"), std::string::npos);
  EXPECT_NE(issue.sections[4].body_markdown.find("除了坚持日常工作外"), std::string::npos);
  for (const auto& s : issue.sections) EXPECT_EQ(s.body_markdown.find("## 杨"), std::string::npos);
  EXPECT_EQ(issue.sections[6].body_markdown.find("\n\n0 例"), std::string::npos);
  EXPECT_NE(issue.closing_note.find("以上信息来源"), std::string::npos);
  EXPECT_EQ(issue.sections[6].body_markdown.find("以上信息来源"), std::string::npos);
  EXPECT_TRUE(r->problems.empty() || r->problems[0].find("split") != std::string::npos);
}

TEST_F(LegacyImportTest, JsonRoundTripsThroughTheTypesetter) {
  auto r = ImportLegacyText(seed_);
  ASSERT_TRUE(r.ok());
  auto back = typeset::ParseIssueJson(IssueToJson(r->issue));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->sections.size(), 7u);
  EXPECT_EQ(back->title_lines, r->issue.title_lines);
  EXPECT_EQ(back->sections[2].body_markdown, r->issue.sections[2].body_markdown);
}

TEST_F(LegacyImportTest, WithoutContents) {
  std::vector<std::string> kept;
  for (const auto& l : Lines(seed_)) {
    if (l == "目 录" || std::regex_match(l, std::regex(R"(^\d\. .+\t\d+$)"))) continue;
    kept.push_back(l);
  }
  auto r = ImportLegacyText(Join(kept));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectSeedArticles(*r);
  EXPECT_NE(r->problems[0].find("no contents"), std::string::npos);
}

TEST_F(LegacyImportTest, MissingHeaderNeedsNumberAndDate) {
  const size_t toc = seed_.find("目 录");
  const std::string headless = seed_.substr(toc);
  auto r = ImportLegacyText(headless);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "title");
  std::vector<std::string> lines = Lines(seed_);
  std::vector<std::string> no_number;
  for (const auto& l : lines) {
    if (l.find("期") == std::string::npos || l.find("第") != 0) no_number.push_back(l);
  }
  auto missing = ImportLegacyText(Join(no_number));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "number");
  EXPECT_NE(missing.status().message().find("第N期"), std::string::npos);
  auto given = ImportLegacyText(Join(no_number), {31, ""});
  ASSERT_TRUE(given.ok()) << given.status().ToString();
  EXPECT_EQ(given->issue.number, 31);
}

TEST_F(LegacyImportTest, ExtraBlankLinesAndStrayPageNumbers) {
  std::string noisy;
  int n = 0;
  for (const auto& l : Lines(seed_)) {
    noisy += l + "\n\n\n";
    if (++n % 40 == 0) noisy += "— " + std::to_string(n / 40) + " —\n\n";
  }
  auto r = ImportLegacyText(noisy);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectSeedArticles(*r);
  auto clean = ImportLegacyText(seed_);
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(r->issue.sections[i].body_markdown, clean->issue.sections[i].body_markdown) << i;
  }
  bool reported = false;
  for (const auto& p : r->problems) reported |= p.find("stray page numbers") != std::string::npos;
  EXPECT_TRUE(reported);
}

TEST_F(LegacyImportTest, ShuffledArticlesAreOrderedByContents) {
  // Move the Hebei article (title to the Shaanxi title) after the Shaanxi article.
  const size_t hebei = seed_.find("\n河北行协·");
  const size_t shaanxi = seed_.find("\n陕西行协·");
  const size_t qinghai = seed_.find("\n青海行协·充分");
  ASSERT_TRUE(hebei < shaanxi && shaanxi < qinghai);
  const std::string shuffled = seed_.substr(0, hebei) + seed_.substr(shaanxi, qinghai - shaanxi) +
                               seed_.substr(hebei, shaanxi - hebei) + seed_.substr(qinghai);
  auto r = ImportLegacyText(shuffled);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectSeedArticles(*r);
  auto clean = ImportLegacyText(seed_);
  EXPECT_EQ(r->issue.sections[1].body_markdown, clean->issue.sections[1].body_markdown);
  bool reported = false;
  for (const auto& p : r->problems) reported |= p.find("out of contents order") != std::string::npos;
  EXPECT_TRUE(reported);
}

TEST(LegacyImportBadInputTest, ClearErrors) {
  EXPECT_EQ(ImportLegacyText("").status().key(), "no_articles");
  EXPECT_EQ(ImportLegacyText("\xff\xfe garbage").status().key(), "invalid_utf8");
  EXPECT_EQ(ImportLegacyText(std::string(5 << 20, 'a')).status().key(), "too_large");
  EXPECT_EQ(ImportLegacyText("只是一段普通的文字，没有任何标题。\n").status().key(), "no_articles");
}

// Issue 11: a line of 10,000 '-' overflowed the stack of std::regex.
TEST(LegacyImportHostileTest, LongLinesOfDashesAreRefusedNotCrashed) {
  for (size_t n : {size_t{10000}, size_t{1} << 20}) {
    auto r = ImportLegacyText(std::string(n, '-'));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().key(), "no_articles");
  }
  std::string em;
  for (int i = 0; i < 300000; ++i) em += "—";
  EXPECT_EQ(ImportLegacyText(em + "\n" + em).status().key(), "no_articles");
}

// pdftotext-like text: header, contents, articles with 1 MB lines and a
// paragraph broken into 100,000 short lines (healing must stay linear).
std::string HostileBulletin(const std::string& long_line, int fragments) {
  std::string t = "某某通信行业协会\n\n信息简报\n\n(协会专刊)\n\n第 7 期\n\n某某协会秘书处\n\n";
  t += "2020 年 3 月 19 日\n\n目 录\n\n";
  t += "1. 湖北行协·长文\t1\n2. 河北行协·碎片\t2\n\f";
  t += "湖北行协·长文\n\n" + long_line + "\n\n";
  t += "河北行协·碎片\n\n";
  for (int i = 0; i < fragments; ++i) t += "断开的句子，\n";
  t += "完。\n";
  return t;
}

TEST(LegacyImportHostileTest, MegabyteLinesAndManyFragmentsImport) {
  std::string sentence;
  while (sentence.size() < (1 << 20)) sentence += "通信行业全力保障网络畅通，";
  sentence += "。";
  auto r = ImportLegacyText(HostileBulletin(sentence, 100000));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->issue.sections.size(), 2u);
  EXPECT_EQ(r->issue.number, 7);
  EXPECT_EQ(r->issue.date, "2020-03-19");
  EXPECT_EQ(r->issue.subtitle, "协会专刊");
  EXPECT_EQ(r->issue.sections[0].body_markdown, sentence);
  // The fragments are one healed paragraph.
  EXPECT_EQ(r->issue.sections[1].body_markdown.find("\n"), std::string::npos);
  EXPECT_GT(r->issue.sections[1].body_markdown.size(), 100000u * 15);

  std::string dashes(1 << 20, '-');
  auto d = ImportLegacyText(HostileBulletin(dashes, 10));
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->issue.sections[0].body_markdown, "\\" + dashes);  // not a thematic break
}

TEST(LegacyImportHostileTest, ContentsAndArticleCountsAreCapped) {
  std::string t = "标题\n第1期\n2020年1月1日\n目录\n";
  for (int i = 0; i < 1000; ++i) t += "1. 湖北行协·标题" + std::to_string(i) + " 1\n";
  EXPECT_EQ(ImportLegacyText(t).status().key(), "too_many_contents");
  std::string shapes = "标题\n第1期\n2020年1月1日\n";
  for (int i = 0; i < 1000; ++i) shapes += "湖北行协·标题\n正文。\n";
  EXPECT_EQ(ImportLegacyText(shapes).status().key(), "too_many_articles");
}

}  // namespace
}  // namespace jianbao::bulletins
