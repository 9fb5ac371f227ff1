// Copyright 2026 The Jianbao Authors.
//
// Whole-document checks on real PDFs, read back with pdftotext -bbox-layout:
// the contents' page numbers, 避头尾 and justification, on the seed
// bulletin's content (read from ../shared/seed at test time) and on a
// generated punctuation-heavy issue.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "core/text.h"
#include "typeset/cjk.h"
#include "typeset/layout.h"
#include "typeset/testing/pdf_probe.h"
#include "typeset/testing/seed_issue.h"
#include "typeset/testing/test_images.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

using probe::PdfPage;
using probe::Word;

constexpr double kRight = geo::kLeft + geo::kTextW;

struct VisualLine {
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  std::u32string text;
  double height() const { return y1 - y0; }
};

// Groups a page's words into visual lines by baseline, left to right.
std::vector<VisualLine> VisualLines(const PdfPage& page) {
  std::vector<Word> words = page.words;
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return std::fabs(a.y1 - b.y1) > 2 ? a.y1 < b.y1 : a.x0 < b.x0;
  });
  std::vector<VisualLine> lines;
  for (const Word& w : words) {
    if (lines.empty() || std::fabs(lines.back().y1 - w.y1) > 2) lines.emplace_back();
    VisualLine& l = lines.back();
    l.x0 = std::min(l.x0, w.x0);
    l.y0 = std::min(l.y0, w.y0);
    l.x1 = std::max(l.x1, w.x1);
    l.y1 = std::max(l.y1, w.y1);
    l.text += w.text;
  }
  return lines;
}

bool InTextBlock(const VisualLine& l) {
  return l.y0 > geo::kTop - 3 && l.y1 < geo::kBottom + 8 && l.x0 > geo::kLeft - 1;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) text::AppendUtf8(c, &out);
  return out;
}

std::u32string NoSpaces(const std::string& s) {
  std::u32string out;
  for (char32_t c : text::DecodeUtf8(s)) {
    if (c != U' ' && c != 0x3000) out += c;
  }
  return out;
}

// Returns one message per line that breaks a 避头尾 rule.
std::vector<std::string> KinsokuViolations(const std::vector<PdfPage>& pages) {
  std::vector<std::string> bad;
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const VisualLine& l : VisualLines(pages[p])) {
      if (!InTextBlock(l) || l.text.empty()) continue;
      // Only a continuation line (flush left) can start with a forbidden mark;
      // a paragraph may begin with "——".
      if (std::fabs(l.x0 - geo::kLeft) < 1 && cjk::NoLineStart(l.text.front())) {
        bad.push_back("page " + std::to_string(p + 1) + " starts with: " + Utf8(l.text));
      }
      if (cjk::NoLineEnd(l.text.back())) {
        bad.push_back("page " + std::to_string(p + 1) + " ends with: " + Utf8(l.text));
      }
    }
  }
  return bad;
}

bool IsContentsEntry(const VisualLine& l) {
  return l.text.size() > 2 && l.text[0] >= U'0' && l.text[0] <= U'9' &&
         (l.text[1] == U'.' || (l.text[1] >= U'0' && l.text[1] <= U'9' && l.text[2] == U'.'));
}

// Returns one message per line that should reach the right edge and does
// not: every body line followed by a flush-left continuation line.
std::vector<std::string> JustificationViolations(const std::vector<PdfPage>& pages, int* checked) {
  struct Ref {
    size_t page;
    VisualLine line;
  };
  std::vector<Ref> body;
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const VisualLine& l : VisualLines(pages[p])) {
      if (InTextBlock(l) && !IsContentsEntry(l)) body.push_back({p, l});
    }
  }
  std::vector<std::string> bad;
  for (size_t i = 0; i + 1 < body.size(); ++i) {
    const VisualLine& l = body[i].line;
    const VisualLine& next = body[i + 1].line;
    bool same_size = std::fabs(l.height() - next.height()) < 1.5;
    bool starts_body = l.x0 < geo::kLeft + 2 * geo::kBody + 1.5;
    bool continued = std::fabs(next.x0 - geo::kLeft) < 1;
    bool adjacent = body[i + 1].page != body[i].page || next.y0 - l.y0 < 1.5 * geo::kPitch;
    if (!same_size || !starts_body || !continued || !adjacent) continue;
    ++*checked;
    double over = l.x1 - kRight;
    bool squeezed_end = cjk::ShapeOf(l.text.back()) == cjk::PunctShape::kBlankRight;
    if (std::fabs(over) <= 1.0 || (squeezed_end && over > -1 && over <= geo::kBody / 2 + 1))
      continue;
    bad.push_back("page " + std::to_string(body[i].page + 1) + " right edge " +
                  std::to_string(l.x1) + ": " + Utf8(l.text));
  }
  return bad;
}

// Returns the numbers printed in the 目录 of page 1, top to bottom: between
// the 目录 line and the first article's title (title type) or the foot.
std::vector<int> ContentsNumbers(const PdfPage& page) {
  double contents_y = 0, end_y = geo::kBottom;
  for (const VisualLine& l : VisualLines(page)) {
    if (l.text == U"目录") contents_y = l.y1;
    if (contents_y > 0 && l.y0 > contents_y && l.height() > 27) end_y = std::min(end_y, l.y0);
  }
  std::vector<std::pair<double, int>> found;
  for (const Word& w : page.words) {
    bool digits = !w.text.empty() && std::all_of(w.text.begin(), w.text.end(),
                                                 [](char32_t c) { return c >= U'0' && c <= U'9'; });
    if (digits && w.y0 > contents_y && contents_y > 0 && w.x0 > kRight - 2.5 * geo::kBody - 1 &&
        w.y1 < end_y) {
      found.emplace_back(w.y0, std::stoi(Utf8(w.text)));
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<int> out;
  for (auto& f : found) out.push_back(f.second);
  return out;
}

// Returns the page (1-based) where each title is set in title type, 0 if none.
std::vector<int> TitlePages(const std::vector<PdfPage>& pages, const Issue& issue) {
  std::vector<int> out;
  size_t from = 0;
  for (const Section& s : issue.sections) {
    std::u32string want = NoSpaces(s.title);
    int found = 0;
    for (size_t p = from; p < pages.size() && !found; ++p) {
      for (const VisualLine& l : VisualLines(pages[p])) {
        if (l.height() > 27 && l.text.size() >= 2 && want.rfind(l.text, 0) == 0) {
          found = static_cast<int>(p) + 1;
          from = p;
          break;
        }
      }
    }
    out.push_back(found);
  }
  return out;
}

class PdfTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ts = Typesetter::Create(Fonts());
    ASSERT_TRUE(ts.ok()) << ts.status().ToString();
    ts_ = std::move(ts).value().release();
  }
  static void TearDownTestSuite() { delete ts_; }

  // Renders and checks every rule; returns the pages.
  std::vector<PdfPage> RenderAndCheck(const Issue& issue) {
    auto pdf = ts_->RenderPdf(issue);
    EXPECT_TRUE(pdf.ok()) << pdf.status().ToString();
    if (!pdf.ok()) return {};
    auto pages = probe::ReadPdf(*pdf);
    EXPECT_TRUE(pages.ok()) << pages.status().ToString();
    if (!pages.ok()) return {};
    for (const auto& v : KinsokuViolations(*pages)) ADD_FAILURE() << "避头尾: " << v;
    int checked = 0;
    for (const auto& v : JustificationViolations(*pages, &checked))
      ADD_FAILURE() << "ragged: " << v;
    EXPECT_GT(checked, 10) << "too few full lines found to check";
    std::vector<int> listed = ContentsNumbers(pages->front());
    std::vector<int> actual = TitlePages(*pages, issue);
    EXPECT_EQ(listed, actual) << "目录 page numbers differ from where the articles start";
    auto map = ts_->Paginate(issue);
    EXPECT_TRUE(map.ok());
    if (map.ok()) {
      EXPECT_EQ(map->section_pages, actual);
      EXPECT_EQ(map->page_count, static_cast<int>(pages->size()));
    }
    return std::move(pages).value();
  }

  static Typesetter* ts_;
};

Typesetter* PdfTest::ts_ = nullptr;

TEST_F(PdfTest, SeedBulletin) {
  std::string path = SeedPath();
  if (path.empty()) GTEST_SKIP() << "no seed bulletin in $JIANBAO_SHARED/seed or ../shared/seed";
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto issue = IssueFromLegacyText(ss.str());
  ASSERT_TRUE(issue.ok()) << issue.status().ToString();
  ASSERT_EQ(issue->sections.size(), 7u);
  issue->distribution = {{"报", {"工业和信息化部"}}, {"发", {"各省通信行业协会"}}};
  auto pages = RenderAndCheck(*issue);
  EXPECT_GE(pages.size(), 12u);
  EXPECT_LE(pages.size(), 16u);
  // Like the printed seed, the first article starts under the contents.
  auto map = ts_->Paginate(*issue);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->section_pages.front(), 1);
}

// A deterministic issue full of the punctuation that 避头尾 is about.
Issue PunctuationIssue() {
  const char* pieces[] = {"通信",     "行业",     "协会",   "，",       "。",     "、",
                          "；",       "：",       "？",     "！",       "“保障”", "《通知》",
                          "（一线）", "「要求」", "……",     "——",       "5G",     " 网络",
                          "750",      "件",       "Wi-Fi ", "复工复产", "疫情",   "防控"};
  std::mt19937 rng(20200319);
  std::uniform_int_distribution<int> pick(0, std::size(pieces) - 1);
  Issue issue;
  issue.title_lines = {"测试简报"};
  issue.number = 1;
  issue.issuer = "测试";
  issue.date = "2020-03-19";
  for (int s = 0; s < 4; ++s) {
    std::string body;
    for (int p = 0; p < 6; ++p) {
      std::string para;
      for (int k = 0; k < 90; ++k) para += pieces[pick(rng)];
      body += para + "。\n\n";
      if (p == 2) body += "## 小标题" + std::to_string(s) + "\n\n";
    }
    issue.sections.push_back({"第" + std::to_string(s + 1) + "部分“标点”压力测试", body, ""});
  }
  return issue;
}

TEST_F(PdfTest, PunctuationHeavyIssue) {
  auto pages = RenderAndCheck(PunctuationIssue());
  EXPECT_GE(pages.size(), 3u);
}

// The first article starts on page 1 when the contents leave room for its
// title and first lines, and on page 2 when they do not; the 目录 is exact
// either way (RenderAndCheck).
TEST_F(PdfTest, FirstArticleStartsOnPageOneWhenThereIsRoom) {
  Issue issue = PunctuationIssue();
  auto pages = RenderAndCheck(issue);
  auto map = ts_->Paginate(issue);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->section_pages.front(), 1);
  Issue crowded = PunctuationIssue();
  crowded.masthead = "中国通信企业协会";
  crowded.title_lines = {"信息通信行业抗击疫情及复工复产", "测试简报"};
  while (crowded.sections.size() < 12) {
    Section copy = crowded.sections[crowded.sections.size() % 4];
    copy.title = "第" + std::to_string(crowded.sections.size() + 1) + "篇文章";
    crowded.sections.push_back(copy);
  }
  pages = RenderAndCheck(crowded);
  map = ts_->Paginate(crowded);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->section_pages.front(), 2);
}

TEST_F(PdfTest, OutlineLinksMetadataAndEmbeddedFonts) {
  Issue issue = PunctuationIssue();
  auto pdf = ts_->RenderPdf(issue);
  ASSERT_TRUE(pdf.ok());
  EXPECT_NE(pdf->find("/Outlines"), std::string::npos);
  EXPECT_NE(pdf->find("/Subtype /Link"), std::string::npos);
  EXPECT_NE(pdf->find("/Dest"), std::string::npos);
  std::string path = probe::TempFile(*pdf, ".pdf");
  std::string out = path + ".txt";
  ASSERT_EQ(probe::Run("pdfinfo '" + path + "' > '" + out + "' && pdffonts '" + path + "' >> '" +
                       out + "'"),
            0);
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string info = ss.str();
  EXPECT_NE(info.find("测试简报（第1期）"), std::string::npos) << info;
  EXPECT_NE(info.find("Author:          测试"), std::string::npos) << info;
  EXPECT_EQ(info.find(" no  "), std::string::npos) << "every font embedded as a subset:\n" << info;
  std::remove(path.c_str());
  std::remove(out.c_str());
}

// A notice prints its red header, 文号, title, body, 附件 and signature, and
// no 目录 and no 第N期 line.
TEST_F(PdfTest, NoticeHasNoContentsAndNoIssueNumber) {
  Issue notice;
  notice.layout = Layout::kNotice;
  notice.title_lines = {"湖北省通信行业协会"};
  notice.doc_number = "鄂通协〔2020〕3号";
  notice.issuer = "湖北省通信行业协会";
  notice.date = "2020-03-19";
  notice.sections.push_back({"关于做好复工复产工作的通知", "各会员单位：\n\n请按要求报送。", ""});
  notice.attachments = {"复工复产情况表", "联系人名单"};
  auto pdf = ts_->RenderPdf(notice);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  auto pages = probe::ReadPdf(*pdf);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  std::u32string all;
  for (const PdfPage& page : *pages) {
    for (const VisualLine& l : VisualLines(page)) all += l.text + U"\n";
  }
  const std::string text = Utf8(all);
  EXPECT_EQ(text.find("目"), std::string::npos) << text;
  EXPECT_EQ(text.find("期\n"), std::string::npos) << text;
  for (const char* want : {"湖北省通信行业协会", "鄂通协〔2020〕3号", "关于做好复工复产工作的通知",
                           "附件：1.复工复产情况表", "2.联系人名单", "2020年3月19日"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << " in\n" << text;
  }
  auto map = ts_->Paginate(notice);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->section_pages, std::vector<int>{1});
}

TEST_F(PdfTest, MissingFontIsAnErrorNamingIt) {
  Fonts fonts;
  fonts.fangsong = "No Such Fangsong";
  auto ts = Typesetter::Create(fonts);
  ASSERT_FALSE(ts.ok());
  EXPECT_EQ(ts.status().field(), "fonts.fangsong");
  EXPECT_NE(ts.status().message().find("No Such Fangsong"), std::string::npos);
}

TEST_F(PdfTest, UncoveredCharacterIsAnErrorNamingIt) {
  Issue issue = PunctuationIssue();
  issue.sections[1].body_markdown = "正文\xEE\x80\x80。";  // U+E000, private use
  auto pdf = ts_->RenderPdf(issue);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().field(), "sections[1].body");
  EXPECT_NE(pdf.status().message().find("U+E000"), std::string::npos) << pdf.status().message();
}

// Found by the Markdown fuzzer: a right-to-left override reordered glyphs
// inside a line segment and the layout read outside its glyph string.
TEST_F(PdfTest, BidiControlsAreDroppedNotFatal) {
  Issue issue = PunctuationIssue();
  issue.sections[1].body_markdown =
      "正文\u202e“引号”《书名》…\u202e——l](http://x) 文，“引号”\u2066中文\u2069abc\u200f。";
  auto pdf = ts_->RenderPdf(issue);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->substr(0, 4), "%PDF");
}

// Returns the text pdftotext extracts from `pdf`.
std::string ExtractText(const std::string& pdf) {
  std::string path = probe::TempFile(pdf, ".pdf");
  std::string out = path + ".txt";
  EXPECT_EQ(probe::Run("pdftotext '" + path + "' '" + out + "'"), 0);
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  std::remove(path.c_str());
  std::remove(out.c_str());
  return ss.str();
}

// The subset fonts are kept between renders and made again when a document
// needs other glyphs; the text of a document must not depend on what came
// before.
TEST_F(PdfTest, KeptSubsetsChangeAndKeepTextExact) {
  Issue small = PunctuationIssue();
  small.sections.resize(1);
  auto fresh = Typesetter::Create(Fonts());
  ASSERT_TRUE(fresh.ok());
  auto first = (*fresh)->RenderPdf(small);
  ASSERT_TRUE(first.ok());
  Issue other = small;
  other.sections[0].body_markdown = "## 魑魅魍魉\n\n饕餮龘靐齉，**鬱鬱**与*爨爨*，`code`。";
  auto grown = (*fresh)->RenderPdf(other);
  ASSERT_TRUE(grown.ok());
  EXPECT_NE(ExtractText(*grown).find("饕餮龘靐齉"), std::string::npos);
  auto again = (*fresh)->RenderPdf(small);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ExtractText(*first), ExtractText(*again));
  EXPECT_NE(ExtractText(*first).find("标点"), std::string::npos);
  // The subsets are made again for the first issue's glyphs: the same bytes.
  EXPECT_EQ(*first, *again);
}

// A PNG and a JPEG given as data URIs, the epidemic chart's form: the PDF
// holds both (the JPEG embedded as it is, DCT-encoded), the PNG previews draw
// them, and the text is unaffected.
TEST_F(PdfTest, DataUriImagesPngAndJpeg) {
  Issue issue = PunctuationIssue();
  issue.sections[2].body_markdown =
      "图表如下。\n\n![疫情趋势](" + testing::DataUri("image/png", testing::MakePng(320, 200)) +
      ")\n\n![](" +
      testing::DataUri("image/jpeg", testing::MakeJpeg(300, 180, /*progressive=*/true)) + ")\n\n" +
      issue.sections[2].body_markdown;
  auto pdf = ts_->RenderPdf(issue);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  std::string path = probe::TempFile(*pdf, ".pdf");
  ASSERT_EQ(probe::Run("pdfimages -list '" + path + "' > '" + path + ".txt'"), 0);
  std::ifstream in(path + ".txt");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string list = ss.str();
  EXPECT_NE(list.find("320   200  rgb"), std::string::npos) << list;
  EXPECT_NE(list.find("300   180  rgb     3   8  jpeg"), std::string::npos) << list;
  EXPECT_NE(ExtractText(*pdf).find("疫情趋势"), std::string::npos);
  std::remove(path.c_str());
  std::remove((path + ".txt").c_str());
  auto pngs = ts_->RenderPngPages(issue, 20);
  ASSERT_TRUE(pngs.ok()) << pngs.status().ToString();
}

TEST_F(PdfTest, PngPagesOnePerPage) {
  Issue issue = PunctuationIssue();
  auto map = ts_->Paginate(issue);
  auto pngs = ts_->RenderPngPages(issue, 30);
  ASSERT_TRUE(pngs.ok());
  ASSERT_EQ(static_cast<int>(pngs->size()), map->page_count);
  EXPECT_EQ(pngs->front().substr(1, 3), "PNG");
}

}  // namespace
}  // namespace jianbao::typeset
