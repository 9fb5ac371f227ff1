// Copyright 2026 The Jianbao Authors.
//
// What the e-mail outboxes (bulletins::Mailer, receipts::Mailer) share: how
// long a claimed e-mail is leased, what is recorded after an attempt, and the
// Message-ID every attempt at one e-mail carries. Each outbox keeps its own
// table and SQL in its repository; the background thread is a Poller
// (core/poller.h).
//
// Thread safety: plain functions; any thread.

#ifndef JIANBAO_MAIL_OUTBOX_H_
#define JIANBAO_MAIL_OUTBOX_H_

#include <cstdint>
#include <string>

#include "core/retry.h"
#include "core/status.h"
#include "mail/smtp.h"

namespace jianbao::mail {

// Returns the seconds a claimed e-mail is leased: at least 10 minutes, and
// 5 minutes longer than one SMTP call may last (config.timeout_seconds), so
// that no other server takes it while it is being sent.
int OutboxLeaseSeconds(const SmtpConfig& config);

// What an outbox records after one attempt at a queued e-mail.
struct OutboxOutcome {
  enum class Kind {
    kSent,         // the SMTP server took it
    kInterrupted,  // failed after the hand-over: it may have arrived, never sent again on its own
    kAbandoned,    // cut short by Stop before the hand-over: queued again, due at once
    kFailed,       // an SMTP error: queued again after the back-off, or failed for good
  };
  Kind kind = Kind::kSent;
  std::string status = "sent";  // "sent", "queued" or "failed"
  int attempts = 0;             // the e-mail's attempts after this one
  std::string error;            // "" when sent; at most 300 bytes of the SMTP error
  std::string next_at;          // when queued: the ISO time it is due again
};

// Returns the outcome of an attempt at an e-mail that had `attempts_before`
// attempts: `sent` is what SendMail returned, `handed_over` whether the
// hand-over was recorded before the end-of-data mark, `cancelled` whether
// the outbox is stopping. `interrupted` is the error recorded on an
// interrupted e-mail; `now_unix` the time of the attempt.
OutboxOutcome DecideOutboxOutcome(const Status& sent, bool handed_over, bool cancelled,
                                  int attempts_before, const std::string& interrupted,
                                  int64_t now_unix,
                                  const RetryPolicy& policy = RetryPolicy::Mail());

// Returns "<jianbao-`local`@host>", host being the domain of `from`
// ("jianbao.invalid" when it has none): the same for every attempt at one
// e-mail, so that a receiver can recognise a copy sent again.
std::string OutboxMessageId(const std::string& local, const std::string& from);

}  // namespace jianbao::mail

#endif  // JIANBAO_MAIL_OUTBOX_H_
