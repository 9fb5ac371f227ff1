// Copyright 2026 The Jianbao Authors.
//
// Images in the rendered outputs: large images are reduced to what the page
// needs, bombs are refused naming the section, and the per-document pixel
// budget holds in every writer.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "typeset/images.h"
#include "typeset/testing/pdf_probe.h"
#include "typeset/testing/test_images.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

using testing::DataUri;

Issue WithBody(const std::string& body) {
  Issue issue;
  issue.title_lines = {"图片测试"};
  issue.number = 1;
  issue.issuer = "测试";
  issue.date = "2020-03-19";
  issue.sections = {{"前文", "正文。", ""}, {"图片", body, ""}};
  return issue;
}

std::string Figure(const std::string& uri) { return "![](" + uri + ")\n\n"; }

// Returns `pdfimages -list` of the PDF.
std::string ImageList(const std::string& pdf) {
  std::string path = probe::TempFile(pdf, ".pdf");
  EXPECT_EQ(probe::Run("pdfimages -list '" + path + "' > '" + path + ".txt'"), 0);
  std::ifstream in(path + ".txt");
  std::stringstream ss;
  ss << in.rdbuf();
  std::remove(path.c_str());
  std::remove((path + ".txt").c_str());
  return ss.str();
}

class ImagesPdfTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ts = Typesetter::Create(Fonts());
    ASSERT_TRUE(ts.ok()) << ts.status().ToString();
    ts_ = std::move(ts).value().release();
  }
  static void TearDownTestSuite() { delete ts_; }
  static inline Typesetter* ts_ = nullptr;
};

TEST_F(ImagesPdfTest, LargeImagesAreReducedToThePrintedSize) {
  // 4000 × 3000 prints 156 mm wide: 300 dpi is about 1843 pixels, so the
  // PDF carries it reduced by 2.
  auto pdf = ts_->RenderPdf(WithBody(Figure(DataUri("image/png", testing::MakePng(4000, 3000)))));
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  const std::string list = ImageList(*pdf);
  EXPECT_NE(list.find(" 2000  1500  rgb"), std::string::npos) << list;
  // A small image stays as it is.
  pdf = ts_->RenderPdf(WithBody(Figure(DataUri("image/png", testing::MakePng(300, 200)))));
  ASSERT_TRUE(pdf.ok());
  EXPECT_NE(ImageList(*pdf).find(" 300   200  rgb"), std::string::npos);
  // A JPEG goes into the PDF as the file it is (its pixels are decoded at a
  // reduced scale only to place it).
  pdf = ts_->RenderPdf(WithBody(Figure(DataUri("image/jpeg", testing::MakeJpeg(6000, 4000)))));
  ASSERT_TRUE(pdf.ok());
  EXPECT_NE(ImageList(*pdf).find(" 6000  4000  rgb     3   8  jpeg"), std::string::npos)
      << ImageList(*pdf);
  auto pngs = ts_->RenderPngPages(
      WithBody(Figure(DataUri("image/png", testing::MakeBombPng(8000, 6000)))), 20);
  ASSERT_TRUE(pngs.ok()) << pngs.status().ToString();
}

TEST_F(ImagesPdfTest, BombsAreRefusedNamingTheSectionInEveryWriter) {
  const std::string bomb = Figure(DataUri("image/png", testing::MakeBombPng(8000, 8000)));
  Issue issue = WithBody("图如下。\n\n" + bomb);
  auto pdf = ts_->RenderPdf(issue);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().field(), "sections[1].body");
  EXPECT_NE(pdf.status().message().find("64.0 megapixels"), std::string::npos)
      << pdf.status().message();
  EXPECT_EQ(ts_->RenderDocx(issue).status().field(), "sections[1].body");
  EXPECT_EQ(ts_->RenderHtml(issue).status().field(), "sections[1].body");
  EXPECT_EQ(ts_->RenderText(issue).status().field(), "sections[1].body");
  EXPECT_FALSE(ts_->RenderPngPages(issue, 50).ok());
}

TEST_F(ImagesPdfTest, TheDocumentsPixelBudgetHoldsInEveryWriter) {
  // Five 48-megapixel images (each allowed alone) declare 240 megapixels.
  const std::string big = Figure(DataUri("image/png", testing::MakeBombPng(8000, 6000)));
  Issue issue = WithBody(big + big);
  issue.sections.push_back({"更多", big + big + big, ""});
  for (const Status& st : {ts_->RenderPdf(issue).status(), ts_->RenderDocx(issue).status(),
                           ts_->RenderHtml(issue).status()}) {
    EXPECT_EQ(st.key(), "too_many_pixels") << st.ToString();
    EXPECT_EQ(st.field(), "sections[2].body") << st.ToString();
  }
  issue.sections.pop_back();
  EXPECT_TRUE(ts_->Paginate(issue).ok()) << "four are within the budget";
}

}  // namespace
}  // namespace jianbao::typeset
