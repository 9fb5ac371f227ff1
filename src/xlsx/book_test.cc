// Copyright 2026 The Jianbao Authors.

#include "xlsx/book.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <string>

namespace jianbao::xlsx {
namespace {

// The text of `name` inside the .xlsx (a zip), or "" when it is missing.
std::string Part(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  std::string out;
  if (zip) {
    if (zip_file_t* f = zip_fopen(zip, name, 0)) {
      char buf[4096];
      zip_int64_t n;
      while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
      zip_fclose(f);
    }
    zip_close(zip);
  } else if (src) {
    zip_source_free(src);
  }
  zip_error_fini(&error);
  return out;
}

TEST(BookTest, WritesTitleHeaderTextAndNumbers) {
  Book book;
  ASSERT_TRUE(book.ok());
  lxw_worksheet* ws = book.Sheet("汇总");
  book.Title(ws, "2020年第一季度报送情况");
  book.Head(ws, 2, {"单位", "应报", "报送率"});
  book.Text(ws, 3, 0, "湖北省通信行业协会");
  book.Text(ws, 3, 3, "");  // an empty string leaves the cell empty
  book.Number(ws, 3, 1, 12);
  book.Number(ws, 3, 2, 0.75, book.Format("0.0%"));
  Result<std::string> bytes = book.Close();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  const std::string strings = Part(*bytes, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("2020年第一季度报送情况"), std::string::npos);
  EXPECT_NE(strings.find("湖北省通信行业协会"), std::string::npos);
  EXPECT_NE(strings.find("报送率"), std::string::npos);
  const std::string sheet = Part(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<v>12</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>0.75</v>"), std::string::npos);
  EXPECT_EQ(sheet.find("r=\"D4\""), std::string::npos);
  EXPECT_NE(Part(*bytes, "xl/workbook.xml").find("汇总"), std::string::npos);
  EXPECT_NE(Part(*bytes, "xl/styles.xml").find("0.0%"), std::string::npos);
}

TEST(BookTest, CloseTwiceIsAnErrorNotACrash) {
  Book book;
  ASSERT_TRUE(book.ok());
  book.Sheet("a");
  ASSERT_TRUE(book.Close().ok());
  Result<std::string> again = book.Close();
  EXPECT_FALSE(again.ok());
}

TEST(BookTest, AnUnclosedBookCleansUpInItsDestructor) {
  for (int i = 0; i < 3; ++i) {
    Book book;
    ASSERT_TRUE(book.ok());
    book.Text(book.Sheet("s"), 0, 0, "x");
  }
}

}  // namespace
}  // namespace jianbao::xlsx
