// Copyright 2026 The Jianbao Authors.
//
// The validation rules, one class each. docs/epidemic.md lists them.

#include <algorithm>

#include "core/clock.h"
#include "epidemic/regions.h"
#include "epidemic/rules.h"

namespace jianbao::epidemic {

namespace {

constexpr Field kTrio[] = {Field::kCumConfirmed, Field::kCumCured, Field::kCumDeaths};
constexpr Field kFlows[] = {Field::kNewConfirmed, Field::kNewCured, Field::kNewDeaths};
// daily_jump: an unexplained increase above kJumpMin and kJumpFactor times the
// largest increase of the previous kJumpWindow days (at least kJumpHistory of them).
constexpr int64_t kJumpMin = 100;
constexpr int64_t kJumpFactor = 3;
constexpr int kJumpWindow = 7;
constexpr int kJumpHistory = 3;
// frozen_cured: cum_cured unchanged for kFrozenDays days while at least
// kFrozenActive patients are in hospital on each of them.
constexpr int kFrozenDays = 5;
constexpr int64_t kFrozenActive = 100;
// Units whose flows must all be reported before mainland flows are compared.
constexpr int kProvinceCount = 31;

std::string N(int64_t v) { return std::to_string(v); }
std::string L(Field f) { return std::string(FieldLabel(f)); }

// Appends a violation; `explained` means a correction recorded for (region,
// day, f) explains it, and the first of them becomes its explained_by.
void Emit(const RuleContext& ctx, std::vector<Violation>* out, int64_t day, std::string_view region,
          std::string_view rule, Field f, int64_t expected, int64_t actual, std::string message,
          bool explained) {
  std::optional<Explanation> by;
  if (explained) {
    message += "（已由订正记录说明）";
    by = Explanation{"correction", ctx.index.CorrectionId(region, day, f)};
  }
  out->push_back(Violation{clock::DateFromDays(day), std::string(region), std::string(rule), f,
                           expected, actual, std::move(message), explained, std::move(by)});
}

using DaySeries = FigureIndex::DaySeries;

// Calls fn(region, series, day, figures) for every stored row in the context's
// range; `series` is the region's whole day series.
template <typename Fn>
void ForEachRow(const RuleContext& ctx, Fn fn) {
  for (const auto& [region, days] : ctx.index.by_region()) {
    for (auto it = days.lower_bound(ctx.from_day); it != days.end() && it->first <= ctx.to_day;
         ++it) {
      fn(region, days, it->first, it->second);
    }
  }
}

// Returns the sum of `f` over the mainland units reported on `day` and how many reported it.
std::pair<int64_t, int> UnitSum(const RuleContext& ctx, int64_t day, Field f) {
  int64_t sum = 0;
  int count = 0;
  auto it = ctx.index.by_day().find(day);
  if (it == ctx.index.by_day().end()) return {0, 0};
  for (const std::string& code : it->second) {
    if (!IsMainlandUnit(code)) continue;
    if (auto v = ctx.index.Value(code, day, f)) {
      sum += *v;
      ++count;
    }
  }
  return {sum, count};
}

class CumulativeIdentity : public Rule {
 public:
  std::string_view name() const override { return "cumulative_identity"; }
  std::string_view description() const override {
    return "cumulative(d) = cumulative(d-1) + new(d) + corrections(d)";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    ForEachRow(ctx, [&](const std::string& region, const DaySeries& series, int64_t day,
                        const FigureSet& s) {
      for (Field nf :
           {Field::kNewConfirmed, Field::kNewDeaths, Field::kNewCured, Field::kNewImported}) {
        Field cf = *CumulativeOf(nf);
        auto prev = FigureIndex::ValueIn(series, day - 1, cf);
        if (!s.has(cf) || !s.has(nf) || !prev) continue;
        int64_t raw = *prev + *s.get(nf), actual = *s.get(cf);
        if (actual == raw) continue;
        int64_t corr = ctx.index.Correction(region, day, cf);
        Emit(ctx, out, day, region, name(), cf, raw, actual,
             L(cf) + "应为前一日" + N(*prev) + "加" + L(nf) + N(*s.get(nf)) + "即" + N(raw) +
                 "，实际" + N(actual),
             corr != 0 && actual == raw + corr);
      }
    });
  }
};

class CurrentIdentity : public Rule {
 public:
  std::string_view name() const override { return "current_identity"; }
  std::string_view description() const override {
    return "current confirmed = cumulative confirmed - cured - deaths";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    ForEachRow(ctx, [&](const std::string& region, const DaySeries& series, int64_t day,
                        const FigureSet& s) {
      if (!s.has(Field::kCurrentConfirmed) || !s.has(Field::kCumConfirmed) ||
          !s.has(Field::kCumCured) || !s.has(Field::kCumDeaths)) {
        return;
      }
      int64_t expected =
          *s.get(Field::kCumConfirmed) - *s.get(Field::kCumCured) - *s.get(Field::kCumDeaths);
      int64_t actual = *s.get(Field::kCurrentConfirmed);
      if (actual == expected) return;
      Emit(ctx, out, day, region, name(), Field::kCurrentConfirmed, expected, actual,
           "现有确诊应为累计确诊减累计治愈出院减累计死亡即" + N(expected) + "，实际" + N(actual),
           ctx.index.HasCorrection(region, day, Field::kCurrentConfirmed));
    });
  }
};

class MainlandSum : public Rule {
 public:
  std::string_view name() const override { return "mainland_sum"; }
  std::string_view description() const override {
    return "mainland = sum of the 31 provinces and XPCC (flows only when all 31 report)";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    for (const auto& [day, regions] : ctx.index.by_day()) {
      if (day < ctx.from_day || day > ctx.to_day) continue;
      const FigureSet* m = ctx.index.Get(kMainland, day);
      if (m == nullptr) continue;
      for (Field f : {kTrio[0], kTrio[1], kTrio[2], kFlows[0], kFlows[1], kFlows[2]}) {
        if (!m->has(f)) continue;
        auto [sum, count] = UnitSum(ctx, day, f);
        if (count == 0 || (!IsCumulative(f) && count < kProvinceCount)) continue;
        if (sum == *m->get(f)) continue;
        Emit(ctx, out, day, kMainland, name(), f, sum, *m->get(f),
             "全国" + L(f) + "应为" + N(count) + "个省级单位之和" + N(sum) + "，实际" +
                 N(*m->get(f)),
             ctx.index.HasCorrection(kMainland, day, f));
      }
    }
  }
};

class NationalTotal : public Rule {
 public:
  std::string_view name() const override { return "national_total"; }
  std::string_view description() const override {
    return "national total (100000) = mainland + Hong Kong + Macau + Taiwan";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    for (const auto& [day, regions] : ctx.index.by_day()) {
      if (day < ctx.from_day || day > ctx.to_day) continue;
      const FigureSet* n = ctx.index.Get(kNational, day);
      if (n == nullptr) continue;
      for (Field f : kTrio) {
        if (!n->has(f)) continue;
        auto mainland = ctx.index.Value(kMainland, day, f);
        if (!mainland) {
          auto [sum, count] = UnitSum(ctx, day, f);
          if (count == 0) continue;
          mainland = sum;
        }
        int64_t expected = *mainland;
        for (std::string_view code : HkMacauTaiwanOrder()) {
          expected += ctx.index.Value(code, day, f).value_or(0);
        }
        if (expected == *n->get(f)) continue;
        Emit(ctx, out, day, kNational, name(), f, expected, *n->get(f),
             "全国（含港澳台）" + L(f) + "应为内地" + N(*mainland) + "加港澳台即" + N(expected) +
                 "，实际" + N(*n->get(f)),
             ctx.index.HasCorrection(kNational, day, f));
      }
    }
  }
};

class ProvinceAtLeastCity : public Rule {
 public:
  std::string_view name() const override { return "province_ge_city"; }
  std::string_view description() const override {
    return "a province's cumulative figures are at least those of each of its cities "
           "(Hubei >= Wuhan)";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    ForEachRow(ctx, [&](const std::string& region, const DaySeries& series, int64_t day,
                        const FigureSet& s) {
      std::string_view parent = ctx.index.Parent(region);
      if (!IsMainlandUnit(parent) && !IsHkMacauTaiwan(parent)) return;
      for (Field f : kTrio) {
        auto p = ctx.index.Value(parent, day, f);
        if (!s.has(f) || !p || *s.get(f) <= *p) continue;
        Emit(ctx, out, day, region, name(), f, *p, *s.get(f),
             L(f) + "超过所属省级单位" + std::string(parent) + "的" + N(*p),
             ctx.index.HasCorrection(region, day, f));
      }
    });
  }
};

class ImportedSum : public Rule {
 public:
  std::string_view name() const override { return "imported_sum"; }
  std::string_view description() const override {
    return "mainland imported cases = sum of imported cases by province";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    for (const auto& [day, regions] : ctx.index.by_day()) {
      if (day < ctx.from_day || day > ctx.to_day) continue;
      const FigureSet* m = ctx.index.Get(kMainland, day);
      if (m == nullptr) continue;
      for (Field f : {Field::kNewImported, Field::kCumImported}) {
        if (!m->has(f)) continue;
        auto [sum, count] = UnitSum(ctx, day, f);
        if (count == 0 || sum == *m->get(f)) continue;
        Emit(ctx, out, day, kMainland, name(), f, sum, *m->get(f),
             L(f) + "应为各省之和" + N(sum) + "，实际" + N(*m->get(f)),
             ctx.index.HasCorrection(kMainland, day, f));
      }
    }
  }
};

class NonNegative : public Rule {
 public:
  std::string_view name() const override { return "non_negative"; }
  std::string_view description() const override {
    return "no figure other than severe_change is negative";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    ForEachRow(ctx, [&](const std::string& region, const DaySeries& series, int64_t day,
                        const FigureSet& s) {
      for (Field f : AllFields()) {
        if (f == Field::kSevereChange || s.get(f).value_or(0) >= 0) continue;
        Emit(ctx, out, day, region, name(), f, 0, *s.get(f), L(f) + "为负数", false);
      }
    });
  }
};

class OutcomesWithinConfirmed : public Rule {
 public:
  std::string_view name() const override { return "outcomes_le_confirmed"; }
  std::string_view description() const override {
    return "cumulative cured + deaths <= cumulative confirmed";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    ForEachRow(ctx, [&](const std::string& region, const DaySeries& series, int64_t day,
                        const FigureSet& s) {
      if (!s.has(Field::kCumConfirmed) || !s.has(Field::kCumCured) || !s.has(Field::kCumDeaths)) {
        return;
      }
      int64_t outcomes = *s.get(Field::kCumCured) + *s.get(Field::kCumDeaths);
      if (outcomes <= *s.get(Field::kCumConfirmed)) return;
      Emit(ctx, out, day, region, name(), Field::kCumConfirmed, outcomes,
           *s.get(Field::kCumConfirmed),
           "累计治愈出院与累计死亡之和" + N(outcomes) + "超过累计确诊", false);
    });
  }
};

class CumulativeMonotone : public Rule {
 public:
  std::string_view name() const override { return "cumulative_monotone"; }
  std::string_view description() const override {
    return "a cumulative series never falls unless a correction records the decrease";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    for (const auto& [region, days] : ctx.index.by_region()) {
      for (auto it = days.begin(); it != days.end(); ++it) {
        if (it == days.begin() || it->first < ctx.from_day || it->first > ctx.to_day) continue;
        const FigureSet& prev = std::prev(it)->second;
        for (Field f : AllFields()) {
          if (!IsCumulative(f) || !it->second.has(f) || !prev.has(f)) continue;
          int64_t change = *it->second.get(f) - *prev.get(f);
          if (change >= 0) continue;
          int64_t corr = ctx.index.Correction(region, it->first, f);
          Emit(ctx, out, it->first, region, name(), f, *prev.get(f), *it->second.get(f),
               L(f) + "从" + N(*prev.get(f)) + "降至" + N(*it->second.get(f)),
               corr < 0 && change - corr >= 0);
        }
      }
    }
  }
};

class DailyJump : public Rule {
 public:
  std::string_view name() const override { return "daily_jump"; }
  std::string_view description() const override {
    return "without a reported new value, a daily increase is at most 100 or 3 times the "
           "largest increase of the previous 7 days";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    for (const auto& [region, series] : ctx.index.by_region()) {
      // The region's days in order; increases need the previous calendar day.
      std::vector<std::pair<int64_t, const FigureSet*>> days;
      days.reserve(series.size());
      for (const auto& [day, figs] : series) days.emplace_back(day, &figs);
      for (Field f : kTrio) CheckField(ctx, region, days, f, out);
    }
  }

 private:
  void CheckField(const RuleContext& ctx, const std::string& region,
                  const std::vector<std::pair<int64_t, const FigureSet*>>& days, Field f,
                  std::vector<Violation>* out) const {
    std::vector<std::optional<int64_t>> inc(days.size());
    for (size_t i = 1; i < days.size(); ++i) {
      auto now = days[i].second->get(f), before = days[i - 1].second->get(f);
      if (days[i].first == days[i - 1].first + 1 && now && before) inc[i] = *now - *before;
    }
    for (size_t i = 1; i < days.size(); ++i) {
      int64_t day = days[i].first;
      if (!inc[i] || day < ctx.from_day || day > ctx.to_day) continue;
      if (days[i].second->has(*NewOf(f))) continue;  // reported: cumulative_identity checks it
      int64_t base = 0;
      int history = 0;
      for (size_t k = i; k-- > 1 && days[k].first >= day - kJumpWindow;) {
        if (!inc[k]) continue;
        base = std::max(base, *inc[k]);
        ++history;
      }
      if (history < kJumpHistory) continue;
      int64_t limit = std::max(kJumpMin, kJumpFactor * base);
      if (*inc[i] <= limit) continue;
      int64_t corr = ctx.index.Correction(region, day, f);
      Emit(ctx, out, day, region, name(), f, limit, *inc[i],
           L(f) + "单日增加" + N(*inc[i]) + "，超过上限" + N(limit) + "（前" + N(kJumpWindow) +
               "日最大增幅" + N(base) + "的" + N(kJumpFactor) + "倍，且不少于" + N(kJumpMin) + "）",
           corr != 0 && *inc[i] - corr <= limit);
    }
  }
};

class FrozenCured : public Rule {
 public:
  std::string_view name() const override { return "frozen_cured"; }
  std::string_view description() const override {
    return "cumulative cured does not stay unchanged for 5 days while 100 or more patients are "
           "in hospital";
  }
  void Check(const RuleContext& ctx, std::vector<Violation>* out) const override {
    ForEachRow(ctx, [&](const std::string& region, const DaySeries& series, int64_t day,
                        const FigureSet& s) {
      auto cured = s.get(Field::kCumCured);
      if (!cured) return;
      for (int k = 0; k < kFrozenDays; ++k) {
        auto found = series.find(day - k);
        const FigureSet* d = found == series.end() ? nullptr : &found->second;
        if (d == nullptr || d->get(Field::kCumCured) != cured || !d->has(Field::kCumConfirmed) ||
            !d->has(Field::kCumDeaths)) {
          return;
        }
        int64_t active = *d->get(Field::kCumConfirmed) - *cured - *d->get(Field::kCumDeaths);
        if (active < kFrozenActive) return;
      }
      Emit(ctx, out, day, region, name(), Field::kCumCured, *cured + 1, *cured,
           "累计治愈出院连续" + N(kFrozenDays) + "日停留在" + N(*cured) + "，而现有确诊不少于" +
               N(kFrozenActive) + "例",
           ctx.index.HasCorrection(region, day, Field::kCumCured));
    });
  }
};

std::vector<std::unique_ptr<Rule>> MakeRules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(std::make_unique<CumulativeIdentity>());
  rules.push_back(std::make_unique<CurrentIdentity>());
  rules.push_back(std::make_unique<MainlandSum>());
  rules.push_back(std::make_unique<NationalTotal>());
  rules.push_back(std::make_unique<ProvinceAtLeastCity>());
  rules.push_back(std::make_unique<ImportedSum>());
  rules.push_back(std::make_unique<NonNegative>());
  rules.push_back(std::make_unique<OutcomesWithinConfirmed>());
  rules.push_back(std::make_unique<CumulativeMonotone>());
  rules.push_back(std::make_unique<DailyJump>());
  rules.push_back(std::make_unique<FrozenCured>());
  return rules;
}

}  // namespace

const std::vector<std::unique_ptr<Rule>>& AllRules() {
  static const std::vector<std::unique_ptr<Rule>> kRules = MakeRules();
  return kRules;
}

}  // namespace jianbao::epidemic
