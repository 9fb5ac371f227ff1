// Copyright 2026 The Jianbao Authors.
//
// Demo data of the bulletins module: the national secretariat's series and
// a provincial association's daily series; when the seed bulletin is present
// (read at run time from `seed_dir`, never stored in the repository) it is
// imported into the archive as an old issue.

#ifndef JIANBAO_BULLETINS_DEMO_H_
#define JIANBAO_BULLETINS_DEMO_H_

#include <string>

#include "bulletins/service.h"

namespace jianbao::bulletins {

// Allows the demo government recipients (miit and hubei-ca for the national
// association, hubei-ca for Hubei), creates the demo series and imports the
// seed from `seed_dir` if it exists. Returns the first error of the service.
// REQUIRES: the orgs demo data; an empty bulletins database.
Status LoadDemo(BulletinService& service, const std::string& seed_dir);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_DEMO_H_
