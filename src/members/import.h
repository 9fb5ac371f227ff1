// Copyright 2026 The Jianbao Authors.
//
// Member lists as rows: the header row names the columns in any order, in
// Chinese or English (单位名称/name, 简称/short_name, 统一社会信用代码/
// credit_code, 联系人/contact, 手机/phone, 邮箱/email, 行业/sector); each data
// row becomes a Member or row errors (row, column, reason). Pure functions;
// the service matches rows against the database (update or create).

#ifndef JIANBAO_MEMBERS_IMPORT_H_
#define JIANBAO_MEMBERS_IMPORT_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "members/model.h"
#include "members/sheet.h"

namespace jianbao::members {

// Returns true when `cells` name the required columns (单位名称 and
// 统一社会信用代码, or name and credit_code).
bool IsMemberHeader(const std::vector<std::string>& cells);

// Reads `bytes` as `format` ("xlsx" or "csv") with IsMemberHeader. Errors of
// ReadXlsx / ReadCsv; kInvalidArgument "invalid_format" (field "format").
Result<Sheet> ReadMemberSheet(const std::string& format, std::string_view bytes,
                              const SheetLimits& limits = {});

// The rows of a member sheet, checked one by one.
struct MemberRows {
  std::vector<ImportRow> rows;      // the valid rows (action and code still empty)
  std::vector<ImportError> errors;  // every wrong cell, in row order
};

// Checks every data row of `sheet`: name present (≤ 100 characters), credit
// code valid (GB 32100) and not repeated in the file, phone and e-mail well
// formed, lengths. Returns kInvalidArgument "duplicate_column" naming a
// column given twice.
Result<MemberRows> CheckMemberRows(const Sheet& sheet);

// Returns the organisation code an imported unit gets: its association's code,
// '-' and its credit code in lower case ("hubei-91420100ma4k0001xl"), or "m"
// and the credit code when that would be longer than 32 characters.
std::string MemberCode(const std::string& parent_code, const std::string& credit_code);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_IMPORT_H_
