// Copyright 2026 The Jianbao Authors.
//
// The submissions module's message catalogue (pieces, their workflow, files, commissions and
// statistics): the Chinese and English texts of every Status key the module returns. cli/wiring.cc
// adds it at start-up; messages_test.cc checks it is complete.

#ifndef JIANBAO_SUBMISSIONS_MESSAGES_H_
#define JIANBAO_SUBMISSIONS_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::submissions {

// Returns this module's catalogue. Thread safety: callable from any thread.
const messages::Catalogue& Messages();

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_MESSAGES_H_
