// Copyright 2026 The Jianbao Authors.

#include "members/testing/workbooks.h"

#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "members/credit_code.h"
#include "xlsx/book.h"

namespace jianbao::members::testing {

std::string CreditCode(int n) {
  char body[32];
  std::snprintf(body, sizeof body, "9142010%010d", n);
  std::string b = body;
  return b + CreditCodeCheck(b);
}

const std::vector<std::string>& MemberHeader() {
  static const std::vector<std::string> kHeader = {
      "单位名称", "简称", "统一社会信用代码", "联系人", "手机", "邮箱", "行业"};
  return kHeader;
}

std::vector<std::vector<std::string>> MemberRows(int n, int first) {
  static const char* kSectors[] = {"通信工程", "信息技术", "铁塔服务", "基础电信"};
  std::vector<std::vector<std::string>> rows;
  for (int i = first; i < first + n; ++i) {
    const std::string num = std::to_string(i);
    rows.push_back({"测试通信有限公司" + num, "测试" + num, CreditCode(i), "联系人" + num,
                    "138" + std::string(8 - std::min<size_t>(8, num.size()), '0') + num,
                    "m" + num + "@example.com", kSectors[i % 4]});
  }
  return rows;
}

std::string Workbook(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows,
                     const WorkbookOptions& options) {
  xlsx::Book book;
  if (options.notes_sheet_first)
    book.Text(book.Sheet("说明"), 0, 0, "请在下一张工作表填写会员名单");
  lxw_worksheet* ws = book.Sheet(options.sheet);
  for (size_t c = 0; c < header.size(); ++c) book.Text(ws, 0, static_cast<lxw_col_t>(c), header[c]);
  if (options.merge_header) worksheet_merge_range(ws, 0, 0, 0, 1, header[0].c_str(), nullptr);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto col = static_cast<lxw_col_t>(c);
      const bool phone = c < header.size() && header[c] == "手机";
      if (options.numeric_phone && phone && !rows[r][c].empty()) {
        book.Number(ws, row, col, std::stod(rows[r][c]));
      } else {
        book.Text(ws, row, col, rows[r][c]);
      }
    }
    if (options.formula_row == static_cast<int>(r + 1)) {
      worksheet_write_formula(ws, static_cast<lxw_row_t>(r + 1), 0, "=CONCATENATE(\"a\",\"b\")",
                              nullptr);
    }
  }
  Result<std::string> bytes = book.Close();
  return bytes.ok() ? *bytes : std::string();
}

std::string ZipBomb(int mebibytes) {
  char path[] = "/tmp/jb-members-bomb-XXXXXX";
  const int fd = mkstemp(path);
  close(fd);
  int err = 0;
  zip_t* z = zip_open(path, ZIP_TRUNCATE, &err);
  static const std::string kWorkbook =
      "<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets><sheet name=\"a\" r:id=\"rId1\"/>"
      "</sheets></workbook>";
  static const std::string kRels =
      "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" "
      "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  const std::string big = "<worksheet><sheetData>" +
                          std::string(static_cast<size_t>(mebibytes) << 20, ' ') +
                          "</sheetData></worksheet>";
  auto add = [&](const char* name, const std::string& data) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_file_add(z, name, src, ZIP_FL_OVERWRITE);
  };
  add("xl/workbook.xml", kWorkbook);
  add("xl/_rels/workbook.xml.rels", kRels);
  add("xl/worksheets/sheet1.xml", big);
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path);
  return ss.str();
}

}  // namespace jianbao::members::testing
