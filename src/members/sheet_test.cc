// Copyright 2026 The Jianbao Authors.

#include "members/sheet.h"

#include <gtest/gtest.h>

#include "members/import.h"
#include "members/testing/workbooks.h"

namespace jianbao::members {
namespace {

namespace t = testing;

TEST(SheetTest, ReadsAWorkbookWithChineseHeaders) {
  const std::string wb = t::Workbook(t::MemberHeader(), t::MemberRows(3), {.numeric_phone = true});
  auto sheet = ReadMemberSheet("xlsx", wb);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), 4u);
  EXPECT_EQ(sheet->name, "会员名单");
  EXPECT_EQ(sheet->rows[1].number, 2);
  EXPECT_EQ(sheet->rows[1].cells[0], "测试通信有限公司1");
  EXPECT_EQ(sheet->rows[1].cells[4], "13800000001");  // a number cell, as typed
  auto rows = CheckMemberRows(*sheet);
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->errors.empty());
  ASSERT_EQ(rows->rows.size(), 3u);
  EXPECT_EQ(rows->rows[2].member.credit_code, t::CreditCode(3));
  EXPECT_EQ(rows->rows[2].member.sector, "基础电信");
}

TEST(SheetTest, EnglishHeadersInAnyOrderAndTheRightSheet) {
  const std::vector<std::string> header = {"email", "credit_code", "Name", "phone"};
  const std::string wb =
      t::Workbook(header, {{"a@example.com", t::CreditCode(9), "甲公司", "027-87654321"}},
                  {.sheet = "Members", .notes_sheet_first = true});
  auto sheet = ReadMemberSheet("xlsx", wb);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->name, "Members");
  auto rows = CheckMemberRows(*sheet);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(rows->rows[0].member.name, "甲公司");
  EXPECT_EQ(rows->rows[0].member.email, "a@example.com");
}

TEST(SheetTest, MalformedWorkbooksAreRefusedClearly) {
  const auto rows = t::MemberRows(2);
  auto wrong = ReadMemberSheet("xlsx", t::Workbook({"序号", "备注"}, {{"1", "x"}}));
  EXPECT_EQ(wrong.status().key(), "sheet_no_header");
  EXPECT_NE(wrong.status().message().find("会员名单"), std::string::npos);
  auto merged =
      ReadMemberSheet("xlsx", t::Workbook(t::MemberHeader(), rows, {.merge_header = true}));
  EXPECT_EQ(merged.status().key(), "sheet_merged");
  auto formula = ReadMemberSheet("xlsx", t::Workbook(t::MemberHeader(), rows, {.formula_row = 2}));
  EXPECT_EQ(formula.status().key(), "sheet_formula");
  EXPECT_EQ(formula.status().texts().at("cell"), "A3");
  EXPECT_EQ(ReadMemberSheet("xlsx", "PK\x03\x04 not really").status().key(), "sheet_malformed");
  EXPECT_EQ(ReadMemberSheet("xlsx", t::ZipBomb(40)).status().key(), "sheet_bomb");
  EXPECT_EQ(ReadMemberSheet("ods", "x").status().field(), "format");
}

TEST(SheetTest, TenThousandRowsAreTooMany) {
  const std::string wb = t::Workbook(t::MemberHeader(), t::MemberRows(10000));
  auto sheet = ReadMemberSheet("xlsx", wb);
  EXPECT_EQ(sheet.status().key(), "sheet_too_many_rows");
  SheetLimits small;
  small.max_rows = 5;
  std::string csv = "name,credit_code\n";
  for (int i = 1; i <= 6; ++i) csv += "x," + t::CreditCode(i) + "\n";
  EXPECT_EQ(ReadMemberSheet("csv", csv, small).status().key(), "sheet_too_many_rows");
}

TEST(SheetTest, CsvInUtf8AndGb18030WithQuotes) {
  const std::string csv = "\xEF\xBB\xBF单位名称,统一社会信用代码,联系人\r\n\"甲,乙\"\"公司\",\"" +
                          t::CreditCode(1) + "\",张三\r\n\r\n";
  auto sheet = ReadMemberSheet("csv", csv);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(sheet->rows[1].cells[0], "甲,乙\"公司");
  // "名称" in GB18030 is C3FB B3C6; a GBK header row is read as well.
  const std::string gbk =
      "\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6,credit_code\n\xBC\xD7," + t::CreditCode(2) + "\n";
  auto g = ReadMemberSheet("csv", gbk);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->rows[0].cells[0], "单位名称");
  EXPECT_EQ(g->rows[1].cells[0], "甲");
  EXPECT_EQ(ReadMemberSheet("csv", std::string("a\0b", 3)).status().key(), "sheet_not_text");
}

TEST(SheetTest, RowErrorsNameRowColumnAndReason) {
  std::string csv = "单位名称,统一社会信用代码,手机,邮箱\n";
  csv += "甲公司," + t::CreditCode(1) + ",13800000001,a@example.com\n";  // row 2: fine
  csv += ",91350100M000100Y44,12,not-mail\n";                            // row 3: four errors
  csv += "丙公司," + t::CreditCode(1) + ",,\n";                          // row 4: duplicate
  auto sheet = ReadMemberSheet("csv", csv);
  ASSERT_TRUE(sheet.ok());
  auto rows = CheckMemberRows(*sheet);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows.size(), 1u);
  ASSERT_EQ(rows->errors.size(), 5u);
  EXPECT_EQ(rows->errors[0].row, 3);
  EXPECT_EQ(rows->errors[0].column, "单位名称");
  EXPECT_EQ(rows->errors[0].key, "required");
  EXPECT_EQ(rows->errors[1].key, "invalid_credit_code");
  EXPECT_EQ(rows->errors[2].key, "member_invalid_phone");
  EXPECT_EQ(rows->errors[3].key, "member_invalid_email");
  EXPECT_EQ(rows->errors[4].row, 4);
  EXPECT_EQ(rows->errors[4].key, "duplicate_credit_code");
  EXPECT_EQ(rows->errors[4].value, "2");
}

}  // namespace
}  // namespace jianbao::members
