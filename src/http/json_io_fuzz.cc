// Copyright 2026 The Jianbao Authors.
//
// Fuzzes request-body parsing and the typed field getters: whatever the bytes,
// they must return a value or a Status, never crash or hang.

#include <cstddef>
#include <cstdint>
#include <string>

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
  (void)jianbao::http::ParseQuery(body);
  jianbao::http::Request req;
  req.headers["cookie"] = body;
  (void)req.Cookie("jb_session");
  return 0;
}
