// Copyright 2026 The Jianbao Authors.
//
// The typeset module's message catalogue (typesetting limits): the Chinese and English
// texts of every Status key the module returns. cli/wiring.cc adds it at
// start-up; messages_test.cc checks it is complete.

#ifndef JIANBAO_TYPESET_MESSAGES_H_
#define JIANBAO_TYPESET_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::typeset {

// Returns this module's catalogue. Thread safety: callable from any thread.
const messages::Catalogue& Messages();

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_MESSAGES_H_
