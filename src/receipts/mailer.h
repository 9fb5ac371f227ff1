// Copyright 2026 The Jianbao Authors.
//
// Mailer: the outbox of the receipts module's e-mails — 催办 reminders to
// the users of a unit, and documents (a notice, a bulletin issue) sent to an
// external recipient organisation's contact address. E-mails are queued in
// the database (table receipt_mails) inside the transaction that decides to
// send them, and a background thread sends due ones through SMTP, retrying
// failures with back-off (1, 5, 15, 60 minutes) before marking one "failed",
// like the bulletins' outbox.
//
// A document e-mail stores only the document and the address; its content
// (subject, bodies, the PDF attached under its RFC 6266 name) is built when
// it is sent, by the function the document's module registers with
// SetContent. A reminder stores its subject and text.
//
// Several servers on one database may each run a Mailer: an e-mail is
// claimed by a compare-and-set with a lease longer than one SMTP call; one
// whose sender died after the SMTP server took it whole is marked "failed"
// with kInterrupted rather than sent twice.
//
//   receipts::Mailer mailer(db, smtp_config);
//   mailer.SetContent("notice", [&](int64_t id) { return notices.MailContent(id); });
//   mailer.Start();
//   …  receipts::QueueMail(s, doc, mail, now) inside a Write; mailer.Wake() after it
//   mailer.Stop();
//
// Thread safety: SetContent only before Start; the rest from any thread.

#ifndef JIANBAO_RECEIPTS_MAILER_H_
#define JIANBAO_RECEIPTS_MAILER_H_

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/poller.h"
#include "mail/mime.h"
#include "mail/smtp.h"
#include "receipts/receipts.h"
#include "store/database.h"

namespace jianbao::receipts {

// The error recorded on an e-mail whose sender stopped after handing it over.
inline constexpr const char* kInterrupted = "interrupted after hand-over";

// One queued e-mail as the Mailer claims it.
struct OutboxMail {
  int64_t id = 0;
  DocRef doc;
  bool document = false;  // the document's content; else subject and text
  std::string to, name, subject, text;
  int attempts = 0;
};

// Queues a plain e-mail (a reminder) about `doc`. REQUIRES: a Write session.
void QueueMail(soci::session& s, const DocRef& doc, const Mail& mail, const std::string& now);
// Queues `doc` itself to an external organisation's address `org.email`
// (its content is built when sent). REQUIRES: a Write session; org.email set.
void QueueDocument(soci::session& s, const DocRef& doc, const RecipientOrg& org,
                   const std::string& now);
// Sets Unit::mail_status (and delivery "email") of the external units of
// `summary` that have a queued document e-mail of `doc`.
void AddMailStatus(soci::session& s, const DocRef& doc, Summary* summary);

class Mailer {
 public:
  // Builds the e-mail of a document (without from/to): subject, bodies,
  // attachments. Errors are retried like SMTP errors.
  using ContentFn = std::function<Result<mail::Message>(int64_t doc_id)>;

  // REQUIRES: `db` outlives the Mailer; `config` is valid (ValidateSmtpConfig).
  Mailer(store::Database* db, mail::SmtpConfig config);
  // Stops the thread.
  ~Mailer();
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

  // Registers how documents of `kind` are written. REQUIRES: before Start.
  void SetContent(const std::string& kind, ContentFn fn);

  // Sends up to `max` due e-mails; returns how many were attempted.
  Result<int> SendDue(int max);

  // Starts / stops the thread (a Poller) that calls SendDue at once, then
  // every `poll_seconds` and at once after Wake(). Stop() abandons an e-mail
  // in flight (it stays due, see kInterrupted for one already handed over).
  void Start(int poll_seconds = 5);
  void Stop();
  void Wake();

  // Returns how many e-mails the SMTP server took so far.
  int sent() const;

 private:
  Status Attempt(const OutboxMail& m, const std::string& lease, bool* handed_over);
  Status Finish(const OutboxMail& m, const Status& sent, bool handed_over);

  store::Database* db_;
  mail::SmtpConfig config_;
  std::map<std::string, ContentFn> content_;
  mutable std::mutex mu_;
  int sent_ = 0;  // guarded by mu_
  mail::SendCancel cancel_;
  Poller poller_;  // last: its thread uses the members above
};

}  // namespace jianbao::receipts

#endif  // JIANBAO_RECEIPTS_MAILER_H_
