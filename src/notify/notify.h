// Copyright 2026 The Jianbao Authors.
//
// In-app notifications with an unread count, for every module. A module
// calls Send() inside its own transaction, so a notification exists exactly
// when the state change that caused it was committed. A notification goes to
// one user, or to everyone with a role in some organisations (then each
// reader marks it read for themselves).

#ifndef JIANBAO_NOTIFY_NOTIFY_H_
#define JIANBAO_NOTIFY_NOTIFY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/status.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::notify {

struct Notification {
  int64_t id = 0;
  std::string kind;   // "submission.returned", …: the UI picks an icon and a route by it
  std::string title;  // a short sentence in Chinese, ready to show
  std::string body;
  std::string entity;     // "submission"
  std::string entity_id;  // "42"
  std::string created_at;
  bool read = false;
};

// Who receives a notification: `user_id`, or (when 0) every user with `role`
// (any role when "") in one of `org_ids`.
struct Audience {
  int64_t user_id = 0;
  std::vector<int64_t> org_ids;
  std::string role;
};

struct Page {
  std::vector<Notification> items;
  int64_t total = 0;
  int64_t unread = 0;
};

// Returns this module's migrations (module name "notify").
std::vector<store::Migration> Migrations();

// Stores a notification inside the caller's transaction. Throws soci errors.
void Send(soci::session& s, const Audience& to, const Notification& n);

class NotifyService {
 public:
  // REQUIRES: `db` outlives the service and has this module's migrations applied.
  explicit NotifyService(store::Database* db) : db_(db) {}

  // Returns the actor's notifications, newest first, with the unread count.
  Result<Page> List(const Actor& actor, bool unread_only, int offset, int limit);
  // Returns the number of unread notifications.
  Result<int64_t> UnreadCount(const Actor& actor);
  // Marks one notification read. kNotFound "notification_not_found" when the
  // actor cannot see it. Marking twice is fine.
  Status MarkRead(const Actor& actor, int64_t id);
  // Marks everything the actor can see as read.
  Status MarkAllRead(const Actor& actor);

 private:
  store::Database* db_;
};

}  // namespace jianbao::notify

#endif  // JIANBAO_NOTIFY_NOTIFY_H_
