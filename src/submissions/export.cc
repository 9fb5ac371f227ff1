// Copyright 2026 The Jianbao Authors.

#include "submissions/export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

namespace jianbao::submissions {
namespace {

const std::vector<std::string>& Headers() {
  static const std::vector<std::string> kHeaders = {
      "排名", "机构代码", "机构", "报送", "采用", "采用率", "约稿", "按时报送", "逾期报送"};
  return kHeaders;
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

std::string Title(const Stats& s) {
  return s.target_org_name + " 信息报送采用情况统计（" + s.period.from + " 至 " + s.period.to +
         "）";
}

}  // namespace

std::string StatsCsv(const Stats& stats) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < Headers().size(); ++i) out += (i ? "," : "") + Headers()[i];
  out += "\r\n";
  auto row = [&](const StatsRow& r, const std::string& rank, const std::string& code,
                 const std::string& name) {
    out += rank + "," + Csv(code) + "," + Csv(name) + "," + std::to_string(r.submitted) + "," +
           std::to_string(r.adopted) + "," + Percent(r.adoption_rate) + "," +
           std::to_string(r.commissioned) + "," + std::to_string(r.commissioned_on_time) + "," +
           std::to_string(r.commissioned_late) + "\r\n";
  };
  for (const StatsRow& r : stats.rows) row(r, std::to_string(r.rank), r.org_code, r.org_name);
  row(stats.total, "", "", "合计");
  return out;
}

Result<std::string> StatsXlsx(const Stats& stats) {
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
  lxw_worksheet* ws = workbook_add_worksheet(wb, "采用统计");
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
  worksheet_write_string(ws, 0, 0, Title(stats).c_str(), title);
  for (size_t c = 0; c < Headers().size(); ++c) {
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), Headers()[c].c_str(), head);
  }
  worksheet_set_column(ws, 1, 1, 14, nullptr);
  worksheet_set_column(ws, 2, 2, 36, nullptr);
  worksheet_set_column(ws, 3, 8, 10, nullptr);
  lxw_row_t r = 3;
  auto write = [&](const StatsRow& row, bool total) {
    if (total) {
      worksheet_write_string(ws, r, 0, "", cell);
      worksheet_write_string(ws, r, 1, "", cell);
      worksheet_write_string(ws, r, 2, "合计", head);
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
