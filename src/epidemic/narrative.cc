// Copyright 2026 The Jianbao Authors.

#include "epidemic/narrative.h"

#include <algorithm>
#include <cctype>
#include <kainjow/mustache.hpp>
#include <string_view>

#include "epidemic/embedded.h"
#include "epidemic/regions.h"

namespace jianbao::epidemic {

namespace {

namespace mstch = kainjow::mustache;

// Bounds on the work one template may cause (issue 11: 15 nested sections
// over a 3-item list rendered 3^15 times, 5.4 s and 28.7 MB).
constexpr int kMaxSectionDepth = 10;                // the built-in templates nest 6 deep
constexpr size_t kMaxNarrativeBytes = 1 << 20;      // output
constexpr size_t kMaxWorkBytes = size_t{16} << 20;  // section entries × template size

Status TemplateError(const std::string& key, const std::string& what) {
  return Status::Invalid("template", key, "narrative template: " + what);
}

// Checks how deep sections nest in `tmpl` and how long its delimiters are,
// reading tags exactly as kainjow's parser does (including set-delimiter
// tags) but building nothing: the parser and its checks recurse once per
// level, so a template of 10,000 nested sections must be refused before it
// is parsed; and both compare the opening delimiter at every byte, so a long
// one would make parsing quadratic. Stops quietly at the first malformed tag
// (the parser then reports it).
Status CheckShape(std::string_view tmpl) {
  constexpr size_t kMaxDelimiter = 8;
  std::string open = "{{", close = "}}";
  int depth = 0;
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  for (size_t pos = 0; pos < tmpl.size();) {
    if (tmpl.compare(pos, open.size(), open) != 0) {
      ++pos;
      continue;
    }
    size_t from = pos + open.size();
    const bool triple = open == "{{" && close == "}}" && from < tmpl.size() && tmpl[from] == '{';
    const std::string_view end = triple ? std::string_view("}}}") : std::string_view(close);
    if (triple) ++from;
    const size_t to = tmpl.find(end, from);
    if (to == std::string_view::npos) break;
    std::string_view tag = tmpl.substr(from, to - from);
    while (!tag.empty() && is_space(tag.front())) tag.remove_prefix(1);
    while (!tag.empty() && is_space(tag.back())) tag.remove_suffix(1);
    pos = to + end.size();
    if (tag.empty()) continue;
    if (tag.front() == '=') {  // "=<% %>=", even inside {{{ }}} as the parser reads it
      if (tag.size() < 5 || tag.back() != '=') break;
      std::string_view inner = tag.substr(1, tag.size() - 2);
      while (!inner.empty() && is_space(inner.front())) inner.remove_prefix(1);
      while (!inner.empty() && is_space(inner.back())) inner.remove_suffix(1);
      const size_t space = inner.find(' ');
      if (space == std::string_view::npos) break;
      const size_t next = inner.find_first_not_of(' ', space + 1);
      open = std::string(inner.substr(0, space));
      close = std::string(inner.substr(next));
      auto bad = [&](const std::string& d) {
        return d.empty() ||
               std::any_of(d.begin(), d.end(), [&](char c) { return c == '=' || is_space(c); });
      };
      if (bad(open) || bad(close)) break;
      if (open.size() > kMaxDelimiter || close.size() > kMaxDelimiter) {
        return TemplateError("template_invalid", "a delimiter is longer than " +
                                                     std::to_string(kMaxDelimiter) + " characters");
      }
    } else if (triple) {
      continue;
    } else if (tag.front() == '#' || tag.front() == '^') {
      if (++depth > kMaxSectionDepth) {
        return TemplateError("template_too_deep", "sections nest more than " +
                                                      std::to_string(kMaxSectionDepth) + " deep");
      }
    } else if (tag.front() == '/') {
      if (depth == 0) break;
      --depth;
    }
  }
  return Status::Ok();
}

// Thrown out of kainjow's renderer when a bound is reached; caught in
// RenderNarrative. The renderer unwinds cleanly (its context pushers pop).
struct Refused {
  Status status;
};

// The rendering context: counts section entries (each costs at most one
// walk over the template) and refuses partials (our data has none, and a
// string value must never be read as a template).
class BudgetContext : public mstch::context<std::string> {
 public:
  BudgetContext(const mstch::data* root, size_t max_entries)
      : mstch::context<std::string>(root), max_entries_(max_entries) {}

  void push(const mstch::data* data) override {
    if (++entries_ > max_entries_) {
      throw Refused{TemplateError("template_too_costly", "its sections repeat more than " +
                                                             std::to_string(max_entries_) +
                                                             " times in all; nest fewer lists")};
    }
    mstch::context<std::string>::push(data);
  }
  const mstch::data* get_partial(const std::string&) const override { return nullptr; }

 private:
  size_t max_entries_;
  size_t entries_ = 0;
};

// Collects the output, refusing more than kMaxNarrativeBytes.
struct CappedOutput {
  std::string text;
  CappedOutput& operator<<(const std::string& s) {
    if (text.size() + s.size() > kMaxNarrativeBytes) {
      throw Refused{TemplateError(
          "narrative_too_long",
          "the narrative would be longer than " + std::to_string(kMaxNarrativeBytes) + " bytes")};
    }
    text += s;
    return *this;
  }
};

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
  JB_RETURN_IF_ERROR(CheckShape(template_text));
  mstch::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    return Status::Invalid("template", "template_invalid",
                           "narrative template: " + tmpl.error_message());
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  const mstch::data model = Model(day);
  BudgetContext ctx(&model, kMaxWorkBytes / std::max<size_t>(template_text.size(), 1024));
  CappedOutput out;
  try {
    tmpl.render(ctx, out);
  } catch (const Refused& r) {
    return r.status;
  }
  std::string text = Tidy(out.text);
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
