// Copyright 2026 The Jianbao Authors.

#include "epidemic/service.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "epidemic/embedded.h"
#include "epidemic/importer.h"
#include "epidemic/json.h"
#include "epidemic/notes.h"
#include "epidemic/regions.h"
#include "epidemic/repository.h"
#include "orgs/service.h"

namespace jianbao::epidemic {

namespace {

// How far back the rules look before the first reported day.
constexpr int kRuleLookbackDays = 14;
// How long after a day a correction announced later may still apply to it (figure_index.cc).
constexpr int kCorrectionLookaheadDays = 31;

Status CheckDate(const std::string& date, const std::string& field) {
  if (date.empty() || clock::IsValidDate(date)) return Status::Ok();
  return Status::Invalid(field, "bad_date", field + ": not a date YYYY-MM-DD: \"" + date + "\"");
}

std::string ShiftDate(const std::string& date, int64_t days) {
  return date.empty() ? date : clock::DateFromDays(clock::DaysFromDate(date) + days);
}

// One grid row as compact JSON for the audit log ("" when nothing is stored).
std::string RowAuditJson(const std::vector<RegionDay>& rows) {
  if (rows.empty()) return "";
  return nlohmann::json::parse(RowsToJson(rows)).dump();
}

std::string CorrectionAuditJson(const Correction& c) {
  return nlohmann::json::parse(CorrectionsToJson({c})).front().dump();
}

}  // namespace

Status EpidemicService::RequireEditor(const Actor& actor) {
  if (actor.is_system() || actor.HasRole(kRoleEditor)) return Status::Ok();
  return Status::Denied("only the data desk (editor) may change the epidemic figures");
}

Result<std::vector<RegionDay>> EpidemicService::Load(const std::string& from, const std::string& to,
                                                     const std::string& region) {
  std::vector<RegionDay> rows;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(rows, repository::LoadFigures(s, from, to, region));
    return Status::Ok();
  }));
  return rows;
}

Result<std::vector<Region>> EpidemicService::ListRegions() {
  std::vector<Region> regions;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(regions, repository::LoadRegions(s));
    return Status::Ok();
  }));
  return regions;
}

Result<ImportReport> EpidemicService::Import(const Actor& actor, std::string_view content,
                                             const std::string& source,
                                             ImportRejection* rejection) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  if (content.size() > kMaxImportBytes) {
    return Status(Code::kPayloadTooLarge, "import_too_large",
                  "the file is larger than " + std::to_string(kMaxImportBytes >> 20) + " MB");
  }
  size_t first = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && content[first] == '{') {
    JB_ASSIGN_OR_RETURN(Day day, DayFromJson(content));
    return StoreDay(actor, day, source);
  }
  JB_ASSIGN_OR_RETURN(std::vector<Region> regions, ListRegions());
  std::set<std::string, std::less<>> known;
  for (const Region& r : regions) known.insert(r.code);
  RegionExists exists = [&known](std::string_view code) { return known.count(code) > 0; };
  JB_ASSIGN_OR_RETURN(ImportBatch batch, ParseImport(content, exists, rejection));
  return StoreBatch(actor, std::move(batch), source);
}

Result<ImportReport> EpidemicService::StoreBatch(const Actor& actor, ImportBatch batch,
                                                 const std::string& source) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  ImportReport report;
  report.format = std::string(ImportFormatName(batch.format));
  report.records = batch.records;
  report.rows = static_cast<int>(batch.rows.size());
  report.skipped = batch.skipped;
  JB_RETURN_IF_ERROR(db_.Write([&](soci::session& s) {
    JB_RETURN_IF_ERROR(repository::InsertMissingRegions(s, batch.regions));
    JB_ASSIGN_OR_RETURN(report.changed, repository::MergeFigures(s, batch.rows, source));
    JB_ASSIGN_OR_RETURN(report.corrections_added,
                        repository::InsertCorrections(s, &batch.corrections, true));
    if (report.changed > 0 || report.corrections_added > 0) {
      std::string first, last;
      for (const RegionDay& row : batch.rows) {
        if (first.empty() || row.date < first) first = row.date;
        if (row.date > last) last = row.date;
      }
      nlohmann::json after = nlohmann::json::parse(ImportReportToJson(report));
      after["source"] = source;
      after["from"] = first;
      after["to"] = last;
      if (report.changed > 0) {
        repository::BumpFigureVersions(s, first, last, EditorName(actor), clock::NowIso());
      }
      orgs::Audit(s, actor, "epidemic.import", "epidemic_day",
                  first == last ? first : first + "/" + last, "", after.dump());
    }
    return Status::Ok();
  }));
  return report;
}

Result<ImportReport> EpidemicService::StoreDay(const Actor& actor, const Day& day,
                                               const std::string& source) {
  ImportBatch batch;
  batch.rows = DayToRows(day);
  batch.records = 1;
  JB_ASSIGN_OR_RETURN(ImportReport report, StoreBatch(actor, std::move(batch), source));
  report.format = "day-json";
  return report;
}

Result<Day> EpidemicService::GetDay(const std::string& date) {
  if (!clock::IsValidDate(date)) return CheckDate(date, "date");
  JB_ASSIGN_OR_RETURN(std::vector<RegionDay> rows, Load(date, date));
  if (rows.empty()) return Status::NotFound("day_not_found", "no figures stored for " + date);
  return BuildDay(date, rows);
}

Result<std::vector<RegionDay>> EpidemicService::GetDayFigures(const std::string& date) {
  if (!clock::IsValidDate(date)) return CheckDate(date, "date");
  return Load(date, date);
}

Result<DayGrid> EpidemicService::GetDayGrid(const std::string& date) {
  JB_ASSIGN_OR_RETURN(std::vector<RegionDay> rows, GetDayFigures(date));
  DayGrid grid{date, std::move(rows), {}, {}};
  FigureSet sums;
  std::set<Field> summed;
  const RegionDay* mainland = nullptr;
  for (const RegionDay& row : grid.rows) {
    if (row.region == kMainland) mainland = &row;
    if (!IsMainlandUnit(row.region)) continue;
    for (Field f : AllFields()) {
      if (!IsCumulative(f) || !row.figures.has(f)) continue;
      sums.set(f, sums.get(f).value_or(0) + *row.figures.get(f));
      summed.insert(f);
    }
  }
  RegionDay mainland_derived{date, std::string(kMainland), {}};
  for (Field f : summed) {
    if (!mainland || !mainland->figures.has(f)) mainland_derived.figures.set(f, sums.get(f));
  }
  auto current = [](const FigureSet& f) -> std::optional<int64_t> {
    if (f.has(Field::kCurrentConfirmed) || !f.has(Field::kCumConfirmed) ||
        !f.has(Field::kCumCured) || !f.has(Field::kCumDeaths)) {
      return std::nullopt;
    }
    return *f.get(Field::kCumConfirmed) - *f.get(Field::kCumCured) - *f.get(Field::kCumDeaths);
  };
  bool mainland_listed = false;
  for (const RegionDay& row : grid.rows) {
    RegionDay d{date, row.region, {}};
    if (row.region == kMainland) {
      d = mainland_derived;
      mainland_listed = true;
      FigureSet both = row.figures;
      both.MergeFrom(d.figures);
      d.figures.set(Field::kCurrentConfirmed, current(both));
    } else {
      d.figures.set(Field::kCurrentConfirmed, current(row.figures));
    }
    if (!d.figures.empty()) grid.derived.push_back(std::move(d));
  }
  if (!mainland_listed && !mainland_derived.figures.empty()) {
    mainland_derived.figures.set(Field::kCurrentConfirmed, current(mainland_derived.figures));
    grid.derived.insert(grid.derived.begin(), std::move(mainland_derived));
  }
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    grid.versions = repository::LoadFigureVersions(s, date);
    return Status::Ok();
  }));
  return grid;
}

Result<DateRange> EpidemicService::StoredDates() {
  DateRange range;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(range, repository::StoredDates(s));
    return Status::Ok();
  }));
  return range;
}

Status EpidemicService::UpdateFigures(const Actor& actor, const std::string& date,
                                      const std::string& region, const FigureSet& figures,
                                      const std::string& source,
                                      const std::optional<int64_t>& version, EditStamp* saved) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  if (!clock::IsValidDate(date)) return CheckDate(date, "date");
  JB_ASSIGN_OR_RETURN(std::vector<Region> regions, ListRegions());
  if (std::none_of(regions.begin(), regions.end(),
                   [&](const Region& r) { return r.code == region; })) {
    return Status::Invalid("region", "unknown_region_code", "unknown region code \"" + region + "\"");
  }
  for (Field f : AllFields()) {
    if (f != Field::kSevereChange && figures.get(f).value_or(0) < 0) {
      return Status::Invalid(std::string(FieldName(f)), "negative_value",
                             std::string(FieldName(f)) + " cannot be negative");
    }
  }
  return db_.Write([&](soci::session& s) {
    const std::string now = clock::NowIso();
    JB_RETURN_IF_ERROR(
        repository::ClaimFigureVersion(s, date, region, version, EditorName(actor), now));
    if (saved) *saved = repository::LoadFigureVersions(s, date)[region];
    JB_ASSIGN_OR_RETURN(std::vector<RegionDay> before,
                        repository::LoadFigures(s, date, date, region));
    RegionDay row{date, region, figures};
    JB_RETURN_IF_ERROR(repository::ReplaceFigures(s, row, source));
    std::string before_json = RowAuditJson(before);
    std::string after_json = figures.empty() ? "" : RowAuditJson({row});
    if (before_json != after_json) {
      orgs::Audit(s, actor, "epidemic.update", "epidemic_day", date + "/" + region, before_json,
                  after_json);
    }
    return Status::Ok();
  });
}

Result<std::vector<Correction>> EpidemicService::ListCorrections(const std::string& from,
                                                                 const std::string& to) {
  JB_RETURN_IF_ERROR(CheckDate(from, "from"));
  JB_RETURN_IF_ERROR(CheckDate(to, "to"));
  std::vector<Correction> out;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(out, repository::LoadCorrections(s, from, to));
    return Status::Ok();
  }));
  return out;
}

Result<Correction> EpidemicService::AddCorrection(const Actor& actor, Correction c) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  if (!clock::IsValidDate(c.date)) return CheckDate(c.date, "date");
  if (!IsCumulative(c.field)) {
    return Status::Invalid("field", "not_cumulative", "corrections apply to cumulative fields");
  }
  if (c.delta == 0) return Status::Invalid("delta", "zero_delta", "a correction cannot be 0");
  if (c.reason.empty()) return Status::Invalid("reason", "empty_reason", "the reason is empty");
  if (!c.data_date.empty() && !clock::IsValidDate(c.data_date)) {
    return CheckDate(c.data_date, "data_date");
  }
  JB_ASSIGN_OR_RETURN(std::vector<Region> regions, ListRegions());
  if (std::none_of(regions.begin(), regions.end(),
                   [&](const Region& r) { return r.code == c.region; })) {
    return Status::Invalid("region", "unknown_region_code", "unknown region code \"" + c.region + "\"");
  }
  std::vector<Correction> one{std::move(c)};
  JB_RETURN_IF_ERROR(db_.Write([&](soci::session& s) {
    JB_RETURN_IF_ERROR(repository::InsertCorrections(s, &one, false).status());
    orgs::Audit(s, actor, "epidemic.correction_add", "epidemic_correction",
                std::to_string(one.front().id), "", CorrectionAuditJson(one.front()));
    return Status::Ok();
  }));
  return one.front();
}

Status EpidemicService::DeleteCorrection(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  return db_.Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(std::vector<Correction> all, repository::LoadCorrections(s, "", ""));
    auto it =
        std::find_if(all.begin(), all.end(), [id](const Correction& c) { return c.id == id; });
    JB_RETURN_IF_ERROR(repository::DeleteCorrection(s, id));
    orgs::Audit(s, actor, "epidemic.correction_delete", "epidemic_correction", std::to_string(id),
                it == all.end() ? "" : CorrectionAuditJson(*it), "");
    return Status::Ok();
  });
}

Result<int> EpidemicService::LoadKnownCorrections(const Actor& actor) {
  JB_ASSIGN_OR_RETURN(ImportReport report, Import(actor, embedded::kKnownCorrections, "known"));
  return report.corrections_added;
}

Result<std::vector<SourceNote>> EpidemicService::ListNotes() {
  std::vector<SourceNote> out;
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(out, repository::LoadNotes(s));
    return Status::Ok();
  }));
  return out;
}

Result<SourceNote> EpidemicService::AddNote(const Actor& actor, SourceNote note) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  JB_RETURN_IF_ERROR(CheckNote(note));
  JB_ASSIGN_OR_RETURN(std::vector<Region> regions, ListRegions());
  for (const std::string& code : note.regions) {
    if (std::none_of(regions.begin(), regions.end(),
                     [&](const Region& r) { return r.code == code; })) {
      return Status::Invalid("regions", "unknown_region_code",
                             "unknown region code \"" + code.substr(0, 20) + "\"");
    }
  }
  std::vector<SourceNote> one{std::move(note)};
  JB_RETURN_IF_ERROR(db_.Write([&](soci::session& s) {
    JB_RETURN_IF_ERROR(repository::InsertNotes(s, &one, false).status());
    orgs::Audit(s, actor, "epidemic.note_add", "epidemic_note", std::to_string(one.front().id), "",
                one.front().reason);
    return Status::Ok();
  }));
  return one.front();
}

Status EpidemicService::DeleteNote(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  return db_.Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(std::vector<SourceNote> all, repository::LoadNotes(s));
    auto it =
        std::find_if(all.begin(), all.end(), [id](const SourceNote& n) { return n.id == id; });
    JB_RETURN_IF_ERROR(repository::DeleteNote(s, id));
    orgs::Audit(s, actor, "epidemic.note_delete", "epidemic_note", std::to_string(id),
                it == all.end() ? "" : NotesJson({*it}).front().dump(), "");
    return Status::Ok();
  });
}

Result<int> EpidemicService::LoadKnownNotes(const Actor& actor) {
  JB_RETURN_IF_ERROR(RequireEditor(actor));
  JB_ASSIGN_OR_RETURN(std::vector<SourceNote> notes, ParseNotesCsv(embedded::kKnownNotes));
  int added = 0;
  JB_RETURN_IF_ERROR(db_.Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(added, repository::InsertNotes(s, &notes, true));
    if (added > 0) {
      orgs::Audit(s, actor, "epidemic.notes_load_known", "epidemic_note", "", "",
                  std::to_string(added));
    }
    return Status::Ok();
  }));
  return added;
}

Result<ValidationReport> EpidemicService::Validate(const std::string& from, const std::string& to,
                                                   bool unexplained_only) {
  JB_RETURN_IF_ERROR(CheckDate(from, "from"));
  JB_RETURN_IF_ERROR(CheckDate(to, "to"));
  std::vector<RegionDay> rows;
  std::vector<Correction> corrections;
  std::vector<Region> regions;
  std::vector<SourceNote> notes;
  ValidationReport report;
  std::string lo = ShiftDate(from, -kRuleLookbackDays);
  // A correction announced up to a month after `to` may apply to its data day.
  std::string corrections_to = to.empty() ? to : ShiftDate(to, kCorrectionLookaheadDays);
  JB_RETURN_IF_ERROR(db_.Read([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(rows, repository::LoadFigures(s, lo, to));
    JB_ASSIGN_OR_RETURN(corrections, repository::LoadCorrections(s, lo, corrections_to));
    JB_ASSIGN_OR_RETURN(regions, repository::LoadRegions(s));
    JB_ASSIGN_OR_RETURN(notes, repository::LoadNotes(s));
    report.followups = repository::LoadFollowupRefs(s, from, to);
    return Status::Ok();
  }));
  FigureIndex index(rows, corrections, regions, notes);
  int64_t from_day = from.empty() ? INT64_MIN / 2 : clock::DaysFromDate(from);
  int64_t to_day = to.empty() ? INT64_MAX / 2 : clock::DaysFromDate(to);
  report.violations = RunRules(index, from_day, to_day);
  report.days = DayStatuses(index, report.violations, from_day, to_day);
  if (unexplained_only) {
    std::erase_if(report.violations, [](const Violation& v) { return v.explained; });
  }
  return report;
}

Result<Series> EpidemicService::GetSeries(const std::string& region, Field field,
                                          const std::string& from, const std::string& to) {
  JB_RETURN_IF_ERROR(CheckDate(from, "from"));
  JB_RETURN_IF_ERROR(CheckDate(to, "to"));
  const bool mainland = region == kMainland;
  JB_ASSIGN_OR_RETURN(std::vector<RegionDay> rows, Load(from, to, mainland ? "" : region));
  Series series{region, region, field, {}};
  if (const Region* r = FindBuiltinRegion(region)) series.name = r->short_name;
  std::map<std::string, SeriesPoint> points;
  std::map<std::string, SeriesPoint> sums;
  for (const RegionDay& row : rows) {
    auto v = row.figures.get(field);
    if (!v) continue;
    if (row.region == region) {
      points[row.date] = {row.date, *v, false};
    } else if (mainland && IsMainlandUnit(row.region) && IsCumulative(field)) {
      SeriesPoint& p = sums[row.date];
      p = {row.date, p.value + *v, true};
    }
  }
  for (auto& [date, p] : sums) points.try_emplace(date, p);
  for (auto& [date, p] : points) series.points.push_back(p);
  return series;
}

Result<std::vector<Series>> EpidemicService::HubeiVsRest(Field field, const std::string& from,
                                                         const std::string& to) {
  JB_ASSIGN_OR_RETURN(Series hubei, GetSeries(std::string(kHubei), field, from, to));
  JB_ASSIGN_OR_RETURN(std::vector<RegionDay> rows, Load(from, to));
  std::map<std::string, int64_t> rest;
  for (const RegionDay& row : rows) {
    if (row.region == kHubei || !IsMainlandUnit(row.region) || !row.figures.has(field)) continue;
    rest[row.date] += *row.figures.get(field);
  }
  Series other{"rest", "湖北以外", field, {}};
  for (const auto& [date, v] : rest) other.points.push_back({date, v, true});
  return std::vector<Series>{std::move(hubei), std::move(other)};
}

Result<std::vector<RegionValue>> EpidemicService::CurrentByProvince(const std::string& date) {
  JB_ASSIGN_OR_RETURN(std::vector<RegionDay> rows, GetDayFigures(date));
  std::vector<RegionValue> out;
  for (const RegionDay& row : rows) {
    if (!IsMainlandUnit(row.region)) continue;
    const FigureSet& f = row.figures;
    std::optional<int64_t> current = f.get(Field::kCurrentConfirmed);
    if (!current && f.has(Field::kCumConfirmed) && f.has(Field::kCumCured) &&
        f.has(Field::kCumDeaths)) {
      current = *f.get(Field::kCumConfirmed) - *f.get(Field::kCumCured) - *f.get(Field::kCumDeaths);
    }
    if (current) out.push_back({*FindBuiltinRegion(row.region), *current});
  }
  std::stable_sort(out.begin(), out.end(), [](const RegionValue& a, const RegionValue& b) {
    return a.value != b.value ? a.value > b.value : a.region.code < b.region.code;
  });
  return out;
}

}  // namespace jianbao::epidemic
