// Copyright 2026 The Jianbao Authors.

#include "orgs/tree.h"

#include <algorithm>

namespace jianbao::orgs {

OrgTree::OrgTree(std::vector<Org> orgs) : orgs_(std::move(orgs)) {
  for (size_t i = 0; i < orgs_.size(); ++i) by_code_.emplace(orgs_[i].code, i);
}

const Org* OrgTree::Find(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &orgs_[it->second];
}

bool OrgTree::IsAtOrBelow(const std::string& code, const std::string& ancestor) const {
  const Org* o = Find(code);
  // The depth bound guards against a cycle in damaged data.
  for (size_t depth = 0; o && depth <= orgs_.size(); ++depth) {
    if (o->code == ancestor) return true;
    o = o->parent_code.empty() ? nullptr : Find(o->parent_code);
  }
  return false;
}

std::vector<std::string> OrgTree::SubtreeCodes(const std::string& root) const {
  std::vector<std::string> out;
  if (!Find(root)) return out;
  out.push_back(root);
  for (size_t i = 0; i < out.size(); ++i) {
    for (const Org& o : orgs_) {
      if (o.parent_code == out[i] && std::find(out.begin(), out.end(), o.code) == out.end()) {
        out.push_back(o.code);
      }
    }
  }
  return out;
}

std::vector<int64_t> OrgTree::SubtreeIds(int64_t root_id) const {
  auto root = std::find_if(orgs_.begin(), orgs_.end(), [&](const Org& o) { return o.id == root_id; });
  if (root == orgs_.end()) return {root_id};
  std::vector<int64_t> out;
  for (const std::string& code : SubtreeCodes(root->code)) out.push_back(Find(code)->id);
  return out;
}

bool OrgTree::IsIdAtOrBelow(int64_t id, int64_t ancestor_id) const {
  const std::vector<int64_t> below = SubtreeIds(ancestor_id);
  return std::find(below.begin(), below.end(), id) != below.end();
}

}  // namespace jianbao::orgs
