// Copyright 2026 The Jianbao Authors.
//
// SubmissionService: pieces and their workflow, versions and diff, comments,
// attachments, import, commissioning (约稿) and adoption statistics. Every
// permission is checked here against the workflow table (workflow.h) and the
// organisation tree:
//  - a reporter acts on the pieces of their own organisation (drafts included);
//  - an editor acts on the pieces offered to their association (the nearest
//    national or provincial organisation at or above the editor's own, so an
//    editor of 中国通信企业协会秘书处 works for 中国通信企业协会), never on drafts;
//  - the system actor (CLI, demo loader) may do anything.
// A piece the actor may not see is reported as not found. Every state change
// is written to the audit log and causes notifications, in the same transaction.

#ifndef JIANBAO_SUBMISSIONS_SERVICE_H_
#define JIANBAO_SUBMISSIONS_SERVICE_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/actor.h"
#include "core/config.h"
#include "core/messages.h"
#include "core/page.h"
#include "core/status.h"
#include "orgs/service.h"
#include "store/database.h"
#include "submissions/diff.h"
#include "submissions/import.h"
#include "submissions/model.h"
#include "submissions/workflow.h"

namespace soci {
class session;
}

namespace jianbao::submissions {

// Returns this module's message catalogue: the Chinese and English texts of
// every Status key it returns (messages.cc; cli/wiring.cc adds it at start-up,
// messages_test.cc checks it is complete). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Content of a new piece or a change to one; unset fields stay as they are.
struct PieceInput {
  std::optional<std::string> title, body, contact, target_code, note;
  std::optional<std::vector<std::string>> authors, tags;
  int64_t commission_id = 0;            // only on creation
  std::optional<int64_t> edit_version;  // the edit version edited (If-Match); nullopt: any
  // An autosave: the text goes into the author's open version when the
  // latest version is one, instead of a new version (the history keeps one
  // version per editing session, not one per few seconds of typing).
  bool autosave = false;
};

// A list request as the client states it (GET /api/v1/submissions): the
// service checks and converts it into a PieceFilter.
struct PieceQuery {
  std::string states;    // comma-separated state names, "" = any
  std::string org_code;  // owning organisation, "" = any
  std::string text;      // title contains
  std::string from, to;  // Asia/Shanghai dates "YYYY-MM-DD" of updated_at, inclusive
  int64_t commission_id = 0;
  bool unused = false;  // only pieces no bulletin issue uses (未编入)
  PageRequest page;
};

// How the service learns which bulletin issues use which pieces, without
// depending on the bulletins module (cli/wiring.cc sets it).
struct PieceUsage {
  // The issues using each of the given pieces (absent: unused).
  std::function<Result<std::map<int64_t, std::vector<PieceUse>>>(const std::vector<int64_t>&)> uses;
  // Every piece some issue uses.
  std::function<Result<std::vector<int64_t>>()> used_ids;
};

// A piece with what the actor may do with it.
struct PieceView {
  Piece piece;
  std::vector<std::string> actions;  // allowed workflow actions, "edit" included
  std::vector<Event> events;
  std::vector<Attachment> attachments;
};

struct VersionDiff {
  Version from, to;
  std::vector<DiffLine> lines;
};

// The outcome of one piece of a bulk action.
struct BulkResult {
  int64_t id = 0;
  Status status;
  std::string state;  // the new state when OK
};

// At most this many pieces in one bulk action.
inline constexpr size_t kMaxBulkIds = 100;

// A file ready to download.
struct Export {
  std::string bytes, content_type, filename;
};

struct NewCommission {
  std::string topic, description, org_code, deadline;
};

// A commission with the pieces that answer it (at most 100, newest change first).
struct CommissionView {
  Commission commission;
  std::vector<Piece> pieces;
};

// Thread safety: a SubmissionService may be called from several threads at
// once (the server runs 8 handler threads); it keeps no per-request state and
// every call runs in its own store::Database transaction. SetClock is the
// exception: call it before the service is shared.
//
// Errors common to every method taking an Actor: whatever orgs::ListOrgs
// returns while loading the actor's scope, and store errors (kUnavailable …).
// A piece the actor may not see is kNotFound "submission_not_found".
class SubmissionService {
 public:
  // Adds this module's message catalogue (messages.h), which holds the
  // notification titles it sends. REQUIRES: `db` and `orgs` outlive the
  // service; migrations of orgs, notify and submissions applied; constructed
  // during start-up (messages::Add is not thread-safe).
  SubmissionService(store::Database* db, orgs::OrgService* orgs, const Config& config);

  // Replaces the clock (UTC ISO-8601 now) for tests and the demo loader.
  // REQUIRES: called before the service is used from several threads.
  void SetClock(std::function<std::string()> now) { now_ = std::move(now); }
  // Lets List and Get say which bulletin issues use a piece (used_in) and
  // List leave out used pieces (PieceQuery::unused). REQUIRES: during start-up.
  void SetPieceUsage(PieceUsage usage) { usage_ = std::move(usage); }

  // Returns the associations the actor may offer a piece to, nearest first.
  Result<std::vector<orgs::Org>> Targets(const Actor& actor);

  // Search visibility, the rule of List() as reader keys (search/document.h):
  // a piece is read by "reporter:OWNER_ORG" and, once it is no longer a
  // draft, "editor:TARGET_ORG"; an actor holds "reporter:ORG" with the
  // reporter role and "editor:ASSOCIATION" as an editor of an association
  // (the system actor every piece). Errors: as LoadScope.
  static std::vector<std::string> SearchReadersOf(const Piece& p);
  Result<std::vector<std::string>> SearchReaders(const Actor& actor);

  // Creates a draft owned by the actor's organisation (authors: the actor's name unless
  // given; imports likewise). Reporters only.
  // Errors: kInvalidArgument "required" (title, checked first), "too_long",
  // "invalid_utf8", "too_many" (authors, tags), "target_not_allowed",
  // "commission_not_found"; kConflict "commission_closed"; kPermissionDenied
  // for anybody but a reporter.
  Result<Piece> Create(const Actor& actor, const PieceInput& in);
  // Returns a visible piece with its allowed actions, history and attachments.
  Result<PieceView> Get(const Actor& actor, int64_t id);
  // Lists visible pieces. `filter`'s scope fields are replaced by the actor's scope.
  Result<Page<Piece>> List(const Actor& actor, PieceFilter filter);
  // Lists visible pieces as asked by a client: checks the query and converts
  // its Shanghai days into a UTC range [start of `from`, end of `to`).
  // Errors: kInvalidArgument "invalid_state" (field "state"), "invalid_date"
  // (field "from" or "to").
  Result<Page<Piece>> List(const Actor& actor, const PieceQuery& query);
  // Changes content; a new version is kept when title or body change.
  // Errors: as Create, and kConflict "invalid_transition" when the state does
  // not allow the actor to edit; "target_not_allowed" when the target changes
  // on a commissioned piece or after the draft.
  Result<Piece> Update(const Actor& actor, int64_t id, const PieceInput& in);
  // Applies a workflow action ("submit", "return", …). kInvalidArgument
  // "invalid_action" for an unknown action, "required" (field "reason") when
  // the table requires a reason, "too_long" (reason over 2000 characters);
  // kPermissionDenied when the action exists in this state for another role;
  // kConflict "invalid_transition" when the state has no such action.
  Result<Piece> Act(const Actor& actor, int64_t id, const std::string& action,
                    const std::string& reason);
  // Applies one action to many pieces, each in its own transaction; one result
  // per id, in order. Errors (for the whole call): kInvalidArgument "required"
  // when `ids` is empty, "too_many" over kMaxBulkIds.
  Result<std::vector<BulkResult>> ActMany(const Actor& actor, const std::vector<int64_t>& ids,
                                          const std::string& action, const std::string& reason);

  // Returns the versions of a visible piece without bodies, oldest first.
  Result<std::vector<Version>> Versions(const Actor& actor, int64_t id);
  // Returns one version with its body; kNotFound "version_not_found".
  Result<Version> GetVersion(const Actor& actor, int64_t id, int number);
  // Returns the line diff of two versions; kNotFound "version_not_found".
  Result<VersionDiff> Diff(const Actor& actor, int64_t id, int from, int to);

  // Returns the comments on a visible piece, oldest first.
  Result<std::vector<Comment>> Comments(const Actor& actor, int64_t id);
  // Adds a comment anybody who sees the piece may write, and notifies the
  // other side (the reporter, or the editors once the piece was submitted).
  // kInvalidArgument "required" / "too_long" (body, 5000 characters).
  Result<Comment> AddComment(const Actor& actor, int64_t id, const std::string& body);

  // Stores an attachment on a piece the actor may edit. The type is sniffed from
  // the bytes ("unsupported_type" otherwise); kPayloadTooLarge over the limit;
  // image_size errors for images too large to show; kConflict
  // "invalid_transition" when the actor may not edit the piece.
  Result<Attachment> AddAttachment(const Actor& actor, int64_t id, const std::string& name,
                                   const std::string& bytes);
  // Returns an attachment with its bytes; kNotFound "attachment_not_found".
  Result<Attachment> GetAttachment(const Actor& actor, int64_t id, int64_t attachment_id);
  // Deletes an attachment of a piece the actor may edit; errors as the two above.
  Status DeleteAttachment(const Actor& actor, int64_t id, int64_t attachment_id);

  // Converts a .docx ("docx") or .txt ("txt") file without storing anything.
  // kInvalidArgument "invalid_format", and the import errors of import.h.
  Result<Imported> Convert(const std::string& format, const std::string& bytes) const;
  // Imports a file into a new draft (images become attachments). Stores
  // nothing on error. Errors: as Convert and Create.
  Result<Piece> Import(const Actor& actor, const std::string& format, const std::string& bytes,
                       const PieceInput& meta);

  // Asks an organisation below the actor's association for a piece by
  // `deadline` and notifies its reporters. Editors only (kPermissionDenied).
  // kInvalidArgument "required" / "too_long" (topic, description),
  // "invalid_date", "deadline_past", "org_not_found", "outside_scope".
  Result<Commission> CreateCommission(const Actor& actor, const NewCommission& in);
  // Lists the commissions the actor asked for (editors) or was asked (reporters),
  // newest first. `status` is "", "open" or "closed" (kInvalidArgument
  // "invalid_state" otherwise).
  Result<Page<Commission>> ListCommissions(const Actor& actor, const std::string& status,
                                           int offset, int limit);
  // Returns a commission the actor asked for or was asked; kNotFound
  // "commission_not_found" otherwise.
  Result<Commission> GetCommission(const Actor& actor, int64_t id);
  // Returns a commission with the visible pieces that answer it (at most 100).
  Result<CommissionView> ShowCommission(const Actor& actor, int64_t id);
  // Closes a commission; only its requesting editors (kPermissionDenied);
  // kConflict "commission_closed" when already closed.
  Result<Commission> CloseCommission(const Actor& actor, int64_t id);

  // Statistics (service_stats.cc). `period`: "2026", "2026-Q1", "2026-03",
  // "2026-01-05..2026-02-01" or "" for the current year; `target_code` "" for
  // the actor's own association (reporters: the one above them).
  // kInvalidArgument "invalid_period"; kPermissionDenied for anybody who is
  // neither staff of the association nor a reporter below it.
  Result<Stats> Statistics(const Actor& actor, const std::string& period,
                           const std::string& target_code);
  // The pieces behind one organisation's row: kind "submitted" or "adopted".
  Result<Page<Piece>> StatisticsPieces(const Actor& actor, const std::string& period,
                                       const std::string& target_code, const std::string& org_code,
                                       const std::string& kind, int offset, int limit);
  // The statistics as "xlsx" or "csv" (kInvalidArgument "invalid_format"
  // otherwise), titles and column labels in `lang` ("en", else Chinese).
  Result<Export> ExportStatistics(const Actor& actor, const std::string& period,
                                  const std::string& target_code, const std::string& format,
                                  const std::string& lang = "zh");

  // The configured limits: of an imported file (submissions.max_import_mb) and
  // of one attachment (submissions.max_attachment_mb).
  const ImportLimits& import_limits() const { return limits_; }
  size_t max_attachment_bytes() const { return max_attachment_bytes_; }

 private:
  // The helpers below are shared by the service_<use case>.cc files.
  struct Scope;  // the actor's organisation facts (service.cc)
  // Loads the organisations the actor may see and their place in the tree.
  Result<Scope> LoadScope(const Actor& actor);
  // The actor's relations to `p` in workflow-table terms: "reporter", "editor".
  std::vector<std::string> Relations(const Actor& actor, const Scope& scope, const Piece& p) const;
  // Whether `p` is visible (editors never see drafts).
  bool CanSee(const Actor& actor, const Scope& scope, const Piece& p) const;
  // Loads a visible piece, with organisation names, or "submission_not_found".
  Result<Piece> LoadVisible(soci::session& s, const Actor& actor, const Scope& scope, int64_t id);
  // Fills in organisation codes and names.
  void Decorate(const Scope& scope, Piece* p) const;
  // kConflict "invalid_transition" unless the table lets the actor edit `p` now.
  Status CheckEdit(const Actor& actor, const Scope& scope, const Piece& p) const;
  // Act for an already loaded scope (service_workflow_actions.cc).
  Result<Piece> ActOnce(const Actor& actor, const Scope& scope, int64_t id,
                        const std::string& action, const std::string& reason);
  // Sends notification `kind` about `p` (title text key "notification." +
  // `kind`, with `params` filled in) to the reporter or to the editors.
  void NotifyFor(soci::session& s, const Scope& scope, const Piece& p, const std::string& kind,
                 const std::map<std::string, std::string>& params = {});
  // Checks and fills in a new draft (no SQL), then inserts it with version 1
  // and its audit row inside the caller's transaction (service_pieces.cc).
  Result<Piece> PrepareDraft(const Actor& actor, const Scope& scope, const PieceInput& in);
  Status InsertDraft(soci::session& s, const Actor& actor, const Scope& scope, const PieceInput& in,
                     Piece* p);
  // Checks and applies content fields to `p`; resolves the target association.
  Status ApplyContent(const Scope& scope, const Actor& actor, const PieceInput& in, Piece* p);
  Result<int64_t> ResolveTarget(const Scope& scope, const std::optional<std::string>& code,
                                int64_t fallback);
  // Parses a statistics period (service_stats.cc); "invalid_period".
  Result<Period> ParsePeriod(const std::string& text) const;
  // The association whose statistics are asked for, and whether the actor is
  // its staff (else a reporter below it); kPermissionDenied for anybody else.
  struct StatsAccess {
    int64_t target = 0;
    bool staff = false;
  };
  Result<StatsAccess> StatsTarget(const Actor& actor, const Scope& scope, const std::string& code);

  store::Database* db_;
  orgs::OrgService* orgs_;
  ImportLimits limits_;
  size_t max_attachment_bytes_;
  std::function<std::string()> now_;
  PieceUsage usage_;
  // Fills in used_in of `pieces` when a PieceUsage is set (errors ignored:
  // the marks are a convenience, the list is still right without them).
  void FillUsage(std::vector<Piece*> pieces) const;
  // A user's display name and unit (short name, else name) by id, looked up
  // once per id in `cache`; {"", ""} when the user cannot be read (best
  // effort: the login is still shown).
  using Person = std::pair<std::string, std::string>;
  Person NameOf(int64_t user_id, std::map<int64_t, Person>* cache) const;
};

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_SERVICE_H_
