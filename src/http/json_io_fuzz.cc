// Copyright 2026 The Jianbao Authors.
//
// Fuzzes request-body parsing and the typed field getters: whatever the bytes,
// they must return a value or a Status, never crash or hang. The seeds nest
// tens of thousands of levels deep (issue 11: a body nested 300,000 arrays
// deep crashed the server when the value was copied) and repeat keys.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/json_parse.h"
#include "http/json_io.h"
#include "http/request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto obj = jianbao::http::ParseObject(body, {"login", "password", "roles", "disabled", "n"});
  if (obj.ok()) {
    (void)jianbao::http::RequiredString(*obj, "login", 64);
    (void)jianbao::http::OptionalStringArray(*obj, "roles", 10, 32);
    (void)jianbao::http::OptionalBool(*obj, "disabled");
    (void)jianbao::http::OptionalInt(*obj, "n", -5, 5);
  }
  // Whatever parses is shallow enough to copy and print (both recurse).
  auto any = jianbao::ParseJson(body, 8);
  if (any.ok()) {
    const nlohmann::json copy = *any;
    (void)copy.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  (void)jianbao::http::ParseQuery(body);
  jianbao::http::Request req;
  req.headers["cookie"] = body;
  (void)req.Cookie("jb_session");
  return 0;
}
