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
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/config.h"
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

// Content of a new piece or a change to one; unset fields stay as they are.
struct PieceInput {
  std::optional<std::string> title, body, contact, target_code, note;
  std::optional<std::vector<std::string>> authors, tags;
  int64_t commission_id = 0;  // only on creation
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

struct BulkResult {
  int64_t id = 0;
  Status status;
  std::string state;  // the new state when OK
};

struct Export {
  std::string bytes, content_type, filename;
};

struct NewCommission {
  std::string topic, description, org_code, deadline;
};

class SubmissionService {
 public:
  // REQUIRES: `db` and `orgs` outlive the service; migrations of orgs, notify
  // and submissions applied.
  SubmissionService(store::Database* db, orgs::OrgService* orgs, const Config& config);

  // Replaces the clock (UTC ISO-8601 now) for tests and the demo loader.
  void SetClock(std::function<std::string()> now) { now_ = std::move(now); }

  // Returns the associations the actor may offer a piece to, nearest first.
  Result<std::vector<orgs::Org>> Targets(const Actor& actor);

  // Creates a draft owned by the actor's organisation. Reporters only.
  // Errors: "required" (title), "too_long", "target_not_allowed",
  // "commission_not_found", "commission_closed".
  Result<Piece> Create(const Actor& actor, const PieceInput& in);
  // Returns a visible piece with its allowed actions, history and attachments.
  Result<PieceView> Get(const Actor& actor, int64_t id);
  // Lists visible pieces. `filter`'s scope fields are replaced by the actor's scope.
  Result<PageOf<Piece>> List(const Actor& actor, PieceFilter filter);
  // Changes content; a new version is kept when title or body change.
  // kConflict "invalid_transition" when the state does not allow the actor to edit.
  Result<Piece> Update(const Actor& actor, int64_t id, const PieceInput& in);
  // Applies a workflow action ("submit", "return", …). kInvalidArgument
  // ("reason" required) when the table requires a reason; kPermissionDenied when
  // the action exists in this state for another role; kConflict
  // "invalid_transition" when the state has no such action.
  Result<Piece> Act(const Actor& actor, int64_t id, const std::string& action,
                    const std::string& reason);
  // Applies one action to many pieces, each in its own transaction.
  std::vector<BulkResult> ActMany(const Actor& actor, const std::vector<int64_t>& ids,
                                  const std::string& action, const std::string& reason);

  Result<std::vector<Version>> Versions(const Actor& actor, int64_t id);
  Result<Version> GetVersion(const Actor& actor, int64_t id, int number);
  Result<VersionDiff> Diff(const Actor& actor, int64_t id, int from, int to);

  Result<std::vector<Comment>> Comments(const Actor& actor, int64_t id);
  Result<Comment> AddComment(const Actor& actor, int64_t id, const std::string& body);

  // Stores an attachment on a piece the actor may edit. The type is sniffed from
  // the bytes ("unsupported_type" otherwise); kPayloadTooLarge over the limit.
  Result<Attachment> AddAttachment(const Actor& actor, int64_t id, const std::string& name,
                                   const std::string& bytes);
  Result<Attachment> GetAttachment(const Actor& actor, int64_t id, int64_t attachment_id);
  Status DeleteAttachment(const Actor& actor, int64_t id, int64_t attachment_id);

  // Converts a .docx ("docx") or .txt ("txt") file without storing anything.
  Result<Imported> Convert(const std::string& format, const std::string& bytes) const;
  // Imports a file into a new draft (images become attachments). Stores nothing on error.
  Result<Piece> Import(const Actor& actor, const std::string& format, const std::string& bytes,
                       const PieceInput& meta);

  Result<Commission> CreateCommission(const Actor& actor, const NewCommission& in);
  Result<PageOf<Commission>> ListCommissions(const Actor& actor, const std::string& status,
                                             int offset, int limit);
  Result<Commission> GetCommission(const Actor& actor, int64_t id);
  Result<Commission> CloseCommission(const Actor& actor, int64_t id);

  // Statistics (stats.cc). `period`: "2026", "2026-Q1", "2026-03",
  // "2026-01-05..2026-02-01" or "" for the current year; `target_code` "" for
  // the actor's own association (reporters: the one above them).
  Result<Stats> Statistics(const Actor& actor, const std::string& period,
                           const std::string& target_code);
  // The pieces behind one organisation's row: kind "submitted" or "adopted".
  Result<PageOf<Piece>> StatisticsPieces(const Actor& actor, const std::string& period,
                                         const std::string& target_code,
                                         const std::string& org_code, const std::string& kind,
                                         int offset, int limit);
  // The statistics as "xlsx" or "csv".
  Result<Export> ExportStatistics(const Actor& actor, const std::string& period,
                                  const std::string& target_code, const std::string& format);

  const ImportLimits& import_limits() const { return limits_; }
  size_t max_attachment_bytes() const { return max_attachment_bytes_; }

 private:
  struct Scope;  // the actor's organisation facts (service.cc)
  Result<Scope> LoadScope(const Actor& actor);
  std::vector<std::string> Relations(const Actor& actor, const Scope& scope, const Piece& p) const;
  bool CanSee(const Actor& actor, const Scope& scope, const Piece& p) const;
  Result<Piece> LoadVisible(soci::session& s, const Actor& actor, const Scope& scope, int64_t id);
  void Decorate(const Scope& scope, Piece* p) const;
  Status CheckEdit(const Actor& actor, const Scope& scope, const Piece& p) const;
  Result<Piece> ActOnce(const Actor& actor, const Scope& scope, int64_t id,
                        const std::string& action, const std::string& reason);
  void NotifyFor(soci::session& s, const Scope& scope, const Piece& p, const std::string& kind,
                 const std::string& title);
  Result<Piece> PrepareDraft(const Actor& actor, const Scope& scope, const PieceInput& in);
  Status InsertDraft(soci::session& s, const Actor& actor, const Scope& scope, const PieceInput& in,
                     Piece* p);
  Status ApplyContent(const Scope& scope, const Actor& actor, const PieceInput& in, Piece* p);
  Result<int64_t> ResolveTarget(const Scope& scope, const std::optional<std::string>& code,
                                int64_t fallback);
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
};

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_SERVICE_H_
