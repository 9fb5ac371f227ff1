// Copyright 2026 The Jianbao Authors.

#include "complaints/demo.h"

#include "core/clock.h"

namespace jianbao::complaints {
namespace {

Result<Actor> DemoActor(orgs::OrgService& orgs, const std::string& org, const std::string& role,
                        const std::string& login) {
  JB_ASSIGN_OR_RETURN(Page<orgs::User> users,
                      orgs.ListUsers(Actor::System(), org, role, login, 0, 10));
  for (const orgs::User& u : users.items) {
    if (u.login != login) continue;
    Actor a;
    a.user_id = u.id;
    a.login = u.login;
    a.name = u.name;
    a.org_id = u.org_id;
    a.org_code = u.org_code;
    a.roles = u.roles;
    return a;
  }
  return Status::NotFound("user_not_found", "demo user missing: " + login);
}

struct Step {
  int day;  // days before today
  std::string action, text;
  int satisfaction = 0;
  bool liaison = false;
};

struct DemoCase {
  int filed;  // days before today
  CaseInput in;
  std::vector<Step> steps;
};

CaseInput Input(const std::string& kind, const std::string& category, const std::string& op,
                const std::string& name, const std::string& phone, const std::string& text,
                const std::string& contacted, const std::string& answer,
                const std::string& region = "420000") {
  CaseInput in;
  in.kind = kind;
  in.category = category;
  in.operator_code = op;
  in.region = region;
  in.name = name;
  in.phone = phone;
  in.description = text;
  in.operator_contacted_on = contacted;
  in.operator_answer = answer;
  return in;
}

}  // namespace

Status LoadDemo(ComplaintService& service, orgs::OrgService& orgs) {
  const Actor system = Actor::System();
  const std::pair<const char*, const char*> regions[] = {{"hubei", "420000"},
                                                         {"hebei", "130000"},
                                                         {"shaanxi", "610000"},
                                                         {"qinghai", "630000"},
                                                         {"heilongjiang", "230000"}};
  for (const auto& [code, region] : regions) {
    OrgSetting s;
    s.region = region;
    JB_RETURN_IF_ERROR(service.SetOrgSetting(system, code, s).status());
  }
  const std::pair<const char*, const char*> operators[] = {
      {"hubei-cmcc", "cmcc"}, {"hubei-ct", "ctcc"}, {"hubei-cu", "cucc"}};
  for (const auto& [code, op] : operators) {
    OrgSetting s;
    s.operator_code = op;
    s.province = "420000";
    JB_RETURN_IF_ERROR(service.SetOrgSetting(system, code, s).status());
  }
  JB_ASSIGN_OR_RETURN(Actor desk, DemoActor(orgs, "hubei", kRoleComplaintHandler, "hubei-desk"));
  JB_ASSIGN_OR_RETURN(Actor liaison,
                      DemoActor(orgs, "hubei-cmcc", kRoleOperatorLiaison, "liaison"));
  const int64_t now = clock::NowUnix();
  const auto date = [now](int days_ago) { return clock::ShanghaiDate(now - days_ago * 86400); };
  const std::vector<DemoCase> cases = {
      {1,
       Input("complaint", "billing", "cmcc", "张伟", "13871234567",
             "居家办公期间手机流量套餐被重复扣费38元，要求退还。", date(5),
             "客服称系统按标准计费，未同意退费。"),
       {}},
      {9,
       Input("complaint", "epidemic_service", "cmcc", "李秀兰", "13907165432",
             "家中老人隔离期间欠费被停机，无法与社区联系，申请疫情期间缓停机。", date(12),
             "营业厅暂停营业，客服答复需到厅办理。"),
       {}},
      {4,
       Input("complaint", "network_quality", "ctcc", "王磊", "18907123456",
             "小区宽带每天晚间断线，影响孩子上网课。", date(8), "已派单维修，但问题未解决。"),
       {{3, "accept", ""}}},
      {6,
       Input("complaint", "billing", "cucc", "赵丽", "13006123456",
             "2019年6月的国际漫游费用有争议，要求核查。", date(7), "运营商称已超过查询期限。"),
       {{5, "refuse", "计费争议发生已超过5个月，依据《电信用户申诉处理办法》第十三条不予受理。"}}},
      {8,
       Input("consultation", "number_portability", "cmcc", "陈刚", "15927123456",
             "想咨询携号转网需要满足什么条件，合约期内能否办理。", "", ""),
       {{7, "accept", ""},
        {7, "resolve",
         "已电话告知携号转网条件：号码状态正常、无欠费、合约到期或与原运营商协商解约。"}}},
      {3,
       Input("complaint", "epidemic_service", "cmcc", "刘洋", "13797123456",
             "疫情期间在武汉方舱医院工作，手机欠费停机，要求先复机后缴费。", date(4),
             "客服答复须缴清欠费后复机。"),
       {{2, "accept", ""}, {2, "forward", ""}}},
      {16,
       Input("complaint", "value_added", "cmcc", "周敏", "13995123456",
             "未经同意被订购视频会员增值业务，每月扣费15元。", date(18),
             "客服只同意退订，不同意退费。"),
       {{15, "accept", ""}, {14, "forward", ""}}},
      {12,
       Input("complaint", "service_attitude", "cmcc", "吴芳", "13617123456",
             "营业厅工作人员态度恶劣，拒绝为老年人办理补卡。", date(13),
             "客服表示会反馈，无下文。"),
       {{11, "accept", ""},
        {10, "forward", ""},
        {8, "reply", "已核实，对相关营业员进行批评教育，并上门为用户补办了手机卡。", 0, true}}},
      {20,
       Input("complaint", "billing", "cmcc", "郑强", "13886123456",
             "套餐降档后仍按原套餐收费，多收费用共计120元。", date(22), "客服称降档次月生效。"),
       {{19, "accept", ""},
        {18, "forward", ""},
        {16, "reply", "经核查系统变更延迟，已退还多收费用120元。", 0, true},
        {14, "verify", "电话回访用户，确认已收到退款。"}}},
      {28,
       Input("complaint", "network_quality", "cmcc", "孙娟", "13545123456",
             "火神山医院附近临时安置点手机信号差，无法正常通话。", date(29),
             "已记录，等待网络优化。"),
       {{27, "accept", ""},
        {27, "forward", ""},
        {24, "reply", "已在安置点周边开通应急基站，信号恢复正常。", 0, true},
        {22, "verify", "用户确认信号已改善。"},
        {21, "close", "运营商开通应急基站，问题解决。", 5}}},
      {25,
       Input("complaint", "billing", "cucc", "黄涛", "18672123456",
             "疫情期间未使用的宽带仍被收取月租，要求减免。", date(27), "客服称须按合同收费。"),
       {{24, "accept", ""},
        {22, "resolve", "经协调，运营商同意减免停用期间宽带月租两个月。"},
        {20, "verify", "用户确认已减免。"},
        {19, "close", "协调减免月租，用户认可。", 4}}},
      {2,
       Input("complaint", "epidemic_service", "cmcc", "刘洋", "13797123456",
             "重复反映：疫情期间欠费停机，要求先复机。", date(4), "客服答复须缴清欠费后复机。"),
       {}},
      {5,
       Input("consultation", "other", "cmcc", "马丽", "13103123456",
             "咨询疫情期间话费缴纳的线上渠道。", "", "", "130000"),
       {}},
  };
  const std::function<int64_t()> real = [] { return clock::NowUnix(); };
  Status result = Status::Ok();
  int64_t forwarded_case = 0;
  for (size_t i = 0; i < cases.size() && result.ok(); ++i) {
    const DemoCase& dc = cases[i];
    service.SetClock([now, dc] { return now - dc.filed * 86400 - 3 * 3600; });
    // Another province's case is filed by the system actor (as an import would).
    Result<Complaint> filed = service.FileByPhone(dc.in.region == "420000" ? desk : system, dc.in);
    if (!filed.ok()) {
      result = filed.status();
      break;
    }
    for (const Step& st : dc.steps) {
      service.SetClock([now, st] { return now - st.day * 86400 - 2 * 3600; });
      ActionInput a;
      a.action = st.action;
      a.reason = st.text;
      a.text = st.text;
      a.outcome = st.text;
      a.satisfaction = st.satisfaction;
      auto r = service.Act(st.liaison ? liaison : desk, filed->id, a);
      if (!r.ok()) {
        result = r.status();
        break;
      }
    }
    if (i == 5) forwarded_case = filed->id;
    if (i == cases.size() - 2 && result.ok()) {
      service.SetClock([now] { return now - 3600; });
      ActionInput merge;
      merge.action = "merge";
      merge.target = std::to_string(forwarded_case);
      result = service.Act(desk, filed->id, merge).status();
    }
  }
  service.SetClock(real);
  return result;
}

}  // namespace jianbao::complaints
