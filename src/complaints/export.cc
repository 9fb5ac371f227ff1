// Copyright 2026 The Jianbao Authors.

#include "complaints/export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <fstream>
#include <sstream>

#include "complaints/options.h"
#include "core/messages.h"

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
  char path[] = "/tmp/jianbao-complaints-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Status::Internal("cannot create a temporary file for the .xlsx");
  close(fd);
  lxw_workbook_options options = {};
  lxw_workbook* wb = workbook_new_opt(path, &options);
  if (!wb) {
    unlink(path);
    return Status::Internal("libxlsxwriter could not start a workbook");
  }
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xF2F2F2);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* dec = workbook_add_format(wb);
  format_set_num_format(dec, "0.0");

  lxw_worksheet* ws = workbook_add_worksheet(wb, Label("stats_sheet", lang).c_str());
  const std::string period =
      (stats.from.empty() ? "…" : stats.from) + " — " + (stats.to.empty() ? "…" : stats.to);
  worksheet_write_string(ws, 0, 0, (Label("title", lang) + " " + period).c_str(), title);
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  lxw_row_t r = 2;
  auto table = [&](const std::string& group, const std::vector<StatsRow>& rows, bool total) {
    worksheet_write_string(ws, r, 0, Label(group, lang).c_str(), head);
    for (size_t i = 0; i < std::size(kCounts); ++i) {
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(i + 1), Label(kCounts[i], lang).c_str(),
                             head);
    }
    ++r;
    for (const StatsRow& row : rows) {
      const std::string name = total ? Label("total", lang) : KeyLabel(group, row.key, lang);
      worksheet_write_string(ws, r, 0, name.c_str(), nullptr);
      for (size_t i = 0; i < std::size(kCounts); ++i) {
        const bool decimal = i >= 10;
        worksheet_write_number(ws, r, static_cast<lxw_col_t>(i + 1), Value(row, kCounts[i]),
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

  lxw_worksheet* cs = workbook_add_worksheet(wb, Label("cases_sheet", lang).c_str());
  const char* columns[] = {"number", "kind_col", "category",    "operator",  "region",      "name",
                           "phone",  "status",   "received_on", "closed_on", "satisfaction"};
  for (size_t i = 0; i < std::size(columns); ++i) {
    worksheet_write_string(cs, 0, static_cast<lxw_col_t>(i), Label(columns[i], lang).c_str(), head);
  }
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
      worksheet_write_string(cs, cr, static_cast<lxw_col_t>(i), values[i].c_str(), nullptr);
    }
    if (c.satisfaction > 0) worksheet_write_number(cs, cr, 10, c.satisfaction, nullptr);
    ++cr;
  }
  const lxw_error err = workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path);
  if (err != LXW_NO_ERROR) {
    return Status::Internal(std::string("libxlsxwriter: ") + lxw_strerror(err));
  }
  return ss.str();
}

}  // namespace jianbao::complaints
