// Copyright 2026 The Jianbao Authors.
//
// The complaint desk's message catalogue: zh and en texts for every Status
// key the module returns, the notification titles, and the labels of states,
// actions, kinds, categories, operators and export columns.

#ifndef JIANBAO_COMPLAINTS_MESSAGES_H_
#define JIANBAO_COMPLAINTS_MESSAGES_H_

#include "core/messages.h"

namespace jianbao::complaints {

// Returns the catalogue (module "complaints"). Thread safety: immutable.
const messages::Catalogue& Messages();

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_MESSAGES_H_
