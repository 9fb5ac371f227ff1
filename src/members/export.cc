// Copyright 2026 The Jianbao Authors.

#include "members/export.h"

#include "core/messages.h"
#include "members/service_internal.h"
#include "xlsx/book.h"

namespace jianbao::members {
namespace {

std::string Label(const std::string& name, const std::string& lang) {
  return messages::Text("members.export." + name, lang, name);
}

double Ratio(int64_t a, int64_t b) { return b ? static_cast<double>(a) / b : 0; }

// The shared book with the members' number formats (thousands, percent).
class Book : public xlsx::Book {
 public:
  Book() {
    if (!ok()) return;
    num_ = Format("#,##0.##");
    pct_ = Format("0.0%");
  }
  void Number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v) {
    xlsx::Book::Number(ws, r, c, v, num_);
  }
  void Percent(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v) {
    xlsx::Book::Number(ws, r, c, v, pct_);
  }

 private:
  lxw_format* num_ = nullptr;
  lxw_format* pct_ = nullptr;
};

void GroupRows(Book& book, lxw_worksheet* ws, lxw_row_t* row, const std::string& heading,
               const std::vector<RateGroup>& groups, const std::string& lang) {
  book.Head(ws, (*row)++,
            {heading, Label("expected", lang), Label("reported", lang), Label("on_time", lang),
             Label("reporting_rate", lang), Label("on_time_rate", lang)});
  for (const RateGroup& g : groups) {
    book.Text(ws, *row, 0, g.label.empty() ? Label("none", lang) : g.label);
    book.Number(ws, *row, 1, static_cast<double>(g.expected));
    book.Number(ws, *row, 2, static_cast<double>(g.reported));
    book.Number(ws, *row, 3, static_cast<double>(g.on_time));
    book.Percent(ws, *row, 4, Ratio(g.reported, g.expected));
    book.Percent(ws, *row, 5, Ratio(g.on_time, g.expected));
    ++*row;
  }
  ++*row;
}

}  // namespace

std::string ItemLabel(const std::string& item, const std::string& lang) {
  return messages::Text("members.item." + item, lang, item);
}

std::string UnitLabel(const std::string& unit, const std::string& lang) {
  return messages::Text("members.unit." + unit, lang, unit);
}

Result<std::string> DashboardXlsx(const Dashboard& d, const std::string& lang) {
  Book book;
  JB_RETURN_IF_ERROR(book.status());
  lxw_worksheet* ws = book.Sheet(Label("summary", lang));
  book.Title(ws, d.schedule.name + " " + d.rate.period.start + " ~ " + d.rate.period.end);
  worksheet_set_column(ws, 0, 0, 30, nullptr);
  worksheet_set_column(ws, 1, 5, 12, nullptr);
  lxw_row_t row = 2;
  GroupRows(book, ws, &row, Label("total", lang),
            {RateGroup{"", Label("total", lang), d.rate.expected, d.rate.reported, d.rate.on_time}},
            lang);
  GroupRows(book, ws, &row, Label("province", lang), d.by_province, lang);
  GroupRows(book, ws, &row, Label("sector", lang), d.by_sector, lang);
  lxw_worksheet* units = book.Sheet(Label("units", lang));
  worksheet_set_column(units, 1, 1, 36, nullptr);
  book.Head(
      units, 0,
      {Label("code", lang), Label("name", lang), Label("province", lang), Label("sector", lang),
       Label("state", lang), Label("status", lang), Label("staff_back_pct", lang),
       Label("capacity_pct", lang), Label("submitted_at", lang)});
  lxw_row_t r = 1;
  for (const UnitStatus& u : d.units) {
    book.Text(units, r, 0, u.code);
    book.Text(units, r, 1, u.name);
    book.Text(units, r, 2, u.province);
    book.Text(units, r, 3, u.sector);
    book.Text(units, r, 4, Label("state_" + u.state, lang));
    book.Text(units, r, 5, u.status.empty() ? "" : Label("status_" + u.status, lang));
    if (!u.status.empty()) {
      book.Number(units, r, 6, u.staff_back_pct);
      book.Number(units, r, 7, u.capacity_pct);
      book.Text(units, r, 8, u.submitted_at);
    }
    ++r;
  }
  return book.Close();
}

Result<std::string> LedgerXlsx(const std::vector<Transaction>& txs,
                               const std::vector<Balance>& balances, const std::string& year,
                               const std::string& lang) {
  Book book;
  JB_RETURN_IF_ERROR(book.status());
  lxw_worksheet* ws = book.Sheet(Label("transactions", lang));
  book.Title(ws, Label("ledger_title", lang) + (year.empty() ? "" : " " + year));
  worksheet_set_column(ws, 3, 4, 30, nullptr);
  book.Head(
      ws, 2,
      {Label("date", lang), Label("item", lang), Label("quantity", lang), Label("from", lang),
       Label("to", lang), Label("unit", lang), Label("note", lang), Label("created_by", lang)});
  lxw_row_t r = 3;
  for (const Transaction& t : txs) {
    book.Text(ws, r, 0, t.date);
    book.Text(ws, r, 1, ItemLabel(t.item, lang));
    book.Number(ws, r, 2, static_cast<double>(t.quantity_x100) / 100);
    book.Text(ws, r, 3, t.from_name);
    book.Text(ws, r, 4, t.to_name);
    book.Text(ws, r, 5, UnitLabel(t.unit, lang));
    book.Text(ws, r, 6, t.note);
    book.Text(ws, r, 7, t.created_by);
    ++r;
  }
  lxw_worksheet* bs = book.Sheet(Label("balances", lang));
  worksheet_set_column(bs, 0, 0, 36, nullptr);
  book.Head(
      bs, 0,
      {Label("holder", lang), Label("item", lang), Label("balance", lang), Label("unit", lang)});
  r = 1;
  for (const Balance& b : balances) {
    book.Text(bs, r, 0, b.holder_name);
    book.Text(bs, r, 1, ItemLabel(b.item, lang));
    book.Number(bs, r, 2, static_cast<double>(b.balance_x100) / 100);
    book.Text(bs, r, 3, UnitLabel(b.unit, lang));
    ++r;
  }
  return book.Close();
}

SupplySection SummarySection(const SupplySummary& s) {
  SupplySection out;
  const std::string period = s.year.size() == 4 ? s.year + "年" : s.year;
  out.title = "防疫物资捐赠与发放情况（" + period + "）";
  if (s.rows.empty()) {
    out.body = period + "，" + (s.scope_name.empty() ? std::string("本会") : s.scope_name) +
               "未登记防疫物资和捐赠资金的收发。";
    return out;
  }
  auto amount = [](const SupplySummaryRow& r, int64_t x100) {
    return ItemLabel(r.item, "zh") + internal::FormatQuantity(x100) + UnitLabel(r.unit, "zh");
  };
  std::string received, donated, left;
  for (const SupplySummaryRow& r : s.rows) {
    if (r.received_x100) received += (received.empty() ? "" : "、") + amount(r, r.received_x100);
    if (r.donated_x100) donated += (donated.empty() ? "" : "、") + amount(r, r.donated_x100);
    if (r.balance_x100) left += (left.empty() ? "" : "、") + amount(r, r.balance_x100);
  }
  std::string body = period + "，" + (s.scope_name.empty() ? std::string("各单位") : s.scope_name);
  body += received.empty() ? "未接收外部捐赠" : "共接收社会各界捐赠" + received;
  body += donated.empty() ? "。" : "，向抗疫一线和有关单位发放" + donated + "。";
  if (!left.empty()) body += "目前结存" + left + "。";
  if (!s.top_donors.empty()) {
    std::string names;
    for (const auto& [name, n] : s.top_donors) names += (names.empty() ? "" : "、") + name;
    body += "\n\n主要捐赠方：" + names + "。";
  }
  out.body = body;
  return out;
}

}  // namespace jianbao::members
