// Copyright 2026 The Jianbao Authors.

#include "mail/fake_smtp.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace jianbao::mail {
namespace {

void Say(int fd, const std::string& line) {
  const std::string out = line + "\r\n";
  (void)!::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
}

// Reads one CRLF-terminated line into `line` (without CRLF); false at EOF.
bool ReadLine(int fd, std::string* buffer, std::string* line) {
  for (;;) {
    const size_t eol = buffer->find("\r\n");
    if (eol != std::string::npos) {
      *line = buffer->substr(0, eol);
      buffer->erase(0, eol + 2);
      return true;
    }
    char chunk[4096];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer->append(chunk, static_cast<size_t>(n));
  }
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "<a@b>" from "MAIL FROM:<a@b> SIZE=…".
std::string AngleAddress(const std::string& line) {
  const size_t open = line.find('<'), close = line.find('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return line.substr(open + 1, close - open - 1);
}

}  // namespace

FakeSmtpServer::FakeSmtpServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::listen(listen_fd_, 8);
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

FakeSmtpServer::~FakeSmtpServer() {
  stop_ = true;
  thread_.join();
  ::close(listen_fd_);
}

void FakeSmtpServer::RejectRecipientsContaining(const std::string& text) {
  std::lock_guard<std::mutex> lock(mu_);
  reject_ = text;
}

std::vector<ReceivedMail> FakeSmtpServer::Received() {
  std::lock_guard<std::mutex> lock(mu_);
  return received_;
}

void FakeSmtpServer::Serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    Session(fd);
    ::close(fd);
  }
}

void FakeSmtpServer::Session(int fd) {
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  Say(fd, "220 fake.smtp ESMTP");
  std::string buffer, line;
  ReceivedMail mail;
  while (ReadLine(fd, &buffer, &line)) {
    const std::string cmd = Upper(line.substr(0, 4));
    if (cmd == "EHLO") {
      Say(fd, "250-fake.smtp");
      Say(fd, "250 8BITMIME");
    } else if (cmd == "HELO" || cmd == "NOOP") {
      Say(fd, "250 ok");
    } else if (cmd == "MAIL") {
      mail = ReceivedMail{AngleAddress(line), {}, ""};
      Say(fd, "250 ok");
    } else if (cmd == "RCPT") {
      std::string to = AngleAddress(line);
      std::lock_guard<std::mutex> lock(mu_);
      if (!reject_.empty() && to.find(reject_) != std::string::npos) {
        Say(fd, "550 no such user");
      } else {
        mail.to.push_back(to);
        Say(fd, "250 ok");
      }
    } else if (cmd == "DATA") {
      Say(fd, "354 go ahead");
      while (ReadLine(fd, &buffer, &line) && line != ".") {
        mail.data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\r\n";
      }
      stalled_ = stall_.load();
      while (stall_ && !stop_) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (stalled_.exchange(false)) return;  // the client gave up; drop the message
      {
        std::lock_guard<std::mutex> lock(mu_);
        received_.push_back(mail);
      }
      Say(fd, "250 queued");
    } else if (cmd == "RSET") {
      mail = ReceivedMail{};
      Say(fd, "250 ok");
    } else if (cmd == "QUIT") {
      Say(fd, "221 bye");
      return;
    } else {
      Say(fd, "502 not implemented");
    }
  }
}

}  // namespace jianbao::mail
