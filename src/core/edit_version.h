// Copyright 2026 The Jianbao Authors.
//
// Optimistic concurrency for editable records (docs/api.md "Versions and
// If-Match"). Every editable row carries an integer `version` (1 when
// created, +1 on every stored change) and who saved it last and when. A
// client sends back the version it edited; a service compares it with the
// row's version read inside its write transaction, and the repository's
// UPDATE repeats the comparison in its WHERE clause (compare-and-set), so of
// two racing writers exactly one wins on SQLite and on PostgreSQL alike.

#ifndef JIANBAO_CORE_EDIT_VERSION_H_
#define JIANBAO_CORE_EDIT_VERSION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.h"
#include "core/status.h"

namespace jianbao {

// The version stamp of a stored record.
struct EditStamp {
  int64_t version = 1;
  std::string by;  // display name (or login) of who saved it last; "" if never edited
  std::string at;  // UTC ISO-8601 of that save; "" if never edited
};

// Returns the kPreconditionFailed status "edit_conflict" naming who saved
// `current` and when: details {"version": n, "by": name, "at": iso,
// "time": "HH:MM" in Asia/Shanghai}.
Status EditConflict(const EditStamp& current);

// Returns OK when `expected` is empty (the client sent no version: the write
// is accepted as before) or equals current.version; else EditConflict(current).
Status CheckVersion(const std::optional<int64_t>& expected, const EditStamp& current);

// Returns the name a save is recorded under: the actor's display name, or
// the login when it has none.
inline std::string EditorName(const Actor& actor) {
  return actor.name.empty() ? actor.login : actor.name;
}

// Returns "HH:MM" in Asia/Shanghai for a UTC ISO-8601 timestamp
// ("2026-03-02T02:42:00Z" → "10:42"), or "" when `iso` is malformed.
std::string ShanghaiClockTime(const std::string& iso);

}  // namespace jianbao

#endif  // JIANBAO_CORE_EDIT_VERSION_H_
