// Copyright 2026 The Jianbao Authors.
//
// Demo data of the complaint desk: the regions of the demo associations and
// the operators of the demo operator organisations, and realistic cases of
// Hubei in every state (the desk hubei-desk, the China Mobile Hubei liaison
// `liaison`), filed and handled over the past weeks by the service itself.

#ifndef JIANBAO_COMPLAINTS_DEMO_H_
#define JIANBAO_COMPLAINTS_DEMO_H_

#include "complaints/service.h"
#include "orgs/service.h"

namespace jianbao::complaints {

// Loads the demo data. REQUIRES: the orgs module's demo data is loaded and no
// request is being served (it moves the service's clock and restores it).
Status LoadDemo(ComplaintService& service, orgs::OrgService& orgs);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_DEMO_H_
