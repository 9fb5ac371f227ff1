// Copyright 2026 The Jianbao Authors.

#include "http/errors.h"

#include <algorithm>
#include <map>

#include "core/messages.h"
#include "http/json_io.h"

namespace jianbao::http {

int HttpStatusFor(Code code) {
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kInvalidArgument:
      return 400;
    case Code::kUnauthenticated:
      return 401;
    case Code::kPermissionDenied:
      return 403;
    case Code::kNotFound:
      return 404;
    case Code::kConflict:
      return 409;
    case Code::kPreconditionFailed:
      return 412;
    case Code::kPayloadTooLarge:
      return 413;
    case Code::kUnsupportedMediaType:
      return 415;
    case Code::kTooManyRequests:
      return 429;
    case Code::kUnavailable:
      return 503;
    case Code::kInternal:
      return 500;
  }
  return 500;
}

std::string LocalizedMessage(const Status& status, const std::string& lang) {
  if (!messages::Find(status.key())) return status.message();
  // A message of its own for this key and field ("required.sections"), else
  // the key's text with the field named as the forms label it.
  std::string key = status.key();
  if (!status.field().empty() && messages::Find(key + "." + status.field())) {
    key += "." + status.field();
  }
  const bool technical = key == "unknown_field" || key == "duplicate_field";
  std::map<std::string, std::string> values = {
      {"field", status.field().empty() ? "?"
                : technical            ? status.field()
                                       : messages::FieldLabel(status.field(), lang)}};
  for (const auto& [name, value] : status.details()) values[name] = std::to_string(value);
  for (const auto& [name, value] : status.texts()) values[name] = value;
  return messages::Format(messages::Text(key, lang), values);
}

Response ErrorResponse(const Status& status, const std::string& lang) {
  Json body = {{"error",
                {{"code", CodeName(status.code())},
                 {"key", status.key()},
                 {"message", LocalizedMessage(status, lang)},
                 {"field", status.field()}}}};
  if (!status.details().empty()) body["error"]["details"] = status.details();
  for (const auto& [name, value] : status.texts()) body["error"]["details"][name] = value;
  Response r = JsonResponse(HttpStatusFor(status.code()), body);
  if (status.code() == Code::kTooManyRequests) {
    r.Header("Retry-After", std::to_string(std::max(1, status.retry_after_seconds())));
  }
  return r;
}

}  // namespace jianbao::http
