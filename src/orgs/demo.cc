// Copyright 2026 The Jianbao Authors.

#include "orgs/demo.h"

namespace jianbao::orgs {

const std::vector<DemoLogin>& DemoLogins() {
  static const std::vector<DemoLogin> kLogins = {
      {"admin", "ccea", kRoleAdmin, "系统管理员"},
      {"editor", "ccea-sec", kRoleEditor, "陈静"},
      {"approver", "ccea-sec", kRoleApprover, "王建国"},
      {"hubei-admin", "hubei", kRoleAdmin, "周涛"},
      {"hubei-reporter", "hubei", kRoleReporter, "李娜"},
      {"hubei-desk", "hubei", kRoleComplaintHandler, "赵敏"},
      {"member", "hubei-ctc", kRoleMember, "孙磊"},
      {"liaison", "hubei-cmcc", kRoleOperatorLiaison, "吴昊"},
      {"hebei-reporter", "hebei", kRoleReporter, "郑雪"},
      {"shaanxi-reporter", "shaanxi", kRoleReporter, "马骏"},
      {"qinghai-reporter", "qinghai", kRoleReporter, "韩梅"},
      {"heilongjiang-reporter", "heilongjiang", kRoleReporter, "冯刚"},
  };
  return kLogins;
}

Status LoadDemo(OrgService& service) {
  const Actor system = Actor::System();
  const std::vector<NewOrg> orgs = {
      {"ccea", "中国通信企业协会", "中通企协", "national", ""},
      {"ccea-sec", "中国通信企业协会秘书处", "秘书处", "secretariat", "ccea"},
      {"hubei", "湖北省通信行业协会", "湖北行协", "provincial", "ccea"},
      {"hebei", "河北省信息通信行业协会", "河北行协", "provincial", "ccea"},
      {"shaanxi", "陕西省信息通信行业协会", "陕西行协", "provincial", "ccea"},
      {"qinghai", "青海省通信行业协会", "青海行协", "provincial", "ccea"},
      {"heilongjiang", "黑龙江省通信行业协会", "黑龙江行协", "provincial", "ccea"},
      {"hubei-ctc", "武汉楚天通信工程有限公司", "楚天通信", "member", "hubei"},
      {"hubei-xinke", "湖北信科网络技术有限公司", "信科网络", "member", "hubei"},
      {"hebei-zhiyuan", "石家庄智远信息技术有限公司", "智远信息", "member", "hebei"},
      {"hubei-cmcc", "中国移动通信集团湖北有限公司", "湖北移动", "operator", "hubei"},
      {"hubei-ct", "中国电信股份有限公司湖北分公司", "湖北电信", "operator", "hubei"},
      {"hubei-cu", "中国联合网络通信有限公司湖北省分公司", "湖北联通", "operator", "hubei"},
      {"miit", "工业和信息化部", "工信部", "government", ""},
      {"hubei-ca", "湖北省通信管理局", "湖北省管局", "government", ""},
  };
  for (const NewOrg& o : orgs) {
    auto r = service.CreateOrg(system, o);
    if (!r.ok()) return r.status();
  }
  for (const DemoLogin& d : DemoLogins()) {
    auto r = service.CreateUser(system, {d.login, kDemoPassword, d.name, d.org, {d.role}, ""});
    if (!r.ok()) return r.status();
  }
  return Status::Ok();
}

}  // namespace jianbao::orgs
