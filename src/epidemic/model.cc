// Copyright 2026 The Jianbao Authors.

#include "epidemic/model.h"

namespace jianbao::epidemic {

namespace {

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "new_confirmed",     "cum_confirmed",
    "new_deaths",        "cum_deaths",
    "new_cured",         "cum_cured",
    "current_confirmed", "current_severe",
    "severe_change",     "new_suspected",
    "current_suspected", "cum_contacts",
    "contacts_released", "contacts_under_observation",
    "new_imported",      "cum_imported",
};

constexpr std::array<std::string_view, kFieldCount> kFieldLabels = {
    "新增确诊",     "累计确诊",     "新增死亡",     "累计死亡",
    "新增治愈出院", "累计治愈出院", "现有确诊",     "现有重症",
    "重症变化",     "新增疑似",     "现有疑似",     "累计追踪密切接触者",
    "解除医学观察", "尚在医学观察", "新增境外输入", "累计境外输入",
};

}  // namespace

std::string_view FieldLabel(Field f) { return kFieldLabels[static_cast<int>(f)]; }

std::string_view FieldName(Field f) { return kFieldNames[static_cast<int>(f)]; }

std::optional<Field> FieldFromName(std::string_view name) {
  for (int i = 0; i < kFieldCount; ++i) {
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  }
  return std::nullopt;
}

const std::array<Field, kFieldCount>& AllFields() {
  static const std::array<Field, kFieldCount> kAll = [] {
    std::array<Field, kFieldCount> a{};
    for (int i = 0; i < kFieldCount; ++i) a[i] = static_cast<Field>(i);
    return a;
  }();
  return kAll;
}

bool IsCumulative(Field f) {
  return f == Field::kCumConfirmed || f == Field::kCumDeaths || f == Field::kCumCured ||
         f == Field::kCumContacts || f == Field::kCumImported;
}

std::optional<Field> CumulativeOf(Field f) {
  switch (f) {
    case Field::kNewConfirmed:
      return Field::kCumConfirmed;
    case Field::kNewDeaths:
      return Field::kCumDeaths;
    case Field::kNewCured:
      return Field::kCumCured;
    case Field::kNewImported:
      return Field::kCumImported;
    default:
      return std::nullopt;
  }
}

std::optional<Field> NewOf(Field f) {
  switch (f) {
    case Field::kCumConfirmed:
      return Field::kNewConfirmed;
    case Field::kCumDeaths:
      return Field::kNewDeaths;
    case Field::kCumCured:
      return Field::kNewCured;
    case Field::kCumImported:
      return Field::kNewImported;
    default:
      return std::nullopt;
  }
}

bool FigureSet::empty() const {
  for (const auto& v : v_) {
    if (v) return false;
  }
  return true;
}

void FigureSet::MergeFrom(const FigureSet& other) {
  for (int i = 0; i < kFieldCount; ++i) {
    if (other.v_[i]) v_[i] = other.v_[i];
  }
}

std::string_view LevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kMainland:
      return "mainland";
    case RegionLevel::kNational:
      return "national";
    case RegionLevel::kProvince:
      return "province";
    case RegionLevel::kCity:
      return "city";
    case RegionLevel::kSpecial:
      return "special";
  }
  return "province";
}

std::optional<RegionLevel> LevelFromName(std::string_view name) {
  for (RegionLevel l : {RegionLevel::kMainland, RegionLevel::kNational, RegionLevel::kProvince,
                        RegionLevel::kCity, RegionLevel::kSpecial}) {
    if (LevelName(l) == name) return l;
  }
  return std::nullopt;
}

}  // namespace jianbao::epidemic
