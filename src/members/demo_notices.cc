// Copyright 2026 The Jianbao Authors.
//
// The demo notice: the Hubei association's letter of sympathy to member
// units and operators, sent; China Mobile Hubei acknowledged it, 楚天通信
// has not opened it yet, the units without accounts are external rows. And
// a saved recipient group "全省会员单位".

#include "members/notices.h"
#include "orgs/service.h"

namespace jianbao::members {
namespace {

// Returns the actor of the first user of organisation `code`.
Result<Actor> FirstUser(orgs::OrgService& orgs_svc, const std::string& code) {
  JB_ASSIGN_OR_RETURN(auto page, orgs_svc.ListUsers(Actor::System(), code, "", "", 0, 10));
  for (const orgs::User& u : page.items) {
    if (u.org_code != code || u.disabled) continue;
    Actor a;
    a.user_id = u.id;
    a.login = u.login;
    a.name = u.name;
    a.org_id = u.org_id;
    a.org_code = u.org_code;
    a.roles = u.roles;
    return a;
  }
  return Status::Internal("demo: no user in " + code);
}

}  // namespace

Status LoadNoticeDemo(NoticeService& svc, orgs::OrgService& orgs_svc) {
  JB_ASSIGN_OR_RETURN(Actor staff, FirstUser(orgs_svc, "hubei"));  // hubei-admin
  JB_ASSIGN_OR_RETURN(std::vector<orgs::Org> all, orgs_svc.ListOrgs(Actor::System()));
  GroupInput group{"全省会员单位", {}};
  for (const orgs::Org& o : all) {
    if (o.kind == "member" && o.parent_code == "hubei") group.orgs.push_back(o.code);
  }
  JB_ASSIGN_OR_RETURN(RecipientGroup g, svc.CreateGroup(staff, group));
  NoticeInput in;
  in.kind = "sympathy";
  in.title = "致全省通信行业会员单位的慰问信";
  in.body =
      "各会员单位：\n\n"
      "疫情发生以来，全省通信行业广大干部职工坚守岗位、日夜奋战，"
      "全力保障疫情防控通信畅通，为打赢疫情防控阻击战作出了重要贡献。"
      "在此，湖北省通信行业协会向奋战在一线的同志们致以崇高的敬意和诚挚的慰问！\n\n"
      "请各单位在做好疫情防控的同时，有序推进复工复产，"
      "遇到困难和需求请及时通过平台报送，协会将积极协调解决。\n";
  in.groups = {g.id};
  in.recipients = {"hubei-cmcc", "hubei-ct"};
  JB_ASSIGN_OR_RETURN(Notice n, svc.Create(staff, in));
  JB_RETURN_IF_ERROR(svc.Send(staff, n.id).status());
  JB_ASSIGN_OR_RETURN(Actor liaison, FirstUser(orgs_svc, "hubei-cmcc"));
  JB_RETURN_IF_ERROR(svc.Acknowledge(liaison, n.id).status());
  // A draft initiative, not sent yet.
  NoticeInput draft;
  draft.kind = "initiative";
  draft.title = "关于全力支持复工复产的倡议书";
  draft.body =
      "全省通信行业各会员单位：\n\n为全力支持复工复产，协会倡议：\n\n"
      "1. 做好员工返岗防护；\n2. 保障重点企业网络需求；\n3. 及时报送困难和需求。\n";
  draft.groups = {g.id};
  return svc.Create(staff, draft).status();
}

}  // namespace jianbao::members
