// Copyright 2026 The Jianbao Authors.
//
// The epidemic module's domain values: the reported fields, one region's
// figures for one reporting day, regions, corrections and violations.
//
// A reporting day is a plain date "YYYY-MM-DD" in Asia/Shanghai meaning
// "D日0—24时". Every field is optional: a missing value means "not reported",
// never zero. Reported "new" values and cumulative values are separate fields;
// neither is derived from the other when stored.

#ifndef JIANBAO_EPIDEMIC_MODEL_H_
#define JIANBAO_EPIDEMIC_MODEL_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::epidemic {

// The reported figures, in storage (and JSON key) order.
enum class Field : int {
  kNewConfirmed = 0,
  kCumConfirmed,
  kNewDeaths,
  kCumDeaths,
  kNewCured,
  kCumCured,
  kCurrentConfirmed,
  kCurrentSevere,
  kSevereChange,
  kNewSuspected,
  kCurrentSuspected,
  kCumContacts,
  kContactsReleased,
  kContactsUnderObservation,
  kNewImported,
  kCumImported,
};
inline constexpr int kFieldCount = 16;

// Returns the snake_case name of `f` ("new_confirmed"), used as column and JSON key.
std::string_view FieldName(Field f);
// Returns the field named `name`, or nullopt.
std::optional<Field> FieldFromName(std::string_view name);
// Returns the Chinese label of `f` ("累计确诊"), for messages.
std::string_view FieldLabel(Field f);
// Returns every field in storage order.
const std::array<Field, kFieldCount>& AllFields();
// Returns true for cumulative fields (cum_*), which may change only by new
// cases or by a recorded correction.
bool IsCumulative(Field f);
// Returns the cumulative field that `f` (a new_* field) adds to, or nullopt.
std::optional<Field> CumulativeOf(Field f);
// Returns the new_* field whose daily values add to cumulative `f`, or nullopt.
std::optional<Field> NewOf(Field f);

// One region's reported values on one day; unset means "not reported".
class FigureSet {
 public:
  const std::optional<int64_t>& get(Field f) const { return v_[static_cast<int>(f)]; }
  void set(Field f, std::optional<int64_t> v) { v_[static_cast<int>(f)] = v; }
  bool has(Field f) const { return get(f).has_value(); }
  // Returns true when no field is reported.
  bool empty() const;
  // Copies every value reported in `other` over this set's values.
  void MergeFrom(const FigureSet& other);
  bool operator==(const FigureSet& o) const = default;

 private:
  std::array<std::optional<int64_t>, kFieldCount> v_{};
};

enum class RegionLevel { kMainland, kNational, kProvince, kCity, kSpecial };

// Returns "mainland", "national", "province", "city" or "special".
std::string_view LevelName(RegionLevel level);
// Returns the level named `name` (LevelName's inverse), or nullopt.
std::optional<RegionLevel> LevelFromName(std::string_view name);

// A reporting region keyed by its GB/T 2260 code.
struct Region {
  std::string code;        // "420000"; see regions.h for the non-GB/T codes we use.
  std::string name;        // full name, "湖北省"
  std::string short_name;  // the name used in the NHC text, "湖北"
  RegionLevel level = RegionLevel::kProvince;
  std::string parent;  // parent code, "" for top-level regions.
};

// One stored row: a region's figures on a day.
struct RegionDay {
  std::string date;
  std::string region;
  FigureSet figures;
};

// A correction event (核减/核增/订正): `delta` was added to `field` of
// `region` on `date` for a reason other than new cases.
struct Correction {
  int64_t id = 0;    // assigned by the repository.
  std::string date;  // the day the correction was announced
  std::string region;
  Field field = Field::kCumConfirmed;
  int64_t delta = 0;
  std::string reason;
  std::string source;
  // The day whose figures the correction changes ("as of D 24:00"), when it
  // differs from `date`; "" = `date`. A source may carry the change on any day
  // from data_date to date (rules.h, FigureIndex).
  std::string data_date;
};

// A documented quirk of a data source (来源说明): findings inside its scope
// are shown as explained by it. Empty scope parts match everything.
struct SourceNote {
  int64_t id = 0;                    // assigned by the repository.
  std::vector<std::string> regions;  // region codes; with level "city", their cities
  std::string level;                 // "" or a LevelName: only regions of that level
  std::vector<Field> fields;         // only findings on these fields
  std::string rule;                  // "" or a rule name
  std::string from, to;              // inclusive day range; "" = unbounded
  std::string reason;
  std::string reference;  // where the quirk is documented
};

// What explains a finding: a correction or a source note, by id.
struct Explanation {
  std::string kind;  // "correction" or "note"
  int64_t id = 0;
  bool operator==(const Explanation&) const = default;
};

// The stable key of a validation finding (a follow-up's, followups.h).
struct FindingKey {
  std::string date;  // the data date of the finding
  std::string region;
  std::string rule;
  Field field = Field::kCumConfirmed;
  bool operator==(const FindingKey&) const = default;
};

// What the validation report shows of a finding's follow-up.
struct FollowupRef {
  FindingKey key;
  int64_t id = 0;
  std::string state;  // "open" or "closed" (followup_states.h)
  std::string assignee_name;
};

// The stored reporting days: first, last and how many.
struct DateRange {
  std::string first;  // "" when nothing is stored
  std::string last;
  int days = 0;
};

// A failed validation rule on one day, region and field.
struct Violation {
  std::string date;
  std::string region;
  std::string rule;
  Field field = Field::kCumConfirmed;
  int64_t expected = 0;
  int64_t actual = 0;
  std::string message;
  // True when a correction recorded for this date, region and field explains
  // it, or a source note's scope covers it.
  bool explained = false;
  std::optional<Explanation> explained_by;  // set exactly when explained
};

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_MODEL_H_
