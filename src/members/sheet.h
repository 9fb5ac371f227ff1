// Copyright 2026 The Jianbao Authors.
//
// Reading member lists from spreadsheets: .xlsx (libzip + pugixml) and .csv
// (UTF-8, with or without BOM, or GB18030 as Excel saves it on Chinese
// Windows). Pure functions over bytes; every file is treated as hostile.
//
// The .xlsx reader checks the zip like the .docx reader (entry count, names,
// encryption, declared and actual sizes, compression ratio, no DOCTYPE), then
// picks the first sheet whose first non-empty row holds a recognised header
// (`is_header`), and refuses what would silently import the wrong thing:
// merged cells, formulas and more than `max_rows` data rows.

#ifndef JIANBAO_MEMBERS_SHEET_H_
#define JIANBAO_MEMBERS_SHEET_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jianbao::members {

struct SheetLimits {
  size_t max_input_bytes = 10 << 20;
  size_t max_entries = 500;
  size_t max_part_bytes = 64 << 20;
  size_t max_total_bytes = 128 << 20;
  size_t max_ratio = 100;  // for entries over 1 MiB
  size_t max_rows = 9999;  // data rows below the header
  size_t max_columns = 64;
};

struct SheetRow {
  int number = 0;                  // as the spreadsheet numbers it (1-based)
  std::vector<std::string> cells;  // trimmed text; "" for empty cells
};

struct Sheet {
  std::string name;            // the sheet's name ("" for CSV)
  std::vector<SheetRow> rows;  // rows[0] is the header; empty rows are left out
};

// Returns true when a header row names the columns the caller needs.
using HeaderCheck = std::function<bool(const std::vector<std::string>&)>;

// Reads an .xlsx workbook. Errors, all kInvalidArgument with field "file":
// "sheet_malformed" (not a zip/xlsx, broken XML), "sheet_bomb" (limits),
// "sheet_encrypted", "sheet_no_header" (no sheet has a recognised header; the
// message names the sheets), "sheet_merged" (merged cells; details row),
// "sheet_formula" (a cell holds a formula; details row, text cell),
// "sheet_too_many_rows"; kPayloadTooLarge for an input over the limit.
Result<Sheet> ReadXlsx(std::string_view bytes, const HeaderCheck& is_header,
                       const SheetLimits& limits = {});

// Reads a CSV file (RFC 4180 quoting). Errors: "sheet_not_text",
// "sheet_no_header", "sheet_too_many_rows", kPayloadTooLarge.
Result<Sheet> ReadCsv(std::string_view bytes, const HeaderCheck& is_header,
                      const SheetLimits& limits = {});

// Returns the column letters of 0-based column `index` ("A", "AB").
std::string ColumnLetters(size_t index);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_SHEET_H_
