// Copyright 2026 The Jianbao Authors.
//
// What a robot is sent and how: the request of each kind (企业微信 markdown
// message, 钉钉 markdown message with the signed URL, a generic JSON body),
// the 钉钉 signature, the webhook URL check and an HTTP POST through
// libcurl that refuses private and loopback addresses unless allowed.
//
// Thread safety: every function may be called from any thread.

#ifndef JIANBAO_ROBOTS_SENDER_H_
#define JIANBAO_ROBOTS_SENDER_H_

#include <cstdint>
#include <string>

#include "core/status.h"
#include "robots/model.h"

namespace jianbao::robots {

struct Request {
  std::string url, body;  // body: JSON
};

// Returns the 钉钉 signature of `timestamp_ms`: base64(HMAC-SHA256(key =
// secret, "timestamp\nsecret")), URL-encoded.
std::string DingtalkSign(const std::string& secret, int64_t timestamp_ms);

// Returns the request announcing `e` through `robot`; a relative link is
// prefixed with `public_url`. `now_ms` signs 钉钉 requests.
Request BuildRequest(const Robot& robot, const Event& e, const std::string& public_url,
                     int64_t now_ms);

// Returns OK for an http(s) URL with a host, no credentials, no spaces or
// quotes, at most 2000 bytes; else kInvalidArgument "invalid_webhook_url".
Status CheckWebhookUrl(const std::string& url);

// Returns "abcd…wxyz" style: enough to recognise a secret, never all of it.
std::string Mask(const std::string& secret);

// Returns true for loopback, private (RFC 1918, fc00::/7), link-local,
// carrier-grade NAT, unspecified and multicast addresses (text form).
bool IsPrivateAddress(const std::string& ip);

struct HttpOptions {
  int timeout_seconds = 10;
  bool allow_private_hosts = false;
};

// POSTs `r` (Content-Type: application/json). OK for a 2xx answer whose
// body, when it is JSON with "errcode", has errcode 0 (the robots' own
// error report); else kUnavailable "robot_failed" with the reason.
Status Post(const Request& r, const HttpOptions& options);

}  // namespace jianbao::robots

#endif  // JIANBAO_ROBOTS_SENDER_H_
