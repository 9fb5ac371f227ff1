// Copyright 2026 The Jianbao Authors.
//
// The notify module's message catalogue (in-app notifications): the Chinese and English
// texts of every Status key the module returns. cli/wiring.cc adds it at
// start-up; messages_test.cc checks it is complete.

#ifndef JIANBAO_NOTIFY_MESSAGES_H_
#define JIANBAO_NOTIFY_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::notify {

// Returns this module's catalogue. Thread safety: callable from any thread.
const messages::Catalogue& Messages();

}  // namespace jianbao::notify

#endif  // JIANBAO_NOTIFY_MESSAGES_H_
