// Copyright 2026 The Jianbao Authors.

#include "epidemic/csv.h"

#include <gtest/gtest.h>

namespace jianbao::epidemic {
namespace {

TEST(CsvReaderTest, ReadsPlainQuotedAndCrlfRecords) {
  CsvReader r(
      "\xEF\xBB\xBF"
      "a,b\r\n\n\"x,1\",\"say \"\"hi\"\"\"\nlast,\n");
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.line(), 1);
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"x,1", "say \"hi\""}));
  EXPECT_EQ(r.line(), 3);
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f, (std::vector<std::string>{"last", ""}));
  EXPECT_FALSE(r.Next(&f));
  EXPECT_TRUE(r.error().ok());
}

TEST(CsvReaderTest, UnclosedQuoteIsAnError) {
  CsvReader r("a\n\"open,b\n");
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_FALSE(r.Next(&f));
  EXPECT_FALSE(r.error().ok());
  EXPECT_NE(r.error().message().find("line 2"), std::string::npos);
}

TEST(ParseInt64Test, AcceptsOnlyWholeIntegers) {
  int64_t v = 0;
  EXPECT_TRUE(ParseInt64("80928", &v));
  EXPECT_EQ(v, 80928);
  EXPECT_TRUE(ParseInt64("-308", &v));
  EXPECT_EQ(v, -308);
  for (const char* bad : {"", "-", "1.5", "12a", " 1", "1234567890123456"}) {
    EXPECT_FALSE(ParseInt64(bad, &v)) << bad;
  }
}

}  // namespace
}  // namespace jianbao::epidemic
