// Copyright 2026 The Jianbao Authors.
//
// BulletinService: series and numbered issues, composition, sign-off (签发),
// immutable publication, delivery with read and acknowledgement receipts,
// corrections as new revisions, the archive, and legacy import.
//
// Who may do what (checked here):
//   staff of a series = users of its owning organisation or of an
//   organisation above it;
//   create series: admin or editor staff; compose and publish: editor staff;
//   approve: approver staff; read a published issue: staff, recipients, and
//   anyone for a public series; receipts: staff.

#ifndef JIANBAO_BULLETINS_SERVICE_H_
#define JIANBAO_BULLETINS_SERVICE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bulletins/legacy.h"
#include "bulletins/mailer.h"
#include "bulletins/model.h"
#include "bulletins/render_gate.h"
#include "bulletins/sources.h"
#include "core/actor.h"
#include "orgs/service.h"
#include "store/database.h"
#include "typeset/typeset.h"

namespace jianbao::bulletins {

struct IssueView {
  IssueRecord issue;
  Series series;
  std::vector<FileInfo> files;
};

struct IssuePage {
  std::vector<IssueView> items;
  int64_t total = 0;
};

struct Preview {
  std::vector<std::string> png_pages;  // PNG bytes
  std::vector<int> section_pages;
};

struct ImportResult {
  IssueView view;
  std::vector<std::string> recognised, problems;
};

class BulletinService {
 public:
  // REQUIRES: every pointer outlives the service; `sources` may be null
  // (then pieces and data sections are unavailable). Previews, publications
  // and imports typeset through a RenderGate with `render_limits`: beyond
  // them they answer kTooManyRequests "render_busy" (render_gate.h).
  BulletinService(store::Database* db, orgs::OrgService* orgs, typeset::Typesetter* typesetter,
                  SectionSources* sources, RenderGate::Limits render_limits = {});

  // Turns on e-mail copies: publishing queues one for every recipient with
  // an address and wakes `mailer`. Null (the default) = no e-mail.
  void SetMailer(Mailer* mailer) { mailer_ = mailer; }
  bool mail_enabled() const { return mailer_ != nullptr; }

  Result<std::vector<Series>> ListSeries(const Actor& actor);
  Result<Series> CreateSeries(const Actor& actor, Series series);

  // Lists issues the actor may see (drafts only of series they staff).
  Result<IssuePage> ListIssues(const Actor& actor, const std::string& series_code, int year,
                               const std::string& status, int offset, int limit);
  Result<IssueView> GetIssue(const std::optional<Actor>& actor, int64_t id);
  // Creates a draft with the next number of its year (or running number) and
  // the series' default distribution.
  Result<IssueView> CreateIssue(const Actor& actor, const std::string& series_code,
                                const std::string& date, bool supplement);
  // Replaces a draft's content. kConflict when the issue is not a draft.
  Result<IssueView> UpdateIssue(const Actor& actor, int64_t id, const IssueRecord& content);
  // Signs a draft (签发): approver staff who did not edit it (unless
  // allow_self_approval). Renders every format first, so whatever would stop
  // publication (a glyph the fonts lack, a bad image) stops sign-off instead,
  // naming the problem; kConflict "wrong_state" unless a draft.
  Result<IssueView> Approve(const Actor& actor, int64_t id);
  // Sends an approved issue back to draft with a reason (editor or approver
  // staff), e.g. when it cannot be published. kConflict unless approved.
  Result<IssueView> Reopen(const Actor& actor, int64_t id, const std::string& reason);
  // Lets one person both edit and sign an issue (off by default).
  void set_allow_self_approval(bool allow) { allow_self_approval_ = allow; }
  // Renders PDF, DOCX, HTML and text once, stores them with their SHA-256,
  // freezes the issue and delivers it to every user of every recipient organisation.
  Result<IssueView> Publish(const Actor& actor, int64_t id);
  // Starts a correction of a published issue: a new draft revision with a visible note.
  Result<IssueView> Correct(const Actor& actor, int64_t id, const std::string& note);
  Result<Preview> RenderPreview(const Actor& actor, int64_t id, int dpi);
  // Returns a stored file's bytes; kNotFound for a format that was not rendered.
  Result<std::string> File(const std::optional<Actor>& actor, int64_t id, const std::string& format,
                           FileInfo* info);
  Result<std::vector<Receipt>> Receipts(const Actor& actor, int64_t id);
  // Queues an issue's failed e-mail copies again (editor staff); returns how many.
  Result<int> RetryMail(const Actor& actor, int64_t id);

  Result<std::pair<std::vector<InboxItem>, int64_t>> Inbox(const Actor& actor, int offset,
                                                           int limit);
  Result<int64_t> UnreadCount(const Actor& actor);
  // Marks the actor's copy read, or read and acknowledged (签收).
  Status MarkRead(const Actor& actor, int64_t id, bool acknowledge);

  Result<std::vector<SourcePiece>> AdoptedPieces(const Actor& actor, const std::string& text);
  Result<SectionSpec> PieceSection(const Actor& actor, int64_t piece_id);
  Result<SectionSpec> EpidemicSection(const Actor& actor, const std::string& date, bool chart);
  // The other modules' summaries the composer offers (editors).
  Result<std::vector<SummaryKind>> SummaryKinds(const Actor& actor);
  // A summary section of module `key` over [from, to] (editors; at most 366 days).
  Result<SectionSpec> SummarySection(const Actor& actor, const std::string& key,
                                     const std::string& from, const std::string& to);

  // Recreates an old bulletin from PDF-extracted text as a published issue of
  // `series_code`, with its files rendered. Staff editors only.
  Result<ImportResult> ImportLegacy(const Actor& actor, const std::string& series_code,
                                    const std::string& text, const LegacyOptions& options);

  // Returns the government organisations the association `association` (the
  // code of a national or provincial organisation) lets its series distribute
  // to, and the other government organisations it could allow.
  // Errors: kPermissionDenied "permission_denied" unless the actor is an
  // admin, "outside_scope" unless at or above the association (its own
  // admins and the national admin); kInvalidArgument "required",
  // "org_not_found" or "not_association" for `association`.
  Result<GovernmentRecipients> GetGovernmentRecipients(const Actor& actor,
                                                       const std::string& association);
  // Replaces that list with `orgs` (codes; repeats are ignored) and writes
  // an audit entry; returns the new state. Series and issues of the
  // association may then name only these government recipients. Errors:
  // those of GetGovernmentRecipients, and kInvalidArgument "org_not_found" or
  // "not_government" (field "orgs") for a code that is not a government
  // organisation.
  Result<GovernmentRecipients> SetGovernmentRecipients(const Actor& actor,
                                                       const std::string& association,
                                                       const std::vector<std::string>& orgs);

  // Returns the published issues of a public series for its feed, newest first.
  Result<std::pair<Series, std::vector<IssueRecord>>> PublicIssues(const std::string& series_code,
                                                                   int limit);

  // Returns the typesetting engine's issue for a record. REQUIRES: `series` is its series.
  typeset::Issue ToTypeset(const IssueRecord& issue, const Series& series,
                           const std::vector<orgs::Org>& orgs) const;

 private:
  Result<IssueView> Load(soci::session& s, int64_t id);
  Status RequireStaff(const Actor& actor, const Series& series, const char* role) const;
  bool IsStaff(const Actor& actor, const Series& series) const;
  Status CanRead(soci::session& s, const std::optional<Actor>& actor, const IssueView& v) const;
  Result<std::vector<Receipt>> Recipients(const std::vector<DistributionLine>& lines);

  store::Database* db_;
  orgs::OrgService* orgs_;
  typeset::Typesetter* typesetter_;
  SectionSources* sources_;
  Mailer* mailer_ = nullptr;
  RenderGate render_gate_;
  bool allow_self_approval_ = false;
};

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_SERVICE_H_
