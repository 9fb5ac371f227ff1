// Copyright 2026 The Jianbao Authors.
//
// Mailer: sends the e-mails of 催办 reminders through SMTP on a background
// thread, so a reminder request never waits on a mail server. A reminder is
// a nudge, not a record: a failed e-mail is logged and dropped (the in-app
// notification and the reminder row are already stored).
//
//   receipts::Mailer mailer(smtp_config);   // starts its thread
//   mailer.Queue(result.mails);             // after the transaction committed
//
// Thread safety: Queue may be called from any thread.

#ifndef JIANBAO_RECEIPTS_MAILER_H_
#define JIANBAO_RECEIPTS_MAILER_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "mail/smtp.h"
#include "receipts/receipts.h"

namespace jianbao::receipts {

class Mailer {
 public:
  // Starts the sending thread. REQUIRES: `config` is valid (ValidateSmtpConfig).
  explicit Mailer(mail::SmtpConfig config);
  // Stops the thread; e-mails still queued are dropped.
  ~Mailer();
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

  // Queues e-mails to send.
  void Queue(const std::vector<Mail>& mails);
  // Returns how many e-mails were handed to the SMTP server so far.
  int sent() const;

 private:
  void Run();

  mail::SmtpConfig config_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Mail> queue_;  // guarded by mu_
  bool stop_ = false;       // guarded by mu_
  int sent_ = 0;            // guarded by mu_
  mail::SendCancel cancel_;
  std::thread thread_;
};

}  // namespace jianbao::receipts

#endif  // JIANBAO_RECEIPTS_MAILER_H_
