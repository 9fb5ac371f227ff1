// Copyright 2026 The Jianbao Authors.
//
// All SQL of the submissions module. Functions run on a session the caller
// got from store::Database::Read/Write, so they join the caller's
// transaction; they throw soci errors, which Database turns into a Status.
// Thread safety: a session belongs to one thread; the functions keep no state.
// Files: repository.cc (tables, pieces, versions, events), repository_<use
// case>.cc for comments, attachments, commissions and statistics.
// Organisation names are not joined here (they belong to src/orgs): rows
// carry organisation ids and the service fills in codes and names.

#ifndef JIANBAO_SUBMISSIONS_REPOSITORY_H_
#define JIANBAO_SUBMISSIONS_REPOSITORY_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "submissions/model.h"

namespace soci {
class session;
}

namespace jianbao::submissions::repo {

// Returns this module's migrations (module name "submissions").
std::vector<store::Migration> Migrations();

// Inserts a piece (state, content, owner, target, creator, created_at) and returns its id.
// InsertPiece, UpdateContent and UpdateWorkflow call store::NotifyChanged(s, "piece", id)
// so that the search index changes in the same transaction.
int64_t InsertPiece(soci::session& s, const Piece& p);
// Writes title, body, authors, contact, tags, target, version and updated_at.
void UpdateContent(soci::session& s, const Piece& p);
// Claims the next edit version of piece `id` (store::ClaimVersion): errors
// EditConflict when it no longer has edit version `expected`.
// REQUIRES: inside Database::Write, before UpdateContent.
Status ClaimEditVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                        const std::string& by, const std::string& at);
// Writes state, the workflow timestamps, return_reason and updated_at.
void UpdateWorkflow(soci::session& s, const Piece& p);
// Returns the id of every piece, oldest first (search reindex).
std::vector<int64_t> ListPieceIds(soci::session& s);
// Returns the code of organisation `org_id`, or "" (search documents).
std::string OrgCode(soci::session& s, int64_t org_id);
// Returns the piece with its body, or nullopt.
std::optional<Piece> FindPiece(soci::session& s, int64_t id);
// Returns a page of pieces (bodies left empty), newest change first.
Page<Piece> ListPieces(soci::session& s, const PieceFilter& f);

// Inserts version `v.number` of piece `v.piece_id`; an `open` version is one
// its author's autosaves keep rewriting until it is closed.
void InsertVersion(soci::session& s, const Version& v, bool open = false);
// Returns true when version `number` of the piece is open and by `author_id`.
bool IsOpenVersion(soci::session& s, int64_t piece_id, int number, int64_t author_id);
// Replaces the title, body and time of version `v.number` (an open version, autosaved again).
void RewriteVersion(soci::session& s, const Version& v);
// Closes the piece's open version: later changes make a new version. Called
// on a save the user asks for and on every workflow action.
void CloseVersions(soci::session& s, int64_t piece_id);
// Replaces the body of a version (used once, when import links images into version 1).
void UpdateVersionBody(soci::session& s, int64_t piece_id, int number, const std::string& body);
// Returns the versions without bodies, oldest first.
std::vector<Version> ListVersions(soci::session& s, int64_t piece_id);
// Returns one version with its body, or nullopt.
std::optional<Version> FindVersion(soci::session& s, int64_t piece_id, int number);

// Appends a workflow event to a piece's history.
void InsertEvent(soci::session& s, const Event& e);
// Returns a piece's history, oldest first.
std::vector<Event> ListEvents(soci::session& s, int64_t piece_id);

// Inserts a comment (repository_comments.cc) and returns its id.
int64_t InsertComment(soci::session& s, const Comment& c);
// Returns the comments on a piece, oldest first.
std::vector<Comment> ListComments(soci::session& s, int64_t piece_id);

// Attachments (repository_attachments.cc).
// Stores the bytes (base64 in a TEXT column, which both engines bind alike) and returns the id.
int64_t InsertAttachment(soci::session& s, const Attachment& a, int64_t user_id,
                         const std::string& now);
// Returns the attachments of a piece without their bytes.
std::vector<Attachment> ListAttachments(soci::session& s, int64_t piece_id);
// Returns one attachment with its bytes.
std::optional<Attachment> FindAttachment(soci::session& s, int64_t piece_id, int64_t id);
// Deletes one attachment of a piece (no-op when absent).
void DeleteAttachment(soci::session& s, int64_t piece_id, int64_t id);

// Inserts a commission (repository_commissions.cc) and returns its id.
int64_t InsertCommission(soci::session& s, const Commission& c);
// Sets a commission's status ("open" or "closed").
void UpdateCommissionStatus(soci::session& s, int64_t id, const std::string& status);
// Returns a commission with its answer count and first answer, or nullopt.
std::optional<Commission> FindCommission(soci::session& s, int64_t id);
// Returns commissions asked by any of `requester_ids` or of any of `org_ids`
// (either list may be empty = no such condition, both empty = all), newest first.
Page<Commission> ListCommissions(soci::session& s, const std::vector<int64_t>& requester_ids,
                                 const std::vector<int64_t>& org_ids, const std::string& status,
                                 int offset, int limit);

// Statistics facts (repository_stats.cc).
struct PieceCounts {
  int64_t submitted = 0, adopted = 0;
};
struct CommissionCounts {
  int64_t commissioned = 0, on_time = 0, late = 0;
};
// Pieces to `target` first submitted in [from_utc, to_utc), by owner organisation.
std::map<int64_t, PieceCounts> CountPieces(soci::session& s, int64_t target,
                                           const std::string& from_utc, const std::string& to_utc);
// Commissions asked by `target` with a deadline in [from, to] (dates), by organisation asked.
std::map<int64_t, CommissionCounts> CountCommissions(soci::session& s, int64_t target,
                                                     const std::string& from,
                                                     const std::string& to);
// The pieces behind a statistics cell: `kind` "submitted" or "adopted".
Page<Piece> StatsPieces(soci::session& s, int64_t target, int64_t owner,
                        const std::string& from_utc, const std::string& to_utc,
                        const std::string& kind, int offset, int limit);

}  // namespace jianbao::submissions::repo

#endif  // JIANBAO_SUBMISSIONS_REPOSITORY_H_
