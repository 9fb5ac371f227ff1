// Copyright 2026 The Jianbao Authors.

#include "members/search_kind.h"

#include <cstdio>
#include <ctime>

#include "core/clock.h"
#include "members/library_repository.h"
#include "members/repository_notices.h"
#include "members/service_internal.h"

namespace jianbao::members {
namespace {

// Returns the Asia/Shanghai date of a UTC ISO-8601 time ("" when unreadable).
std::string ShanghaiDateOf(const std::string& iso) {
  std::tm tm{};
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3) {
    return "";
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return clock::ShanghaiDate(static_cast<int64_t>(timegm(&tm)));
}

std::string StaffKey(int64_t association) { return "staff:" + std::to_string(association); }
std::string UnitKey(int64_t org) { return "org:" + std::to_string(org); }

}  // namespace

search::Kind NoticeSearchKind(store::Database* db) {
  search::Kind k;
  k.name = "notice";
  k.load = [](soci::session& s, int64_t id) -> std::optional<search::Document> {
    std::optional<repo::NoticeRow> r = repo::FindNotice(s, id);
    if (!r) return std::nullopt;
    const Notice& n = r->notice;
    search::Document d;
    d.kind = "notice";
    d.id = n.id;
    d.title = n.title;
    d.body = n.body;
    d.org = n.sender.code;
    d.date = ShanghaiDateOf(n.status == "sent" && !n.sent_at.empty()
                                ? n.sent_at
                                : (n.updated_at.empty() ? n.created_at : n.updated_at));
    d.state = n.status;
    // As NoticeService's Visible: the association's staff always, the
    // recipient organisations' users once sent.
    d.readers = {StaffKey(r->org_id)};
    if (n.status == "sent") {
      for (const receipts::RecipientOrg& o : repo::NoticeRecipients(s, id)) {
        d.readers.push_back(UnitKey(o.id));
      }
    }
    return d;
  };
  k.ids = [](soci::session& s) { return repo::ListNoticeIds(s); };
  k.readers_of = [db](const Actor& actor) -> Result<std::vector<std::string>> {
    std::vector<std::string> keys;
    JB_RETURN_IF_ERROR(db->Read([&](soci::session& s) {
      auto scope = internal::LoadScope(s, actor);
      if (scope->system()) {
        keys = {search::kEveryDocument};
        return Status::Ok();
      }
      if (scope->association()) keys.push_back(StaffKey(scope->root()));
      if (scope->Find(actor.org_id)) keys.push_back(UnitKey(actor.org_id));
      return Status::Ok();
    }));
    return keys;
  };
  return k;
}

search::Kind PolicySearchKind() {
  search::Kind k;
  k.name = "policy";
  k.load = [](soci::session& s, int64_t id) -> std::optional<search::Document> {
    int64_t owner = 0;
    std::optional<Policy> p = library_repo::FindPolicy(s, id, &owner);
    if (!p) return std::nullopt;
    search::Document d;
    d.kind = "policy";
    d.id = p->id;
    d.title = p->title;
    std::string head = p->issuer;
    if (!p->doc_number.empty()) head += " " + p->doc_number;
    for (const std::string& t : p->tags) head += " " + t;
    d.body = head + "\n" + p->summary;
    d.org = library_repo::OrgCode(s, owner);
    d.date = clock::IsValidDate(p->issued_on) ? p->issued_on : ShanghaiDateOf(p->created_at);
    d.readers = {"signed_in"};
    return d;
  };
  k.ids = [](soci::session& s) { return library_repo::ListPolicyIds(s); };
  // Everyone signed in reads every policy (LibraryService::GetPolicy).
  k.readers_of = [](const Actor& actor) -> Result<std::vector<std::string>> {
    if (actor.is_system()) return std::vector<std::string>{search::kEveryDocument};
    return std::vector<std::string>{"signed_in"};
  };
  return k;
}

}  // namespace jianbao::members
