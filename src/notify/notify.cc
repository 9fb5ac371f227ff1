// Copyright 2026 The Jianbao Authors.

#include "notify/notify.h"

#include "core/clock.h"
#include "core/messages.h"
#include "notify/repository.h"

namespace jianbao::notify {

std::string RenderTitle(const Notification& n, const std::string& lang) {
  if (n.title_key.empty() || !messages::Find(n.title_key)) return n.title;
  return messages::Format(messages::Text(n.title_key, lang), n.params);
}

void Send(soci::session& s, const Audience& to, const Notification& n) {
  const std::string now = clock::NowIso();
  const std::string title = RenderTitle(n, "zh");
  if (to.user_id) {
    repo::Insert(s, to.user_id, 0, to.role, n, title, now);
    return;
  }
  for (int64_t org : to.org_ids) repo::Insert(s, 0, org, to.role, n, title, now);
}

Result<Inbox> NotifyService::List(const Actor& a, bool unread_only, int offset, int limit,
                                  const std::string& lang) {
  Inbox inbox;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    inbox.total = repo::Count(s, a, unread_only);
    inbox.unread = unread_only ? inbox.total : repo::Count(s, a, true);
    inbox.items = repo::List(s, a, unread_only, offset, limit);
    return Status::Ok();
  }));
  for (Notification& n : inbox.items) n.title = RenderTitle(n, lang);
  return inbox;
}

Result<int64_t> NotifyService::UnreadCount(const Actor& a) {
  int64_t n = 0;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    n = repo::Count(s, a, true);
    return Status::Ok();
  }));
  return n;
}

Status NotifyService::MarkRead(const Actor& a, int64_t id) {
  return db_->Write([&](soci::session& s) {
    if (!repo::IsVisible(s, a, id)) {
      return Status::NotFound("notification_not_found", "no such notification");
    }
    repo::MarkRead(s, a, id, clock::NowIso());
    return Status::Ok();
  });
}

Status NotifyService::MarkAllRead(const Actor& a) {
  return db_->Write([&](soci::session& s) {
    repo::MarkAllRead(s, a, clock::NowIso());
    return Status::Ok();
  });
}

}  // namespace jianbao::notify
