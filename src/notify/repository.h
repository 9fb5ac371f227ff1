// Copyright 2026 The Jianbao Authors.
//
// All SQL of the notify module. Functions run on a session the caller got
// from store::Database::Read/Write, so they join the caller's transaction;
// they throw soci errors, which Database turns into a Status.
//
// Visibility: a reader sees the notifications addressed to them, and those
// addressed to a role they hold in their own organisation. Role names in that
// condition come from the actor's roles filtered through AllRoles() (fixed
// identifiers), so they are written into the SQL as literals; every other
// value is a bound parameter.

#ifndef JIANBAO_NOTIFY_REPOSITORY_H_
#define JIANBAO_NOTIFY_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.h"
#include "notify/notify.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::notify::repo {

// Inserts one row addressed to `user_id` (when non-zero) or to `role` in
// `org_id`; `title` is the stored (Chinese) title, and n.params are stored as
// a JSON object. (notify::Migrations, the tables, is defined in repository.cc.)
void Insert(soci::session& s, int64_t user_id, int64_t org_id, const std::string& role,
            const Notification& n, const std::string& title, const std::string& now);
// Returns how many notifications `a` sees (only unread ones when `unread`).
int64_t Count(soci::session& s, const Actor& a, bool unread);
// Returns a page of what `a` sees, newest first, with read flags; title is the
// stored title and params are parsed from the stored JSON.
std::vector<Notification> List(soci::session& s, const Actor& a, bool unread_only, int offset,
                               int limit);
// Returns true when `a` sees notification `id`.
bool IsVisible(soci::session& s, const Actor& a, int64_t id);
// Marks notification `id` read by `a` (no-op when already read).
void MarkRead(soci::session& s, const Actor& a, int64_t id, const std::string& now);
// Marks every unread notification `a` sees as read.
void MarkAllRead(soci::session& s, const Actor& a, const std::string& now);

}  // namespace jianbao::notify::repo

#endif  // JIANBAO_NOTIFY_REPOSITORY_H_
