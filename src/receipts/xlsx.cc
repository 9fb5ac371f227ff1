// Copyright 2026 The Jianbao Authors.
//
// The receipts as an .xlsx workbook (xlsx::Book).

#include "receipts/receipts.h"
#include "xlsx/book.h"

namespace jianbao::receipts {
namespace {

std::string Label(const std::string& name, const std::string& lang) {
  return messages::Text("receipts.export." + name, lang, name);
}

}  // namespace

Result<std::string> Xlsx(const std::string& title, const Summary& summary,
                         const std::string& lang) {
  xlsx::Book book;
  JB_RETURN_IF_ERROR(book.status());
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
    book.Text(units, row, 0, u.org_name);
    book.Text(units, row, 1, u.org_code);
    book.Text(units, row, 2, messages::Text("receipts.state." + u.state, lang, u.state));
    book.Text(units, row, 3, messages::Text("receipts.delivery." + u.delivery, lang, u.delivery));
    book.Number(units, row, 4, u.people);
    book.Number(units, row, 5, u.read);
    book.Number(units, row, 6, u.acknowledged);
    book.Text(units, row, 7, u.read_at);
    book.Text(units, row, 8, u.acknowledged_at);
    book.Number(units, row, 9, u.reminders);
    book.Text(units, row, 10, u.last_reminded_at);
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
    book.Text(people, row, 0, p.org_name);
    book.Text(people, row, 1, p.login);
    book.Text(people, row, 2, p.name);
    book.Text(people, row, 3, p.delivered_at);
    book.Text(people, row, 4, p.read_at);
    book.Text(people, row, 5, p.acknowledged_at);
    ++row;
  }
  return book.Close();
}

}  // namespace jianbao::receipts
