// Copyright 2026 The Jianbao Authors.
//
// Member units: the list with profiles, and the all-or-nothing import.

#include <soci/soci.h>

#include <algorithm>

#include "core/clock.h"
#include "members/credit_code.h"
#include "members/import.h"
#include "members/repository.h"
#include "members/service.h"
#include "members/service_internal.h"
#include "orgs/repository.h"
#include "orgs/service.h"

namespace jianbao::members {

using internal::LoadScope;
using internal::Scope;

namespace {

bool Matches(const Member& m, const std::string& text) {
  return text.empty() || m.name.find(text) != std::string::npos ||
         m.short_name.find(text) != std::string::npos ||
         m.credit_code.find(text) != std::string::npos || m.code.find(text) != std::string::npos;
}

}  // namespace

Result<Page<Member>> MembersService::ListMembers(const Actor& actor, const MemberFilter& filter,
                                                 const PageRequest& page) {
  Page<Member> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    if (!scope->system() && !scope->association()) {
      return Status::Denied("member lists are kept by association staff");
    }
    int64_t parent = 0;
    if (!filter.parent.empty()) {
      const orgs::Org* p = scope->Find(filter.parent);
      if (!p) return Status::Invalid("parent", "org_not_found", "no such organisation");
      parent = p->id;
    }
    const std::map<int64_t, Member> profiles = repo::LoadProfiles(s);
    for (const orgs::Org& o : scope->tree().orgs()) {
      if ((o.kind != "member" && o.kind != "operator") || !scope->Covers(o.id)) continue;
      if (parent && !scope->IsAtOrBelow(o.id, parent)) continue;
      auto it = profiles.find(o.id);
      Member m = it == profiles.end() ? Member{} : it->second;
      m.org_id = o.id;
      m.code = o.code;
      m.name = o.name;
      m.short_name = o.short_name;
      m.parent_code = o.parent_code;
      if (!Matches(m, filter.text)) continue;
      ++out.total;
      if (out.total > page.offset() && out.items.size() < static_cast<size_t>(page.page_size)) {
        out.items.push_back(std::move(m));
      }
    }
    return Status::Ok();
  }));
  return out;
}

Status MembersService::SetProfile(const Actor& actor, const std::string& code,
                                  const Member& profile) {
  Member m = profile;
  m.credit_code = NormalizeCreditCode(profile.credit_code);
  if (!m.credit_code.empty() && !IsValidCreditCode(m.credit_code)) {
    return Status::Invalid("credit_code", "invalid_credit_code", "not a valid credit code")
        .set_text("value", m.credit_code);
  }
  return db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    const orgs::Org* o = scope->Find(code);
    if (!o) return Status::NotFound("org_not_found", "no such organisation");
    if (!scope->system() &&
        !(scope->association() && actor.HasRole(kRoleAdmin) && scope->Covers(o->id))) {
      return Status::Denied("profiles are kept by an administrator of the association");
    }
    if (!m.credit_code.empty()) {
      auto holder = repo::OrgOfCreditCode(s, m.credit_code);
      if (holder && *holder != o->id) {
        return Status::Conflict("duplicate", "another unit has that credit code", "credit_code");
      }
    }
    m.org_id = o->id;
    repo::SaveProfile(s, m, clock::NowIso());
    orgs::Audit(s, actor, "members.profile", "org", o->code, "", "{}");
    return Status::Ok();
  });
}

Result<ImportResult> MembersService::Import(const Actor& actor, const std::string& parent_code,
                                            const std::string& format, std::string_view bytes,
                                            bool dry_run) {
  JB_ASSIGN_OR_RETURN(Sheet sheet, ReadMemberSheet(format, bytes));
  JB_ASSIGN_OR_RETURN(MemberRows checked, CheckMemberRows(sheet));
  ImportResult result;
  result.dry_run = dry_run;
  result.errors = std::move(checked.errors);
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto scope = LoadScope(s, actor, trees_.get());
    const orgs::Org* parent = scope->Find(parent_code);
    if (!parent)
      return Status::Invalid("parent", "parent_not_found", "no such parent: " + parent_code);
    if (parent->kind != "national" && parent->kind != "provincial") {
      return Status::Invalid("parent", "parent_not_association",
                             "members are imported under an association");
    }
    if (!scope->system() &&
        !(scope->association() && actor.HasRole(kRoleAdmin) && scope->Covers(parent->id))) {
      return Status::Denied("member lists are imported by an administrator of the association");
    }
    const std::map<int64_t, Member> profiles = repo::LoadProfiles(s);
    std::map<std::string, int64_t> by_credit;
    for (const auto& [org, m] : profiles) {
      if (!m.credit_code.empty()) by_credit[m.credit_code] = org;
    }
    for (ImportRow& row : checked.rows) {
      auto it = by_credit.find(row.member.credit_code);
      if (it != by_credit.end()) {
        const orgs::Org* o = scope->Find(it->second);
        if (!o || !scope->Covers(o->id)) {
          result.errors.push_back({row.row, "", "credit_code_elsewhere",
                                   "the unit is registered under another association",
                                   row.member.credit_code});
          continue;
        }
        row.action = "update";
        row.code = o->code;
        row.member.org_id = o->id;
        ++result.updated;
      } else {
        row.code = MemberCode(parent->code, row.member.credit_code);
        if (scope->Find(row.code)) {
          result.errors.push_back(
              {row.row, "", "member_code_taken", "the organisation code is taken", row.code});
          continue;
        }
        row.action = "create";
        ++result.created;
      }
      row.member.code = row.code;
      row.member.parent_code = parent->code;
    }
    std::sort(result.errors.begin(), result.errors.end(),
              [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
    result.rows = checked.rows;
    if (!result.errors.empty() || dry_run) return Status::Ok();
    const std::string now = clock::NowIso();
    const std::string by = actor.name.empty() ? actor.login : actor.name;
    // Rows that change nothing are not written; organisations and profiles
    // go in batches (orgs::repo::InsertOrgs / ClaimAndUpdateOrgs: each renamed
    // unit's version goes up once, stamped with `by` and `now`).
    std::vector<orgs::Org> created, renamed;
    std::vector<ImportRow*> created_rows;
    std::vector<Member> changed;
    for (ImportRow& row : result.rows) {
      orgs::Org org{row.member.org_id,     row.code, row.member.name,
                    row.member.short_name, "member", parent->id,
                    parent->code,          {},       ""};
      if (row.action == "create") {
        created.push_back(std::move(org));
        created_rows.push_back(&row);
        continue;
      }
      const orgs::Org* before = scope->Find(org.id);
      org.email = before->email;  // the contact e-mail is not a spreadsheet column
      if (before->name != org.name || before->short_name != org.short_name) {
        renamed.push_back(std::move(org));
      }
      auto old = profiles.find(row.member.org_id);
      const Member& m = row.member;
      if (old == profiles.end() || old->second.sector != m.sector ||
          old->second.contact != m.contact || old->second.phone != m.phone ||
          old->second.email != m.email) {
        changed.push_back(m);
      }
    }
    const std::vector<int64_t> ids = orgs::repo::InsertOrgs(s, created, now);
    for (size_t i = 0; i < ids.size(); ++i) {
      created_rows[i]->member.org_id = ids[i];
      changed.push_back(created_rows[i]->member);
    }
    JB_RETURN_IF_ERROR(orgs::repo::ClaimAndUpdateOrgs(s, renamed, by, now));
    repo::SaveProfiles(s, changed, now);
    orgs::Audit(s, actor, "members.import", "org", parent->code, "",
                "{\"created\":" + std::to_string(result.created) +
                    ",\"updated\":" + std::to_string(result.updated) + "}");
    result.stored = true;
    return Status::Ok();
  }));
  if (!result.errors.empty()) {
    result.created = 0;
    result.updated = 0;
  }
  return result;
}

}  // namespace jianbao::members
