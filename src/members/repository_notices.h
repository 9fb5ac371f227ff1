// Copyright 2026 The Jianbao Authors.
//
// All SQL of the notices (通知) and recipient groups: tables notices,
// notice_recipients, notice_groups, notice_group_orgs (migration "members" 10).
// Every function runs in the caller's transaction and throws soci errors.

#ifndef JIANBAO_MEMBERS_REPOSITORY_NOTICES_H_
#define JIANBAO_MEMBERS_REPOSITORY_NOTICES_H_

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "members/notices.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::members::repo {

// The notices' migrations (version 10 on).
std::vector<store::Migration> NoticeMigrations();

// A stored notice with the ids the service checks.
struct NoticeRow {
  Notice notice;
  int64_t org_id = 0;  // the sending association
};

int64_t InsertNotice(soci::session& s, const Notice& n, int64_t org_id, int64_t author_id,
                     const std::string& now);
// Writes title, kind, body and the next version. Returns false when `version`
// is given and is not the stored one.
bool UpdateNotice(soci::session& s, const Notice& n, std::optional<int64_t> version,
                  const std::string& now);
void MarkNoticeSent(soci::session& s, int64_t id, const std::string& now);
// Replaces the recipient organisations, in order.
void SetNoticeRecipients(soci::session& s, int64_t id, const std::vector<int64_t>& org_ids);
std::optional<NoticeRow> FindNotice(soci::session& s, int64_t id);
// Returns the recipient organisations of a notice (id, code, name), in order.
std::vector<receipts::RecipientOrg> NoticeRecipients(soci::session& s, int64_t id);
// Lists notices of association `org_id` (when > 0) and the sent ones
// addressed to organisation `recipient_org_id` (when > 0); newest first.
Page<NoticeRow> ListNotices(soci::session& s, int64_t org_id, int64_t recipient_org_id,
                            const NoticeFilter& f, int offset, int limit);

std::vector<RecipientGroup> ListGroups(soci::session& s, int64_t org_id);
// Returns the group and its owning association's id.
std::optional<std::pair<RecipientGroup, int64_t>> FindGroup(soci::session& s, int64_t id);
bool GroupNameTaken(soci::session& s, int64_t org_id, const std::string& name);
int64_t InsertGroup(soci::session& s, int64_t org_id, const std::string& name,
                    const std::vector<int64_t>& orgs, const std::string& now);
void DeleteGroup(soci::session& s, int64_t id);

// Returns the id of every notice (the search's reindex).
std::vector<int64_t> ListNoticeIds(soci::session& s);

}  // namespace jianbao::members::repo

#endif  // JIANBAO_MEMBERS_REPOSITORY_NOTICES_H_
