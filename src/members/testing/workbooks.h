// Copyright 2026 The Jianbao Authors.
//
// Test-only builders of member lists: valid credit codes, .xlsx workbooks
// written with libxlsxwriter (also with merged header cells, formulas or an
// unrelated first sheet) and a zip bomb that looks like a workbook.

#ifndef JIANBAO_MEMBERS_TESTING_WORKBOOKS_H_
#define JIANBAO_MEMBERS_TESTING_WORKBOOKS_H_

#include <string>
#include <vector>

namespace jianbao::members::testing {

// Returns the n-th valid credit code of a deterministic sequence.
std::string CreditCode(int n);

struct WorkbookOptions {
  std::string sheet = "会员名单";
  bool notes_sheet_first = false;  // an unrelated sheet "说明" before the list
  bool merge_header = false;       // A1:B1 merged
  int formula_row = 0;             // a formula in column A of this data row (1-based), 0 = none
  bool numeric_phone = false;      // phones as numbers, the way Excel keeps typed digits
};

// Returns an .xlsx workbook whose first row is `header` and then `rows`.
std::string Workbook(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows,
                     const WorkbookOptions& options = {});

// Returns `n` member rows under the header 单位名称, 简称, 统一社会信用代码,
// 联系人, 手机, 邮箱, 行业 (codes from CreditCode(first…)).
std::vector<std::vector<std::string>> MemberRows(int n, int first = 1);
const std::vector<std::string>& MemberHeader();

// Returns a zip holding a workbook's parts and one sheet that expands to
// `mebibytes` MiB of blanks.
std::string ZipBomb(int mebibytes);

}  // namespace jianbao::members::testing

#endif  // JIANBAO_MEMBERS_TESTING_WORKBOOKS_H_
