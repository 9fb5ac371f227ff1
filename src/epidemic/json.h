// Copyright 2026 The Jianbao Authors.
//
// JSON in and out of the module. The *ToJson functions give the service's
// results as text, shared by the CLI, the audit log and the HTTP handlers
// (day JSON is in day.h). Read*Input decode the HTTP request bodies into the
// service's inputs, and the *Json functions build the HTTP answers; every
// handler in handlers*.cc is "Read*Input, one service call, *Json".
// All functions are pure: safe to call from any thread.

#ifndef JIANBAO_EPIDEMIC_JSON_H_
#define JIANBAO_EPIDEMIC_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "epidemic/followups.h"
#include "epidemic/service.h"

namespace jianbao::epidemic {

// [{"date","region","rule","expected","actual","message","field","explained"}, ...]
std::string ViolationsToJson(const std::vector<Violation>& violations);
// [{"date","violations","unexplained","verified"}, ...]
std::string DayStatusesToJson(const std::vector<DayStatus>& days);
// [{"id","date","region","field","delta","reason","source"}, ...]
std::string CorrectionsToJson(const std::vector<Correction>& corrections);
// Returns notes as a JSON array of {"id","regions","level","fields","rule",
// "from","to","reason","reference"} (empty scope parts as "" / []).
nlohmann::json NotesJson(const std::vector<SourceNote>& notes);
// {"format","records","rows","changed","skipped","corrections_added"}
std::string ImportReportToJson(const ImportReport& report);
// [{"region","name","field","points":[{"date","value","derived"}]}, ...]
std::string SeriesToJson(const std::vector<Series>& series);
// [{"date","region", <reported fields>}, ...]
std::string RowsToJson(const std::vector<RegionDay>& rows);

// --- HTTP request bodies ----------------------------------------------------
// Each Read*Input parses a request body strictly (http::ParseObject: a JSON
// object with only the listed keys) and returns InvalidArgument naming the
// offending field (keys "required", "wrong_type", "too_long", "out_of_range",
// "unknown_field", "invalid_date", …) or the input.

// Largest file content accepted by POST /api/v1/epidemic/import.
inline constexpr size_t kMaxHttpImportBytes = 8 << 20;

// POST /import: {"content" (required string), "source"?}.
struct ImportInput {
  std::string content;
  std::string source = "upload";  // recorded on each row
};
// Also PayloadTooLarge "import_too_large" when content exceeds kMaxHttpImportBytes.
Result<ImportInput> ReadImportInput(const std::string& body);

// PUT /days/:date/figures/:region: {<field name>: integer or null, …}; null
// or absent = not reported. severe_change may be negative.
Result<FigureSet> ReadFiguresInput(const std::string& body);

// POST /corrections: {"date","region","field","delta","reason","source"?};
// "unknown_field" (field "field") for a name that is no figure field.
Result<Correction> ReadCorrectionInput(const std::string& body);
// Reads a note: {"regions"?: [code…], "level"?, "fields"?: [name…], "rule"?,
// "from"?, "to"?, "reason", "reference"?}. InvalidArgument naming the key
// (unknown_field for a field name that is not one).
Result<SourceNote> ReadNoteInput(const std::string& body);

// POST /narrative: {"date","template","chart"?,"days"?}.
struct NarrativeInput {
  std::string date;
  std::string template_text;  // not blank, at most kMaxTemplateChars bytes
  NarrativeOptions options;
};
inline constexpr size_t kMaxTemplateChars = 64 * 1024;
Result<NarrativeInput> ReadNarrativeInput(const std::string& body);

// --- HTTP answers -------------------------------------------------------------

// {"items":[{"code","name","short_name","level","parent"}]}
nlohmann::json RegionsJson(const std::vector<Region>& regions);
// {"items":[{"name","label","cumulative","signed"}]}: every figure field.
nlohmann::json FieldsJson();
// {"first","last","days"} (null first/last when nothing is stored).
nlohmann::json DateRangeJson(const DateRange& range);
// {"date","items":[{"region","figures"}],"derived":{<region>: figures}}
nlohmann::json DayGridJson(const DayGrid& grid);
// {"date","region","figures"}: the row PUT stored.
nlohmann::json FigureRowJson(const std::string& date, const std::string& region,
                             const FigureSet& figures);
// {"from","to","violations","days"}; each violation also has "followup":
// {"id","state","assignee"} of its follow-up, or null.
nlohmann::json ValidationJson(const std::string& from, const std::string& to,
                              const ValidationReport& report);
// {"id","date","region","rule","field","state","assignee":{"id","name"}|null,
//  "resolved_by":{"kind","id"}|null,"close_reason","created_by","created_at",
//  "version","updated_by","updated_at","events":[…]} (events only when loaded).
nlohmann::json FollowupJson(const Followup& f);
// Reads POST /followups: {"date","region","rule","field","assignee_id"?,"comment"?}.
// Errors: InvalidArgument naming the field (required, wrong_type, unknown_field).
Result<MarkInput> ReadMarkInput(const std::string& body);
// Reads POST /followups/{id}/actions: {"action","assignee_id"?,"text"?,
// "resolved_by"?:{"kind":"correction"|"note","id"},"version"?}. Errors:
// InvalidArgument "invalid_action" (field "action"), "out_of_range" (field
// "resolved_by"), and the generic field errors.
Result<FollowupActionInput> ReadFollowupActionInput(const std::string& body);
// {"date","items":[{"code","name","short_name","value"}]}
nlohmann::json CurrentByProvinceJson(const std::string& date,
                                     const std::vector<RegionValue>& values);
// {"date","template","title","body","text"}
nlohmann::json NarrativeJson(const std::string& date, const std::string& template_name,
                             const Narrative& narrative);
// Adds a rejected import's parts to the error object `*error` of its
// InvalidArgument answer: "message" of an error at a line stays the importer's own text ("line 3,
// column 3 (new_confirmed): …", as docs/epidemic.md shows it, not the
// catalogue's general text), "reason" (the rejection's, else the Status
// message), and when the error is tied to a line "line", "column" (when
// known) from the Status details and "column_name" (when a cell is at fault).
void AddImportRejection(const Status& status, const ImportRejection& why, nlohmann::json* error);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_JSON_H_
