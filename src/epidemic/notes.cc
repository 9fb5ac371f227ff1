// Copyright 2026 The Jianbao Authors.

#include "epidemic/notes.h"

#include <sstream>

#include "core/clock.h"
#include "epidemic/csv.h"
#include "epidemic/rules.h"

namespace jianbao::epidemic {

namespace {

constexpr size_t kMaxNoteText = 500;

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool IsRuleName(std::string_view name) {
  for (const auto& r : AllRules()) {
    if (r->name() == name) return true;
  }
  return false;
}

}  // namespace

Status CheckNote(const SourceNote& note) {
  if (!note.level.empty() && !LevelFromName(note.level)) {
    return Status::Invalid("level", "unknown_level", "unknown level \"" + note.level + "\"");
  }
  if (!note.rule.empty() && !IsRuleName(note.rule)) {
    return Status::Invalid("rule", "unknown_rule", "unknown rule \"" + note.rule + "\"");
  }
  for (auto [value, name] : {std::pair{&note.from, "from"}, std::pair{&note.to, "to"}}) {
    if (!value->empty() && !clock::IsValidDate(*value)) {
      return Status::Invalid(name, "bad_date", "not a date YYYY-MM-DD: \"" + *value + "\"");
    }
  }
  if (!note.from.empty() && !note.to.empty() && note.from > note.to) {
    return Status::Invalid("to", "bad_date", "the range ends before it starts");
  }
  if (note.reason.empty()) return Status::Invalid("reason", "empty_reason", "the reason is empty");
  if (note.reason.size() > kMaxNoteText) {
    return Status::Invalid("reason", "too_long", "the reason is too long");
  }
  if (note.reference.size() > kMaxNoteText) {
    return Status::Invalid("reference", "too_long", "the reference is too long");
  }
  return Status::Ok();
}

Result<std::vector<SourceNote>> ParseNotesCsv(std::string_view content) {
  CsvReader reader(content);
  std::vector<std::string> f;
  std::string header;
  if (!reader.Next(&f)) return Status::Invalid("file", "import_empty", "the notes file is empty");
  for (const std::string& h : f) header += (header.empty() ? "" : ",") + h;
  if (header != kNotesHeader) {
    return Status::Invalid("line 1", "import_bad_header",
                           "expected the header \"" + std::string(kNotesHeader) + "\"");
  }
  std::vector<SourceNote> out;
  while (reader.Next(&f)) {
    std::string where = "line " + std::to_string(reader.line());
    if (f.size() != 8)
      return Status::Invalid(where, "import_bad_row", where + ": expected 8 fields");
    SourceNote n;
    n.regions = Words(f[0]);
    n.level = f[1];
    for (const std::string& name : Words(f[2])) {
      auto field = FieldFromName(name);
      if (!field)
        return Status::Invalid(where, "import_bad_row", where + ": unknown field " + name);
      n.fields.push_back(*field);
    }
    n.rule = f[3];
    n.from = f[4];
    n.to = f[5];
    n.reason = f[6];
    n.reference = f[7];
    JB_RETURN_IF_ERROR(CheckNote(n));
    out.push_back(std::move(n));
  }
  if (!reader.error().ok()) return reader.error();
  return out;
}

}  // namespace jianbao::epidemic
