// Copyright 2026 The Jianbao Authors.
//
// Demo data of the policy library and training: two policies and a course
// with registrations, one postponement in its history. No robots (the demo
// has no outbound network).

#include "members/library_demo.h"

#include <algorithm>

namespace jianbao::members {

Status LoadLibraryDemo(LibraryService& svc, orgs::OrgService& orgs) {
  JB_ASSIGN_OR_RETURN(auto all, orgs.ListOrgs(Actor::System()));
  const orgs::Org* hubei = nullptr;
  for (const orgs::Org& o : all) {
    if (o.code == "hubei") hubei = &o;
  }
  if (!hubei) return Status::Ok();
  Actor staff;
  staff.login = "hubei-admin";
  staff.name = "周涛";
  staff.org_id = hubei->id;
  staff.org_code = hubei->code;
  staff.roles = {kRoleAdmin};

  PolicyInput a;
  a.title = "关于应对疫情帮助中小企业复工复产共渡难关有关工作的通知";
  a.issuer = "工业和信息化部";
  a.issued_on = "2020-02-09";
  a.doc_number = "工信明电〔2020〕14号";
  a.region = "000000";
  a.tags = {"复工复产", "中小企业"};
  a.summary = "统筹推进复工复产，加强防疫物资保障，加大财政、金融和稳岗支持。";
  JB_RETURN_IF_ERROR(svc.CreatePolicy(staff, a).status());
  PolicyInput b;
  b.title = "关于支持中小微企业共渡难关的若干政策措施";
  b.issuer = "湖北省人民政府办公厅";
  b.issued_on = "2020-02-10";
  b.doc_number = "鄂政办发〔2020〕5号";
  b.region = "420000";
  b.tags = {"减税降费", "金融", "稳岗"};
  b.summary = "减免国有物业房租，延期缴纳社会保险费，新增贷款贴息，返还失业保险费。";
  JB_RETURN_IF_ERROR(svc.CreatePolicy(staff, b).status());

  CourseInput c;
  c.title = "复工复产疫情防控与安全生产线上培训";
  c.provider = "湖北省通信行业协会";
  c.format = "online";
  c.start = "2020-03-10T09:30";
  c.end = "2020-03-10T11:30";
  c.link = "https://meeting.example.org/jianbao-demo";
  c.capacity = 50;
  c.valid_until = "2020-12-31";
  JB_ASSIGN_OR_RETURN(Course course, svc.CreateCourse(staff, c));
  JB_RETURN_IF_ERROR(svc.Postpone(staff, course.id, "2020-03-12T09:30", "2020-03-12T11:30",
                                  "讲师所在小区封闭管理，改期两天")
                         .status());
  // The demo's member sign-in registers and attended.
  JB_ASSIGN_OR_RETURN(auto users, orgs.ListUsers(Actor::System(), "hubei-ctc", "", "", 0, 20));
  for (const orgs::User& u : users.items) {
    if (std::find(u.roles.begin(), u.roles.end(), kRoleMember) == u.roles.end()) continue;
    Actor m;
    m.user_id = u.id;
    m.login = u.login;
    m.name = u.name;
    m.org_id = u.org_id;
    m.org_code = "hubei-ctc";
    m.roles = u.roles;
    JB_RETURN_IF_ERROR(svc.Register(m, course.id).status());
    JB_RETURN_IF_ERROR(svc.MarkAttendance(staff, course.id, {{u.login, true}}).status());
  }
  return Status::Ok();
}

}  // namespace jianbao::members
