// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

const char* kGood = R"({
  "masthead": "中国通信企业协会",
  "title": "信息通信行业抗击疫情及复工复产\n信息简报",
  "subtitle": "协会专刊", "number": 31, "issuer": "中国通信企业协会秘书处",
  "date": "2020-03-19",
  "sections": [ { "title": "甲", "body": "正文" } ],
  "closing_note": "（以上）",
  "distribution": [ { "label": "报", "to": ["工业和信息化部"] } ],
  "copies": 100
})";

TEST(IssueJsonTest, ParsesEveryKey) {
  auto r = ParseIssueJson(kGood);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title_lines.size(), 2u);
  EXPECT_EQ(r->title_lines[1], "信息简报");
  EXPECT_EQ(r->number, 31);
  EXPECT_EQ(r->sections[0].body_markdown, "正文");
  EXPECT_EQ(r->distribution[0].to[0], "工业和信息化部");
  EXPECT_EQ(r->copies, 100);
}

// Returns the field named by the error for `json`.
std::string ErrorField(const std::string& json) {
  auto r = ParseIssueJson(json);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_NE(r.status().message().find(r.status().field()), std::string::npos);
  return r.status().field();
}

std::string With(const std::string& from, const std::string& to) {
  std::string s = kGood;
  size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return s.replace(pos, from.size(), to);
}

TEST(IssueJsonTest, ErrorsNameTheKey) {
  EXPECT_EQ(ErrorField("{"), "(document)");
  EXPECT_EQ(ErrorField("[]"), "(document)");
  EXPECT_EQ(ErrorField(With("\"number\": 31", "\"number\": \"31\"")), "number");
  EXPECT_EQ(ErrorField(With("\"number\": 31", "\"number\": 0")), "number");
  EXPECT_EQ(ErrorField(With("\"date\": \"2020-03-19\"", "\"date\": \"2020-02-30\"")), "date");
  EXPECT_EQ(ErrorField(With("\"title\": \"甲\"", "\"title\": 5")), "sections[0].title");
  EXPECT_EQ(ErrorField(With("\"body\": \"正文\"", "\"text\": \"正文\"")), "sections[0].body");
  EXPECT_EQ(ErrorField(With("[\"工业和信息化部\"]", "[1]")), "distribution[0].to[0]");
  EXPECT_EQ(ErrorField(With("\"sections\": [", "\"sections\": [], \"x\": [")), "sections");
  EXPECT_EQ(ErrorField(With("\"issuer\": \"中国通信企业协会秘书处\"", "\"issuer\": \" \"")),
            "issuer");
  EXPECT_EQ(ErrorField(With("\"copies\": 100", "\"copies\": -1")), "copies");
}

TEST(IssueJsonTest, ChineseDate) {
  EXPECT_EQ(*ChineseDate("2020-03-19"), "2020年3月19日");
  EXPECT_EQ(*ChineseDate("2024-02-29"), "2024年2月29日");
  EXPECT_FALSE(ChineseDate("2023-02-29").ok());
  EXPECT_FALSE(ChineseDate("2020-3-19").ok());
}

}  // namespace
}  // namespace jianbao::typeset
