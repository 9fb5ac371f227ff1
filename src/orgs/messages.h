// Copyright 2026 The Jianbao Authors.
//
// The orgs module's message catalogue (organisations, users, passwords and sign-in): the Chinese
// and English texts of every Status key the module returns. cli/wiring.cc adds it at start-up;
// messages_test.cc checks it is complete.

#ifndef JIANBAO_ORGS_MESSAGES_H_
#define JIANBAO_ORGS_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::orgs {

// Returns this module's catalogue. Thread safety: callable from any thread.
const messages::Catalogue& Messages();

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_MESSAGES_H_
