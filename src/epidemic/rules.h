// Copyright 2026 The Jianbao Authors.
//
// Validation rules in the manner of DHIS2: each rule is a named class that
// checks one identity or plausibility condition over the stored figures and
// emits a Violation per failing (day, region, field). Rules see corrections:
// when a recorded correction accounts for the discrepancy the violation is
// still listed but marked `explained`, and a day whose violations are all
// explained counts as verified. The rules, their thresholds and how
// corrections explain them are listed in docs/epidemic.md.

#ifndef JIANBAO_EPIDEMIC_RULES_H_
#define JIANBAO_EPIDEMIC_RULES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "epidemic/model.h"

namespace jianbao::epidemic {

// Stored figures, corrections and source notes indexed for the rules. Days
// are day numbers (clock::DaysFromDate).
//
// Where a correction applies: a source may carry a revision on any day from
// the correction's data_date (the day "as of" which it was made) to its
// announcement date, both inclusive; without a data_date only on its date.
// Corrections of the mainland (000000) also apply to the national total
// (100000, which contains it) when that has none of its own.
class FigureIndex {
 public:
  // Indexes `rows`, `corrections` and `notes`; `regions` give each code's
  // parent and level.
  FigureIndex(const std::vector<RegionDay>& rows, const std::vector<Correction>& corrections,
              const std::vector<Region>& regions, const std::vector<SourceNote>& notes = {});

  // Returns the region's figures on `day`, or nullptr when none are stored.
  const FigureSet* Get(std::string_view region, int64_t day) const;
  // Returns the region's value of `f` on `day`, or nullopt.
  std::optional<int64_t> Value(std::string_view region, int64_t day, Field f) const;
  // Returns the sum of corrections recorded for (region, day, f); 0 when none.
  int64_t Correction(std::string_view region, int64_t day, Field f) const;
  // Returns true when at least one correction is recorded for (region, day, f).
  bool HasCorrection(std::string_view region, int64_t day, Field f) const;
  // Returns the id of the first correction that applies to (region, day, f), or 0.
  int64_t CorrectionId(std::string_view region, int64_t day, Field f) const;
  // Returns the first source note whose scope covers the violation, or nullptr.
  const SourceNote* NoteFor(const Violation& v) const;
  // Returns true when `note`'s scope covers (region, day, rule, field); the
  // note's level and region list are resolved with this index's regions.
  bool NoteCovers(const SourceNote& note, std::string_view region, int64_t day,
                  std::string_view rule, Field f) const;
  // Returns the parent code of `region`, or "".
  std::string_view Parent(std::string_view region) const;

  using DaySeries = std::map<int64_t, FigureSet>;
  // Returns the value of `f` on `day` in one region's series, or nullopt.
  static std::optional<int64_t> ValueIn(const DaySeries& series, int64_t day, Field f);

  // region code -> (day -> figures), both ordered.
  const std::map<std::string, DaySeries, std::less<>>& by_region() const { return rows_; }
  // day -> region codes reported that day.
  const std::map<int64_t, std::vector<std::string>>& by_day() const { return days_; }

 private:
  std::map<std::string, DaySeries, std::less<>> rows_;
  std::map<int64_t, std::vector<std::string>> days_;
  struct Applied {
    int64_t delta = 0;     // sum of the deltas of the corrections that apply
    int64_t first_id = 0;  // the first of them
  };
  const Applied* FindCorrection(std::string_view region, int64_t day, Field f) const;

  std::map<std::tuple<std::string, int64_t, int>, Applied> corrections_;
  std::unordered_map<std::string, std::string> parents_;
  std::unordered_map<std::string, RegionLevel> levels_;
  std::vector<SourceNote> notes_;
};

// What a rule checks and where it reports.
struct RuleContext {
  const FigureIndex& index;
  int64_t from_day;  // violations are reported for from_day <= day <= to_day
  int64_t to_day;
};

class Rule {
 public:
  virtual ~Rule() = default;
  // A stable snake_case name, the "rule" of a violation.
  virtual std::string_view name() const = 0;
  // One sentence for the UI and docs.
  virtual std::string_view description() const = 0;
  // Appends the violations found in ctx's day range to `out`.
  virtual void Check(const RuleContext& ctx, std::vector<Violation>* out) const = 0;
};

// Returns every rule, in the order they run and are documented.
const std::vector<std::unique_ptr<Rule>>& AllRules();

// Runs every rule over [from_day, to_day]; returns violations ordered by
// date, region, rule and field. A violation no correction explains is
// explained by the first of the index's notes that covers it.
std::vector<Violation> RunRules(const FigureIndex& index, int64_t from_day, int64_t to_day);

// The validation state of one day.
struct DayStatus {
  std::string date;
  int violations = 0;
  int unexplained = 0;
  // True when the day has figures and every violation is explained.
  bool verified = false;
};

// Returns one status per day in [from_day, to_day] that has figures.
std::vector<DayStatus> DayStatuses(const FigureIndex& index, const std::vector<Violation>& v,
                                   int64_t from_day, int64_t to_day);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_RULES_H_
