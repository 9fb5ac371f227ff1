// Copyright 2026 The Jianbao Authors.
//
// Source notes (来源说明, model.h SourceNote): checking one, and reading the
// notes CSV that data/known_notes.csv is written in:
//
//   regions,level,fields,rule,from,to,reason,reference
//
// `regions` and `fields` are space-separated lists; an empty cell is an
// unbounded part of the scope. docs/epidemic.md describes the scope.

#ifndef JIANBAO_EPIDEMIC_NOTES_H_
#define JIANBAO_EPIDEMIC_NOTES_H_

#include <string_view>
#include <vector>

#include "core/status.h"
#include "epidemic/model.h"

namespace jianbao::epidemic {

// The notes CSV header.
inline constexpr std::string_view kNotesHeader =
    "regions,level,fields,rule,from,to,reason,reference";

// Returns OK when `note` is well formed: a known level and rule (or ""),
// valid dates with from <= to, a non-empty reason of at most 500 bytes and a
// reference of at most 500. Does not check that its regions exist.
// Errors: InvalidArgument "unknown_level", "unknown_rule", "bad_date" (field
// "from"/"to"), "empty_reason", "too_long".
Status CheckNote(const SourceNote& note);

// Parses a notes CSV. Returns InvalidArgument "import_bad_header" or
// "import_bad_row" (message names the line) or CheckNote's errors.
Result<std::vector<SourceNote>> ParseNotesCsv(std::string_view content);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_NOTES_H_
