// Copyright 2026 The Jianbao Authors.

#include "submissions/demo.h"

#include "core/clock.h"

namespace jianbao::submissions {
namespace {

struct DemoPiece {
  const char* org;
  const char* title;
  const char* author;
  const char* body;
  std::vector<std::string> tags;
};

const DemoPiece kPieces[] = {
    {"hubei",
     "湖北行协组织会员单位交流5G基站节能改造经验",
     "李娜",
     "今年以来，湖北省通信行业协会围绕降低网络能耗，组织会员单位开展5G基站节能改造经验交流。\n\n"
     "## 主要做法\n\n"
     "- 推广智能关断：夜间低话务时段按小区负荷自动关闭部分载波；\n"
     "- 改造机房空调：以新风系统和液冷替换老旧空调；\n"
     "- 共享配套设施：铁塔、电源和传输资源统筹使用。\n\n"
     "## 初步成效\n\n"
     "| 项目 | 改造站点 | 年节电（万千瓦时） |\n| --- | --- | --- |\n"
     "| 智能关断 | 1200 | 310 |\n| 机房空调 | 260 | 95 |\n\n"
     "协会将把典型做法汇编成册，供全省会员单位参考。",
     {"节能", "5G"}},
    {"hubei",
     "湖北行协举办通信工程安全生产线上培训",
     "李娜",
     "为提高施工一线人员安全意识，协会计划举办通信工程安全生产线上培训，内容包括高处作业、"
     "有限空间作业和用电安全。\n\n（草稿，待补充报名人数。）",
     {"培训"}},
    {"hebei",
     "河北行协推动中小企业数字化转型服务",
     "郑雪",
     "河北省信息通信行业协会组织会员单位为中小企业提供数字化转型服务。\n\n"
     "协会牵头搭建供需对接平台，已发布服务产品四十余项。",
     {"数字化转型"}},
    {"hebei",
     "河北行协走访会员单位了解经营困难",
     "郑雪",
     "协会秘书处分三组走访石家庄、保定、唐山的二十家会员单位，听取企业在用工、回款和项目招标方面"
     "的困难和建议，形成问题清单报送主管部门。",
     {"会员服务"}},
    {"shaanxi",
     "陕西行协开展网络安全宣传周系列活动",
     "马骏",
     "陕西省信息通信行业协会联合会员单位开展网络安全宣传周活动。\n\n"
     "1. 进社区讲解防范电信网络诈骗知识；\n2. 举办企业网络安全攻防演练；\n3. 发布个人信息保护"
     "提示。\n\n活动累计覆盖群众三万余人次。",
     {"网络安全"}},
    {"shaanxi",
     "陕西行协发布行业人才需求调查报告",
     "马骏",
     "协会对省内六十家会员单位开展人才需求调查，结果显示网络运维、云计算和数据分析岗位缺口最大。",
     {"人才"}},
    {"qinghai",
     "青海行协总结高海拔地区通信网络维护经验",
     "韩梅",
     "青海省通信行业协会组织会员单位总结高海拔地区通信网络维护经验。\n\n"
     "## 经验要点\n\n"
     "- 冬季提前储备发电油机和备品备件；\n- 偏远站点推行远程监控与定期巡检相结合；\n"
     "- 维护人员配备供氧设备，严格执行高原作业规范。",
     {"网络保障"}},
    {"qinghai",
     "青海行协组织志愿者帮助老年人使用智能手机",
     "韩梅",
     "协会组织会员单位青年志愿者走进社区，手把手教老年人使用健康码、视频通话和移动支付。",
     {"志愿服务"}},
    {"heilongjiang",
     "黑龙江行协开展冬季通信线路巡检互助活动",
     "冯刚",
     "入冬以来，黑龙江省通信行业协会组织会员单位开展通信线路巡检互助，重点排查覆冰、断杆和"
     "光缆受损隐患，建立跨企业抢修联络机制。",
     {"网络保障", "冬季"}},
    {"heilongjiang",
     "黑龙江行协召开会员单位信用评价工作会",
     "冯刚",
     "协会召开会员单位信用评价工作会，通报上一年度评价结果，部署本年度评价工作，"
     "引导企业守法诚信经营。",
     {"信用评价"}},
};

Result<Actor> ActorFor(orgs::OrgService& orgs, const std::string& org, const std::string& role) {
  JB_ASSIGN_OR_RETURN(auto users, orgs.ListUsers(Actor::System(), org, role, "", 0, 10));
  for (const orgs::User& u : users.items) {
    if (u.org_code != org) continue;
    Actor a;
    a.user_id = u.id;
    a.login = u.login;
    a.name = u.name;
    a.org_id = u.org_id;
    a.org_code = u.org_code;
    a.roles = u.roles;
    return a;
  }
  return Status::NotFound("user_not_found", "no demo " + role + " in " + org);
}

}  // namespace

Status LoadDemo(SubmissionService& svc, orgs::OrgService& orgs) {
  const int64_t now = clock::NowUnix();
  int64_t at = now - 40 * 86400;
  struct RestoreClock {
    SubmissionService& svc;
    ~RestoreClock() {
      svc.SetClock([] { return clock::NowIso(); });
    }
  } restore{svc};
  // Each step happens a few hours after the previous one.
  auto tick = [&](int hours) {
    at += hours * 3600;
    const int64_t t = std::min(at, now);
    svc.SetClock([t] { return clock::FormatIso(t); });
  };
  JB_ASSIGN_OR_RETURN(Actor editor, ActorFor(orgs, "ccea-sec", kRoleEditor));
  std::vector<int64_t> ids;
  for (const DemoPiece& d : kPieces) {
    JB_ASSIGN_OR_RETURN(Actor reporter, ActorFor(orgs, d.org, kRoleReporter));
    PieceInput in;
    in.title = d.title;
    in.body = d.body;
    in.authors = std::vector<std::string>{d.author};
    in.contact = std::string(d.author) + " 027-8765" + std::to_string(4300 + ids.size());
    in.tags = d.tags;
    if (std::string(d.title).find("高海拔") != std::string::npos) {
      tick(2);
      const std::string deadline =
          clock::DateFromDays(clock::DaysFromDate(clock::ShanghaiDate(at)) + 5);
      JB_ASSIGN_OR_RETURN(
          Commission c,
          svc.CreateCommission(
              Actor::System(),
              {"高原地区通信网络保障经验",
               "请结合本省实际，介绍高海拔地区网络维护的做法，2000字以内。", "qinghai", deadline}));
      in.commission_id = c.id;
    }
    tick(5);
    JB_ASSIGN_OR_RETURN(Piece p, svc.Create(reporter, in));
    ids.push_back(p.id);
  }
  auto act = [&](size_t i, const char* action, const Actor& who, const char* reason = "") {
    tick(7);
    return svc.Act(who, ids[i], action, reason).status();
  };
  JB_ASSIGN_OR_RETURN(Actor hubei, ActorFor(orgs, "hubei", kRoleReporter));
  JB_ASSIGN_OR_RETURN(Actor hebei, ActorFor(orgs, "hebei", kRoleReporter));
  JB_ASSIGN_OR_RETURN(Actor shaanxi, ActorFor(orgs, "shaanxi", kRoleReporter));
  JB_ASSIGN_OR_RETURN(Actor qinghai, ActorFor(orgs, "qinghai", kRoleReporter));
  JB_ASSIGN_OR_RETURN(Actor hlj, ActorFor(orgs, "heilongjiang", kRoleReporter));
  JB_RETURN_IF_ERROR(act(0, "submit", hubei));
  JB_RETURN_IF_ERROR(act(0, "adopt", editor));
  JB_RETURN_IF_ERROR(act(2, "submit", hebei));
  JB_RETURN_IF_ERROR(act(2, "return", editor, "请补充服务企业数量和一两个典型案例。"));
  tick(3);
  JB_RETURN_IF_ERROR(svc.AddComment(hebei, ids[2], "收到，我们补充后重新报送。").status());
  PieceInput fix;
  fix.body = std::string(kPieces[2].body) +
             "\n\n截至目前，平台已服务中小企业三百一十家。\n\n"
             "## 典型案例\n\n保定一家汽车零部件企业通过上云改造，订单处理时间缩短一半。";
  fix.note = "补充数据和案例";
  tick(20);
  JB_RETURN_IF_ERROR(svc.Update(hebei, ids[2], fix).status());
  JB_RETURN_IF_ERROR(act(2, "resubmit", hebei));
  JB_RETURN_IF_ERROR(act(2, "adopt", editor));
  JB_RETURN_IF_ERROR(act(3, "submit", hebei));
  JB_RETURN_IF_ERROR(act(4, "submit", shaanxi));
  JB_RETURN_IF_ERROR(act(4, "adopt", editor));
  JB_RETURN_IF_ERROR(act(5, "submit", shaanxi));
  JB_RETURN_IF_ERROR(act(5, "reject", editor, "与近期已编发内容重复，暂不采用。"));
  JB_RETURN_IF_ERROR(act(6, "submit", qinghai));
  JB_RETURN_IF_ERROR(act(6, "adopt", editor));
  JB_RETURN_IF_ERROR(act(7, "submit", qinghai));
  JB_RETURN_IF_ERROR(act(7, "return", editor, "请补充活动时间、地点和参与人数。"));
  tick(2);
  JB_RETURN_IF_ERROR(svc.AddComment(editor, ids[7], "照片可以作为附件一并报送。").status());
  JB_RETURN_IF_ERROR(act(8, "submit", hlj));
  JB_RETURN_IF_ERROR(act(9, "submit", hlj));
  JB_RETURN_IF_ERROR(act(9, "adopt", editor));
  svc.SetClock([] { return clock::NowIso(); });
  JB_RETURN_IF_ERROR(
      svc.CreateCommission(
             editor, {"冬季极寒天气通信保障", "请介绍极寒天气下保障通信畅通的措施和典型事迹。",
                      "heilongjiang", clock::DateFromDays(now / 86400 + 14)})
          .status());
  return Status::Ok();
}

}  // namespace jianbao::submissions
