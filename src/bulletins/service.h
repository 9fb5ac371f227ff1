// Copyright 2026 The Jianbao Authors.
//
// BulletinService: series and numbered issues, composition, sign-off (签发),
// immutable publication, delivery with read and acknowledgement receipts,
// corrections as new revisions, the archive, legacy import, and the
// government recipients each association allows.
//
// Who may do what (checked here, never in handlers):
//   staff of a series = users of its owning organisation or of an
//   organisation above it (orgs::OrgTree);
//   create series: admin or editor staff; compose and publish: editor staff;
//   approve: approver staff; read a published issue: staff, recipients, and
//   anyone for a public series; receipts: staff; an association's
//   government recipients: its admins and admins above it.

#ifndef JIANBAO_BULLETINS_SERVICE_H_
#define JIANBAO_BULLETINS_SERVICE_H_

#include <map>
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
#include "orgs/tree.h"
#include "receipts/mailer.h"
#include "store/database.h"
#include "typeset/typeset.h"

namespace jianbao::bulletins {

// Thread safety: every method may be called from several threads at once
// (the server's handler threads); each runs its own Database transactions,
// and the render gate bounds concurrent typesetting. The setters
// (SetMailer, set_allow_self_approval) only during start-up.
//
// Errors common to the methods below, not repeated on each: kPermissionDenied
// "permission_denied" when the actor lacks the role, "outside_scope" when
// not staff of the series; kNotFound "issue_not_found" for an unknown issue
// (or a draft the actor may not see); kInvalidArgument "series_not_found"
// for an unknown series code; the store's errors (kUnavailable when the
// database cannot be reached).
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
  // Lets 催办 reminders e-mail the units' users (null: notification only),
  // and publishing e-mail the issue to recipient organisations without
  // accounts that have a contact address (receipts' outbox).
  void SetReminderMailer(receipts::Mailer* mailer) { reminder_mailer_ = mailer; }
  bool mail_enabled() const { return mailer_ != nullptr; }
  // Lets one person both edit and sign an issue (off by default).
  void set_allow_self_approval(bool allow) { allow_self_approval_ = allow; }

  // ---- search (bulletins/search_kind.h) ----

  // Search visibility, the rule of CanRead as reader keys (search/document.h):
  // an issue is read by "staff:OWNER_ORG" and, once released, by "public" for
  // a public series or "user:ID" for each recipient; an actor holds "public",
  // "user:ID" and "staff:CODE" for its organisation and every one above it
  // (the system actor every issue). Errors: as the organisation tree.
  static std::vector<std::string> SearchReadersOf(const IssueRecord& issue, const Series& series,
                                                  const std::vector<Receipt>& receipts);
  Result<std::vector<std::string>> SearchReaders(const Actor& actor) const;

  // ---- series ----

  // Returns every series (any signed-in user).
  Result<std::vector<Series>> ListSeries(const Actor& actor);
  // Creates a series (admins and editors, staff of its owner) and audits it.
  // The masthead and issuer come from the owner's organisation tree (filled
  // in when empty); the distribution stays inside the owner's association
  // plus the government recipients it allows. Errors: kInvalidArgument
  // "invalid_series_code", "out_of_range" (numbering), "required" (title),
  // "org_not_found", "owner_not_association", "masthead_not_owner",
  // "issuer_not_owner", "outside_association", "government_not_allowed";
  // kConflict "series_code_taken".
  Result<Series> CreateSeries(const Actor& actor, Series series);

  // ---- government recipients of an association ----

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

  // ---- issues: composition and workflow (states.h) ----

  // Returns the page of issues the actor may see, newest first, and their
  // total: drafts and approved issues only of series they staff; published
  // ones of those, of public series and those delivered to them.
  Result<Page<IssueView>> ListIssues(const Actor& actor, const IssueQuery& query);
  // Returns an issue with its files. `actor` is nullopt for an anonymous
  // reader. Errors: kUnauthenticated "unauthenticated" (anonymous, not a
  // public series' published issue); kPermissionDenied for a published issue
  // the actor did not receive; kNotFound "issue_not_found" for a draft the
  // actor does not staff.
  Result<IssueView> GetIssue(const std::optional<Actor>& actor, int64_t id);
  // Creates a draft (editor staff) with the next number of its year (or
  // running number) and the series' default distribution; audits it.
  // Errors: kInvalidArgument "invalid_date".
  Result<IssueView> CreateIssue(const Actor& actor, const NewIssue& issue);
  // Replaces a draft's content (editor staff); an absent distribution keeps
  // the issue's. Errors: those of reading the issue (GetIssue) first, then
  // kConflict "wrong_state" unless a draft; kInvalidArgument "invalid_date",
  // "out_of_range" (copies, a date outside the issue's year),
  // "outside_association", "government_not_allowed", "org_not_found".
  Result<IssueView> UpdateIssue(const Actor& actor, int64_t id, const IssueContent& content);
  // Submits a draft for sign-off (送审, editor staff): it becomes
  // pending_approval and can no longer be edited; every approver of the
  // series' staff is notified. The pages are laid out first (through the
  // render gate), so text no font can set is refused here, naming the
  // section (field "sections[i].body") and the character. kConflict
  // "wrong_state" unless a draft; kInvalidArgument "required" without
  // sections, the typesetter's errors (e.g. "glyph_missing");
  // kTooManyRequests "render_busy".
  Result<IssueView> Submit(const Actor& actor, int64_t id);
  // Returns a pending issue to draft (退回修改, approver staff) with a
  // comment kept in the issue's thread; whoever submitted it is notified
  // with the comment. kConflict "wrong_state" unless pending_approval;
  // kInvalidArgument "required" or "too_long" (field "comment").
  Result<IssueView> Return(const Actor& actor, int64_t id, const std::string& comment);
  // Returns the issue's hand-off thread, oldest first (editor or approver staff).
  Result<std::vector<IssueComment>> Comments(const Actor& actor, int64_t id);
  // Adds a comment to the thread (editor or approver staff) and returns it.
  // kInvalidArgument "required" or "too_long" (field "comment").
  Result<IssueComment> AddComment(const Actor& actor, int64_t id, const std::string& comment);
  // Deletes a draft that was never signed (editor staff); its number returns
  // to the pool (the next new issue of the series and year takes the lowest
  // free number). kConflict "wrong_state" unless a draft, "was_signed" when
  // it was signed once and reopened.
  Status Discard(const Actor& actor, int64_t id);
  // Signs a submitted issue (签发): approver staff who did not edit it (unless
  // allow_self_approval, else kPermissionDenied "self_approval"). Renders
  // every format first, so whatever would stop publication (a glyph the
  // fonts lack, a bad image) stops sign-off instead, naming the problem;
  // whoever submitted it is notified. The issue's content_hash is stored
  // with the sign-off (approved_hash): Publish refuses other content.
  // `seen_hash`, when given, is the content_hash of what the approver looked
  // at (the preview's); kConflict "content_changed" when the issue no longer
  // has it (or changes while it is being signed). kConflict "wrong_state"
  // unless pending_approval; kInvalidArgument "required" without sections.
  Result<IssueView> Approve(const Actor& actor, int64_t id,
                            const std::optional<std::string>& seen_hash = std::nullopt);
  // Sends an approved issue back to draft with a reason (editor or approver
  // staff), e.g. when it cannot be published. kConflict "wrong_state" unless
  // approved; kInvalidArgument "required" without a reason.
  Result<IssueView> Reopen(const Actor& actor, int64_t id, const std::string& reason);
  // Renders PDF, DOCX, HTML and text once (editor staff), stores them with
  // their SHA-256, freezes the issue, supersedes the issue it corrects, and
  // delivers it to every user of every recipient organisation (and queues
  // e-mail copies). kConflict "wrong_state" unless approved,
  // "changed_since_approval" when its content is not what was signed
  // (approved_hash); the typesetter's errors; kTooManyRequests "render_busy".
  Result<IssueView> Publish(const Actor& actor, int64_t id);
  // Starts a correction of a published issue (editor staff): returns a new
  // draft revision with the visible note. kConflict "wrong_state" unless
  // published; kInvalidArgument "required" without a note.
  Result<IssueView> Correct(const Actor& actor, int64_t id, const std::string& note);
  // Renders an issue's pages as PNG at `dpi` (editor or approver staff).
  // kInvalidArgument "required" without sections; kTooManyRequests "render_busy".
  Result<Preview> RenderPreview(const Actor& actor, int64_t id, int dpi);

  // ---- published issues: files, delivery, inbox ----

  // Returns a stored file (the reader as in GetIssue). kNotFound
  // "file_not_found" for a format that was not rendered.
  Result<StoredFile> File(const std::optional<Actor>& actor, int64_t id, const std::string& format);
  // Returns an issue's delivery receipts and their counts (staff).
  // The units are the organisations of the distribution lines (receipts.h).
  Result<ReceiptSummary> Receipts(const Actor& actor, int64_t id);
  // Sends a 催办 reminder to recipient units (org codes; empty = every unit
  // that has not acknowledged) of a published issue (editor staff). Errors:
  // kConflict "wrong_state" before publication; receipts::Remind's ("not_a_recipient",
  // "nothing_to_remind", kTooManyRequests "reminder_too_soon").
  Result<receipts::RemindResult> Remind(const Actor& actor, int64_t id,
                                        const std::vector<std::string>& units);
  // Returns the receipts as an .xlsx workbook (staff), labels in `lang`.
  Result<std::string> ReceiptsXlsx(const Actor& actor, int64_t id, const std::string& lang);
  // Queues an issue's failed e-mail copies again (editor staff); returns how many.
  Result<int> RetryMail(const Actor& actor, int64_t id);
  // Returns a page of the actor's own inbox, newest first, and the unread count.
  Result<Inbox> InboxOf(const Actor& actor, const PageRequest& page);
  // Marks the actor's copy read, or read and acknowledged (签收), and audits
  // it. kNotFound "issue_not_found" when the actor is not a recipient.
  Status MarkRead(const Actor& actor, int64_t id, bool acknowledge);

  // ---- sections from other modules (editors; kUnavailable "source_unavailable" without sources)
  // ----

  // Returns up to 50 adopted pieces matching `text`, each with the issues
  // that use it (used_in); with `unused_only` only those no issue uses.
  Result<std::vector<SourcePiece>> AdoptedPieces(const Actor& actor, const std::string& text,
                                                 bool unused_only = false);
  // Returns, for each of `piece_ids` some issue uses (not superseded), those
  // issues. No permission check: the caller shows only its own pieces.
  Result<std::map<int64_t, std::vector<PieceUse>>> PieceUses(const std::vector<int64_t>& piece_ids);
  // Returns every piece some issue (not superseded) uses. No permission check.
  Result<std::vector<int64_t>> UsedPieceIds();
  // Returns a ready section of an adopted piece, titled "湖北行协·title".
  Result<SectionSpec> PieceSection(const Actor& actor, int64_t piece_id);
  // Returns the epidemic section of `date` (with the trend chart when `chart`).
  // kInvalidArgument "invalid_date".
  Result<SectionSpec> EpidemicSection(const Actor& actor, const std::string& date, bool chart);
  // Returns the complaint desk's section (申诉受理情况) of `region` for
  // [from, to] (editors): a "summary" section with source "complaints" or
  // "complaints:REGION". kInvalidArgument "invalid_date" or "unknown_region".
  Result<SectionSpec> ComplaintsSection(const Actor& actor, const std::string& region,
                                        const std::string& from, const std::string& to);
  // The other modules' summaries the composer offers.
  Result<std::vector<SummaryKind>> SummaryKinds(const Actor& actor);
  // A summary section of module `key` over [from, to] (at most 367 days).
  // kInvalidArgument "invalid_date" or "out_of_range".
  Result<SectionSpec> SummarySection(const Actor& actor, const std::string& key,
                                     const std::string& from, const std::string& to);

  // ---- the archive ----

  // Recreates an old bulletin from PDF-extracted text as a published issue of
  // `series_code`, with its files rendered (editor staff; checked before the
  // text is parsed). The importer's kInvalidArgument errors; kConflict
  // "issue_exists" when that number is already in the archive.
  Result<ImportResult> ImportLegacy(const Actor& actor, const std::string& series_code,
                                    const std::string& text, const LegacyOptions& options);
  // Returns a public series and up to `limit` of its published issues, newest
  // first (no sign-in). kNotFound "series_not_found" unless a public series.
  Result<PublicSeries> PublicIssues(const std::string& series_code, int limit);

  // Returns the SHA-256 (hex) of what an issue's pages show: the series'
  // masthead and titles, number, date, sections, closing note, distribution,
  // copies and revision note — not its workflow fields.
  static std::string ContentHash(const IssueRecord& issue, const Series& series);

  // Returns the typesetting engine's issue for a record. REQUIRES: `series`
  // is its series; `orgs` names the distribution's organisations.
  typeset::Issue ToTypeset(const IssueRecord& issue, const Series& series,
                           const std::vector<orgs::Org>& orgs) const;

 private:
  Result<IssueView> Load(soci::session& s, int64_t id);
  // Returns the receipts of `v` per unit of its distribution (empty before
  // any copy was delivered).
  receipts::Summary UnitReceipts(soci::session& s, const IssueView& v,
                                 const std::vector<Receipt>& copies);
  // Queues the issue in receipts' outbox for each organisation of
  // `distribution` without recipients (no accounts) that has a contact
  // address.
  void QueueExternalCopies(soci::session& s, int64_t id,
                           const std::vector<DistributionLine>& distribution,
                           const std::vector<Receipt>& recipients);
  // Appends a thread entry of `kind` ("comment", "submit", "return",
  // "approve") and sends the notification a hand-off causes.
  void Handoff(soci::session& s, const Actor& actor, const IssueView& v, const std::string& kind,
               const std::string& body);
  Status RequireStaff(const Actor& actor, const Series& series, const char* role) const;
  // Lays the issue out (through the render gate) and, when that fails on its
  // text, names the section at fault (Submit).
  Status CheckTypesettable(const Actor& actor, const IssueView& v);
  // Fills in v->people (names and units of the issue's logins) on the
  // caller's session; logins that are no longer users stay unnamed.
  void NamePeople(soci::session& s, IssueView* v) const;
  bool IsStaff(const Actor& actor, const Series& series) const;
  Status CanRead(soci::session& s, const std::optional<Actor>& actor, const IssueView& v) const;
  Result<std::vector<Receipt>> Recipients(const std::vector<DistributionLine>& lines);
  Result<std::shared_ptr<const orgs::OrgTree>> Tree(const Actor& actor) const;

  store::Database* db_;
  orgs::OrgService* orgs_;
  typeset::Typesetter* typesetter_;
  SectionSources* sources_;
  Mailer* mailer_ = nullptr;
  receipts::Mailer* reminder_mailer_ = nullptr;
  RenderGate render_gate_;
  bool allow_self_approval_ = false;
};

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_SERVICE_H_
