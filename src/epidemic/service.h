// Copyright 2026 The Jianbao Authors.
//
// EpidemicService: the 疫情动态 desk's domain operations. The CLI calls it
// today and thin HTTP handlers will call it later: each method takes plain
// values, does one job in at most one transaction and returns a Result.
// No HTTP and no SQL here (SQL is in repository.cc).
//
// Roles: methods that change data take the acting user and require the
// `editor` role (the data desk) or the system actor (CLI, demo loader); each
// change is written to the audit log (orgs::Audit) in its transaction, so the
// database needs the orgs migrations too. Reads are open to anyone signed in
// (the HTTP layer checks the session).
//
// Errors: InvalidArgument naming the field (bad dates, unknown regions or
// fields, bad files), NotFound (day_not_found, correction_not_found),
// Conflict (an equal correction), PermissionDenied (not editor), and the
// store's kUnavailable/kInternal.
//
// Thread safety: an EpidemicService holds no state but its Database, so one
// instance serves all of the server's handler threads at once; each method
// runs in its own Database::Read/Write. The charts draw with each thread's
// own Pango font map.

#ifndef JIANBAO_EPIDEMIC_SERVICE_H_
#define JIANBAO_EPIDEMIC_SERVICE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/edit_version.h"
#include "core/status.h"
#include "epidemic/chart.h"
#include "epidemic/day.h"
#include "epidemic/importer.h"
#include "epidemic/model.h"
#include "epidemic/narrative.h"
#include "epidemic/rules.h"
#include "epidemic/trend.h"
#include "store/database.h"

namespace jianbao::epidemic {

struct ImportReport {
  std::string format;         // "canghailan", "figures", "corrections" or "day-json"
  int records = 0;            // data records read
  int rows = 0;               // (date, region) rows in the file after mapping
  int changed = 0;            // stored rows inserted or changed (0 on a re-import)
  int skipped = 0;            // records deliberately not stored (pseudo-units, HK/MO/TW city rows)
  int corrections_added = 0;  // for the corrections format
};

struct ValidationReport {
  std::vector<Violation> violations;
  std::vector<DayStatus> days;
  std::vector<FollowupRef> followups;  // of the listed findings' days (followups.h)
};

struct SeriesPoint {
  std::string date;
  int64_t value = 0;
  bool derived = false;  // summed from the provinces or computed, not reported
};

struct Series {
  std::string region;  // a code, or "rest" for the mainland without Hubei
  std::string name;
  Field field = Field::kCumConfirmed;
  std::vector<SeriesPoint> points;  // only days with a value
};

// One day's grid: the stored rows plus the values that are not reported but
// can be filled in (marked "derived" in the UI): a missing mainland cumulative
// value is the sum of the 31 provinces and XPCC; a missing current_confirmed is
// cum_confirmed - cum_cured - cum_deaths.
struct DayGrid {
  std::string date;
  std::vector<RegionDay> rows;
  std::vector<RegionDay> derived;  // only the derived fields are set
  std::map<std::string, EditStamp> versions;  // edit version by region (absent: 1)
};

struct RegionValue {
  Region region;
  int64_t value = 0;
};

// How NarrativeFor renders: with or without the print trend chart.
struct NarrativeOptions {
  // Appends the trend chart to the body as a Markdown image with a PNG data
  // URI (after a blank line), for the bulletin's PDF.
  bool chart = false;
  int chart_days = kDefaultChartDays;  // the chart's window, ending at the day
};

class EpidemicService {
 public:
  // REQUIRES: `db` outlives the service and has Migrations() (and the orgs
  // migrations) applied.
  explicit EpidemicService(store::Database& db) : db_(db) {}

  // Imports a file's content (CSV in one of the formats of importer.h, or a
  // day JSON) in one transaction. On any bad row nothing is stored and the
  // error names line, column and reason. Importing the same content again
  // changes nothing (report.changed == 0). `source` is recorded on each row.
  // Returns PermissionDenied unless editor or system, PayloadTooLarge above
  // kMaxImportBytes, InvalidArgument for a bad file (ParseImport, DayFromJson);
  // when `rejection` is not null and the file is rejected at a line,
  // *rejection gets where and why (importer.h).
  Result<ImportReport> Import(const Actor& actor, std::string_view content,
                              const std::string& source, ImportRejection* rejection = nullptr);

  // Returns the day `date` built from the stored figures (see BuildDay).
  // Returns InvalidArgument for a bad date, NotFound when nothing is stored for it.
  Result<Day> GetDay(const std::string& date);

  // Stores a day JSON's values, merging them into the stored rows.
  // Errors as Import (PermissionDenied, store errors).
  Result<ImportReport> StoreDay(const Actor& actor, const Day& day, const std::string& source);

  // Returns every stored row of `date`, by region code: the grid.
  // InvalidArgument "bad_date" for a bad date; an empty list when nothing is stored.
  Result<std::vector<RegionDay>> GetDayFigures(const std::string& date);

  // Returns the grid of `date` with its derived values. Errors as GetDayFigures.
  Result<DayGrid> GetDayGrid(const std::string& date);
  // Returns the first and last stored reporting days.
  Result<DateRange> StoredDates();

  // Replaces one grid row: `figures` becomes exactly what is stored for
  // (date, region); unset fields become "not reported". Returns
  // PermissionDenied, InvalidArgument "bad_date", "unknown_region_code" or
  // "negative_value" (field = the figure's name), or kPreconditionFailed
  // "edit_conflict" when `version` is given and the row has another edit
  // version (docs/api.md "Versions and If-Match"). Sets `*saved` (when not
  // null) to the row's new edit version.
  Status UpdateFigures(const Actor& actor, const std::string& date, const std::string& region,
                       const FigureSet& figures, const std::string& source,
                       const std::optional<int64_t>& version = std::nullopt,
                       EditStamp* saved = nullptr);

  // Returns corrections with from <= date <= to ("" = unbounded);
  // InvalidArgument "bad_date" (field "from"/"to").
  Result<std::vector<Correction>> ListCorrections(const std::string& from, const std::string& to);
  // Records a correction; returns it with its id. kConflict if an equal one
  // exists; PermissionDenied; InvalidArgument "bad_date", "unknown_region_code",
  // "not_cumulative", "zero_delta", "empty_reason", "bad_date" (field
  // "data_date").
  Result<Correction> AddCorrection(const Actor& actor, Correction c);
  // Deletes correction `id`. NotFound "correction_not_found" when there is
  // none; PermissionDenied.
  Status DeleteCorrection(const Actor& actor, int64_t id);
  // Records the known corrections (data/known_corrections.csv) that are not
  // recorded yet; returns how many were added.
  Result<int> LoadKnownCorrections(const Actor& actor);

  // Returns every source note, by id.
  Result<std::vector<SourceNote>> ListNotes();
  // Records a source note; returns it with its id. PermissionDenied;
  // CheckNote's errors (notes.h); InvalidArgument "unknown_region_code" (field
  // "regions") for a region code that is not stored.
  Result<SourceNote> AddNote(const Actor& actor, SourceNote note);
  // Deletes source note `id`. NotFound "note_not_found" when there is none;
  // PermissionDenied. Follow-ups closed with it keep its id.
  Status DeleteNote(const Actor& actor, int64_t id);
  // Records the known source notes (data/known_notes.csv: the documented
  // quirks of the shared dataset) that are not recorded yet; returns how many
  // were added. PermissionDenied.
  Result<int> LoadKnownNotes(const Actor& actor);

  // Runs every rule for from <= date <= to ("" = everything stored); with
  // `unexplained_only`, report.violations keeps only those no correction
  // explains (report.days is the same either way). Corrections explain the
  // findings they cause (rules.h); a finding none explains is explained by the
  // first source note whose scope covers it. Returns InvalidArgument
  // "bad_date" (field "from" or "to") for a bad date.
  Result<ValidationReport> Validate(const std::string& from, const std::string& to,
                                    bool unexplained_only = false);

  // Renders the narrative for a stored day with `template_text` ("" = default);
  // with options.chart, the body carries TrendChartMarkdown(date, chart_days) as
  // a paragraph before a closing source note "（…）" (last when there is none).
  // Returns NotFound when nothing is stored for `date`, InvalidArgument for a
  // bad date, template or (with the chart) chart_days.
  Result<Narrative> NarrativeFor(const std::string& date, std::string_view template_text,
                                 const NarrativeOptions& options = {});

  // Returns the trend chart's data for the `days` days ending at `date`
  // (trend.h). Returns InvalidArgument (field "date" or "days") for a bad
  // date or a days value outside [kMinChartDays, kMaxChartDays], NotFound
  // when nothing is stored for `date`.
  Result<TrendChart> TrendChartFor(const std::string& date, int days = kDefaultChartDays);
  // Returns that chart as PNG bytes (chart.h: 15.6 cm x 7 cm at 300 dpi);
  // errors as TrendChartFor.
  Result<std::string> TrendChartPng(const std::string& date, int days = kDefaultChartDays);
  // Returns that chart as Markdown for a section body:
  // "![<title>](data:image/png;base64,…)"; errors as TrendChartFor.
  Result<std::string> TrendChartMarkdown(const std::string& date, int days = kDefaultChartDays);

  // Returns `field` of `region` over [from, to]. For the mainland (000000),
  // unreported cumulative values are summed from the provinces (derived).
  Result<Series> GetSeries(const std::string& region, Field field, const std::string& from,
                           const std::string& to);
  // Returns two series: Hubei and the rest of the mainland (derived).
  Result<std::vector<Series>> HubeiVsRest(Field field, const std::string& from,
                                          const std::string& to);
  // Returns current confirmed by mainland province on `date` (reported, else
  // cum_confirmed - cum_cured - cum_deaths), largest first.
  Result<std::vector<RegionValue>> CurrentByProvince(const std::string& date);

  // Returns every region (built-in and the cities imports added), by code.
  Result<std::vector<Region>> ListRegions();

  // Returns PermissionDenied unless `actor` may change the figures (editor or system).
  static Status RequireEditor(const Actor& actor);

 private:
  Result<ImportReport> StoreBatch(const Actor& actor, ImportBatch batch, const std::string& source);
  Result<std::vector<RegionDay>> Load(const std::string& from, const std::string& to,
                                      const std::string& region = "");

  store::Database& db_;
};

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_SERVICE_H_
