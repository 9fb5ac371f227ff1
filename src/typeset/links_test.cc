// Copyright 2026 The Jianbao Authors.
//
// Link targets in every output: only http, https and mailto survive; each
// dangerous scheme is tried in the PDF, the DOCX, the HTML and the text.

#include "typeset/links.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <memory>

#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

struct Bad {
  const char* markdown;  // the link destination as written in Markdown
  const char* marker;    // a part of the target that must not reach the output
};

const Bad kBad[] = {
    {"javascript:alert(1)", "alert(1)"},
    {"JavaScript:alert(2)", "alert(2)"},
    {"vbscript:msgbox(3)", "msgbox(3)"},
    {"file:///etc/passwd", "etc/passwd"},
    {"data:text/html;base64,PHNjcmlwdD4=", "PHNjcmlwdD4"},
    {"\\\\\\\\evil-host\\\\share\\\\x.exe", "evil-host"},  // \\evil-host\share\x.exe
    {"//evil-path/share", "evil-path"},
    {"ftp://evil-ftp/x", "evil-ftp"},
};

Issue WithLink(const std::string& destination) {
  Issue issue;
  issue.title_lines = {"链接测试"};
  issue.number = 1;
  issue.issuer = "测试";
  issue.date = "2020-03-19";
  issue.sections = {{"文章",
                     "请看[官网](https://example.com/ok)和[这里](" + destination +
                         ")，或写信[给我们](mailto:office@example.com)。",
                     ""}};
  return issue;
}

// Returns every entry of a zip archive, concatenated.
std::string Unzipped(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (za == nullptr) {
    zip_source_free(src);
    return "";
  }
  std::string out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_file_t* f = zip_fopen_index(za, i, 0);
    if (f == nullptr) continue;
    char buf[8192];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_close(za);
  return out;
}

TEST(LinksTest, OnlyHttpHttpsMailto) {
  for (const char* ok : {"http://a.cn/x", "https://a.cn", "HTTPS://A.CN/", "mailto:a@b.cn"}) {
    EXPECT_TRUE(IsSafeLink(ok)) << ok;
  }
  for (const char* bad :
       {"javascript:alert(1)", " javascript:x", "JAVASCRIPT:x", "vbscript:x", "data:text/html,x",
        "file:///etc/passwd", "\\\\host\\share", "//host/share", "relative/path", "#anchor",
        "http://", "https:/x", "http://a.cn/\\..", "http://a b", "http://a\nb", "mailto:"}) {
    EXPECT_FALSE(IsSafeLink(bad)) << bad;
  }
  EXPECT_EQ(SafeLink("file:///x"), "");
  EXPECT_EQ(SafeLink("https://a.cn"), "https://a.cn");
}

class LinksOutputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ts = Typesetter::Create(Fonts());
    ASSERT_TRUE(ts.ok()) << ts.status().ToString();
    ts_ = std::move(ts).value().release();
  }
  static void TearDownTestSuite() { delete ts_; }
  static inline Typesetter* ts_ = nullptr;
};

TEST_F(LinksOutputTest, PdfKeepsOnlySafeTargets) {
  for (const Bad& b : kBad) {
    auto pdf = ts_->RenderPdf(WithLink(b.markdown));
    ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
    EXPECT_NE(pdf->find("(https://example.com/ok)"), std::string::npos) << b.markdown;
    EXPECT_NE(pdf->find("(mailto:office@example.com)"), std::string::npos) << b.markdown;
    EXPECT_EQ(pdf->find(b.marker), std::string::npos) << b.markdown;
  }
}

TEST_F(LinksOutputTest, HtmlKeepsOnlySafeTargets) {
  for (const Bad& b : kBad) {
    auto html = ts_->RenderHtml(WithLink(b.markdown));
    ASSERT_TRUE(html.ok()) << html.status().ToString();
    EXPECT_NE(html->find("href=\"https://example.com/ok\""), std::string::npos) << b.markdown;
    EXPECT_NE(html->find("href=\"mailto:office@example.com\""), std::string::npos);
    EXPECT_EQ(html->find(b.marker), std::string::npos) << b.markdown;
    EXPECT_NE(html->find("这里"), std::string::npos) << "the link text stays";
  }
}

TEST_F(LinksOutputTest, DocxAndTextCarryNoDangerousTarget) {
  for (const Bad& b : kBad) {
    auto docx = ts_->RenderDocx(WithLink(b.markdown));
    ASSERT_TRUE(docx.ok()) << docx.status().ToString();
    const std::string parts = Unzipped(*docx);
    ASSERT_NE(parts.find("这里"), std::string::npos) << "the package was read";
    EXPECT_EQ(parts.find(b.marker), std::string::npos) << b.markdown;
    auto text = ts_->RenderText(WithLink(b.markdown));
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    EXPECT_NE(text->find("这里"), std::string::npos);
    EXPECT_EQ(text->find(b.marker), std::string::npos) << b.markdown;
  }
}

}  // namespace
}  // namespace jianbao::typeset
