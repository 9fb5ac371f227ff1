// Copyright 2026 The Jianbao Authors.

#include "submissions/summary.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace jianbao::submissions {
namespace {

// "2020-03-01" -> "3月1日" (with "2020年" in front when `with_year`).
std::string ChineseDay(const std::string& iso, bool with_year) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return iso;
  return (with_year ? std::to_string(y) + "年" : "") + std::to_string(m) + "月" +
         std::to_string(d) + "日";
}

std::string PeriodText(const Period& p) {
  const bool same_year = p.from.substr(0, 4) == p.to.substr(0, 4);
  if (p.from == p.to) return ChineseDay(p.from, false);
  return ChineseDay(p.from, !same_year) + "—" + ChineseDay(p.to, !same_year);
}

// Escapes ASCII punctuation that CommonMark or a table cell would read.
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_{}[]()<>#+-.!|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Percent(int64_t part, int64_t whole) {
  if (whole == 0) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

std::string Name(const StatsRow& r) {
  return Escape(r.org_short_name.empty() ? r.org_name : r.org_short_name);
}

}  // namespace

SummarySection SummaryOf(const Stats& stats) {
  SummarySection out;
  const std::string period = PeriodText(stats.period);
  out.title = "信息报送采用情况（" + period + "）";
  const StatsRow& t = stats.total;
  std::string body = period + "，" + Escape(stats.target_org_name);
  if (t.submitted == 0) {
    out.body = body + "未收到报送信息。\n";
    return out;
  }
  body += "共收到各单位报送信息" + std::to_string(t.submitted) + "篇，采用" +
          std::to_string(t.adopted) + "篇，采用率" + Percent(t.adopted, t.submitted) + "。";
  // The organisations with the most adopted pieces, at most three; a tie
  // across the cut leaves the whole tied group out rather than pick arbitrarily.
  std::vector<const StatsRow*> by_adopted;
  for (const StatsRow& r : stats.rows) {
    if (r.adopted > 0) by_adopted.push_back(&r);
  }
  std::stable_sort(by_adopted.begin(), by_adopted.end(),
                   [](const StatsRow* a, const StatsRow* b) { return a->adopted > b->adopted; });
  size_t cut = std::min<size_t>(3, by_adopted.size());
  while (cut > 0 && cut < by_adopted.size() &&
         by_adopted[cut]->adopted == by_adopted[cut - 1]->adopted) {
    --cut;
  }
  std::string leaders;
  for (size_t i = 0; i < cut; ++i) {
    leaders += (leaders.empty() ? "" : "、") + Name(*by_adopted[i]) + "（" +
               std::to_string(by_adopted[i]->adopted) + "篇）";
  }
  if (!leaders.empty()) body += "采用较多的是" + leaders + "。";
  body += "\n\n| 单位 | 报送 | 采用 | 采用率 |\n|:---|---:|---:|---:|\n";
  for (const StatsRow& r : stats.rows) {
    if (r.submitted == 0 && r.adopted == 0) continue;
    body += "| " + Name(r) + " | " + std::to_string(r.submitted) + " | " +
            std::to_string(r.adopted) + " | " + Percent(r.adopted, r.submitted) + " |\n";
  }
  body += "| 合计 | " + std::to_string(t.submitted) + " | " + std::to_string(t.adopted) + " | " +
          Percent(t.adopted, t.submitted) + " |\n";
  out.body = body;
  return out;
}

}  // namespace jianbao::submissions
