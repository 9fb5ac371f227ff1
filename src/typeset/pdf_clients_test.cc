// Copyright 2026 The Jianbao Authors.
//
// The PDF as other software reads it (issue 17): qpdf --check finds nothing,
// every contents entry jumps to its article (pdfinfo -dests, qpdf --json),
// the file is tagged with /Lang, XMP metadata and figure alt texts (pdfinfo
// -struct, -meta, qpdf --json), and text extracted with pdftotext equals the
// source text apart from line breaks. Needs qpdf and poppler-utils
// (scripts/packages/typeset.txt); mutool is only measured in docs/typeset.md.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "typeset/flow.h"
#include "typeset/testing/pdf_probe.h"
#include "typeset/testing/seed_issue.h"
#include "typeset/testing/test_images.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

// Runs `cmd` and returns its standard output and exit status.
std::pair<std::string, int> Capture(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return {"", -1};
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  return {out, rc};
}

bool Have(const std::string& tool) { return Capture("command -v " + tool).second == 0; }

class PdfClientsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ts = Typesetter::Create(Fonts());
    ASSERT_TRUE(ts.ok()) << ts.status().ToString();
    ts_ = std::move(ts).value().release();
  }
  static void TearDownTestSuite() { delete ts_; }
  void SetUp() override {
    if (!Have("qpdf") || !Have("pdftotext") || !Have("pdfinfo")) {
      GTEST_SKIP() << "qpdf and poppler-utils are needed (scripts/packages/typeset.txt)";
    }
  }

  // A small issue with everything the structure tree covers; its body text
  // mixes Chinese, digits and Latin words, and its lines are justified.
  static Issue Sample() {
    Issue issue;
    issue.masthead = "中国通信企业协会";
    issue.title_lines = {"信息通信行业", "信息简报"};
    issue.number = 3;
    issue.issuer = "中国通信企业协会秘书处";
    issue.date = "2020-03-19";
    std::string png = testing::DataUri("image/png", testing::MakePng(40, 30));
    for (int i = 0; i < 3; ++i) {
      Section s;
      s.title = "第" + std::to_string(i + 1) + "篇文章的标题";
      s.body_markdown =
          "1月27日，普通段落，包含English words和数字2020年，以及5G网络、QQ群与"
          "Wi-Fi热点的说明文字，长到足以排成两端对齐的好几行，“引号”与（括号）之间的标点挤压。\n\n"
          "## 一、小标题\n\n- 第一项，3月18日\n- 第二项\n\n"
          "| 地区 | 数量 |\n|---|---|\n| 湖北 | 34 |\n\n![趋势图](" +
          png + ")\n";
      for (int k = 0; k < 12; ++k) {
        s.body_markdown += "\n\n段落" + std::to_string(k) +
                           "：这是用来填满页面的正文文字，这是用来填满页面的正文文字，"
                           "这是用来填满页面的正文文字。";
      }
      issue.sections.push_back(s);
    }
    return issue;
  }

  static std::string Render(const Issue& issue) {
    auto pdf = ts_->RenderPdf(issue);
    EXPECT_TRUE(pdf.ok()) << pdf.status().ToString();
    return pdf.ok() ? *pdf : "";
  }

  static Typesetter* ts_;
};

Typesetter* PdfClientsTest::ts_ = nullptr;

// Returns the objects of `qpdf --json` (version 2) by "obj:N 0 R".
nlohmann::json QpdfObjects(const std::string& path) {
  auto [out, rc] = Capture("qpdf --json=2 '" + path + "'");
  EXPECT_EQ(rc, 0);
  auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.contains("qpdf")) return nlohmann::json::object();
  return j["qpdf"][1];
}

TEST_F(PdfClientsTest, QpdfCheckIsClean) {
  std::string path = probe::TempFile(Render(Sample()), ".pdf");
  auto [out, rc] = Capture("qpdf --check '" + path + "' 2>&1");
  EXPECT_EQ(rc, 0) << out;
  EXPECT_EQ(out.find("WARNING"), std::string::npos) << out;
  EXPECT_NE(out.find("No syntax or stream encoding errors"), std::string::npos) << out;
  std::filesystem::remove(path);
}

TEST_F(PdfClientsTest, EveryContentsEntryJumpsToItsArticle) {
  Issue issue = Sample();
  std::string path = probe::TempFile(Render(issue), ".pdf");
  auto map = ts_->Paginate(issue);
  ASSERT_TRUE(map.ok());
  // Named destinations where the articles start (poppler resolves them).
  auto [dests, rc] = Capture("pdfinfo -dests '" + path + "'");
  ASSERT_EQ(rc, 0);
  for (size_t i = 0; i < issue.sections.size(); ++i) {
    std::regex line("\\n\\s*" + std::to_string(map->section_pages[i]) + " \\[ XYZ[^\\]]*\\] \"s" +
                    std::to_string(i + 1) + "\"");
    EXPECT_TRUE(std::regex_search(dests, line))
        << "s" << i + 1 << " not on page " << map->section_pages[i] << ":\n"
        << dests;
  }
  // Each link annotation names one of them (qpdf reads the annotations).
  std::set<std::string> targets;
  int links = 0;
  const nlohmann::json objects = QpdfObjects(path);
  for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& obj = it.value();
    if (!obj.contains("value") || !obj["value"].is_object()) continue;
    const auto& v = obj["value"];
    if (v.value("/Subtype", "") != "/Link") continue;
    ++links;
    ASSERT_TRUE(v.contains("/Dest")) << key << " has no /Dest: " << v.dump();
    targets.insert(v["/Dest"].get<std::string>());
    EXPECT_TRUE(v.contains("/Contents")) << key;
  }
  EXPECT_EQ(links, static_cast<int>(issue.sections.size()));
  EXPECT_EQ(targets, (std::set<std::string>{"u:s1", "u:s2", "u:s3"}));
  std::filesystem::remove(path);
}

TEST_F(PdfClientsTest, TaggedWithLanguageMetadataAndAltText) {
  std::string path = probe::TempFile(Render(Sample()), ".pdf");
  auto [info, rc] = Capture("pdfinfo '" + path + "'");
  ASSERT_EQ(rc, 0);
  EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << info;
  EXPECT_NE(info.find("Metadata Stream: yes"), std::string::npos) << info;
  auto [tree, rc2] = Capture("pdfinfo -struct '" + path + "'");
  ASSERT_EQ(rc2, 0);
  for (const char* tag : {"Document", "H1", "H2", "H3", "P", "L", "LI", "LBody", "Table", "TR",
                          "TH", "TD", "Figure", "Caption", "TOC", "TOCI", "Link"}) {
    EXPECT_TRUE(std::regex_search("\n" + tree, std::regex(std::string("\\n\\s*") + tag + "\\b")))
        << tag << " missing in:\n"
        << tree.substr(0, 2000);
  }
  auto [meta, rc3] = Capture("pdfinfo -meta '" + path + "'");
  EXPECT_NE(meta.find("<rdf:li xml:lang=\"x-default\">信息通信行业信息简报（第3期）</rdf:li>"),
            std::string::npos)
      << meta;
  EXPECT_NE(meta.find("<rdf:li>中国通信企业协会秘书处</rdf:li>"), std::string::npos);
  EXPECT_NE(meta.find("<xmp:CreateDate>2020-03-19T00:00:00+08:00</xmp:CreateDate>"),
            std::string::npos);
  int figures = 0;
  bool lang = false;
  const nlohmann::json objects = QpdfObjects(path);
  for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
    const nlohmann::json& obj = it.value();
    if (!obj.contains("value") || !obj["value"].is_object()) continue;
    const auto& v = obj["value"];
    if (v.value("/Type", "") == "/Catalog") lang = v.value("/Lang", "") == "u:zh-CN";
    if (v.value("/S", "") == "/Figure") {
      ++figures;
      EXPECT_EQ(v.value("/Alt", ""), "u:趋势图") << v.dump();
    }
  }
  EXPECT_TRUE(lang);
  EXPECT_EQ(figures, 3);
  std::filesystem::remove(path);
}

// Removes form feeds and the page numbers (— N —) pdftotext puts between
// pages; keeps line breaks.
std::string WithoutPageNumbers(std::string text) {
  text = std::regex_replace(text, std::regex("\\n?—\\s*\\d+\\s*—\\n?"), "\n");
  std::string out;
  for (char c : text) {
    if (c != '\f') out += c;
  }
  return out;
}

// Returns `text` without line breaks.
std::string Joined(const std::string& text) {
  std::string out;
  for (char c : WithoutPageNumbers(text)) {
    if (c != '\n') out += c;
  }
  return out;
}

// True when `para` appears in `text` apart from line breaks: a line break
// may come between any two characters, and a space of the source may have
// become one (a line broken at a space).
bool ContainsApartFromLineBreaks(const std::string& text, const std::string& para) {
  if (para.empty()) return true;
  const std::string head = para.substr(0, std::min<size_t>(para.find(' '), 6));
  for (size_t at = text.find(head); at != std::string::npos; at = text.find(head, at + 1)) {
    size_t i = 0, j = at;
    while (i < para.size()) {
      if (j < text.size() && text[j] == para[i]) {
        ++i;
        ++j;
      } else if (j < text.size() && text[j] == '\n') {
        ++j;
      } else if (para[i] == ' ' && j > 0 && text[j - 1] == '\n') {
        ++i;
      } else {
        break;
      }
    }
    if (i == para.size()) return true;
  }
  return false;
}

TEST_F(PdfClientsTest, PdftotextGivesTheSourceText) {
  Issue issue = Sample();
  std::string path = probe::TempFile(Render(issue), ".pdf");
  auto [text, rc] = Capture("pdftotext '" + path + "' -");
  ASSERT_EQ(rc, 0);
  std::string all = WithoutPageNumbers(text);
  EXPECT_TRUE(ContainsApartFromLineBreaks(
      all,
      "1月27日，普通段落，包含English words和数字2020年，以及5G网络、QQ群与Wi-Fi"
      "热点的说明文字，长到足以排成两端对齐的好几行，“引号”与（括号）之间的标点挤压。"))
      << text.substr(0, 3000);
  EXPECT_NE(Joined(text).find("第一项，3月18日"), std::string::npos);
  // No squeezed punctuation mark alone on a line.
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_FALSE(line == "，" || line == "。" || line == "、" || line == "”" || line == "）")
        << "punctuation alone on a line";
  }
  std::filesystem::remove(path);
}

TEST_F(PdfClientsTest, SeedBulletinCopiesCleanly) {
  std::string seed = SeedPath();
  if (seed.empty()) GTEST_SKIP() << "no seed bulletin in $JIANBAO_SHARED/seed or ../shared/seed";
  std::ifstream in(seed);
  std::stringstream ss;
  ss << in.rdbuf();
  auto issue = IssueFromLegacyText(ss.str());
  ASSERT_TRUE(issue.ok()) << issue.status().ToString();
  std::string path = probe::TempFile(Render(*issue), ".pdf");
  auto [check, rc0] = Capture("qpdf --check '" + path + "' 2>&1");
  EXPECT_EQ(rc0, 0) << check;
  auto [text, rc] = Capture("pdftotext '" + path + "' -");
  ASSERT_EQ(rc, 0);
  std::string all = WithoutPageNumbers(text);
  // Every paragraph of every article comes back as the source has it (the
  // seed has no Markdown markup that changes the text).
  int paragraphs = 0, missing = 0;
  for (const Section& s : issue->sections) {
    std::istringstream body(s.body_markdown);
    for (std::string para; std::getline(body, para);) {
      if (para.empty() || para[0] == '#' || para[0] == '|' || para[0] == '!' ||
          para.find("**") != std::string::npos) {
        continue;
      }
      ++paragraphs;
      if (!ContainsApartFromLineBreaks(all, para)) {
        ++missing;
        ADD_FAILURE() << "not extracted as written: " << para.substr(0, 120);
      }
    }
  }
  EXPECT_GT(paragraphs, 20);
  EXPECT_EQ(missing, 0);
  // MuPDF reads the fonts' ToUnicode maps, not /ActualText: every character
  // is there (no U+FFFD, no look-alike such as the Kangxi radical ⾏ for 行),
  // though it infers a space at each Chinese/Latin boundary.
  if (Have("mutool")) {
    auto [mu, rc2] = Capture("mutool draw -q -F txt -o - '" + path + "' 2>/dev/null");
    ASSERT_EQ(rc2, 0);
    auto squeeze = [](const std::string& t) {
      std::string out;
      for (char c : Joined(t)) {
        if (c != ' ') out += c;
      }
      return out;
    };
    std::string mu_all = squeeze(mu);
    EXPECT_EQ(mu.find("\xEF\xBF\xBD"), std::string::npos) << "U+FFFD in mutool's text";
    EXPECT_EQ(mu.find("⾏"), std::string::npos);
    int mu_missing = 0;
    for (const Section& s : issue->sections) {
      std::istringstream body(s.body_markdown);
      for (std::string para; std::getline(body, para);) {
        if (para.empty() || para[0] == '#' || para[0] == '|' || para[0] == '!' ||
            para.find("**") != std::string::npos) {
          continue;
        }
        if (mu_all.find(squeeze(para)) == std::string::npos) ++mu_missing;
      }
    }
    EXPECT_EQ(mu_missing, 0);
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace jianbao::typeset

namespace jianbao::typeset {
namespace {

// The lines of `title` set as an article title (22 pt, balanced, centred).
std::vector<std::string> TitleLines(const std::string& title) {
  auto engine = Engine::Create(Fonts());
  EXPECT_TRUE(engine.ok());
  if (!engine.ok()) return {};
  TextStyle s;
  s.role = Role::kTitle;
  s.size = 22;
  ParaFormat f;
  f.align = ParaFormat::Align::kCenter;
  f.size = 22;
  f.pitch = 34;
  f.balanced = true;
  f.min_last_units = 2;
  auto p = Prepare(**engine, Plain(title, s), f);
  EXPECT_TRUE(p.ok());
  std::vector<std::string> out;
  if (!p.ok()) return out;
  for (const Line& l : (*p)->lines) {
    uint32_t a = (*p)->shaped.info[l.begin].byte;
    uint32_t b = l.end < static_cast<int>((*p)->shaped.info.size())
                     ? (*p)->shaped.info[l.end].byte
                     : static_cast<uint32_t>((*p)->shaped.text.size());
    out.push_back((*p)->shaped.text.substr(a, b - a));
  }
  return out;
}

TEST(TitleBreaks, BetweenWordsAndNotInsideBrackets) {
  auto lines = TitleLines("广东省通信行业协会组织全体会员单位开展通信网络保障应急演练活动");
  ASSERT_EQ(lines.size(), 2u);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string joint = lines[i].substr(lines[i].size() - 3) + lines[i + 1].substr(0, 3);
    for (const char* word : {"开展", "通信", "网络", "保障", "应急", "演练", "单位", "会员"}) {
      EXPECT_NE(joint, word) << lines[i] << " / " << lines[i + 1];
    }
  }
  lines = TitleLines("新型冠状病毒肺炎疫情动态及各地通信行业复工复产情况（截至3月18日）");
  ASSERT_GE(lines.size(), 2u);
  bool whole = false;
  for (const auto& l : lines) whole = whole || l.find("（截至3月18日）") != std::string::npos;
  EXPECT_TRUE(whole) << lines[0] << " / " << lines[1];
}

}  // namespace
}  // namespace jianbao::typeset
