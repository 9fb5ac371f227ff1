// Copyright 2026 The Jianbao Authors.

#include "mail/smtp.h"

#include <curl/curl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace jianbao::mail {
namespace {

struct Reader {
  const std::string* data;
  size_t pos = 0;
  const std::function<bool()>* before_end = nullptr;
};

size_t ReadChunk(char* buffer, size_t size, size_t nitems, void* userdata) {
  auto* r = static_cast<Reader*>(userdata);
  if (r->pos == r->data->size() && r->before_end && *r->before_end) {
    const bool go_on = (*r->before_end)();
    r->before_end = nullptr;  // once
    if (!go_on) return CURL_READFUNC_ABORT;
  }
  const size_t n = std::min(size * nitems, r->data->size() - r->pos);
  std::memcpy(buffer, r->data->data() + r->pos, n);
  r->pos += n;
  return n;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// libcurl opens and closes its socket through these, so a SendCancel can
// shut it down from another thread.
curl_socket_t OpenSocket(void* clientp, curlsocktype, curl_sockaddr* address) {
  const int fd = ::socket(address->family, address->socktype, address->protocol);
  if (fd >= 0 && !static_cast<SendCancel*>(clientp)->Attach(fd)) {
    ::close(fd);
    return CURL_SOCKET_BAD;
  }
  return fd < 0 ? CURL_SOCKET_BAD : fd;
}

int CloseSocket(void* clientp, curl_socket_t fd) {
  static_cast<SendCancel*>(clientp)->Detach(fd);
  return ::close(fd);
}

bool HasScheme(const std::string& url, const char* scheme) {
  return url.rfind(scheme, 0) == 0 && url.size() > std::strlen(scheme);
}

}  // namespace

void SendCancel::Cancel() {
  std::lock_guard<std::mutex> lock(mu_);
  cancelled_ = true;
  if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

bool SendCancel::Attach(int fd) {
  std::lock_guard<std::mutex> lock(mu_);
  if (cancelled_) return false;
  fd_ = fd;
  return true;
}

void SendCancel::Detach(int fd) {
  std::lock_guard<std::mutex> lock(mu_);
  if (fd_ == fd) fd_ = -1;
}

SmtpConfig SmtpConfigFrom(const Config& config) {
  SmtpConfig c;
  c.url = config.GetString("mail.smtp_url", "");
  c.from = config.GetString("mail.from", "");
  c.from_name = config.GetString("mail.from_name", c.from_name);
  c.username = config.GetString("mail.username", "");
  c.password = config.GetString("mail.password", "");
  c.starttls = config.GetString("mail.starttls", c.starttls);
  c.timeout_seconds = static_cast<int>(config.GetInt("mail.timeout_seconds", 60));
  c.public_url = config.GetString("server.public_url", "");
  while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
  return c;
}

Status ValidateSmtpConfig(const SmtpConfig& c) {
  if (!HasScheme(c.url, "smtp://") && !HasScheme(c.url, "smtps://")) {
    return Status::Invalid("mail.smtp_url", "invalid_config",
                           "mail.smtp_url must start with smtp:// or smtps://");
  }
  if (c.from.empty() || c.from.find('@') == std::string::npos ||
      c.from.find_first_of("<>\r\n ") != std::string::npos) {
    return Status::Invalid("mail.from", "invalid_config", "mail.from must be an e-mail address");
  }
  if (c.starttls != "required" && c.starttls != "try" && c.starttls != "off") {
    return Status::Invalid("mail.starttls", "invalid_config",
                           "mail.starttls must be required, try or off");
  }
  if (!c.public_url.empty() &&
      ((!HasScheme(c.public_url, "http://") && !HasScheme(c.public_url, "https://")) ||
       c.public_url.find_first_of("\"'<> \r\n") != std::string::npos)) {
    return Status::Invalid("server.public_url", "invalid_config",
                           "server.public_url must be an http:// or https:// address");
  }
  if (c.timeout_seconds < 1 || c.timeout_seconds > 3600) {
    return Status::Invalid("mail.timeout_seconds", "invalid_config",
                           "mail.timeout_seconds must be 1 to 3600");
  }
  return Status::Ok();
}

Status SendMail(const SmtpConfig& config, const std::vector<std::string>& recipients,
                const std::string& data, SendCancel* cancel,
                const std::function<bool()>& before_end) {
  JB_RETURN_IF_ERROR(ValidateSmtpConfig(config));
  if (recipients.empty()) return Status::Invalid("to", "required", "no recipients");
  GlobalInit();
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return Status(Code::kUnavailable, "mail_failed", "libcurl could not start");
  std::unique_ptr<curl_slist, SlistFree> rcpt;
  for (const std::string& r : recipients) rcpt.reset(curl_slist_append(rcpt.release(), r.c_str()));
  Reader reader{&data, 0, &before_end};
  const std::string from = "<" + config.from + ">";
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, config.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(c, CURLOPT_READDATA, &reader);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(config.timeout_seconds));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
  if (cancel) {
    if (cancel->cancelled()) return Status(Code::kUnavailable, "mail_failed", "cancelled");
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, OpenSocket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, cancel);
    curl_easy_setopt(c, CURLOPT_CLOSESOCKETFUNCTION, CloseSocket);
    curl_easy_setopt(c, CURLOPT_CLOSESOCKETDATA, cancel);
  }
  if (config.starttls == "required") curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  if (config.starttls == "try") curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_TRY);
  if (!config.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, config.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, config.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    std::string why = error[0] ? error : curl_easy_strerror(rc);
    return Status(Code::kUnavailable, "mail_failed", "SMTP delivery failed: " + why);
  }
  return Status::Ok();
}

}  // namespace jianbao::mail
