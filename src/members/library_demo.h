// Copyright 2026 The Jianbao Authors.
//
// Demo data of the policy library and training (`jianbao serve --demo`).

#ifndef JIANBAO_MEMBERS_LIBRARY_DEMO_H_
#define JIANBAO_MEMBERS_LIBRARY_DEMO_H_

#include "members/library.h"
#include "orgs/service.h"

namespace jianbao::members {

// Adds two policies and a course (postponed once) that the demo member
// attended. REQUIRES: the orgs demo data is loaded.
Status LoadLibraryDemo(LibraryService& svc, orgs::OrgService& orgs);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_LIBRARY_DEMO_H_
