// Copyright 2026 The Jianbao Authors.

#include "complaints/export.h"

#include "complaints/options.h"
#include "core/messages.h"
#include "xlsx/book.h"

namespace jianbao::complaints {
namespace {

std::string Label(const std::string& key, const std::string& lang) {
  return messages::Text("complaints.export." + key, lang, key);
}

std::string KeyLabel(const std::string& group, const std::string& key, const std::string& lang) {
  if (group == "region") {
    const RegionInfo* r = FindRegion(key);
    return r ? (lang == "en" ? r->en : r->zh) : key;
  }
  return messages::Text("complaints." + group + "." + key, lang, key);
}

const char* kCounts[] = {"received",
                         "consultations",
                         "complaints",
                         "accepted",
                         "not_accepted",
                         "resolved_directly",
                         "forwarded",
                         "replied",
                         "closed",
                         "overdue",
                         "average_handling_days",
                         "satisfaction"};

double Value(const StatsRow& r, const std::string& name) {
  if (name == "received") return static_cast<double>(r.received);
  if (name == "consultations") return static_cast<double>(r.consultations);
  if (name == "complaints") return static_cast<double>(r.complaints);
  if (name == "accepted") return static_cast<double>(r.accepted);
  if (name == "not_accepted") return static_cast<double>(r.not_accepted);
  if (name == "resolved_directly") return static_cast<double>(r.resolved_directly);
  if (name == "forwarded") return static_cast<double>(r.forwarded);
  if (name == "replied") return static_cast<double>(r.replied);
  if (name == "closed") return static_cast<double>(r.closed);
  if (name == "overdue") return static_cast<double>(r.overdue);
  if (name == "average_handling_days") return r.average_handling_days;
  return r.satisfaction;
}

}  // namespace

Result<std::string> StatsXlsx(const Stats& stats, const std::vector<Complaint>& cases,
                              const std::string& lang) {
  xlsx::Book book;
  JB_RETURN_IF_ERROR(book.status());
  lxw_format* dec = book.Format("0.0");

  lxw_worksheet* ws = book.Sheet(Label("stats_sheet", lang));
  const std::string period =
      (stats.from.empty() ? "…" : stats.from) + " — " + (stats.to.empty() ? "…" : stats.to);
  book.Title(ws, Label("title", lang) + " " + period);
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  lxw_row_t r = 2;
  auto table = [&](const std::string& group, const std::vector<StatsRow>& rows, bool total) {
    std::vector<std::string> labels = {Label(group, lang)};
    for (const char* count : kCounts) labels.push_back(Label(count, lang));
    book.Head(ws, r++, labels);
    for (const StatsRow& row : rows) {
      const std::string name = total ? Label("total", lang) : KeyLabel(group, row.key, lang);
      book.Text(ws, r, 0, name);
      for (size_t i = 0; i < std::size(kCounts); ++i) {
        const bool decimal = i >= 10;
        book.Number(ws, r, static_cast<lxw_col_t>(i + 1), Value(row, kCounts[i]),
                    decimal ? dec : nullptr);
      }
      ++r;
    }
    ++r;
  };
  table("total", {stats.total}, true);
  table("category", stats.by_category, false);
  table("operator", stats.by_operator, false);
  table("region", stats.by_region, false);

  lxw_worksheet* cs = book.Sheet(Label("cases_sheet", lang));
  const char* columns[] = {"number", "kind_col", "category",    "operator",  "region",      "name",
                           "phone",  "status",   "received_on", "closed_on", "satisfaction"};
  std::vector<std::string> headers;
  for (const char* column : columns) headers.push_back(Label(column, lang));
  book.Head(cs, 0, headers);
  worksheet_set_column(cs, 0, 0, 20, nullptr);
  lxw_row_t cr = 1;
  for (const Complaint& c : cases) {
    if (!c.personal_data_masked) continue;  // never export personal data in full
    const std::string values[] = {c.number,
                                  messages::Text("complaints.kind." + c.kind, lang, c.kind),
                                  KeyLabel("category", c.category, lang),
                                  KeyLabel("operator", c.operator_code, lang),
                                  KeyLabel("region", c.region, lang),
                                  c.name,
                                  c.phone,
                                  messages::Text("complaints.state." + c.status, lang, c.status),
                                  c.received_on,
                                  c.closed_on};
    for (size_t i = 0; i < std::size(values); ++i) {
      book.Text(cs, cr, static_cast<lxw_col_t>(i), values[i]);
    }
    if (c.satisfaction > 0) book.Number(cs, cr, 10, c.satisfaction);
    ++cr;
  }
  return book.Close();
}

}  // namespace jianbao::complaints
