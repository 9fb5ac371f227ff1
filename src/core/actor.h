// Copyright 2026 The Jianbao Authors.
//
// Actor: the signed-in person on whose behalf a service method runs.
// Services check roles and organisation scope against it; the HTTP layer
// builds it from the session, the CLI builds a system actor.

#ifndef JIANBAO_CORE_ACTOR_H_
#define JIANBAO_CORE_ACTOR_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace jianbao {

// Role names as stored and sent over the API.
inline constexpr const char* kRoleAdmin = "admin";
inline constexpr const char* kRoleEditor = "editor";
inline constexpr const char* kRoleApprover = "approver";
inline constexpr const char* kRoleReporter = "reporter";
inline constexpr const char* kRoleMember = "member";
inline constexpr const char* kRoleComplaintHandler = "complaint_handler";
inline constexpr const char* kRoleOperatorLiaison = "operator_liaison";

// Returns every role name, in display order.
inline const std::vector<std::string>& AllRoles() {
  static const std::vector<std::string> kAll = {kRoleAdmin,  kRoleEditor,
                                                kRoleApprover, kRoleReporter,
                                                kRoleMember, kRoleComplaintHandler,
                                                kRoleOperatorLiaison};
  return kAll;
}

struct Actor {
  int64_t user_id = 0;  // 0 for the system actor (CLI, demo loader).
  std::string login;
  std::string name;
  int64_t org_id = 0;
  std::string org_code;
  std::vector<std::string> roles;
  std::string ip;  // remote address, for the audit log; empty from the CLI.

  bool HasRole(const std::string& role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }
  bool is_system() const { return user_id == 0; }

  // Returns the actor used by command-line tools: every role, no organisation scope.
  static Actor System() {
    Actor a;
    a.login = "system";
    a.name = "system";
    a.roles = AllRoles();
    return a;
  }
};

}  // namespace jianbao

#endif  // JIANBAO_CORE_ACTOR_H_
