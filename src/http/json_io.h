// Copyright 2026 The Jianbao Authors.
//
// JSON in and out of handlers: strict body parsing (object, known fields,
// valid UTF-8, typed getters that name the offending field) and JSON responses.

#ifndef JIANBAO_HTTP_JSON_IO_H_
#define JIANBAO_HTTP_JSON_IO_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/status.h"
#include "http/request.h"

namespace jianbao::http {

using Json = nlohmann::json;

// Returns a response with `body` serialised and Content-Type application/json.
Response JsonResponse(int status, const Json& body);
// Returns 204 No Content.
Response NoContent();

// How deep arrays and objects may nest in a request body.
inline constexpr int kMaxBodyDepth = 64;

// Parses the request body as a JSON object whose keys are all in `allowed`.
// Nesting is capped while parsing (kMaxBodyDepth), so no body makes anything
// recurse deeply later. Returns kInvalidArgument naming the problem: not JSON
// ("invalid_json"), nested too deep ("json_too_deep"), a key repeated
// anywhere ("duplicate_field", field() = the key), not an object, invalid
// UTF-8, or an unknown field (field() = its name).
Result<Json> ParseObject(const std::string& body, const std::set<std::string>& allowed);

// Typed field getters. Each returns kInvalidArgument with field() = `key` when
// the value is missing (Required*), of the wrong type, empty after trimming
// (strings), longer than `max_chars` code points, or has control characters.
Result<std::string> RequiredString(const Json& obj, const std::string& key, size_t max_chars);
Result<std::optional<std::string>> OptionalString(const Json& obj, const std::string& key,
                                                  size_t max_chars);
Result<std::optional<bool>> OptionalBool(const Json& obj, const std::string& key);
Result<std::optional<int64_t>> OptionalInt(const Json& obj, const std::string& key, int64_t min,
                                           int64_t max);
Result<std::optional<std::vector<std::string>>> OptionalStringArray(const Json& obj,
                                                                    const std::string& key,
                                                                    size_t max_items,
                                                                    size_t max_chars);

// Reads ?page= and ?page_size= (1..100). Returns kInvalidArgument naming the parameter.
Result<PageRequest> ParsePage(const Request& req);

// Returns the API form of a page: {"items": [item_json(row)…], "total",
// "page", "page_size"} — the one list shape of every module.
// Returns {"items": items}, moving `items` in (a braced list would copy it:
// initializer lists are const).
inline Json ItemsObject(Json items) {
  Json out = Json::object();
  out["items"] = std::move(items);
  return out;
}

template <typename T, typename Fn>
Json PageJson(const jianbao::Page<T>& rows, const PageRequest& req, Fn item_json) {
  Json items = Json::array();
  for (const T& row : rows.items) items.push_back(item_json(row));
  // Built member by member: a braced list would copy `items` (initializer lists are const).
  Json out = Json::object();
  out["items"] = std::move(items);
  out["total"] = rows.total;
  out["page"] = req.page;
  out["page_size"] = req.page_size;
  return out;
}

// Returns the string value of `key` exactly as sent (no trimming or control
// character check: for passwords). kInvalidArgument "required" with field()
// = `key` when it is missing or not a string, or empty unless `allow_empty`.
Result<std::string> RequiredSecret(const Json& obj, const std::string& key, bool allow_empty);

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_JSON_IO_H_
