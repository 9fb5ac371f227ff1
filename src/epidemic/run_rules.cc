// Copyright 2026 The Jianbao Authors.
//
// Running the validation rules (rule_set.cc) over a FigureIndex, and the
// per-day validation state derived from their violations.

#include <algorithm>

#include "core/clock.h"
#include "epidemic/rules.h"

namespace jianbao::epidemic {

std::vector<Violation> RunRules(const FigureIndex& index, int64_t from_day, int64_t to_day) {
  RuleContext ctx{index, from_day, to_day};
  std::vector<Violation> out;
  for (const auto& rule : AllRules()) rule->Check(ctx, &out);
  std::stable_sort(out.begin(), out.end(), [](const Violation& a, const Violation& b) {
    return std::tie(a.date, a.region, a.rule, a.field) <
           std::tie(b.date, b.region, b.rule, b.field);
  });
  for (Violation& v : out) {
    if (v.explained) continue;
    if (const SourceNote* note = index.NoteFor(v)) {
      v.explained = true;
      v.explained_by = Explanation{"note", note->id};
    }
  }
  return out;
}

std::vector<DayStatus> DayStatuses(const FigureIndex& index, const std::vector<Violation>& v,
                                   int64_t from_day, int64_t to_day) {
  std::map<std::string, DayStatus> by_date;
  for (const auto& [day, regions] : index.by_day()) {
    if (day < from_day || day > to_day) continue;
    std::string date = clock::DateFromDays(day);
    by_date[date].date = date;
  }
  for (const Violation& x : v) {
    DayStatus& s = by_date[x.date];
    s.date = x.date;
    ++s.violations;
    if (!x.explained) ++s.unexplained;
  }
  std::vector<DayStatus> out;
  for (auto& [date, s] : by_date) {
    s.verified = s.unexplained == 0;
    out.push_back(s);
  }
  return out;
}

}  // namespace jianbao::epidemic
