// Copyright 2026 The Jianbao Authors.
//
// FigureIndex: the stored figures and corrections indexed by region and day
// for the validation rules (rules.h).

#include <algorithm>

#include "core/clock.h"
#include "epidemic/regions.h"
#include "epidemic/rules.h"

namespace jianbao::epidemic {

namespace {
// A correction applies to at most this many days before its later date.
constexpr int64_t kMaxCorrectionSpanDays = 31;
}  // namespace

FigureIndex::FigureIndex(const std::vector<RegionDay>& rows,
                         const std::vector<epidemic::Correction>& corrections,
                         const std::vector<Region>& regions, const std::vector<SourceNote>& notes)
    : notes_(notes) {
  for (const RegionDay& r : rows) {
    if (!clock::IsValidDate(r.date)) continue;
    int64_t day = clock::DaysFromDate(r.date);
    auto [it, inserted] = rows_[r.region].insert_or_assign(day, r.figures);
    if (inserted) days_[day].push_back(r.region);
  }
  for (const epidemic::Correction& c : corrections) {
    if (!clock::IsValidDate(c.date)) continue;
    int64_t hi = clock::DaysFromDate(c.date), lo = hi;
    if (clock::IsValidDate(c.data_date)) {
      lo = std::min(lo, clock::DaysFromDate(c.data_date));
      hi = std::max(hi, clock::DaysFromDate(c.data_date));
      lo = std::max(lo, hi - kMaxCorrectionSpanDays);
    }
    for (int64_t day = lo; day <= hi; ++day) {
      Applied& slot = corrections_[{c.region, day, static_cast<int>(c.field)}];
      slot.delta += c.delta;
      if (slot.first_id == 0) slot.first_id = c.id;
    }
  }
  for (const Region& r : regions) {
    parents_[r.code] = r.parent;
    levels_[r.code] = r.level;
  }
}

const FigureIndex::Applied* FigureIndex::FindCorrection(std::string_view region, int64_t day,
                                                        Field f) const {
  if (corrections_.empty()) return nullptr;
  auto it = corrections_.find({std::string(region), day, static_cast<int>(f)});
  if (it != corrections_.end()) return &it->second;
  if (region == kNational) return FindCorrection(kMainland, day, f);
  return nullptr;
}

int64_t FigureIndex::CorrectionId(std::string_view region, int64_t day, Field f) const {
  const Applied* a = FindCorrection(region, day, f);
  return a ? a->first_id : 0;
}

bool FigureIndex::NoteCovers(const SourceNote& note, std::string_view region, int64_t day,
                             std::string_view rule, Field f) const {
  if (!note.rule.empty() && note.rule != rule) return false;
  if (!note.fields.empty() &&
      std::find(note.fields.begin(), note.fields.end(), f) == note.fields.end())
    return false;
  std::string date = clock::DateFromDays(day);
  if (!note.from.empty() && date < note.from) return false;
  if (!note.to.empty() && date > note.to) return false;
  auto level = levels_.find(std::string(region));
  if (!note.level.empty() && (level == levels_.end() || LevelName(level->second) != note.level)) {
    return false;
  }
  if (note.regions.empty()) return true;
  auto listed = [&](std::string_view code) {
    return std::find(note.regions.begin(), note.regions.end(), code) != note.regions.end();
  };
  // A listed province covers its cities only when the note is about cities.
  return listed(region) || (note.level == LevelName(RegionLevel::kCity) && listed(Parent(region)));
}

const SourceNote* FigureIndex::NoteFor(const Violation& v) const {
  if (notes_.empty() || !clock::IsValidDate(v.date)) return nullptr;
  int64_t day = clock::DaysFromDate(v.date);
  for (const SourceNote& n : notes_) {
    if (NoteCovers(n, v.region, day, v.rule, v.field)) return &n;
  }
  return nullptr;
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
  const Applied* a = FindCorrection(region, day, f);
  return a ? a->delta : 0;
}

bool FigureIndex::HasCorrection(std::string_view region, int64_t day, Field f) const {
  return FindCorrection(region, day, f) != nullptr;
}

std::string_view FigureIndex::Parent(std::string_view region) const {
  auto it = parents_.find(std::string(region));
  return it == parents_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace jianbao::epidemic
