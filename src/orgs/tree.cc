// Copyright 2026 The Jianbao Authors.

#include "orgs/tree.h"

#include <algorithm>

namespace jianbao::orgs {

OrgTree::OrgTree(std::vector<Org> orgs) : orgs_(std::move(orgs)), children_(orgs_.size()) {
  for (size_t i = 0; i < orgs_.size(); ++i) {
    by_code_.emplace(orgs_[i].code, i);
    by_id_.emplace(orgs_[i].id, i);
  }
  for (size_t i = 0; i < orgs_.size(); ++i) {
    auto parent = by_code_.find(orgs_[i].parent_code);
    if (!orgs_[i].parent_code.empty() && parent != by_code_.end()) {
      children_[parent->second].push_back(i);
    }
  }
}

const Org* OrgTree::Find(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &orgs_[it->second];
}

const Org* OrgTree::FindId(int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &orgs_[it->second];
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

std::vector<size_t> OrgTree::Subtree(size_t root) const {
  // Breadth first over the child lists; `seen` guards against a cycle in damaged data.
  std::vector<size_t> out = {root};
  std::vector<bool> seen(orgs_.size(), false);
  seen[root] = true;
  for (size_t i = 0; i < out.size(); ++i) {
    for (size_t child : children_[out[i]]) {
      if (!seen[child]) {
        seen[child] = true;
        out.push_back(child);
      }
    }
  }
  return out;
}

std::vector<std::string> OrgTree::SubtreeCodes(const std::string& root) const {
  std::vector<std::string> out;
  auto it = by_code_.find(root);
  if (it == by_code_.end()) return out;
  for (size_t i : Subtree(it->second)) out.push_back(orgs_[i].code);
  return out;
}

std::vector<int64_t> OrgTree::SubtreeIds(int64_t root_id) const {
  auto it = by_id_.find(root_id);
  if (it == by_id_.end()) return {root_id};
  std::vector<int64_t> out;
  for (size_t i : Subtree(it->second)) out.push_back(orgs_[i].id);
  return out;
}

bool OrgTree::IsIdAtOrBelow(int64_t id, int64_t ancestor_id) const {
  const Org* o = FindId(id);
  for (size_t depth = 0; o && depth <= orgs_.size(); ++depth) {
    if (o->id == ancestor_id) return true;
    o = o->parent_code.empty() ? nullptr : Find(o->parent_code);
  }
  return id == ancestor_id;
}

}  // namespace jianbao::orgs
