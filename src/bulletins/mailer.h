// Copyright 2026 The Jianbao Authors.
//
// Mailer: the outbox of e-mail copies of published issues. Publishing queues
// one copy per recipient who has an address (when mail is configured); the
// Mailer sends due copies through SMTP — the issue's HTML as the body, its
// text as the plain alternative, its PDF attached — and retries failures
// with back-off (1, 5, 15, 60 minutes) before marking a copy "failed".
//
// Several servers on one database may run a Mailer each: a copy is claimed
// (one at a time, by a compare-and-set in the database) before it is sent,
// and the claim is a lease longer than one SMTP call may last (at least 10
// minutes, mail.timeout_seconds + 5 minutes), so no two Mailers send the
// same copy.
//
// A copy is never sent twice, even when its sender is killed: just before
// the end-of-data mark that makes the SMTP server keep a message, the
// Mailer records that the copy was handed over. A copy whose sender died
// before that point is sent again when its lease ends (the server kept
// nothing); one whose sender died after it is marked "failed" with
// repo::kMailInterrupted, because it may have arrived — an editor sees that
// in the receipts and may retry. Every attempt at one copy carries the same
// Message-ID.
//
//   Mailer mailer(db, smtp_config);
//   mailer.Start();   // background thread, polls every few seconds
//   …
//   mailer.Stop();
//
// Thread safety: any method from any thread (not Stop from within SendDue).

#ifndef JIANBAO_BULLETINS_MAILER_H_
#define JIANBAO_BULLETINS_MAILER_H_

#include <map>
#include <optional>

#include "bulletins/model.h"
#include "core/poller.h"
#include "mail/mime.h"
#include "mail/smtp.h"
#include "store/database.h"

namespace jianbao::bulletins {

class Mailer {
 public:
  // REQUIRES: `db` outlives the Mailer; `config` is valid (ValidateSmtpConfig).
  Mailer(store::Database* db, mail::SmtpConfig config);
  ~Mailer();
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

  // Sends up to `max` due copies; returns how many were attempted.
  Result<int> SendDue(int max);

  // Builds the e-mail of one copy (exposed for tests).
  Result<mail::Message> BuildMessage(const MailJob& job);

  // Returns the e-mail of an issue to an organisation without accounts (no
  // recipient, no inbox link): subject, HTML, text, the PDF attached under
  // its RFC 6266 name. For receipts' outbox (receipts::Mailer::SetContent).
  Result<mail::Message> ExternalContent(int64_t issue_id);

  // Starts / stops the background thread (a Poller) that calls SendDue at
  // once, then every `poll_seconds` and at once after Wake(). Stop()
  // abandons a message in flight (it stays due and is sent after the next
  // start) and returns once the thread has ended.
  void Start(int poll_seconds = 5);
  void Stop();
  void Wake();

 private:
  using IssueCache = std::map<int64_t, Result<mail::Message>>;
  struct Claim {
    MailJob job;
    std::string lease;  // mail_next_at while this Mailer holds the copy
  };
  // Claims the next due copy; returns nullopt when none is due.
  Result<std::optional<Claim>> ClaimOne();
  // Sends one copy; sets `handed_over` once the SMTP server has it whole.
  Status Attempt(const Claim& claim, IssueCache* cache, bool* handed_over);
  // Records the outcome `sent` of an attempt at `job`.
  Status Finish(const MailJob& job, const Status& sent, bool handed_over);
  // The message of an issue without its recipient: subject, bodies, PDF.
  Result<mail::Message> IssueContent(int64_t issue_id, bool inbox_link = true);

  store::Database* db_;
  mail::SmtpConfig config_;
  mail::SendCancel cancel_;  // Stop() abandons an SMTP call in flight
  Poller poller_;            // last: its thread uses the members above
};

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_MAILER_H_
