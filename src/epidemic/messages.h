// Copyright 2026 The Jianbao Authors.
//
// The epidemic module's message catalogue (the epidemic desk: days, corrections, templates and
// imports): the Chinese and English texts of every Status key the module returns. cli/wiring.cc
// adds it at start-up; messages_test.cc checks it is complete.

#ifndef JIANBAO_EPIDEMIC_MESSAGES_H_
#define JIANBAO_EPIDEMIC_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::epidemic {

// Returns this module's catalogue. Thread safety: callable from any thread.
const messages::Catalogue& Messages();

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_MESSAGES_H_
