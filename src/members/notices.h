// Copyright 2026 The Jianbao Authors.
//
// NoticeService: notices (通知), letters of sympathy (慰问信) and initiatives
// (倡议书) an association sends to member units, with read and 签收 receipts
// per person and per unit, 催办 reminders and the .xlsx of the receipts (all
// from the receipts module, shared with the bulletins), saved recipient
// groups, and the notice as a PDF in the red-header layout.
//
// Who may do what (checked here, not in handlers; internal::Scope):
//   association staff  admin or editor of a national, secretariat (acting for
//                      its parent) or provincial organisation: write, edit
//                      drafts, send, read receipts, remind — for notices of
//                      their association, to organisations of its subtree.
//   recipients         any user of a recipient organisation: list and read
//                      the notices sent to it (opening one counts as read),
//                      acknowledge (签收).
// Another association's notice, or one not sent to the reader, is
// kNotFound "notice_not_found". The system actor may do everything.
//
// Thread safety: every method may be called from any thread; state lives in
// the database. SetReminderMailer only during start-up.

#ifndef JIANBAO_MEMBERS_NOTICES_H_
#define JIANBAO_MEMBERS_NOTICES_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/messages.h"
#include "core/page.h"
#include "core/status.h"
#include "http/app.h"
#include "mail/mime.h"
#include "orgs/service.h"
#include "receipts/mailer.h"
#include "receipts/receipts.h"
#include "store/database.h"

namespace jianbao::typeset {
class Typesetter;
}

namespace jianbao::members {

inline constexpr size_t kMaxNoticeTitleChars = 120;
inline constexpr size_t kMaxNoticeBodyBytes = 200 * 1024;

// An organisation by code and name.
struct NoticeOrg {
  std::string code, name;
};

// What an author writes (POST / PUT).
struct NoticeInput {
  std::string title, kind, body;        // kind: notice | sympathy | initiative
  std::vector<std::string> recipients;  // organisation codes
  std::vector<int64_t> groups;          // saved recipient groups, expanded on save
  std::optional<int64_t> version;       // PUT: the version edited; nullopt = any
};

struct Notice {
  int64_t id = 0;
  std::string kind, title, body, status;  // status: draft | sent
  NoticeOrg sender;                       // the association
  std::vector<NoticeOrg> recipients;
  std::string author, created_at, updated_at, sent_at;
  int64_t version = 1;
  // The reader's own copy (a recipient): "" when not yet.
  bool recipient = false;
  std::string read_at, acknowledged_at;
  // For the association: unit counts once sent.
  int units_total = 0, units_read = 0, units_acknowledged = 0;
};

struct NoticeFilter {
  std::string status, kind, q;  // "" = any; q matches the title
};

// A saved list of recipient organisations of an association.
struct RecipientGroup {
  int64_t id = 0;
  std::string name;
  std::vector<NoticeOrg> orgs;
  std::string created_at;
};

struct GroupInput {
  std::string name;
  std::vector<std::string> orgs;
};

// The receipts of a notice: per unit and per person.
struct NoticeReceipts {
  int64_t notice_id = 0;
  std::string title;
  receipts::Summary summary;
};

// A generated file.
struct NoticeFile {
  std::string bytes, content_type, filename;
};

class NoticeService {
 public:
  // REQUIRES: `db` outlives the service and has the orgs, notify, receipts
  // and members migrations; `typesetter` may be null (then Pdf is kUnavailable).
  NoticeService(store::Database* db, typeset::Typesetter* typesetter)
      : db_(db), typesetter_(typesetter) {}

  // Lets reminders e-mail the units' users, and sending e-mail the notice to
  // external recipient organisations with a contact address (SMTP
  // configured; receipts' outbox, which builds those with MailContent).
  void SetReminderMailer(receipts::Mailer* mailer) { mailer_ = mailer; }

  // Called inside the transaction that sends a notice, with the sending
  // association: the group-robot announcement (wired by cli/wiring.cc; may be
  // empty). SetSentHook only during start-up.
  using SentHook = std::function<void(soci::session&, int64_t org_id, const Notice&)>;
  void SetSentHook(SentHook hook) { sent_hook_ = std::move(hook); }

  // Stores a draft of the actor's association. Errors: kPermissionDenied
  // unless association staff; kInvalidArgument naming the field: "title"
  // (required, too_long), "kind" ("invalid_notice_kind"), "body" (required,
  // too_long, Markdown shape), "recipients" ("org_not_found", or outside
  // the association's subtree: "recipient_outside_scope"), "groups"
  // ("group_not_found"). Nothing is stored on an error.
  Result<Notice> Create(const Actor& actor, const NoticeInput& in);
  // Replaces a draft. Errors as Create, kNotFound "notice_not_found",
  // kConflict "notice_not_draft" once sent, kPreconditionFailed
  // "stale_version" when in.version is not the current one.
  Result<Notice> Update(const Actor& actor, int64_t id, const NoticeInput& in);
  // Sends a draft: every enabled user of every recipient organisation gets
  // a copy; recipient organisations without users are external receipts,
  // queued for e-mail when they have a contact address and mail is on.
  // Errors: kNotFound; kConflict "notice_not_draft"; kInvalidArgument
  // "recipients" ("required") when it has none.
  Result<Notice> Send(const Actor& actor, int64_t id);
  // Association staff: their association's notices and those sent to their
  // organisation (filters status, kind, q); others: the sent notices
  // addressed to their organisation.
  // kInvalidArgument "status" / "kind" for an unknown filter value.
  Result<Page<Notice>> List(const Actor& actor, const NoticeFilter& filter,
                            const PageRequest& page);
  // Returns a notice; a recipient's opening marks their copy read.
  Result<Notice> Get(const Actor& actor, int64_t id);
  // Acknowledges (签收) the actor's copy (also marks it read). kNotFound
  // when the actor is no recipient.
  Result<Notice> Acknowledge(const Actor& actor, int64_t id);
  // Returns the receipts per unit and per person (association staff).
  Result<NoticeReceipts> Receipts(const Actor& actor, int64_t id);
  // Sends a 催办 reminder (association staff; see receipts::Remind).
  // kConflict "notice_not_sent" for a draft.
  Result<receipts::RemindResult> Remind(const Actor& actor, int64_t id,
                                        const std::vector<std::string>& units);
  // Returns the receipts as .xlsx (association staff).
  Result<NoticeFile> ReceiptsXlsx(const Actor& actor, int64_t id, const std::string& lang);
  // Returns the notice as a PDF in the red-header layout (whoever may read
  // it). kUnavailable "typesetter_unavailable" without fonts; the
  // typesetter's kInvalidArgument for text it cannot set.
  Result<NoticeFile> Pdf(const Actor& actor, int64_t id);
  // Returns the e-mail of notice `id` to an external unit (no from/to): the
  // title as subject, the text, the PDF attached when fonts are there.
  // kNotFound "notice_not_found". For receipts::Mailer::SetContent.
  Result<mail::Message> MailContent(int64_t id);

  // Recipient groups of the actor's association (association staff).
  Result<std::vector<RecipientGroup>> Groups(const Actor& actor);
  // Errors: kInvalidArgument "name" (required, too_long, "duplicate"),
  // "orgs" (required, "org_not_found", "recipient_outside_scope").
  Result<RecipientGroup> CreateGroup(const Actor& actor, const GroupInput& in);
  // kNotFound "group_not_found" for another association's group.
  Status DeleteGroup(const Actor& actor, int64_t id);

 private:
  // The notice's PDF in the notice layout. REQUIRES: typesetter_.
  Result<NoticeFile> RenderPdf(const Notice& n);

  store::Database* db_;
  typeset::Typesetter* typesetter_;
  receipts::Mailer* mailer_ = nullptr;
  SentHook sent_hook_;
};

// The notices' message catalogue (messages_notices.cc): zh and en of every
// Status key NoticeService returns and of its labels.
const messages::Catalogue& NoticeMessages();

// Registers /api/v1/notices… (handlers_notices.cc). REQUIRES: `svc`
// outlives `app`.
void RegisterNotices(http::App& app, NoticeService& svc);

// Loads the demo notice: a 慰问信 of the Hubei association to its member
// units, sent, read and acknowledged by some (demo_notices.cc).
// REQUIRES: the orgs and members demo data are loaded.
Status LoadNoticeDemo(NoticeService& svc, orgs::OrgService& orgs);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_NOTICES_H_
