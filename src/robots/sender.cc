// Copyright 2026 The Jianbao Authors.

#include "robots/sender.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

namespace jianbao::robots {
namespace {

std::string Base64(const unsigned char* data, size_t n) {
  std::string out(4 * ((n + 2) / 3) + 1, '\0');
  const int len =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(n));
  out.resize(len);
  return out;
}

std::string UrlEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Markdown(const Event& e, const std::string& link) {
  std::string text = "**" + e.title + "**";
  if (!e.number.empty()) text += "\n> " + e.number;
  if (!link.empty()) text += "\n\n[" + link + "](" + link + ")";
  return text;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct SocketCheck {
  bool allow_private = false;
  bool refused = false;
};

// libcurl opens every socket through this, after resolving: the address
// actually connected to is checked (a name resolving to 127.0.0.1 is caught).
curl_socket_t OpenSocket(void* clientp, curlsocktype, curl_sockaddr* address) {
  auto* check = static_cast<SocketCheck*>(clientp);
  char ip[INET6_ADDRSTRLEN] = {0};
  if (address->family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address->addr)->sin_addr, ip, sizeof ip);
  } else if (address->family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address->addr)->sin6_addr, ip, sizeof ip);
  }
  if (!check->allow_private && (ip[0] == '\0' || IsPrivateAddress(ip))) {
    check->refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

size_t Collect(char* data, size_t size, size_t n, void* out) {
  auto* s = static_cast<std::string*>(out);
  if (s->size() < 64 * 1024) s->append(data, size * n);
  return size * n;
}

}  // namespace

std::string DingtalkSign(const std::string& secret, int64_t timestamp_ms) {
  const std::string text = std::to_string(timestamp_ms) + "\n" + secret;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), mac, &len);
  return UrlEncode(Base64(mac, len));
}

Request BuildRequest(const Robot& robot, const Event& e, const std::string& public_url,
                     int64_t now_ms) {
  std::string link = e.link;
  if (!link.empty() && link[0] == '/') link = public_url + link;
  Request r;
  r.url = robot.url;
  nlohmann::json body;
  if (robot.kind == "wecom") {
    body = {{"msgtype", "markdown"}, {"markdown", {{"content", Markdown(e, link)}}}};
  } else if (robot.kind == "dingtalk") {
    body = {{"msgtype", "markdown"},
            {"markdown", {{"title", e.title}, {"text", Markdown(e, link)}}}};
    if (!robot.secret.empty()) {
      r.url += (r.url.find('?') == std::string::npos ? "?" : "&");
      r.url +=
          "timestamp=" + std::to_string(now_ms) + "&sign=" + DingtalkSign(robot.secret, now_ms);
    }
  } else {
    body = {{"event", e.event}, {"title", e.title}, {"number", e.number}, {"link", link}};
  }
  r.body = body.dump();
  return r;
}

Status CheckWebhookUrl(const std::string& url) {
  const Status bad = Status::Invalid("url", "invalid_webhook_url", "url: an http or https address");
  size_t host = 0;
  if (url.rfind("http://", 0) == 0) {
    host = 7;
  } else if (url.rfind("https://", 0) == 0) {
    host = 8;
  } else {
    return bad;
  }
  if (url.size() > 2000 || host >= url.size() || url[host] == '/') return bad;
  const size_t end = url.find_first_of("/?#", host);
  if (url.substr(host, end - host).find('@') != std::string::npos) return bad;
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return bad;
  }
  return Status::Ok();
}

std::string Mask(const std::string& secret) {
  if (secret.empty()) return "";
  if (secret.size() <= 8) return "****";
  return secret.substr(0, 4) + "…" + secret.substr(secret.size() - 4);
}

bool IsPrivateAddress(const std::string& ip) {
  in_addr v4{};
  if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
    const uint32_t a = ntohl(v4.s_addr);
    auto in = [a](uint32_t net, int bits) {
      return bits == 0 || (a >> (32 - bits)) == (net >> (32 - bits));
    };
    return in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) || in(0xA9FE0000, 16) ||
           in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x64400000, 10) || in(0xC0000000, 24) ||
           in(0xE0000000, 3);
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, ip.c_str(), &v6) != 1) return true;  // not an address: refuse
  const unsigned char* b = v6.s6_addr;
  static const unsigned char kZero[16] = {0};
  if (std::memcmp(b, kZero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
  if ((b[0] & 0xfe) == 0xfc) return true;                                         // fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;                         // fe80::/10
  if (b[0] == 0xff) return true;                                                  // multicast
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMapped, 12) == 0) {
    char ip4[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, b + 12, ip4, sizeof ip4);
    return IsPrivateAddress(ip4);
  }
  return false;
}

Status Post(const Request& r, const HttpOptions& options) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return Status(Code::kUnavailable, "robot_failed", "libcurl could not start");
  std::unique_ptr<curl_slist, SlistFree> headers(
      curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8"));
  SocketCheck check{options.allow_private_hosts, false};
  std::string answer;
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(r.body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, OpenSocket);
  curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &check);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options.timeout_seconds));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options.timeout_seconds));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(c);
  if (check.refused) {
    return Status(Code::kUnavailable, "robot_failed",
                  "the webhook's host is a private or loopback address "
                  "(robots.allow_private_hosts is off)");
  }
  if (rc != CURLE_OK) {
    return Status(Code::kUnavailable, "robot_failed",
                  std::string(error[0] ? error : curl_easy_strerror(rc)));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) {
    return Status(Code::kUnavailable, "robot_failed",
                  "HTTP " + std::to_string(status) + ": " + answer.substr(0, 200));
  }
  auto j = nlohmann::json::parse(answer, nullptr, false);
  if (j.is_object() && j.contains("errcode") && j["errcode"].is_number_integer() &&
      j["errcode"].get<int64_t>() != 0) {
    return Status(Code::kUnavailable, "robot_failed",
                  "the robot answered " + answer.substr(0, 200));
  }
  return Status::Ok();
}

}  // namespace jianbao::robots
