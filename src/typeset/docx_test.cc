// Copyright 2026 The Jianbao Authors.
//
// DOCX: the package is well formed, and LibreOffice converts it to a PDF
// that holds every article (skipped only when soffice is not installed).

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "core/text.h"
#include "typeset/testing/pdf_probe.h"
#include "typeset/testing/test_images.h"
#include "typeset/typeset.h"
#include "typeset/writers.h"

namespace jianbao::typeset {
namespace {

Issue Sample() {
  Issue issue;
  issue.masthead = "中国通信企业协会";
  issue.title_lines = {"信息通信行业抗击疫情及复工复产", "信息简报"};
  issue.subtitle = "协会专刊";
  issue.number = 31;
  issue.issuer = "中国通信企业协会秘书处";
  issue.date = "2020-03-19";
  issue.sections = {
      {"湖北行协·抗击病毒 我们在行动",
       "## 众志成城\n\n正文**加粗**与*强调*，含 <script> & “引号”。\n\n- 一\n- 二\n\n"
       "疫情就是命令，防控就是责任。湖北省通信行业响应号召，全力以赴做好通信服务保障，日夜奋战和坚"
       "守在"
       "通信保障一线，各会员单位团结一致，形成共识，特殊时期以特殊方式投入疫情防控阻击战中。\n",
       ""},
      {"疫情动态（截至3月18日）",
       "| 地区 | 确诊 |\n|---|--:|\n| 湖北 | 67800 |\n\n> 引文\n\n```\ncode\n```\n\n![趋势](" +
           testing::DataUri("image/png", testing::MakePng(200, 120)) + ")\n\n![](" +
           testing::DataUri("image/jpeg", testing::MakeJpeg(160, 90)) + ")\n",
       "湖北行协"},
  };
  issue.closing_note = "（以上信息来源政府网站转载）";
  issue.distribution = {{"报", {"工业和信息化部"}}, {"发", {"各省通信行业协会"}}};
  issue.copies = 100;
  return issue;
}

// `s` as code points, without spaces (pdf_probe joins a line's words without them).
std::u32string Squeezed(const std::string& s) {
  std::u32string out;
  for (char32_t c : text::DecodeUtf8(s)) {
    if (c != U' ') out += c;
  }
  return out;
}

std::string ReadEntry(const std::string& zip_bytes, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (za == nullptr) {
    zip_source_free(src);
    return "";
  }
  std::string out;
  if (zip_file_t* f = zip_fopen(za, name, 0)) {
    char buf[8192];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_close(za);
  return out;
}

TEST(DocxTest, PackageIsWellFormed) {
  auto docx = RenderDocx(Sample(), Fonts());
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml",
        "word/_rels/document.xml.rels", "docProps/core.xml"}) {
    std::string xml = ReadEntry(*docx, part);
    ASSERT_FALSE(xml.empty()) << part;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml.c_str())) << part;
  }
  std::string doc = ReadEntry(*docx, "word/document.xml");
  // The contents' page numbers are PAGEREF fields to the articles' bookmarks.
  EXPECT_NE(doc.find("<w:instrText xml:space=\"preserve\"> PAGEREF s1 \\h </w:instrText>"),
            std::string::npos);
  EXPECT_NE(doc.find("<w:bookmarkStart w:id=\"2\" w:name=\"s2\"/>"), std::string::npos);
  EXPECT_NE(doc.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(doc.find("&amp;"), std::string::npos);
  EXPECT_EQ(doc.find("<script>"), std::string::npos);
  EXPECT_NE(doc.find("w:pgMar w:top=\"2098\""), std::string::npos);
  EXPECT_NE(ReadEntry(*docx, "word/footer1.xml").find("PAGE"), std::string::npos);
  // Images are embedded media with their own types.
  EXPECT_EQ(ReadEntry(*docx, "word/media/image1.png").substr(1, 3), "PNG");
  EXPECT_EQ(ReadEntry(*docx, "word/media/image2.jpeg").substr(0, 3), "\xFF\xD8\xFF");
  std::string types = ReadEntry(*docx, "[Content_Types].xml");
  EXPECT_NE(types.find("Extension=\"jpeg\" ContentType=\"image/jpeg\""), std::string::npos);
  EXPECT_NE(types.find("Extension=\"png\" ContentType=\"image/png\""), std::string::npos);
  // Office faces, with the face Windows has when the legacy one is missing.
  std::string styles = ReadEntry(*docx, "word/styles.xml");
  EXPECT_NE(styles.find("w:eastAsia=\"仿宋_GB2312\""), std::string::npos);
  EXPECT_NE(styles.find("w:eastAsia=\"方正小标宋简体\""), std::string::npos);
  EXPECT_NE(styles.find("w:eastAsia=\"黑体\""), std::string::npos);
  EXPECT_NE(styles.find("w:eastAsia=\"楷体_GB2312\""), std::string::npos);
  EXPECT_EQ(styles.find("Noto Serif CJK SC"), std::string::npos);
  std::string table = ReadEntry(*docx, "word/fontTable.xml");
  EXPECT_NE(table.find("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>"),
            std::string::npos);
  EXPECT_NE(table.find("<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/>"),
            std::string::npos);
  std::string rels = ReadEntry(*docx, "word/_rels/document.xml.rels");
  EXPECT_NE(rels.find("Target=\"fontTable.xml\""), std::string::npos);
  EXPECT_NE(rels.find("Id=\"rIdImg2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                      "2006/relationships/image\" Target=\"media/image2.jpeg\""),
            std::string::npos)
      << rels;
}

TEST(DocxTest, LibreOfficeConvertsItToPdf) {
  if (probe::Run("command -v soffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP()
        << "soffice not installed (scripts/packages/typeset.txt lists libreoffice-writer-nogui)";
  }
  // Cached contents page numbers that are wrong on purpose: LibreOffice must
  // show the pages of its own layout, not these.
  PageMap wrong;
  wrong.section_pages = {7, 9};
  auto docx = WriteDocx(Sample(), Fonts(), &wrong);
  ASSERT_TRUE(docx.ok());
  std::string path = probe::TempFile(*docx, ".docx");
  std::filesystem::path dir = path + ".out";
  std::string cmd = "soffice --headless -env:UserInstallation=file://" + dir.string() +
                    "/profile --convert-to pdf --outdir '" + dir.string() + "' '" + path +
                    "' >/dev/null 2>&1";
  ASSERT_EQ(probe::Run(cmd), 0);
  std::filesystem::path pdf =
      dir / std::filesystem::path(path).filename().replace_extension(".pdf");
  std::ifstream in(pdf, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto pages = probe::ReadPdf(ss.str());
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  std::u32string all;
  for (const auto& p : *pages) {
    for (const auto& w : p.words) all += w.text;
  }
  EXPECT_NE(all.find(U"信息简报"), std::u32string::npos);
  EXPECT_NE(all.find(U"我们在行动"), std::u32string::npos);
  EXPECT_NE(all.find(U"67800"), std::u32string::npos);
  EXPECT_NE(all.find(U"—1—"), std::u32string::npos) << "page number footer";
  // Each contents entry ends with the page LibreOffice sets its article on
  // (PAGEREF fields, not the cached numbers).
  const Issue sample = Sample();
  for (size_t s = 0; s < sample.sections.size(); ++s) {
    const std::u32string title = Squeezed(sample.sections[s].title);
    const std::u32string entry = Squeezed(std::to_string(s + 1) + ". ") + title;
    int listed = -1, actual = -1;
    for (size_t p = 0; p < pages->size(); ++p) {
      for (const auto& l : (*pages)[p].lines) {
        if (listed < 0 && l.text.rfind(entry, 0) == 0) {
          size_t d = l.text.size();
          while (d > 0 && l.text[d - 1] >= U'0' && l.text[d - 1] <= U'9') --d;
          for (size_t k = d; k < l.text.size(); ++k)
            listed = std::max(listed, 0) * 10 + static_cast<int>(l.text[k] - U'0');
        } else if (actual < 0 && l.text == title) {
          actual = static_cast<int>(p) + 1;
        }
      }
    }
    EXPECT_GT(listed, 0) << "contents entry " << s + 1 << " has a page number";
    EXPECT_EQ(listed, actual) << "contents entry " << s + 1;
  }
  // GB/T 9704's 28 characters per line: the longest body lines hold 28.
  size_t widest = 0, full = 0;
  for (const auto& p : *pages) {
    for (const auto& l : p.lines) {
      size_t n = 0;
      for (char32_t c : l.text) n += (c >= 0x3000 && c < 0xFFF0) ? 1 : 0;
      widest = std::max(widest, n);
      full += n == 28 ? 1 : 0;
    }
  }
  EXPECT_EQ(widest, 28u);
  EXPECT_GT(full, 0u);
  std::string list = pdf.string() + ".images";
  ASSERT_EQ(probe::Run("pdfimages -list '" + pdf.string() + "' > '" + list + "'"), 0);
  std::ifstream images(list);
  std::stringstream is;
  is << images.rdbuf();
  EXPECT_NE(is.str().find(" 200   120 "), std::string::npos) << is.str();
  EXPECT_NE(is.str().find(" 160    90 "), std::string::npos) << is.str();
  std::filesystem::remove_all(dir);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace jianbao::typeset
