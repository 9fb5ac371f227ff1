// Copyright 2026 The Jianbao Authors.
//
// xlsx::Book: one .xlsx workbook built with libxlsxwriter and returned as
// bytes. libxlsxwriter writes files, so the book owns a temporary file that
// its destructor removes.
//
//   xlsx::Book book;
//   JB_RETURN_IF_ERROR(book.status());
//   lxw_worksheet* ws = book.Sheet("汇总");
//   book.Title(ws, "2020年第一季度");
//   book.Head(ws, 2, {"单位", "应报", "已报"});
//   book.Text(ws, 3, 0, "湖北省通信行业协会");
//   book.Number(ws, 3, 1, 12);
//   JB_ASSIGN_OR_RETURN(std::string bytes, book.Close());
//
// Thread safety: a Book is used by one thread; separate books are
// independent.

#ifndef JIANBAO_XLSX_BOOK_H_
#define JIANBAO_XLSX_BOOK_H_

#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "core/status.h"

namespace jianbao::xlsx {

class Book {
 public:
  // Creates the temporary file and the workbook with the title and header
  // formats. ok() is false when either could not be created.
  Book();
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  bool ok() const { return wb_ != nullptr; }

  // OK, or Internal when the book could not start (see ok()).
  Status status() const;

  // Adds a worksheet named `name` (Excel allows at most 31 characters and no
  // []:*?/\ — callers pass catalogue labels that respect that).
  // REQUIRES: ok(), Close() not called yet.
  lxw_worksheet* Sheet(const std::string& name);

  // Writes `text` bold at 14 pt into A1.
  void Title(lxw_worksheet* ws, const std::string& text);

  // Writes `labels` as a header row (bold, grey, thin border) into `row`,
  // starting at column `first_col`.
  void Head(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& labels,
            lxw_col_t first_col = 0);

  // Writes a string cell. An empty string leaves the cell empty (a blank cell
  // with `format` when one is given, so borders stay drawn).
  void Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& value,
            lxw_format* format = nullptr);

  // Writes a number cell.
  void Number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double value,
              lxw_format* format = nullptr);

  // A format with Excel number format `num_format` ("0.0%", "0.0"),
  // with a thin border when `border`. Formats live as long as the book.
  lxw_format* Format(const std::string& num_format, bool border = false);

  // The header format, for callers that write header cells themselves.
  lxw_format* head() const { return head_; }

  // Finishes the workbook and returns its bytes. Errors: Internal when
  // libxlsxwriter fails. After Close() the book writes nothing more.
  Result<std::string> Close();

 private:
  std::string path_;
  lxw_workbook* wb_ = nullptr;
  lxw_format* head_ = nullptr;
  lxw_format* title_ = nullptr;
};

}  // namespace jianbao::xlsx

#endif  // JIANBAO_XLSX_BOOK_H_
