// Copyright 2026 The Jianbao Authors.
//
// All SQL of the bulletins module. Functions run inside the caller's
// Database::Read/Write and throw soci errors (Database turns them into a Status).
// They check nothing but the database's constraints: permissions and
// workflow rules are BulletinService's (service.h).
//
// Thread safety: each call uses only the session it is given; a session is
// used by one thread at a time (store/database.h).

#ifndef JIANBAO_BULLETINS_REPOSITORY_H_
#define JIANBAO_BULLETINS_REPOSITORY_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bulletins/model.h"
#include "bulletins/sources.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::bulletins::repo {

// Returns this module's migrations (module name "bulletins").
std::vector<store::Migration> Migrations();

// Returns every series, oldest first.
std::vector<Series> ListSeries(soci::session& s);
// Returns the series with `code` (or `id`), or nullopt.
std::optional<Series> FindSeries(soci::session& s, const std::string& code);
std::optional<Series> FindSeriesById(soci::session& s, int64_t id);
// Inserts a series created at `now` and returns its id. Throws on a taken code.
int64_t InsertSeries(soci::session& s, const Series& series, const std::string& now);

struct IssueFilter {
  int64_t series_id = 0;                // 0 = any
  int year = 0;                         // 0 = any
  std::vector<IssueState> states;       // empty = any
  bool returned = false;                // only issues whose last 送审/退回/签发 is a 退回
  std::vector<std::string> owner_orgs;  // the reader is staff of series owned by these
  int64_t reader_user_id = 0;           // sees published issues delivered to this user
  bool include_all = false;             // sees everything (system)
  bool with_content = true;             // false: no sections, distribution (only section_count)
  int offset = 0, limit = 20;
};
// Returns the page of issues the filter's reader may see, newest first, and
// the total count of those (permission is part of the query, so totals and
// pages agree). Two statements, whatever the page size.
Page<IssueRecord> ListIssues(soci::session& s, const IssueFilter& f);
// Returns the issue with `id`, or nullopt.
std::optional<IssueRecord> FindIssue(soci::session& s, int64_t id);
// Returns true when (series, year, number) is used by a regular (not supplement) issue.
bool NumberTaken(soci::session& s, int64_t series_id, int year, int number);
// Returns the next number for (series, year, supplement): the lowest number
// above the highest imported (archive) issue that no issue uses, so a
// discarded draft's number is used again.
int NextNumber(soci::session& s, int64_t series_id, int year, bool supplement);
// Returns the issue before `issue` in its series (the highest year and number
// below its own, same supplement flag, not superseded) with only id, year,
// number and date filled in, or nullopt.
std::optional<IssueRecord> PreviousIssue(soci::session& s, const IssueRecord& issue);
// Returns, for each of `piece_ids` used by a piece section of an issue that is
// not superseded, the issues using it (oldest first); unused ids are absent.
std::map<int64_t, std::vector<PieceUse>> PieceUses(soci::session& s,
                                                   const std::vector<int64_t>& piece_ids);
// Returns every piece id a piece section of an issue (not superseded) uses.
std::vector<int64_t> UsedPieceIds(soci::session& s);
// InsertIssue and UpdateIssue call store::NotifyChanged(s, "issue", id) so that
// the search index changes in the same transaction (Publish notifies once more
// after inserting the deliveries, which decide who may read the issue).
// Returns the id of every issue, oldest first (search reindex).
std::vector<int64_t> ListIssueIds(soci::session& s);
// Inserts an issue (its id is ignored) and returns the new id. Throws when
// (series, year, number, supplement, revision) is taken.
int64_t InsertIssue(soci::session& s, const IssueRecord& issue);
// Claims the next content version of issue `id` (store::ClaimVersion):
// errors EditConflict when it no longer has version `expected`.
// REQUIRES: inside Database::Write, before UpdateIssue.
Status ClaimIssueVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                         const std::string& by, const std::string& at);
// Writes the editable content and the workflow fields (not the version).
void UpdateIssue(soci::session& s, const IssueRecord& issue);

// Notes that `login` created or edited the issue (for separation of duties).
void RecordEditor(soci::session& s, int64_t issue_id, const std::string& login);
// Returns true when `login` created or edited the issue.
bool HasEdited(soci::session& s, int64_t issue_id, const std::string& login);

// Appends `c` (its id is ignored) to its issue's thread and returns its id.
int64_t InsertComment(soci::session& s, const IssueComment& c);
// Returns an issue's thread, oldest first.
std::vector<IssueComment> ListComments(soci::session& s, int64_t issue_id);
// Returns the user id of whoever last submitted the issue (送审), or 0.
int64_t LastSubmitter(soci::session& s, int64_t issue_id);
// Deletes a draft and everything kept with it (editors, thread). REQUIRES: the
// issue has no files and no deliveries (it was never published).
void DeleteIssue(soci::session& s, int64_t issue_id);

// Stores a rendered file of an issue (once per format).
void InsertFile(soci::session& s, int64_t issue_id, const FileInfo& info, const std::string& bytes);
// Returns the files of an issue without their bytes.
std::vector<FileInfo> ListFiles(soci::session& s, int64_t issue_id);
// Returns the files of each of `issue_ids` (ids without files are absent), in one statement.
std::map<int64_t, std::vector<FileInfo>> ListFilesOf(soci::session& s,
                                                     const std::vector<int64_t>& issue_ids);
// Returns the file's bytes, or nullopt.
std::optional<std::string> ReadFile(soci::session& s, int64_t issue_id, const std::string& format,
                                    FileInfo* info);

// Records the delivery of an issue to one user (and its e-mail state).
void InsertDelivery(soci::session& s, int64_t issue_id, const Receipt& r);
// Returns every delivery of an issue with its read, acknowledgement and e-mail state.
std::vector<Receipt> ListReceipts(soci::session& s, int64_t issue_id);

// An e-mail copy that was due when read, with the state it was read in.
struct DueMail {
  MailJob job;
  std::string status, next_at;
};
// Returns up to `limit` e-mail copies due at `now`: queued, or stuck in
// "sending" past their lease (the server sending them died).
std::vector<DueMail> ListDueMail(soci::session& s, const std::string& now, int limit);
// Marks `due` "sending" until `lease_until` if it is still in the state it
// was read in, and returns whether it did. A compare-and-set: when several
// servers on one PostgreSQL claim the same copy at once, the later updates
// wait for the first to commit, re-read the row (READ COMMITTED) and match
// nothing, so exactly one caller gets true; on SQLite the one writer
// serialises them.
bool ClaimMail(soci::session& s, const DueMail& due, const std::string& lease_until);
// The error of a copy whose sender stopped after handing it to the SMTP
// server but before recording the answer: it may or may not have arrived.
inline constexpr char kMailInterrupted[] =
    "interrupted after the message was handed to the SMTP server: it may have arrived; "
    "retry to send it again";
// Notes that the copy `job`, leased until `lease_until`, has been handed to
// the SMTP server whole (only the end-of-data mark is left). Returns false
// when the lease is no longer held. A copy so marked is never sent again on
// its own: if its sender dies, FailInterruptedMail marks it failed.
bool MarkMailHandedOver(soci::session& s, const MailJob& job, const std::string& lease_until);
// Marks "failed" (kMailInterrupted) the copies whose lease ran out after they
// were handed over; returns how many.
int FailInterruptedMail(soci::session& s, const std::string& now);
// Claims up to `limit` due copies (FailInterruptedMail, then ListDueMail +
// ClaimMail) and returns them.
std::vector<MailJob> ClaimMailJobs(soci::session& s, const std::string& now,
                                   const std::string& lease_until, int limit);
// Records the outcome of one attempt: status "sent", "queued" (retry at
// `next_at`) or "failed"; counts the attempt unless `counted` is false (a
// send abandoned at shutdown goes back to the queue as it was).
void FinishMailJob(soci::session& s, const MailJob& job, const std::string& status,
                   const std::string& error, const std::string& next_at, const std::string& now,
                   bool counted = true);
// Puts an issue's failed e-mail copies back in the queue; returns how many.
int RequeueFailedMail(soci::session& s, int64_t issue_id, const std::string& now);
// Sets read_at (and acknowledged_at when `ack`) if unset. Returns false when not a recipient.
bool MarkDelivery(soci::session& s, int64_t issue_id, int64_t user_id, bool ack,
                  const std::string& now);
// Returns true when the issue was delivered to the user.
bool IsRecipient(soci::session& s, int64_t issue_id, int64_t user_id);
// Returns a page of the user's deliveries, newest first, and their total.
Page<InboxItem> Inbox(soci::session& s, int64_t user_id, int offset, int limit);
// Returns how many of the user's deliveries are unread.
int64_t UnreadCount(soci::session& s, int64_t user_id);

// Returns the codes of the government organisations `association` (an
// organisation code) has allowed as recipients of its series, sorted.
std::vector<std::string> ListGovernmentRecipients(soci::session& s, const std::string& association);
// Replaces that list with `org_codes`. REQUIRES: no code repeats.
void ReplaceGovernmentRecipients(soci::session& s, const std::string& association,
                                 const std::vector<std::string>& org_codes);

}  // namespace jianbao::bulletins::repo

#endif  // JIANBAO_BULLETINS_REPOSITORY_H_
