// Copyright 2026 The Jianbao Authors.
//
// Demo data for `make run`: six more member units of Hubei (imported from a
// CSV like an association would), profiles of the two demo units, a weekly
// schedule "湖北会员单位复工复产周报" (due on Fridays, from February 2020)
// with six weeks of reports — some late, some missing — whose needs are in
// follow-up, and the supplies ledger of the Hubei association.

#ifndef JIANBAO_MEMBERS_DEMO_H_
#define JIANBAO_MEMBERS_DEMO_H_

#include "members/service.h"
#include "orgs/service.h"

namespace jianbao::members {

// Loads the demo data. REQUIRES: the orgs demo data is loaded; nothing else
// uses `svc` meanwhile (its clock is set while reports are stored).
Status LoadDemo(MembersService& svc, orgs::OrgService& orgs);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_DEMO_H_
