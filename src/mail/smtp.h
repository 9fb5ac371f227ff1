// Copyright 2026 The Jianbao Authors.
//
// SMTP delivery through libcurl: one message to its recipients per call.
// Configured under [mail] (or JIANBAO_MAIL_* variables); e-mail is off unless
// mail.smtp_url is set.
//
//   mail.smtp_url   "smtp://mail.example.org:587" or "smtps://…:465"; "" = off
//   mail.from       sender address, "bulletin@example.org"
//   mail.from_name  display name of the sender (default "简报")
//   mail.username, mail.password   SMTP AUTH credentials (optional)
//   mail.starttls   "required" (default), "try" or "off" (smtp:// only)
//   mail.timeout_seconds   per message (default 60)
//   server.public_url  where recipients open the web UI ("https://jianbao.example.org");
//                      when set, e-mails link to the issue in the inbox for 签收

#ifndef JIANBAO_MAIL_SMTP_H_
#define JIANBAO_MAIL_SMTP_H_

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"

namespace jianbao::mail {

struct SmtpConfig {
  std::string url;
  std::string from;
  std::string from_name = "简报";
  std::string username, password;
  std::string starttls = "required";
  int timeout_seconds = 60;
  std::string public_url;  // "" = no link back to the web UI

  bool enabled() const { return !url.empty(); }
};

// Reads the [mail] keys above.
SmtpConfig SmtpConfigFrom(const Config& config);

// Checks a configuration: a smtp:// or smtps:// URL, a sender address, a
// known starttls value, an http(s) public_url. Returns kInvalidArgument naming the key.
Status ValidateSmtpConfig(const SmtpConfig& config);

// Lets another thread abandon SendMail calls: Cancel() shuts down the
// connection in use, so even a server that never answers lets go at once.
// Thread-safe.
class SendCancel {
 public:
  void Cancel();
  void Reset() { cancelled_ = false; }
  bool cancelled() const { return cancelled_; }
  // Used by SendMail for the socket it opens and closes.
  bool Attach(int fd);  // false when already cancelled
  void Detach(int fd);

 private:
  std::mutex mu_;
  int fd_ = -1;
  std::atomic<bool> cancelled_{false};
};

// Sends `data` (a composed message, see mime.h) from config.from to
// `recipients`. Returns kUnavailable with the server's or libcurl's error
// text when delivery fails (the caller retries later), or when `cancel` is
// cancelled before or during the call. When set, `before_end` is called once
// the whole message has been handed to libcurl, before the end-of-data mark
// that makes the server accept it: until then a failed call delivered
// nothing; returning false abandons the message (the server drops it).
Status SendMail(const SmtpConfig& config, const std::vector<std::string>& recipients,
                const std::string& data, SendCancel* cancel = nullptr,
                const std::function<bool()>& before_end = {});

}  // namespace jianbao::mail

#endif  // JIANBAO_MAIL_SMTP_H_
