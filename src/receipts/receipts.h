// Copyright 2026 The Jianbao Authors.
//
// Receipts and reminders (回执与催办), one implementation for every document
// that is delivered to people of recipient organisations: bulletin issues
// and notices. It keeps
//   - per-person records: delivered, read, acknowledged (签收) — for notices
//     in its own table; bulletins keep theirs in bulletin_deliveries (with
//     the e-mail columns) and hand them over as Person values;
//   - the aggregation per recipient unit: a unit is read when anyone of it
//     read, acknowledged when anyone acknowledged; recipient organisations
//     without any account are "external" rows (delivered by e-mail or print);
//   - 催办 reminders to units that have not acknowledged: an in-app
//     notification to the unit's users (notify::Send), an e-mail to those
//     with an address when SMTP is configured (receipts::Mailer), an audit
//     entry; at most one reminder per unit and document per hour;
//   - the .xlsx workbook of the receipts (per unit and per person).
//
// The functions taking a soci::session run inside the caller's transaction
// (store::Database::Write for those that write); they throw soci errors.
// Pure functions are thread-safe.

#ifndef JIANBAO_RECEIPTS_RECEIPTS_H_
#define JIANBAO_RECEIPTS_RECEIPTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/messages.h"
#include "core/status.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::receipts {

// How long a unit is not reminded again about the same document.
inline constexpr int64_t kReminderIntervalSeconds = 3600;

// A document with recipients: kind "bulletin" (a bulletin issue) or "notice".
struct DocRef {
  std::string kind;
  int64_t id = 0;
};

// One recipient person's copy of a document.
struct Person {
  int64_t user_id = 0;
  std::string login, name, org_code, org_name;
  std::string delivered_at, read_at, acknowledged_at;  // "" when not yet
};

// A recipient organisation of a document, as the document names it.
struct RecipientOrg {
  int64_t id = 0;
  std::string code, name;
  std::string email;  // an address for external delivery ("" = print)
};

// One 催办 reminder sent to a unit.
struct Reminder {
  std::string org_code, at;
  int64_t at_unix = 0;
  std::string by;  // login of the sender
  int notified = 0, emailed = 0;
};

// The receipts of one recipient unit.
struct Unit {
  std::string org_code, org_name;
  bool external = false;  // no account on the platform
  std::string delivery;   // "platform"; external: "email" or "print"
  std::string state;      // "acknowledged", "read", "unread" or "external"
  int people = 0, read = 0, acknowledged = 0;
  std::string read_at, acknowledged_at;  // the first of the unit ("" = none)
  int reminders = 0;
  std::string last_reminded_at;
  int64_t last_reminded_unix = 0;
  // External units delivered by e-mail (AddMailStatus): "queued", "sent" or
  // "failed"; "" when no e-mail was queued.
  std::string mail_status, mailed_at;
};

// The receipts of a document: every person, every unit and the unit counts.
struct Summary {
  std::vector<Person> people;
  std::vector<Unit> units;  // in the order of the recipient organisations
  int units_total = 0;      // platform units (not external)
  int units_read = 0, units_acknowledged = 0, units_external = 0;
};

// Returns this module's migrations (module name "receipts").
std::vector<store::Migration> Migrations();

// Returns this module's message catalogue (messages.cc).
const messages::Catalogue& Messages();

// Aggregates `people` per unit over `orgs` (the document's recipient
// organisations, in order; a unit of a person not among them is appended).
// A unit with no person is external. Pure.
Summary Aggregate(const std::vector<Person>& people, const std::vector<RecipientOrg>& orgs,
                  const std::vector<Reminder>& reminders);

// ---- per-person records (documents other than bulletins) ----

// Records a delivery to each person (delivered_at set; people already
// delivered are kept as they are). REQUIRES: a Write session.
void Deliver(soci::session& s, const DocRef& doc, const std::vector<Person>& people,
             const std::string& now);
// Sets read_at (and acknowledged_at when `acknowledge`) of the user's copy
// when unset. Returns false when the user is no recipient. REQUIRES: Write.
bool Mark(soci::session& s, const DocRef& doc, int64_t user_id, bool acknowledge,
          const std::string& now);
// Returns the user's copy, or nullopt.
std::optional<Person> CopyOf(soci::session& s, const DocRef& doc, int64_t user_id);
// Returns every copy of the document with the people's names and units.
std::vector<Person> People(soci::session& s, const DocRef& doc);
// Returns the ids of documents of `kind` delivered to the user.
std::vector<int64_t> DeliveredTo(soci::session& s, const std::string& kind, int64_t user_id);

// ---- reminders ----

// Returns the reminders sent about a document, oldest first.
std::vector<Reminder> Reminders(soci::session& s, const DocRef& doc);

// One e-mail a reminder sends (queued with Mailer::Queue after commit).
struct Mail {
  std::string to, name, subject, text;
};

// What Remind needs besides the document's receipts.
struct RemindRequest {
  DocRef doc;
  std::string title;               // the document's title, in the notification and e-mail
  std::string entity;              // the notification's entity: "bulletin_issue", "notice"
  std::string link;                // web path to open ("/inbox?issue=3"); may be ""
  std::vector<std::string> units;  // org codes; empty = every platform unit not acknowledged
  int64_t now_unix = 0;
  bool mail = false;  // queue e-mails (SMTP configured)
};

struct RemindResult {
  std::vector<std::string> reminded;  // org codes
  int notified = 0;                   // units notified in the app
  std::vector<Mail> mails;            // queued in the outbox (mailer.h); wake the Mailer
};

// Sends a 催办 reminder to the chosen units of `summary` and records it
// (its e-mails, when request.mail, queued in the outbox of mailer.h),
// with an audit entry "<kind>.remind". Errors: kInvalidArgument "units"
// ("not_a_recipient") for a code that is no platform unit of the document;
// kConflict "nothing_to_remind" when every chosen unit has acknowledged;
// kTooManyRequests "reminder_too_soon" (text "unit", retry_after_seconds)
// when a chosen unit was reminded less than an hour ago — when no units are
// named, units reminded within the hour are skipped and the error comes
// only when none is left. Nothing is stored on an error. REQUIRES: Write.
Result<RemindResult> Remind(soci::session& s, const Actor& actor, const Summary& summary,
                            const RemindRequest& request);

// ---- export ----

// Returns the receipts as an .xlsx workbook: a sheet per unit and one per
// person, headed by `title`; labels in `lang`. kInternal when
// libxlsxwriter fails.
Result<std::string> Xlsx(const std::string& title, const Summary& summary, const std::string& lang);

// Returns a printable distribution sheet (分发签收单) as one self-contained
// HTML page: every recipient unit with its delivery and state, and blank
// columns for the signature and date of those delivered on paper. Texts in
// `lang`; everything escaped. Pure.
std::string DistributionSheetHtml(const std::string& title, const Summary& summary,
                                  const std::string& lang);

}  // namespace jianbao::receipts

#endif  // JIANBAO_RECEIPTS_RECEIPTS_H_
