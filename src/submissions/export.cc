// Copyright 2026 The Jianbao Authors.

#include "submissions/export.h"

#include <cstdio>
#include <vector>

#include "core/messages.h"
#include "xlsx/book.h"

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
  xlsx::Book book;
  JB_RETURN_IF_ERROR(book.status());
  lxw_worksheet* ws = book.Sheet(Label("sheet", lang));
  lxw_format* cell = book.Format("", true);
  lxw_format* pct = book.Format("0.0%", true);
  book.Title(ws, Title(stats, lang));
  book.Head(ws, 2, Headers(lang));
  const std::string total_label = Label("total", lang);
  worksheet_set_column(ws, 1, 1, 14, nullptr);
  worksheet_set_column(ws, 2, 2, 36, nullptr);
  worksheet_set_column(ws, 3, 8, 10, nullptr);
  lxw_row_t r = 3;
  auto write = [&](const StatsRow& row, bool total) {
    if (total) {
      book.Text(ws, r, 0, "", cell);
      book.Text(ws, r, 1, "", cell);
      book.Text(ws, r, 2, total_label, book.head());
    } else {
      book.Number(ws, r, 0, row.rank, cell);
      book.Text(ws, r, 1, row.org_code, cell);
      book.Text(ws, r, 2, row.org_name, cell);
    }
    book.Number(ws, r, 3, static_cast<double>(row.submitted), cell);
    book.Number(ws, r, 4, static_cast<double>(row.adopted), cell);
    book.Number(ws, r, 5, row.adoption_rate, pct);
    book.Number(ws, r, 6, static_cast<double>(row.commissioned), cell);
    book.Number(ws, r, 7, static_cast<double>(row.commissioned_on_time), cell);
    book.Number(ws, r, 8, static_cast<double>(row.commissioned_late), cell);
    ++r;
  };
  for (const StatsRow& row : stats.rows) write(row, false);
  write(stats.total, true);
  return book.Close();
}

}  // namespace jianbao::submissions
