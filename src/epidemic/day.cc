// Copyright 2026 The Jianbao Authors.

#include "epidemic/day.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/json_parse.h"
#include "epidemic/regions.h"

namespace jianbao::epidemic {

namespace {

using Json = nlohmann::ordered_json;

// The order of keys in a section, as the issue and the NHC text list them.
constexpr std::array<Field, 14> kSectionOrder = {
    Field::kNewConfirmed,     Field::kNewDeaths,
    Field::kNewSuspected,     Field::kNewCured,
    Field::kContactsReleased, Field::kSevereChange,
    Field::kCurrentConfirmed, Field::kCurrentSevere,
    Field::kCumCured,         Field::kCumDeaths,
    Field::kCumConfirmed,     Field::kCurrentSuspected,
    Field::kCumContacts,      Field::kContactsUnderObservation,
};

bool IsImportedField(Field f) { return f == Field::kNewImported || f == Field::kCumImported; }

Json SectionToJson(const FigureSet& s, const std::map<std::string, int64_t>* deaths_by_region) {
  Json j = Json::object();
  for (Field f : kSectionOrder) {
    if (s.has(f)) j[std::string(FieldName(f))] = *s.get(f);
    if (f == Field::kNewDeaths && deaths_by_region && !deaths_by_region->empty()) {
      j["new_deaths_by_region"] = *deaths_by_region;
    }
  }
  return j;
}

Status Bad(const std::string& path, const std::string& why) {
  return Status::Invalid(path, "day_json_invalid", "day JSON: " + path + ": " + why);
}

Status ReadInt(const Json& v, const std::string& path, int64_t* out) {
  if (!v.is_number_integer()) return Bad(path, "not an integer");
  *out = v.get<int64_t>();
  return Status::Ok();
}

Status ReadRegionMap(const Json& v, const std::string& path, std::map<std::string, int64_t>* out) {
  if (!v.is_object()) return Bad(path, "not an object");
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!IsDivisionCode(it.key())) return Bad(path + "." + it.key(), "not a region code");
    int64_t n = 0;
    JB_RETURN_IF_ERROR(ReadInt(it.value(), path + "." + it.key(), &n));
    (*out)[it.key()] = n;
  }
  return Status::Ok();
}

// Reads a section's figures; `extra` handles the keys that are not fields.
template <typename Extra>
Status ReadSection(const Json& v, const std::string& path, FigureSet* out, Extra extra) {
  if (!v.is_object()) return Bad(path, "not an object");
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string key_path = path + "." + it.key();
    auto field = FieldFromName(it.key());
    if (field && !IsImportedField(*field)) {
      int64_t n = 0;
      JB_RETURN_IF_ERROR(ReadInt(it.value(), key_path, &n));
      out->set(*field, n);
      continue;
    }
    bool handled = false;
    JB_RETURN_IF_ERROR(extra(it.key(), it.value(), key_path, &handled));
    if (!handled) return Bad(key_path, "unknown key");
  }
  return Status::Ok();
}

Status ReadImported(const Json& v, ImportedFigures* out) {
  if (!v.is_object()) return Bad("imported", "not an object");
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string path = "imported." + it.key();
    int64_t n = 0;
    if (it.key() == "new_confirmed") {
      JB_RETURN_IF_ERROR(ReadInt(it.value(), path, &n));
      out->new_confirmed = n;
    } else if (it.key() == "cum_confirmed") {
      JB_RETURN_IF_ERROR(ReadInt(it.value(), path, &n));
      out->cum_confirmed = n;
    } else if (it.key() == "new_by_region") {
      JB_RETURN_IF_ERROR(ReadRegionMap(it.value(), path, &out->new_by_region));
    } else {
      return Bad(path, "unknown key");
    }
  }
  return Status::Ok();
}

Status ReadHkMacauTaiwan(const Json& v, std::map<std::string, HkMacauTaiwanFigures>* out) {
  if (!v.is_object()) return Bad("hk_macau_taiwan", "not an object");
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string path = "hk_macau_taiwan." + it.key();
    if (!IsHkMacauTaiwan(it.key())) return Bad(path, "not 810000, 820000 or 710000");
    if (!it.value().is_object()) return Bad(path, "not an object");
    HkMacauTaiwanFigures& f = (*out)[it.key()];
    for (auto kv = it.value().begin(); kv != it.value().end(); ++kv) {
      std::optional<int64_t>* slot = kv.key() == "confirmed"    ? &f.confirmed
                                     : kv.key() == "discharged" ? &f.discharged
                                     : kv.key() == "deaths"     ? &f.deaths
                                                                : nullptr;
      if (slot == nullptr) return Bad(path + "." + kv.key(), "unknown key");
      int64_t n = 0;
      JB_RETURN_IF_ERROR(ReadInt(kv.value(), path + "." + kv.key(), &n));
      *slot = n;
    }
  }
  return Status::Ok();
}

Status ReadDay(const Json& j, Day* day) {
  if (!j.is_object()) return Bad("(root)", "not an object");
  if (!j.contains("date") || !j["date"].is_string() ||
      !clock::IsValidDate(j["date"].get<std::string>())) {
    return Bad("date", "missing or not a date YYYY-MM-DD");
  }
  day->date = j["date"].get<std::string>();
  auto none = [](const std::string&, const Json&, const std::string&, bool*) {
    return Status::Ok();
  };
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (k == "date") continue;
    if (k == "derived") {
      // Values the exporter filled in; DayToRows leaves them out, so a day
      // exported and imported again stores nothing that was not reported.
      if (!it.value().is_array()) return Bad(k, "not an array of keys");
      for (const Json& key : it.value()) {
        if (!key.is_string()) return Bad(k, "not an array of keys");
        day->derived.push_back(key.get<std::string>());
      }
      continue;
    }
    if (k == "mainland") {
      day->mainland.emplace();
      JB_RETURN_IF_ERROR(ReadSection(
          it.value(), k, &*day->mainland,
          [&](const std::string& key, const Json& v, const std::string& path, bool* handled) {
            if (key != "new_deaths_by_region") return Status::Ok();
            *handled = true;
            return ReadRegionMap(v, path, &day->new_deaths_by_region);
          }));
    } else if (k == "hubei") {
      day->hubei.emplace();
      JB_RETURN_IF_ERROR(ReadSection(
          it.value(), k, &*day->hubei,
          [&](const std::string& key, const Json& v, const std::string& path, bool* handled) {
            if (key != "wuhan") return Status::Ok();
            *handled = true;
            day->wuhan.emplace();
            return ReadSection(v, path, &*day->wuhan, none);
          }));
    } else if (k == "imported") {
      day->imported.emplace();
      JB_RETURN_IF_ERROR(ReadImported(it.value(), &*day->imported));
    } else if (k == "hk_macau_taiwan") {
      JB_RETURN_IF_ERROR(ReadHkMacauTaiwan(it.value(), &day->hk_macau_taiwan));
    } else {
      return Bad(k, "unknown key");
    }
  }
  return Status::Ok();
}

FigureSet WithoutImported(const FigureSet& s) {
  FigureSet out = s;
  out.set(Field::kNewImported, std::nullopt);
  out.set(Field::kCumImported, std::nullopt);
  return out;
}

// Fills current_confirmed from the cumulative trio when it was not reported.
void DeriveCurrent(FigureSet* s, const std::string& section, std::vector<std::string>* derived) {
  if (s->has(Field::kCurrentConfirmed) || !s->has(Field::kCumConfirmed) ||
      !s->has(Field::kCumCured) || !s->has(Field::kCumDeaths)) {
    return;
  }
  s->set(Field::kCurrentConfirmed,
         *s->get(Field::kCumConfirmed) - *s->get(Field::kCumCured) - *s->get(Field::kCumDeaths));
  derived->push_back(section + ".current_confirmed");
}

}  // namespace

std::string DayToJson(const Day& day) {
  Json j;
  j["date"] = day.date;
  if (day.mainland) j["mainland"] = SectionToJson(*day.mainland, &day.new_deaths_by_region);
  if (day.hubei) {
    Json h = SectionToJson(*day.hubei, nullptr);
    if (day.wuhan) h["wuhan"] = SectionToJson(*day.wuhan, nullptr);
    j["hubei"] = h;
  }
  if (day.imported) {
    Json i = Json::object();
    if (day.imported->new_confirmed) i["new_confirmed"] = *day.imported->new_confirmed;
    if (day.imported->cum_confirmed) i["cum_confirmed"] = *day.imported->cum_confirmed;
    if (!day.imported->new_by_region.empty()) i["new_by_region"] = day.imported->new_by_region;
    j["imported"] = i;
  }
  if (!day.hk_macau_taiwan.empty()) {
    Json hmt = Json::object();
    for (std::string_view code : HkMacauTaiwanOrder()) {
      auto it = day.hk_macau_taiwan.find(std::string(code));
      if (it == day.hk_macau_taiwan.end()) continue;
      Json r = Json::object();
      if (it->second.confirmed) r["confirmed"] = *it->second.confirmed;
      if (it->second.discharged) r["discharged"] = *it->second.discharged;
      if (it->second.deaths) r["deaths"] = *it->second.deaths;
      hmt[std::string(code)] = r;
    }
    j["hk_macau_taiwan"] = hmt;
  }
  if (!day.derived.empty()) j["derived"] = day.derived;
  return j.dump(2);
}

Result<Day> DayFromJson(std::string_view json) {
  Result<Json> parsed = ParseOrderedJson(json);
  if (!parsed.ok()) {
    const Status st = parsed.status();
    return Bad(st.field().empty() ? "(root)" : st.field(), st.message());
  }
  const Json j = std::move(parsed).value();
  Day day;
  JB_RETURN_IF_ERROR(ReadDay(j, &day));
  return day;
}

Day BuildDay(const std::string& date, const std::vector<RegionDay>& rows) {
  Day day;
  day.date = date;
  std::map<std::string_view, const FigureSet*> by_region;
  for (const RegionDay& r : rows) {
    if (r.date == date) by_region[r.region] = &r.figures;
  }
  auto find = [&](std::string_view code) -> const FigureSet* {
    auto it = by_region.find(code);
    return it == by_region.end() ? nullptr : it->second;
  };
  FigureSet mainland = find(kMainland) ? *find(kMainland) : FigureSet();
  ImportedFigures imported;
  imported.new_confirmed = mainland.get(Field::kNewImported);
  imported.cum_confirmed = mainland.get(Field::kCumImported);
  for (Field f : {Field::kCumConfirmed, Field::kCumCured, Field::kCumDeaths}) {
    if (mainland.has(f)) continue;
    std::optional<int64_t> sum;
    for (const auto& [code, figs] : by_region) {
      if (IsMainlandUnit(code) && figs->has(f)) sum = sum.value_or(0) + *figs->get(f);
    }
    if (sum) {
      mainland.set(f, sum);
      day.derived.push_back("mainland." + std::string(FieldName(f)));
    }
  }
  for (const auto& [code, figs] : by_region) {
    if (!IsMainlandUnit(code)) continue;
    if (figs->get(Field::kNewDeaths).value_or(0) > 0) {
      day.new_deaths_by_region[std::string(code)] = *figs->get(Field::kNewDeaths);
    }
    if (figs->get(Field::kNewImported).value_or(0) > 0) {
      imported.new_by_region[std::string(code)] = *figs->get(Field::kNewImported);
    }
  }
  mainland = WithoutImported(mainland);
  DeriveCurrent(&mainland, "mainland", &day.derived);
  if (!mainland.empty()) day.mainland = mainland;
  if (imported.new_confirmed || imported.cum_confirmed || !imported.new_by_region.empty()) {
    day.imported = imported;
  }
  if (const FigureSet* h = find(kHubei)) {
    day.hubei = WithoutImported(*h);
    DeriveCurrent(&*day.hubei, "hubei", &day.derived);
  }
  if (const FigureSet* w = find(kWuhan); w && day.hubei) {
    day.wuhan = WithoutImported(*w);
    DeriveCurrent(&*day.wuhan, "hubei.wuhan", &day.derived);
  }
  for (std::string_view code : HkMacauTaiwanOrder()) {
    const FigureSet* f = find(code);
    if (f == nullptr || !f->has(Field::kCumConfirmed)) continue;
    day.hk_macau_taiwan[std::string(code)] = {f->get(Field::kCumConfirmed),
                                              f->get(Field::kCumCured), f->get(Field::kCumDeaths)};
  }
  return day;
}

std::vector<RegionDay> DayToRows(const Day& day) {
  std::map<std::string, FigureSet> rows;
  auto strip = [&](const std::optional<FigureSet>& s, const std::string& section) {
    FigureSet out = s.value_or(FigureSet());
    for (const std::string& key : day.derived) {
      if (key.rfind(section + ".", 0) != 0) continue;
      if (auto f = FieldFromName(key.substr(section.size() + 1))) out.set(*f, std::nullopt);
    }
    return out;
  };
  FigureSet mainland = strip(day.mainland, "mainland");
  if (day.imported) {
    mainland.set(Field::kNewImported, day.imported->new_confirmed);
    mainland.set(Field::kCumImported, day.imported->cum_confirmed);
    for (const auto& [code, n] : day.imported->new_by_region)
      rows[code].set(Field::kNewImported, n);
  }
  rows[std::string(kMainland)].MergeFrom(mainland);
  for (const auto& [code, n] : day.new_deaths_by_region) rows[code].set(Field::kNewDeaths, n);
  if (day.hubei) rows[std::string(kHubei)].MergeFrom(strip(day.hubei, "hubei"));
  if (day.wuhan) rows[std::string(kWuhan)].MergeFrom(strip(day.wuhan, "hubei.wuhan"));
  for (const auto& [code, f] : day.hk_macau_taiwan) {
    rows[code].set(Field::kCumConfirmed, f.confirmed);
    rows[code].set(Field::kCumCured, f.discharged);
    rows[code].set(Field::kCumDeaths, f.deaths);
  }
  std::vector<RegionDay> out;
  for (auto& [code, figs] : rows) {
    if (!figs.empty()) out.push_back({day.date, code, figs});
  }
  return out;
}

}  // namespace jianbao::epidemic
