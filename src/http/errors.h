// Copyright 2026 The Jianbao Authors.
//
// The one error renderer: Status → HTTP response with the body
// {"error":{"code","key","message","field"}} in the client's language.

#ifndef JIANBAO_HTTP_ERRORS_H_
#define JIANBAO_HTTP_ERRORS_H_

#include <string>

#include "core/messages.h"
#include "core/status.h"
#include "http/request.h"

namespace jianbao::http {

// Returns this module's message catalogue: the Chinese and English texts of
// every Status key it returns (messages.cc; cli/wiring.cc adds it at start-up,
// messages_test.cc checks it is complete). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// Returns the HTTP status that a code maps to (kNotFound → 404, …).
int HttpStatusFor(Code code);

// Returns the response for a non-OK status. `lang` is "zh" or "en". The
// message is translated by the status key when a translation exists, else the
// status message is used as is. 429 carries Retry-After.
Response ErrorResponse(const Status& status, const std::string& lang);

// Returns the translated message for `status` in `lang`: the catalogue text of
// its key with "{field}" and each "{detail}" placeholder filled in from the
// status, or the status's own message for a key no catalogue has.
std::string LocalizedMessage(const Status& status, const std::string& lang);

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_ERRORS_H_
