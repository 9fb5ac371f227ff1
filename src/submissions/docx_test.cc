// Copyright 2026 The Jianbao Authors.
//
// .docx import: documents built at test time (by hand and, when installed, by
// LibreOffice from HTML), and hostile files.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "submissions/import.h"
#include "submissions/testing/docx_test_util.h"

namespace jianbao::submissions {
namespace {

using testing::BuildZip;
using testing::MinimalDocx;
using testing::Para;
using testing::ZipEntry;

const char* kImageRels =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId5\" Type=\"image\" Target=\"media/image1.png\"/></Relationships>";

std::string ListItem(const std::string& text, int num_id, int level = 0) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

TEST(DocxTest, StructureBecomesCommonMark) {
  const std::string body =
      Para("应急通信保障工作纪实", "Title") + Para("一、总体情况", "Heading1") +
      "<w:p><w:r><w:t xml:space=\"preserve\">协会组织会员单位</w:t></w:r><w:r><w:rPr><w:b/>"
      "</w:rPr><w:t>连夜抢通</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>基站</w:t></w:r>"
      "<w:r><w:t>。</w:t></w:r></w:p>" +
      Para("主要做法", "", true) + ListItem("建立值班制度", 1) + ListItem("每日报告进展", 1) +
      ListItem("子项", 1, 1) + ListItem("第一步", 2) + ListItem("第二步", 2) +
      Para("三级标题", "a3") +
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>地区</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>基站"
      "</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>武汉</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>1|2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" +
      Para("*不是强调* # 也不是标题") + Para("1. 不是列表");
  auto r = ReadDocx(MinimalDocx(body));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "应急通信保障工作纪实");
  EXPECT_EQ(r->body,
            "## 一、总体情况\n\n"
            "协会组织会员单位**连夜抢通***基站*。\n\n"
            "## 主要做法\n\n"
            "- 建立值班制度\n- 每日报告进展\n    - 子项\n1. 第一步\n2. 第二步\n\n"
            "#### 三级标题\n\n"
            "| 地区 | 基站 |\n| --- | --- |\n| 武汉 | 1\\|2 |\n\n"
            "\\*不是强调\\* # 也不是标题\n\n"
            "1\\. 不是列表");
}

TEST(DocxTest, FirstHeadingIsTitleWithoutTitleStyle) {
  auto r = ReadDocx(MinimalDocx(Para("河北行协开展线上培训", "Heading1") + Para("正文一段。")));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "河北行协开展线上培训");
  EXPECT_EQ(r->body, "正文一段。");
  auto bold = ReadDocx(MinimalDocx(Para("短标题加粗", "", true) + Para("正文。")));
  ASSERT_TRUE(bold.ok());
  EXPECT_EQ(bold->title, "短标题加粗");
  auto none = ReadDocx(MinimalDocx(Para("只有正文，没有标题。")));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->title, "只有正文，没有标题。");
  EXPECT_EQ(none->body, "只有正文，没有标题。");
}

TEST(DocxTest, EmbeddedImageIsKeptAndSniffed) {
  const std::string body =
      Para("图片", "Title") +
      "<w:p><w:r><w:drawing><a:graphic><a:graphicData><a:blip r:embed=\"rId5\"/>"
      "</a:graphicData></a:graphic></w:drawing></w:r></w:p>";
  auto r = ReadDocx(MinimalDocx(body, {{"word/media/image1.png", testing::TinyPng()}}, kImageRels));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body, "![](media/image1.png)");
  ASSERT_EQ(r->images.size(), 1u);
  EXPECT_EQ(r->images[0].mime, "image/png");
  EXPECT_EQ(r->images[0].ref, "media/image1.png");
}

std::string KeyOf(const std::string& bytes, const ImportLimits& limits = {}) {
  auto r = ReadDocx(bytes, limits);
  return r.ok() ? "ok" : r.status().key();
}

TEST(DocxHostileTest, MalformedAndNotWord) {
  EXPECT_EQ(KeyOf(""), "docx_malformed");
  EXPECT_EQ(KeyOf("PK\x03\x04 this is not really a zip"), "docx_malformed");
  const std::string good = MinimalDocx(Para("x"));
  EXPECT_EQ(KeyOf(good.substr(0, good.size() / 2)), "docx_malformed");
  EXPECT_EQ(KeyOf(BuildZip({{"hello.txt", "hi"}})), "docx_not_word");
  EXPECT_EQ(KeyOf(BuildZip({{"word/document.xml", "<w:document><w:body>"}})), "docx_malformed");
}

TEST(DocxHostileTest, Encrypted) {
  EXPECT_EQ(KeyOf(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')),
            "docx_encrypted");
  std::string enc;
  try {
    enc = BuildZip({{"word/document.xml", "<w:document/>", false, "secret"}});
  } catch (const std::exception&) {
    GTEST_SKIP() << "libzip without encryption support";
  }
  EXPECT_EQ(KeyOf(enc), "docx_encrypted");
}

TEST(DocxHostileTest, OversizeAndBombs) {
  ImportLimits small;
  small.max_input_bytes = 1000;
  auto big = ReadDocx(std::string(2000, 'x'), small);
  EXPECT_EQ(big.status().code(), Code::kPayloadTooLarge);

  const auto start = std::chrono::steady_clock::now();
  // 200 MiB of zeros compress to a few hundred KiB: refused by the declared total.
  EXPECT_EQ(KeyOf(MinimalDocx(Para("x"), {{"word/media/zeros.bin", std::string(200 << 20, '\0')}})),
            "docx_bomb");
  // 4 MiB of zeros: over the compression-ratio limit.
  EXPECT_EQ(KeyOf(MinimalDocx(Para("x"), {{"customXml/item1.xml", std::string(4 << 20, ' ')}})),
            "docx_bomb");
  // An XML part over the per-part limit.
  ImportLimits part;
  part.max_part_bytes = 1 << 16;
  std::string many;
  for (int i = 0; i < 4000; ++i) many += Para("段落" + std::to_string(i));
  EXPECT_EQ(KeyOf(MinimalDocx(many), part), "docx_bomb");
  // Too many entries.
  std::vector<ZipEntry> entries;
  for (int i = 0; i < 2100; ++i) entries.push_back({"f" + std::to_string(i), "x", true});
  EXPECT_EQ(KeyOf(BuildZip(entries)), "docx_bomb");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(DocxHostileTest, DeclaredSizeLies) {
  std::string z = BuildZip({{"word/document.xml", std::string(5000, 'a')}});
  // Claim 100 bytes in both the local and the central header.
  for (size_t pos = 0; (pos = z.find("PK", pos)) != std::string::npos; ++pos) {
    if (z.compare(pos, 4, "PK\x03\x04") == 0) z.replace(pos + 22, 4, std::string("d\0\0\0", 4));
    if (z.compare(pos, 4, "PK\x01\x02") == 0) z.replace(pos + 24, 4, std::string("d\0\0\0", 4));
  }
  const std::string key = KeyOf(z);
  EXPECT_TRUE(key == "docx_bomb" || key == "docx_malformed") << key;
}

TEST(DocxHostileTest, PathTricks) {
  const std::string body = "<w:document><w:body/></w:document>";
  for (const char* name :
       {"../evil.xml", "/etc/passwd", "word\\..\\x.xml", "C:/x.xml", "word/../../x.xml"}) {
    EXPECT_EQ(KeyOf(BuildZip({{"word/document.xml", body}, {name, "x"}})), "docx_path") << name;
  }
  const std::string rels =
      "<Relationships><Relationship Id=\"rId5\" Target=\"../../../etc/passwd\"/></Relationships>";
  EXPECT_EQ(KeyOf(MinimalDocx(Para("x"), {}, rels)), "docx_path");
  const std::string external =
      "<Relationships><Relationship Id=\"rId5\" TargetMode=\"External\" "
      "Target=\"http://example.com/x.png\"/></Relationships>";
  EXPECT_EQ(KeyOf(MinimalDocx(Para("x"), {}, external)), "ok");
}

TEST(DocxHostileTest, EntitiesAndDoctype) {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><w:document><w:body><w:p><w:r>"
      "<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>";
  EXPECT_EQ(KeyOf(BuildZip({{"word/document.xml", laughs}})), "docx_entities");
  const std::string xxe =
      "<?xml version=\"1.0\"?><!doctype x SYSTEM \"file:///etc/passwd\"><w:document/>";
  EXPECT_EQ(KeyOf(BuildZip({{"word/document.xml", xxe}})), "docx_entities");
}

TEST(DocxHostileTest, DeepNestingKeepsTheStack) {
  std::string deep = "<w:p>";
  for (int i = 0; i < 200000; ++i) deep += "<w:r>";
  deep += "<w:t>深</w:t>";
  for (int i = 0; i < 200000; ++i) deep += "</w:r>";
  deep += "</w:p>" + Para("浅");
  std::string tables;
  for (int i = 0; i < 5000; ++i) tables += "<w:tbl><w:tr><w:tc>";
  for (int i = 0; i < 5000; ++i) tables += "</w:tc></w:tr></w:tbl>";
  // The ratio check would refuse this file; switch it off to reach the walk.
  ImportLimits limits;
  limits.max_ratio = size_t{1} << 30;
  auto r = ReadDocx(MinimalDocx(deep + tables), limits);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body.rfind("浅", 0), 0u) << r->body;  // text below the depth limit is left out
  EXPECT_EQ(r->body.find("深"), std::string::npos);
  EXPECT_EQ(KeyOf(MinimalDocx(deep)), "docx_bomb");
}

// A document produced by LibreOffice from HTML written here.
TEST(DocxLibreOfficeTest, HtmlConvertedBySoffice) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "no soffice";
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("jb-docx-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "piece.html")
      << "<html><head><meta charset=\"utf-8\"><title>t</title></head><body>"
         "<h1>黑龙江行协组织志愿服务</h1><p>全省会员单位<b>积极响应</b>号召。</p>"
         "<h2>具体措施</h2><ul><li>设立服务点</li><li>开通热线</li></ul>"
         "<ol><li>第一项</li><li>第二项</li></ol>"
         "<table border=\"1\"><tr><td>城市</td><td>人数</td></tr><tr><td>哈尔滨</td><td>120</td>"
         "</tr></table><p>结束语。</p></body></html>";
  const std::string cmd = "cd " + dir.string() +
                          " && timeout 120 soffice -env:UserInstallation=file://" + dir.string() +
                          "/profile --headless --convert-to docx:\"MS Word 2007 XML\" piece.html "
                          ">/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0 || !fs::exists(dir / "piece.docx")) {
    fs::remove_all(dir);
    GTEST_SKIP() << "soffice could not convert";
  }
  std::ifstream in(dir / "piece.docx", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  fs::remove_all(dir);
  auto r = ReadDocx(ss.str());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "黑龙江行协组织志愿服务");
  EXPECT_NE(r->body.find("全省会员单位**积极响应**号召。"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("## 具体措施"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("- 设立服务点\n- 开通热线"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("1. 第一项\n2. 第二项"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("| 哈尔滨 | 120 |"), std::string::npos) << r->body;
}

}  // namespace
}  // namespace jianbao::submissions
