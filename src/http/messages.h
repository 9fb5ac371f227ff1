// Copyright 2026 The Jianbao Authors.
//
// The http module's message catalogue (requests the HTTP layer refuses before a handler runs): the
// Chinese and English texts of every Status key the module returns. cli/wiring.cc adds it at
// start-up; messages_test.cc checks it is complete.

#ifndef JIANBAO_HTTP_MESSAGES_H_
#define JIANBAO_HTTP_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::http {

// Returns this module's catalogue. Thread safety: callable from any thread.
const messages::Catalogue& Messages();

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_MESSAGES_H_
