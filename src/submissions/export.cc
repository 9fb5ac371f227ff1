// Copyright 2026 The Jianbao Authors.

#include "submissions/export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/messages.h"

namespace jianbao::submissions {
namespace {

// Returns the label of export text `name` ("rank", …) in `lang` (messages.cc).
std::string Label(const std::string& name, const std::string& lang) {
  return messages::Text("submissions.export." + name, lang, name);
}

std::vector<std::string> Headers(const std::string& lang) {
  std::vector<std::string> out;
  for (const char* name : {"rank", "org_code", "org", "submitted", "adopted", "adoption_rate",
                           "commissioned", "on_time", "late"}) {
    out.push_back(Label(name, lang));
  }
  return out;
}

std::string Csv(const std::string& v) {
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  std::string out = (!v.empty() && std::string("=+-@").find(v[0]) != std::string::npos) ? "'" : "";
  out += v;
  if (out.find_first_of(",\"\n\r") == std::string::npos) return out;
  std::string q = "\"";
  for (char c : out) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string Percent(double rate) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100);
  return buf;
}

std::string Title(const Stats& s, const std::string& lang) {
  return messages::Format(
      Label("title", lang),
      {{"org", s.target_org_name}, {"from", s.period.from}, {"to", s.period.to}});
}

}  // namespace

std::string StatsCsv(const Stats& stats, const std::string& lang) {
  std::string out = "\xEF\xBB\xBF";
  const std::vector<std::string> headers = Headers(lang);
  for (size_t i = 0; i < headers.size(); ++i) out += (i ? "," : "") + Csv(headers[i]);
  out += "\r\n";
  auto row = [&](const StatsRow& r, const std::string& rank, const std::string& code,
                 const std::string& name) {
    out += rank + "," + Csv(code) + "," + Csv(name) + "," + std::to_string(r.submitted) + "," +
           std::to_string(r.adopted) + "," + Percent(r.adoption_rate) + "," +
           std::to_string(r.commissioned) + "," + std::to_string(r.commissioned_on_time) + "," +
           std::to_string(r.commissioned_late) + "\r\n";
  };
  for (const StatsRow& r : stats.rows) row(r, std::to_string(r.rank), r.org_code, r.org_name);
  row(stats.total, "", "", Label("total", lang));
  return out;
}

Result<std::string> StatsXlsx(const Stats& stats, const std::string& lang) {
  char path[] = "/tmp/jianbao-stats-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Status::Internal("cannot create a temporary file for the .xlsx");
  close(fd);
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path, &options);
  if (!wb) {
    unlink(path);
    return Status::Internal("libxlsxwriter could not start a workbook");
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, Label("sheet", lang).c_str());
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xF2F2F2);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* pct = workbook_add_format(wb);
  format_set_num_format(pct, "0.0%");
  format_set_border(pct, LXW_BORDER_THIN);
  worksheet_write_string(ws, 0, 0, Title(stats, lang).c_str(), title);
  const std::vector<std::string> headers = Headers(lang);
  for (size_t c = 0; c < headers.size(); ++c) {
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), headers[c].c_str(), head);
  }
  const std::string total_label = Label("total", lang);
  worksheet_set_column(ws, 1, 1, 14, nullptr);
  worksheet_set_column(ws, 2, 2, 36, nullptr);
  worksheet_set_column(ws, 3, 8, 10, nullptr);
  lxw_row_t r = 3;
  auto write = [&](const StatsRow& row, bool total) {
    if (total) {
      worksheet_write_string(ws, r, 0, "", cell);
      worksheet_write_string(ws, r, 1, "", cell);
      worksheet_write_string(ws, r, 2, total_label.c_str(), head);
    } else {
      worksheet_write_number(ws, r, 0, row.rank, cell);
      worksheet_write_string(ws, r, 1, row.org_code.c_str(), cell);
      worksheet_write_string(ws, r, 2, row.org_name.c_str(), cell);
    }
    worksheet_write_number(ws, r, 3, static_cast<double>(row.submitted), cell);
    worksheet_write_number(ws, r, 4, static_cast<double>(row.adopted), cell);
    worksheet_write_number(ws, r, 5, row.adoption_rate, pct);
    worksheet_write_number(ws, r, 6, static_cast<double>(row.commissioned), cell);
    worksheet_write_number(ws, r, 7, static_cast<double>(row.commissioned_on_time), cell);
    worksheet_write_number(ws, r, 8, static_cast<double>(row.commissioned_late), cell);
    ++r;
  };
  for (const StatsRow& row : stats.rows) write(row, false);
  write(stats.total, true);
  const lxw_error err = workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path);
  if (err != LXW_NO_ERROR)
    return Status::Internal(std::string("libxlsxwriter: ") + lxw_strerror(err));
  return ss.str();
}

}  // namespace jianbao::submissions
