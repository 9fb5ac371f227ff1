// Copyright 2026 The Jianbao Authors.

#include "epidemic/narrative.h"

#include <algorithm>
#include <kainjow/mustache.hpp>

#include "epidemic/embedded.h"
#include "epidemic/regions.h"

namespace jianbao::epidemic {

namespace {

namespace mstch = kainjow::mustache;

std::string ShortName(const std::string& code) {
  const Region* r = FindBuiltinRegion(code);
  return r ? r->short_name : code;
}

// Returns (code, count) pairs largest first, ties in GB/T 2260 code order.
std::vector<std::pair<std::string, int64_t>> Ranked(const std::map<std::string, int64_t>& m) {
  std::vector<std::pair<std::string, int64_t>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return v;
}

// Marks the last item of each list so that templates can place separators.
void SetLast(mstch::list* items) {
  for (size_t i = 0; i < items->size(); ++i) (*items)[i].set("last", i + 1 == items->size());
}

mstch::data Section(const std::optional<FigureSet>& s) {
  if (!s) return mstch::data(false);
  mstch::data d = mstch::data::type::object;
  d.set("has", true);
  for (Field f : AllFields()) {
    std::string name(FieldName(f));
    d.set("has_" + name, s->has(f));
    if (s->has(f)) d.set(name, std::to_string(*s->get(f)));
  }
  int64_t change = s->get(Field::kSevereChange).value_or(0);
  d.set("severe_down", change < 0);
  d.set("severe_change_abs", std::to_string(change < 0 ? -change : change));
  return d;
}

// Groups equal counts: "黑龙江、山东、广东、贵州各1例".
mstch::list DeathGroups(const std::map<std::string, int64_t>& by_region) {
  mstch::list groups;
  auto ranked = Ranked(by_region);
  for (size_t i = 0; i < ranked.size();) {
    size_t j = i;
    mstch::list regions;
    while (j < ranked.size() && ranked[j].second == ranked[i].second) {
      mstch::data r = mstch::data::type::object;
      r.set("name", ShortName(ranked[j].first));
      r.set("code", ranked[j].first);
      regions.push_back(r);
      ++j;
    }
    SetLast(&regions);
    mstch::data g = mstch::data::type::object;
    g.set("multiple", regions.size() > 1);
    g.set("count", std::to_string(ranked[i].second));
    g.set("regions", regions);
    groups.push_back(g);
    i = j;
  }
  SetLast(&groups);
  return groups;
}

mstch::data Imported(const std::optional<ImportedFigures>& imp) {
  if (!imp) return mstch::data(false);
  mstch::data d = mstch::data::type::object;
  d.set("has", true);
  d.set("has_new_confirmed", imp->new_confirmed.has_value());
  if (imp->new_confirmed) d.set("new_confirmed", std::to_string(*imp->new_confirmed));
  d.set("has_cum_confirmed", imp->cum_confirmed.has_value());
  if (imp->cum_confirmed) d.set("cum_confirmed", std::to_string(*imp->cum_confirmed));
  mstch::list items;
  for (const auto& [code, n] : Ranked(imp->new_by_region)) {
    if (n <= 0) continue;
    mstch::data r = mstch::data::type::object;
    r.set("name", ShortName(code));
    r.set("code", code);
    r.set("count", std::to_string(n));
    items.push_back(r);
  }
  SetLast(&items);
  d.set("has_by_region", !items.empty());
  d.set("by_region", items);
  return d;
}

mstch::data HkMacauTaiwan(const std::map<std::string, HkMacauTaiwanFigures>& hmt) {
  mstch::list items;
  int64_t total = 0;
  for (std::string_view code : HkMacauTaiwanOrder()) {
    auto it = hmt.find(std::string(code));
    if (it == hmt.end() || !it->second.confirmed) continue;
    const HkMacauTaiwanFigures& f = it->second;
    total += *f.confirmed;
    bool discharged = f.discharged.value_or(0) > 0, deaths = f.deaths.value_or(0) > 0;
    mstch::data r = mstch::data::type::object;
    r.set("name", ShortName(std::string(code)));
    r.set("code", std::string(code));
    r.set("confirmed", std::to_string(*f.confirmed));
    r.set("has_discharged", discharged);
    r.set("discharged", std::to_string(f.discharged.value_or(0)));
    r.set("has_deaths", deaths);
    r.set("deaths", std::to_string(f.deaths.value_or(0)));
    r.set("has_details", discharged || deaths);
    items.push_back(r);
  }
  if (items.empty()) return mstch::data(false);
  SetLast(&items);
  mstch::data d = mstch::data::type::object;
  d.set("has", true);
  d.set("total_confirmed", std::to_string(total));
  d.set("regions", items);
  return d;
}

mstch::data Model(const Day& day) {
  mstch::data d = mstch::data::type::object;
  d.set("date", day.date);
  d.set("year", day.date.substr(0, 4));
  d.set("month", std::to_string(std::stoi(day.date.substr(5, 2))));
  d.set("day", std::to_string(std::stoi(day.date.substr(8, 2))));
  mstch::data mainland = Section(day.mainland);
  if (day.mainland) {
    mstch::list groups = DeathGroups(day.new_deaths_by_region);
    mainland.set("has_deaths_by_region", !groups.empty());
    mainland.set("deaths_by_region", groups);
  }
  d.set("mainland", mainland);
  mstch::data hubei = Section(day.hubei);
  if (day.hubei) hubei.set("wuhan", Section(day.wuhan));
  d.set("hubei", hubei);
  d.set("imported", Imported(day.imported));
  d.set("hk_macau_taiwan", HkMacauTaiwan(day.hk_macau_taiwan));
  return d;
}

// Normalises line ends, drops trailing spaces, collapses blank-line runs.
std::string Tidy(const std::string& raw) {
  std::string out;
  int newlines = 0;
  for (char c : raw) {
    if (c == '\r') continue;
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      ++newlines;
      continue;
    }
    if (newlines > 0 && !out.empty()) out += newlines > 1 ? "\n\n" : "\n";
    newlines = 0;
    out += c;
  }
  return out;
}

}  // namespace

std::string_view DefaultTemplate() { return embedded::kNhcDailyTemplate; }
std::string_view PlainTemplate() { return embedded::kNhcDailyPlainTemplate; }

std::optional<std::string_view> BuiltinTemplate(std::string_view name) {
  if (name == "default") return DefaultTemplate();
  if (name == "plain") return PlainTemplate();
  return std::nullopt;
}

std::string Narrative::Text() const { return body.empty() ? title : title + "\n\n" + body; }

Result<Narrative> RenderNarrative(const Day& day, std::string_view template_text) {
  mstch::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    return Status::Invalid("template", "template_invalid",
                           "narrative template: " + tmpl.error_message());
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  std::string text = Tidy(tmpl.render(Model(day)));
  if (!tmpl.error_message().empty()) {
    return Status::Invalid("template", "template_invalid",
                           "narrative template: " + tmpl.error_message());
  }
  Narrative n;
  size_t split = text.find("\n\n");
  n.title = text.substr(0, split);
  if (split != std::string::npos) n.body = text.substr(split + 2);
  return n;
}

}  // namespace jianbao::epidemic
