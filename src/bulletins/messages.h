// Copyright 2026 The Jianbao Authors.
//
// The bulletins module's message catalogue (bulletin series and issues: workflow, authority and
// rendering): the Chinese and English texts of every Status key the module returns. cli/wiring.cc
// adds it at start-up; messages_test.cc checks it is complete.

#ifndef JIANBAO_BULLETINS_MESSAGES_H_
#define JIANBAO_BULLETINS_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::bulletins {

// Returns this module's catalogue. Thread safety: callable from any thread.
const messages::Catalogue& Messages();

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_MESSAGES_H_
