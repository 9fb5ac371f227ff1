// Copyright 2026 The Jianbao Authors.
//
// Demo data of the organisations module: the seed bulletin's organisations
// and one user per role. Every demo user has the password kDemoPassword.

#ifndef JIANBAO_ORGS_DEMO_H_
#define JIANBAO_ORGS_DEMO_H_

#include <string>
#include <vector>

#include "orgs/service.h"

namespace jianbao::orgs {

inline constexpr const char* kDemoPassword = "Jianbao@2020";

struct DemoLogin {
  std::string login, org, role, name;
};

// Returns the demo sign-ins, in the order the README and `make run` print them.
const std::vector<DemoLogin>& DemoLogins();

// Creates the demo organisations and users. REQUIRES: an empty database.
// Returns the first failure; nothing is half-created for one item.
Status LoadDemo(OrgService& service);

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_DEMO_H_
