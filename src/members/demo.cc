// Copyright 2026 The Jianbao Authors.

#include "members/demo.h"

#include "core/clock.h"
#include "members/credit_code.h"

namespace jianbao::members {
namespace {

// Returns a valid credit code from a 17-character body.
std::string Code(const std::string& body) { return body + CreditCodeCheck(body); }

struct DemoUnit {
  const char* name;
  const char* short_name;
  const char* body;  // the credit code without its check character
  const char* sector;
  const char* contact;
};

const DemoUnit kUnits[] = {
    {"湖北长江通信工程有限公司", "长江通信", "91420100MA4K0001X", "通信工程", "王磊"},
    {"武汉光谷信息网络有限公司", "光谷信息", "91420100MA4K0002X", "信息技术", "刘洋"},
    {"湖北楚通铁塔服务有限公司", "楚通铁塔", "91420100MA4K0003X", "铁塔服务", "陈晨"},
    {"宜昌三峡通信建设有限公司", "三峡通信", "91420500MA4K0004X", "通信工程", "张敏"},
    {"襄阳汉江数据服务有限公司", "汉江数据", "91420600MA4K0005X", "信息技术", "李强"},
    {"黄石磁湖网络科技有限公司", "磁湖网络", "91420200MA4K0006X", "信息技术", "周静"},
};

Actor Staff(const orgs::Org& hubei) {
  Actor a;
  a.login = "hubei-admin";
  a.name = "周涛";
  a.org_id = hubei.id;
  a.org_code = hubei.code;
  a.roles = {kRoleAdmin};
  return a;
}

Actor MemberOf(const orgs::Org& unit) {
  Actor a;
  a.login = "demo-" + unit.code.substr(0, 20);
  a.name = unit.short_name;
  a.org_id = unit.id;
  a.org_code = unit.code;
  a.roles = {kRoleMember};
  return a;
}

Status LoadUnits(MembersService& svc) {
  std::string csv = "单位名称,简称,统一社会信用代码,行业,联系人,手机\n";
  int n = 0;
  for (const DemoUnit& u : kUnits) {
    csv += std::string(u.name) + "," + u.short_name + "," + Code(u.body) + "," + u.sector + "," +
           u.contact + ",1380271" + std::to_string(1000 + ++n) + "\n";
  }
  JB_ASSIGN_OR_RETURN(ImportResult r, svc.Import(Actor::System(), "hubei", "csv", csv, false));
  if (!r.errors.empty()) return Status::Internal("demo import: " + r.errors[0].message);
  JB_RETURN_IF_ERROR(svc.SetProfile(
      Actor::System(), "hubei-ctc",
      Member{0, "", "", "", "", Code("91420100MA4K0007X"), "通信工程", "孙磊", "13802710007", ""}));
  return svc.SetProfile(
      Actor::System(), "hubei-xinke",
      Member{0, "", "", "", "", Code("91420100MA4K0008X"), "信息技术", "何芳", "13802710008", ""});
}

// Six weekly periods from 2020-02-08 (Saturday) to 2020-03-20 (Friday).
Status LoadReports(MembersService& svc, const std::vector<orgs::Org>& units) {
  const int64_t anchor = clock::DaysFromDate("2020-02-08");
  for (int week = 0; week < 6; ++week) {
    for (size_t i = 0; i < units.size(); ++i) {
      const int k = static_cast<int>(i);
      if ((k + week) % 7 == 3) continue;  // missing
      const bool late = (k * 3 + week) % 5 == 1;
      const int64_t day = anchor + week * 7 + (late ? 6 : 5);  // Thursday, or Friday
      ReportInput in;
      in.date = clock::DateFromDays(day);
      const int progress = std::min(100, 20 + week * 15 + k * 3);
      in.status = progress >= 90 ? "resumed" : progress >= 40 ? "partial" : "not_yet";
      in.staff_back_pct = progress;
      in.capacity_pct = std::max(0, progress - 10);
      if (week < 3) {
        in.difficulties.push_back({"supplies", "防护口罩和消毒液储备不足，难以保障一线施工人员"});
        in.needs.push_back({"masks", static_cast<double>(2000 + 500 * k), "一线施工人员每日更换"});
      }
      if (week < 2 && k % 2 == 0) {
        in.difficulties.push_back({"logistics", "员工返岗交通不便，部分人员滞留外地"});
        in.needs.push_back({"transport", 1, "协调返岗专车"});
      }
      if (week == 2 && k % 3 == 0) {
        in.needs.push_back({"disinfectant", 200, "办公场所和机房日常消杀"});
        in.needs.push_back({"policy_help", 1, "了解社保减免和稳岗补贴申报"});
      }
      // Submitted at 16:00 Shanghai on the report's day; a late one on the next day at 10:00.
      const int64_t at =
          clock::ShanghaiDayStart(in.date) + (late ? 24 * 3600 + 10 * 3600 : 16 * 3600);
      svc.SetClockForTesting([at] { return at; });
      auto r = svc.SubmitReport(MemberOf(units[i]), in);
      if (!r.ok()) return r.status();
    }
  }
  svc.SetClockForTesting([] { return clock::NowUnix(); });
  return Status::Ok();
}

Status LoadFollowups(MembersService& svc, const Actor& staff) {
  JB_ASSIGN_OR_RETURN(Page<Followup> open,
                      svc.ListFollowups(staff, {"open", "", "", ""}, PageRequest{1, 100}));
  int n = 0;
  for (const Followup& f : open.items) {
    ++n;
    if (n % 4 == 0) continue;  // left open
    JB_RETURN_IF_ERROR(
        svc.ActOnFollowup(staff, f.id, {"assign", "hubei-admin", "协会统一协调"}).status());
    if (n % 4 == 1) {
      JB_RETURN_IF_ERROR(
          svc.ActOnFollowup(staff, f.id, {"resolve", "", "已从协会接收的捐赠物资中调拨"}).status());
    } else if (n % 4 == 2) {
      JB_RETURN_IF_ERROR(
          svc.ActOnFollowup(staff, f.id, {"comment", "", "已联系属地政府，等待答复"}).status());
    }
  }
  return Status::Ok();
}

Status LoadLedger(MembersService& svc, const Actor& staff) {
  const TransactionInput entries[] = {
      {"masks", 5000000, "湖北省慈善总会", "hubei", "2020-02-03", "定向捐赠会员单位一线人员"},
      {"disinfectant", 200000, "社会爱心企业", "hubei", "2020-02-05", "84消毒液"},
      {"cash", 20000000, "会员单位员工自愿捐款", "hubei", "2020-02-06", "专款用于采购防护物资"},
      {"masks", 500000, "hubei", "hubei-ctc", "2020-02-10", "一线施工人员"},
      {"masks", 300000, "hubei", "hubei-xinke", "2020-02-10", ""},
      {"disinfectant", 20000, "hubei", "hubei-ctc", "2020-02-10", ""},
      {"masks", 2000000, "hubei", "武汉市金银潭医院", "2020-02-12", "捐赠抗疫一线"},
      {"cash", 10000000, "hubei", "武汉市慈善总会", "2020-02-20", "支援抗疫"},
      {"masks", 100000, "hubei-ctc", "武汉市洪山区防疫站", "2020-02-25", ""},
  };
  for (const TransactionInput& t : entries) {
    JB_RETURN_IF_ERROR(svc.RecordTransaction(staff, t).status());
  }
  return Status::Ok();
}

}  // namespace

Status LoadDemo(MembersService& svc, orgs::OrgService& orgs_svc) {
  JB_RETURN_IF_ERROR(LoadUnits(svc));
  JB_ASSIGN_OR_RETURN(std::vector<orgs::Org> all, orgs_svc.ListOrgs(Actor::System()));
  const orgs::Org* hubei = nullptr;
  std::vector<orgs::Org> units;
  for (const orgs::Org& o : all) {
    if (o.code == "hubei") hubei = &o;
    if (o.kind == "member" && o.parent_code == "hubei") units.push_back(o);
  }
  if (!hubei) return Status::Internal("demo: the hubei association is missing");
  const Actor staff = Staff(*hubei);
  ScheduleInput weekly{"湖北会员单位复工复产周报", "weekly", 5, "2020-02-10", "", {}};
  for (const orgs::Org& u : units) weekly.units.push_back(u.code);
  JB_RETURN_IF_ERROR(svc.CreateSchedule(staff, weekly).status());
  JB_RETURN_IF_ERROR(LoadReports(svc, units));
  JB_RETURN_IF_ERROR(LoadFollowups(svc, staff));
  return LoadLedger(svc, staff);
}

}  // namespace jianbao::members
