// Copyright 2026 The Jianbao Authors.

#include "xlsx/book.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace jianbao::xlsx {

Book::Book() {
  char path[] = "/tmp/jianbao-xlsx-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return;
  close(fd);
  path_ = path;
  wb_ = workbook_new(path);
  if (!wb_) return;
  head_ = workbook_add_format(wb_);
  format_set_bold(head_);
  format_set_bg_color(head_, 0xF2F2F2);
  format_set_border(head_, LXW_BORDER_THIN);
  title_ = workbook_add_format(wb_);
  format_set_bold(title_);
  format_set_font_size(title_, 14);
}

Book::~Book() {
  if (wb_) workbook_close(wb_);
  if (!path_.empty()) unlink(path_.c_str());
}

Status Book::status() const {
  return ok() ? Status::Ok() : Status::Internal("libxlsxwriter could not start a workbook");
}

lxw_worksheet* Book::Sheet(const std::string& name) {
  return workbook_add_worksheet(wb_, name.c_str());
}

void Book::Title(lxw_worksheet* ws, const std::string& text) {
  worksheet_write_string(ws, 0, 0, text.c_str(), title_);
}

void Book::Head(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& labels,
                lxw_col_t first_col) {
  for (size_t c = 0; c < labels.size(); ++c) {
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(first_col + c), labels[c].c_str(),
                           head_);
  }
}

void Book::Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& value,
                lxw_format* format) {
  if (!value.empty()) {
    worksheet_write_string(ws, row, col, value.c_str(), format);
  } else if (format) {
    worksheet_write_blank(ws, row, col, format);
  }
}

void Book::Number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double value,
                  lxw_format* format) {
  worksheet_write_number(ws, row, col, value, format);
}

lxw_format* Book::Format(const std::string& num_format, bool border) {
  lxw_format* f = workbook_add_format(wb_);
  if (!num_format.empty()) format_set_num_format(f, num_format.c_str());
  if (border) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

Result<std::string> Book::Close() {
  if (!wb_) return Status::Internal("the workbook was not started or is already closed");
  const lxw_error err = workbook_close(wb_);
  wb_ = nullptr;
  if (err != LXW_NO_ERROR) {
    return Status::Internal(std::string("libxlsxwriter: ") + lxw_strerror(err));
  }
  std::ifstream in(path_, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace jianbao::xlsx
