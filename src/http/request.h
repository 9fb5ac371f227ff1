// Copyright 2026 The Jianbao Authors.
//
// Request and Response: our own small HTTP values, so that handlers and their
// tests never see RESTinio. Only server.cc converts between the two worlds.

#ifndef JIANBAO_HTTP_REQUEST_H_
#define JIANBAO_HTTP_REQUEST_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/actor.h"
#include "core/status.h"

namespace jianbao::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // decoded path without the query, e.g. "/api/v1/users/3"
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote_ip;
  std::map<std::string, std::string> params;  // filled by the router from ":name" segments

  // Returns the header value or "" (name in lower case).
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  // Returns the query parameter or `def`.
  std::string Query(const std::string& name, const std::string& def = "") const {
    auto it = query.find(name);
    return it == query.end() ? def : it->second;
  }
  // Returns the value of cookie `name` or "".
  std::string Cookie(const std::string& name) const;
  // Returns "en" when the client prefers English, else "zh" (the default).
  std::string Language() const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // Returns the first header with this name (case-sensitive as set) or "".
  std::string GetHeader(const std::string& name) const;
};

// Returns the record version a write request expects (docs/api.md "Versions
// and If-Match"): the If-Match header ("3", W/"3" or 3) when present, else
// `body_version` (the JSON body's "version"); nullopt when neither is given
// or If-Match is "*". Errors: kInvalidArgument "wrong_type" (field
// "If-Match") for an If-Match that is not one version.
Result<std::optional<int64_t>> ExpectedVersion(const Request& req,
                                               std::optional<int64_t> body_version);

// Returns `r` with the ETag header of record version `version` ("\"3\"").
Response WithETag(Response r, int64_t version);

// Parses "a=1&b=%E7%AE%80" into a map; '+' means space. Malformed escapes are kept literally.
std::map<std::string, std::string> ParseQuery(const std::string& raw);

// Percent-decodes `s` ('+' is kept unless `plus_is_space`).
std::string PercentDecode(const std::string& s, bool plus_is_space);

// Returns `ip` in canonical text form ("::ffff:10.0.0.1" → "10.0.0.1",
// "0:0::1" → "::1"), or "" when it is not an IPv4 or IPv6 address.
std::string NormalizeAddress(const std::string& ip);

// Returns true for 127.0.0.0/8 and ::1.
bool IsLoopback(const std::string& ip);

// Parses the comma-separated addresses of `server.trusted_proxies`
// ("10.0.0.2, ::1"; "" = none) into canonical form. Returns
// kInvalidArgument naming the entry that is not an IP address.
Result<std::vector<std::string>> ParseAddressList(const std::string& csv);

// Returns the client's address for throttling, the audit log and /metrics.
// That is the direct peer (req.remote_ip), except when the peer is one of
// `trusted_proxies`: then X-Forwarded-For is read from the right, skipping
// trusted proxies, and the first address that is not one is the client (the
// left-most when all are trusted). A malformed X-Forwarded-For entry stops
// the walk and the last trusted hop is taken, so a client can never choose
// its address by sending the header itself.
std::string ClientAddress(const Request& req, const std::vector<std::string>& trusted_proxies);

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_REQUEST_H_
