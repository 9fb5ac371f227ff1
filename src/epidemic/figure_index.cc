// Copyright 2026 The Jianbao Authors.
//
// FigureIndex: the stored figures and corrections indexed by region and day
// for the validation rules (rules.h).

#include <algorithm>

#include "core/clock.h"
#include "epidemic/rules.h"

namespace jianbao::epidemic {

FigureIndex::FigureIndex(const std::vector<RegionDay>& rows,
                         const std::vector<epidemic::Correction>& corrections,
                         const std::vector<Region>& regions) {
  for (const RegionDay& r : rows) {
    if (!clock::IsValidDate(r.date)) continue;
    int64_t day = clock::DaysFromDate(r.date);
    auto [it, inserted] = rows_[r.region].insert_or_assign(day, r.figures);
    if (inserted) days_[day].push_back(r.region);
  }
  for (const epidemic::Correction& c : corrections) {
    if (!clock::IsValidDate(c.date)) continue;
    auto& slot = corrections_[{c.region, clock::DaysFromDate(c.date), static_cast<int>(c.field)}];
    slot.first += c.delta;
    slot.second += 1;
  }
  for (const Region& r : regions) parents_[r.code] = r.parent;
}

const FigureSet* FigureIndex::Get(std::string_view region, int64_t day) const {
  auto it = rows_.find(region);
  if (it == rows_.end()) return nullptr;
  auto d = it->second.find(day);
  return d == it->second.end() ? nullptr : &d->second;
}

std::optional<int64_t> FigureIndex::Value(std::string_view region, int64_t day, Field f) const {
  const FigureSet* s = Get(region, day);
  return s ? s->get(f) : std::nullopt;
}

std::optional<int64_t> FigureIndex::ValueIn(const DaySeries& series, int64_t day, Field f) {
  auto it = series.find(day);
  return it == series.end() ? std::nullopt : it->second.get(f);
}

int64_t FigureIndex::Correction(std::string_view region, int64_t day, Field f) const {
  if (corrections_.empty()) return 0;
  auto it = corrections_.find({std::string(region), day, static_cast<int>(f)});
  return it == corrections_.end() ? 0 : it->second.first;
}

bool FigureIndex::HasCorrection(std::string_view region, int64_t day, Field f) const {
  if (corrections_.empty()) return false;
  return corrections_.count({std::string(region), day, static_cast<int>(f)}) > 0;
}

std::string_view FigureIndex::Parent(std::string_view region) const {
  auto it = parents_.find(std::string(region));
  return it == parents_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace jianbao::epidemic
