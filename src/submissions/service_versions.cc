// Copyright 2026 The Jianbao Authors.
//
// Versions of a piece and the line diff between two of them.

#include <soci/soci.h>

#include <map>
#include <tuple>

#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {

Result<std::vector<Version>> SubmissionService::Versions(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::vector<Version> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_RETURN_IF_ERROR(LoadVisible(s, actor, scope, id).status());
    out = repo::ListVersions(s, id);
    return Status::Ok();
  }));
  std::map<int64_t, Person> cache;
  for (Version& v : out) std::tie(v.author_name, v.author_unit) = NameOf(v.author_id, &cache);
  return out;
}

Result<Version> SubmissionService::GetVersion(const Actor& actor, int64_t id, int number) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  std::optional<Version> v;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    JB_RETURN_IF_ERROR(LoadVisible(s, actor, scope, id).status());
    v = repo::FindVersion(s, id, number);
    return Status::Ok();
  }));
  if (!v) return Status::NotFound("version_not_found", "no such version");
  std::map<int64_t, Person> cache;
  std::tie(v->author_name, v->author_unit) = NameOf(v->author_id, &cache);
  return *v;
}

Result<VersionDiff> SubmissionService::Diff(const Actor& actor, int64_t id, int from, int to) {
  JB_ASSIGN_OR_RETURN(Version a, GetVersion(actor, id, from));
  JB_ASSIGN_OR_RETURN(Version b, GetVersion(actor, id, to));
  VersionDiff d{a, b, DiffLines(a.body, b.body)};
  return d;
}

SubmissionService::Person SubmissionService::NameOf(int64_t user_id,
                                                    std::map<int64_t, Person>* cache) const {
  auto it = cache->find(user_id);
  if (it != cache->end()) return it->second;
  Person p;
  if (user_id > 0) {
    auto u = orgs_->GetUser(Actor::System(), user_id);
    if (u.ok()) {
      p = {u.value().name,
           u.value().org_short_name.empty() ? u.value().org_name : u.value().org_short_name};
    }
  }
  return cache->emplace(user_id, p).first->second;
}

}  // namespace jianbao::submissions
