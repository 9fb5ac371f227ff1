// Copyright 2026 The Jianbao Authors.
//
// Internal to service*.cc: the actor's place in the organisation
// tree, and small helpers shared by the service's files.

#ifndef JIANBAO_SUBMISSIONS_SERVICE_INTERNAL_H_
#define JIANBAO_SUBMISSIONS_SERVICE_INTERNAL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "submissions/service.h"

namespace jianbao::submissions {

struct SubmissionService::Scope {
  std::shared_ptr<const orgs::OrgTree> tree;  // every organisation (OrgService::Tree)
  int64_t association = 0;       // the actor's association (0 when none)
  std::vector<int64_t> targets;  // associations strictly above the actor's organisation

  const std::vector<orgs::Org>& orgs() const { return tree->orgs(); }
  const orgs::Org* Find(int64_t id) const { return tree->FindId(id); }
  const orgs::Org* FindCode(const std::string& code) const { return tree->Find(code); }
  // Returns the nearest national/provincial organisation at or above `org`, or 0.
  int64_t AssociationOf(int64_t org) const;
  // Returns `association` and the organisations that work for it (its secretariats).
  std::vector<int64_t> StaffOrgs(int64_t association) const;
  // Returns true when `ancestor` is `org` or above it.
  bool IsAtOrAbove(int64_t ancestor, int64_t org) const;
};

namespace internal {

inline bool IsAssociationKind(const std::string& kind) {
  return kind == "national" || kind == "provincial";
}

// The audit form of a piece's workflow facts.
nlohmann::json AuditState(const Piece& p);

// Returns a kNotFound status for a piece id.
Status PieceNotFound(int64_t id);

// Returns an attachment's file name: the last path component of `name`
// without control characters or quotes, at most 120 characters, or
// "attachment" plus the extension of `mime` when nothing usable is left.
std::string CleanName(const std::string& name, const std::string& mime);

}  // namespace internal
}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_SERVICE_INTERNAL_H_
