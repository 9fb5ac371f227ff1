// Copyright 2026 The Jianbao Authors.
//
// The receipts as an .xlsx workbook (libxlsxwriter, as the members and
// complaints exports).

#include <unistd.h>
#include <xlsxwriter.h>

#include <fstream>
#include <sstream>

#include "receipts/receipts.h"

namespace jianbao::receipts {
namespace {

std::string Label(const std::string& name, const std::string& lang) {
  return messages::Text("receipts.export." + name, lang, name);
}

// libxlsxwriter writes files: a temporary one, read back and removed.
class Book {
 public:
  Book() {
    char path[] = "/tmp/jianbao-receipts-XXXXXX";
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
  ~Book() {
    if (wb_) workbook_close(wb_);
    if (!path_.empty()) unlink(path_.c_str());
  }
  bool ok() const { return wb_ != nullptr; }
  lxw_worksheet* Sheet(const std::string& name) {
    return workbook_add_worksheet(wb_, name.c_str());
  }
  void Head(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& labels) {
    for (size_t c = 0; c < labels.size(); ++c) {
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), labels[c].c_str(), head_);
    }
  }
  void Title(lxw_worksheet* ws, const std::string& v) {
    worksheet_write_string(ws, 0, 0, v.c_str(), title_);
  }
  Result<std::string> Close() {
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

 private:
  std::string path_;
  lxw_workbook* wb_ = nullptr;
  lxw_format *head_ = nullptr, *title_ = nullptr;
};

void Text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& v) {
  if (!v.empty()) worksheet_write_string(ws, r, c, v.c_str(), nullptr);
}

void Number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v) {
  worksheet_write_number(ws, r, c, v, nullptr);
}

}  // namespace

Result<std::string> Xlsx(const std::string& title, const Summary& summary,
                         const std::string& lang) {
  Book book;
  if (!book.ok()) return Status::Internal("libxlsxwriter could not start a workbook");
  lxw_worksheet* units = book.Sheet(Label("units", lang));
  book.Title(units, title);
  worksheet_set_column(units, 0, 0, 36, nullptr);
  worksheet_set_column(units, 1, 10, 14, nullptr);
  book.Head(units, 2,
            {Label("unit", lang), Label("code", lang), Label("state", lang),
             Label("delivery", lang), Label("people_count", lang), Label("read", lang),
             Label("acknowledged", lang), Label("read_at", lang), Label("acknowledged_at", lang),
             Label("reminders", lang), Label("last_reminded_at", lang)});
  lxw_row_t row = 3;
  for (const Unit& u : summary.units) {
    Text(units, row, 0, u.org_name);
    Text(units, row, 1, u.org_code);
    Text(units, row, 2, messages::Text("receipts.state." + u.state, lang, u.state));
    Text(units, row, 3, messages::Text("receipts.delivery." + u.delivery, lang, u.delivery));
    Number(units, row, 4, u.people);
    Number(units, row, 5, u.read);
    Number(units, row, 6, u.acknowledged);
    Text(units, row, 7, u.read_at);
    Text(units, row, 8, u.acknowledged_at);
    Number(units, row, 9, u.reminders);
    Text(units, row, 10, u.last_reminded_at);
    ++row;
  }
  lxw_worksheet* people = book.Sheet(Label("people", lang));
  worksheet_set_column(people, 0, 0, 36, nullptr);
  worksheet_set_column(people, 1, 5, 20, nullptr);
  book.Head(people, 0,
            {Label("unit", lang), Label("login", lang), Label("name", lang),
             Label("delivered_at", lang), Label("read_at", lang), Label("acknowledged_at", lang)});
  row = 1;
  for (const Person& p : summary.people) {
    Text(people, row, 0, p.org_name);
    Text(people, row, 1, p.login);
    Text(people, row, 2, p.name);
    Text(people, row, 3, p.delivered_at);
    Text(people, row, 4, p.read_at);
    Text(people, row, 5, p.acknowledged_at);
    ++row;
  }
  return book.Close();
}

}  // namespace jianbao::receipts
