// Copyright 2026 The Jianbao Authors.
//
// OrgTree: the organisation tree as one value, for the questions every module
// asks of it ("is this organisation at or below that one?"). Built from
// OrgService::Tree (shared, cached) or repo::LoadOrgs; it never queries. Every
// question is answered from indexes built once (a tree of 5,000 member units
// answers in microseconds).
//
// Thread safety: immutable after construction; share freely.

#ifndef JIANBAO_ORGS_TREE_H_
#define JIANBAO_ORGS_TREE_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "orgs/model.h"

namespace jianbao::orgs {

class OrgTree {
 public:
  explicit OrgTree(std::vector<Org> orgs);

  // Returns the organisation with `code`, or null.
  const Org* Find(const std::string& code) const;
  // Returns the organisation with `id`, or null.
  const Org* FindId(int64_t id) const;
  // Returns true when `code` is `ancestor` or lies below it. False for unknown codes.
  bool IsAtOrBelow(const std::string& code, const std::string& ancestor) const;
  // Returns `root` and the codes of every organisation below it (empty for an unknown root).
  std::vector<std::string> SubtreeCodes(const std::string& root) const;
  // Returns `root_id` and the ids of every organisation below it (just
  // {root_id} for an id with no children or an unknown id).
  std::vector<int64_t> SubtreeIds(int64_t root_id) const;
  // Returns true when organisation `id` is `ancestor_id` or lies below it.
  bool IsIdAtOrBelow(int64_t id, int64_t ancestor_id) const;

  const std::vector<Org>& orgs() const { return orgs_; }

 private:
  // Indexes into orgs_ of `root` and everything below it, breadth first.
  std::vector<size_t> Subtree(size_t root) const;

  std::vector<Org> orgs_;
  std::vector<std::vector<size_t>> children_;  // by index into orgs_
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<int64_t, size_t> by_id_;
};

}  // namespace jianbao::orgs

#endif  // JIANBAO_ORGS_TREE_H_
