// Copyright 2026 The Jianbao Authors.
//
// FakeSmtpServer: a minimal SMTP server on 127.0.0.1 for tests. It accepts
// connections one after another on a background thread, answers EHLO/HELO,
// MAIL, RCPT, DATA, RSET, NOOP and QUIT, and keeps every message it accepted.
// Test-only; not linked into the server.

#ifndef JIANBAO_MAIL_FAKE_SMTP_H_
#define JIANBAO_MAIL_FAKE_SMTP_H_

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace jianbao::mail {

struct ReceivedMail {
  std::string from;
  std::vector<std::string> to;
  std::string data;  // after DATA, dot-unstuffed, without the final "."
};

class FakeSmtpServer {
 public:
  FakeSmtpServer();  // listens on a free loopback port
  ~FakeSmtpServer();
  FakeSmtpServer(const FakeSmtpServer&) = delete;
  FakeSmtpServer& operator=(const FakeSmtpServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // Recipients containing this text are refused with 550.
  void RejectRecipientsContaining(const std::string& text);
  // When on, the server takes a message's data and then never answers (a
  // stuck server), until turned off or destroyed.
  void StallAfterData(bool on) { stall_ = on; }
  // Whether a session is stalled right now.
  bool stalled() const { return stalled_; }
  std::vector<ReceivedMail> Received();

 private:
  void Serve();
  void Session(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> stall_{false};
  std::atomic<bool> stalled_{false};
  std::mutex mu_;
  std::vector<ReceivedMail> received_;
  std::string reject_;
  std::thread thread_;
};

}  // namespace jianbao::mail

#endif  // JIANBAO_MAIL_FAKE_SMTP_H_
