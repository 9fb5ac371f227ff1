// Copyright 2026 The Jianbao Authors.
//
// What the service files share: the actor's scope over the organisation tree.

#ifndef JIANBAO_MEMBERS_SERVICE_INTERNAL_H_
#define JIANBAO_MEMBERS_SERVICE_INTERNAL_H_

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/actor.h"
#include "orgs/tree.h"

namespace soci {
class session;
}

namespace jianbao::members::internal {

// The organisation tree as one actor sees it.
class Scope {
 public:
  Scope(const Actor& actor, std::vector<orgs::Org> orgs);
  // The same over a shared (cached) tree.
  Scope(const Actor& actor, std::shared_ptr<const orgs::OrgTree> tree);
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

  bool system() const { return system_; }
  // Association staff (admin or editor of a national, secretariat or provincial organisation).
  bool association() const { return association_; }
  // A member unit's user (member role, not association staff).
  bool member() const { return member_; }
  // The root of what the actor works on: the association, or the member's own unit.
  int64_t root() const { return root_; }

  // Returns true when organisation `id` lies in the actor's subtree (the system: always).
  bool Covers(int64_t id) const;
  // Returns every organisation id the actor may see data of.
  std::vector<int64_t> Ids() const;
  const orgs::Org* Find(int64_t id) const;
  const orgs::Org* Find(const std::string& code) const { return tree_->Find(code); }
  // Returns the provincial organisation at or above `id`, or null.
  const orgs::Org* Province(int64_t id) const;
  // Returns true when `id` is `ancestor` or lies below it (walks up the parents:
  // O(depth), unlike orgs::OrgTree::IsIdAtOrBelow, which lists the whole subtree).
  bool IsAtOrBelow(int64_t id, int64_t ancestor) const;
  const orgs::OrgTree& tree() const { return *tree_; }

 private:
  std::shared_ptr<const orgs::OrgTree> tree_;
  std::unordered_set<int64_t> covered_;  // association staff: the subtree of root_
  bool system_ = false, association_ = false, member_ = false;
  int64_t root_ = 0;
};

// The organisation tree of one database, read again only when
// orgs::repo::OrgsFingerprint changes (as OrgService::Tree; this module has
// no OrgService). Saves a dashboard over 5,000 units the reading of 5,002
// organisations per request.
//
// Thread safety: safe to share between threads.
class TreeCache {
 public:
  // Returns the tree as `s` sees it: the cached one while the fingerprint
  // read on `s` is the cached tree's.
  // REQUIRES: `s` has not changed organisations in its open transaction (a
  // tree with uncommitted organisations must not be cached).
  std::shared_ptr<const orgs::OrgTree> Get(soci::session& s);

 private:
  std::mutex mu_;  // guards the two below
  std::string key_;
  std::shared_ptr<const orgs::OrgTree> tree_;
};

// Loads the tree on `s` and returns the actor's scope.
std::unique_ptr<Scope> LoadScope(soci::session& s, const Actor& actor);
// The same through `cache` (see TreeCache::Get for what it REQUIRES).
std::unique_ptr<Scope> LoadScope(soci::session& s, const Actor& actor, TreeCache* cache);

// Counts a report just stored (of unit `org_id`, for day `day`, arrived at
// `submitted_unix`) in the per-period counts of every schedule of the unit.
void CountReport(soci::session& s, int64_t org_id, int64_t day, int64_t submitted_unix);

// Returns the name an organisation shows with (its short name when it has one).
std::string DisplayName(const orgs::Org& o);

// Returns "12.5" for 1250 hundredths, "120" for 12000.
std::string FormatQuantity(int64_t x100);

}  // namespace jianbao::members::internal

#endif  // JIANBAO_MEMBERS_SERVICE_INTERNAL_H_
