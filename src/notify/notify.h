// Copyright 2026 The Jianbao Authors.
//
// In-app notifications with an unread count, for every module. A module
// calls Send() inside its own transaction, so a notification exists exactly
// when the state change that caused it was committed. A notification goes to
// one user, or to everyone with a role in some organisations (then each
// reader marks it read for themselves).
//
// Texts: a notification is stored with its kind, the message key of its
// title and the title's parameters ("reason", "topic", …); its title is
// rendered in the reader's language when listed. The sending module owns the
// title texts: they live in its own message catalogue (for example
// "notification.submission.returned" in submissions/messages.cc), which
// cli/wiring.cc adds at start-up. Notifications stored before texts had keys
// (no title key) are listed with their stored Chinese title.

#ifndef JIANBAO_NOTIFY_NOTIFY_H_
#define JIANBAO_NOTIFY_NOTIFY_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/status.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::notify {

struct Notification {
  int64_t id = 0;
  std::string kind;       // "submission.returned", …: the UI picks an icon and a route by it
  std::string title_key;  // message key of the title ("" = `title` is the text as stored)
  std::map<std::string, std::string> params;  // values of the title's {placeholders}
  std::string title;      // Send: ignored; List: the title in the reader's language
  std::string body;       // shown as is (a piece's title, a commission's description)
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

// One page of a reader's notifications and their unread count.
struct Inbox : Page<Notification> {
  int64_t unread = 0;
};

// Returns this module's migrations (module name "notify").
std::vector<store::Migration> Migrations();

// Returns the title of `n` in `lang` ("en", else Chinese): its title_key's
// text with its params filled in, or n.title when it has no key or the key is
// in no added catalogue. Thread safety: callable from any thread.
std::string RenderTitle(const Notification& n, const std::string& lang);

// Stores a notification inside the caller's transaction, with its title
// rendered in Chinese as well (for readers of the raw table). Throws soci
// errors. REQUIRES: `s` is a session from store::Database::Write.
void Send(soci::session& s, const Audience& to, const Notification& n);

// Thread safety: callable from several threads at once; every call runs in its
// own store::Database transaction.
class NotifyService {
 public:
  // REQUIRES: `db` outlives the service and has this module's migrations applied.
  explicit NotifyService(store::Database* db) : db_(db) {}

  // Returns the actor's notifications, newest first, with the unread count;
  // titles in `lang` (see RenderTitle). Errors: store errors.
  Result<Inbox> List(const Actor& actor, bool unread_only, int offset, int limit,
                     const std::string& lang = "zh");
  // Returns the number of unread notifications. Errors: store errors.
  Result<int64_t> UnreadCount(const Actor& actor);
  // Marks one notification read. kNotFound "notification_not_found" when the
  // actor cannot see it. Marking twice is fine.
  Status MarkRead(const Actor& actor, int64_t id);
  // Marks everything the actor can see as read. Errors: store errors.
  Status MarkAllRead(const Actor& actor);

 private:
  store::Database* db_;
};

}  // namespace jianbao::notify

#endif  // JIANBAO_NOTIFY_NOTIFY_H_
