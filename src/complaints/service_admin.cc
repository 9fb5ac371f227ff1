// Copyright 2026 The Jianbao Authors.
//
// ComplaintService: statistics, export, the bulletin section, the calendar,
// organisation settings and the daily job.

#include <soci/soci.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "complaints/export.h"
#include "complaints/options.h"
#include "complaints/privacy.h"
#include "complaints/repository.h"
#include "complaints/service_internal.h"
#include "complaints/sla.h"
#include "complaints/stats.h"
#include "complaints/workflow.h"
#include "core/clock.h"
#include "core/text.h"
#include "notify/notify.h"

namespace jianbao::complaints {
namespace {

Status CheckPeriod(const std::string& from, const std::string& to) {
  if (!from.empty() && !clock::IsValidDate(from)) {
    return Status::Invalid("from", "invalid_date", "bad date");
  }
  if (!to.empty() && !clock::IsValidDate(to))
    return Status::Invalid("to", "invalid_date", "bad date");
  return Status::Ok();
}

// "3月18日" for "2020-03-18".
std::string ChineseDay(const std::string& date) {
  return std::to_string(std::stoi(date.substr(5, 2))) + "月" +
         std::to_string(std::stoi(date.substr(8, 2))) + "日";
}

}  // namespace

Status ComplaintService::CheckNational(const Actor& actor) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.national) return Status::Denied("national admins only");
  return Status::Ok();
}

Result<Stats> ComplaintService::Statistics(const Actor& actor, const std::string& from,
                                           const std::string& to, const std::string& region) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.national && scope.desk_region.empty()) {
    return Status::Denied("the complaint desk only");
  }
  JB_RETURN_IF_ERROR(CheckPeriod(from, to));
  if (!region.empty() && !FindRegion(region)) {
    return Status::Invalid("region", "unknown_region", "unknown region");
  }
  std::string effective = region;
  if (!scope.national) {
    if (!region.empty() && region != scope.desk_region) {
      return Status::Denied("the statistics of another province");
    }
    effective = scope.desk_region;
  }
  std::vector<Complaint> cases;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    cases = repo::CasesForStats(s, from, to, effective);
    return Status::Ok();
  }));
  Stats stats = ComputeStats(cases, Today());
  stats.from = from;
  stats.to = to;
  stats.region = effective;
  return stats;
}

Result<std::string> ComplaintService::ExportXlsx(const Actor& actor, const std::string& from,
                                                 const std::string& to, const std::string& region,
                                                 const std::string& lang) {
  JB_ASSIGN_OR_RETURN(Stats stats, Statistics(actor, from, to, region));
  CaseFilter f;
  f.regions = {stats.region};
  f.all_regions = stats.region.empty();
  f.from = from;
  f.to = to;
  f.today = Today();
  f.page.page_size = 20000;
  Page<Complaint> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    page = repo::ListCases(s, f);
    return Status::Ok();
  }));
  for (Complaint& c : page.items) c = MaskPersonalData(std::move(c), Privacy::kMasked);
  return StatsXlsx(stats, page.items, lang);
}

Result<Section> ComplaintService::BulletinSection(const std::string& region,
                                                  const std::string& from, const std::string& to) {
  JB_RETURN_IF_ERROR(CheckPeriod(from, to));
  const RegionInfo* info = region.empty() ? nullptr : FindRegion(region);
  if (!region.empty() && !info) {
    return Status::Invalid("region", "unknown_region", "unknown region");
  }
  JB_ASSIGN_OR_RETURN(Stats stats, Statistics(Actor::System(), from, to, region));
  const StatsRow& t = stats.total;
  Section out;
  out.title = std::string(info ? info->zh : "") + "电信用户申诉受理情况";
  const std::string today = Today();
  const std::string lead = (to.empty() || to >= today) ? "截止目前" : "截至" + ChineseDay(to);
  out.body = lead + "，共受理用户咨询及申诉" + std::to_string(t.received) +
             "件，其中转运营商协调处理的申诉" + std::to_string(t.forwarded) + "件。";
  if (t.closed > 0) {
    out.body += "已办结" + std::to_string(t.closed) + "件";
    if (t.satisfaction_count > 0) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.1f", t.satisfaction);
      out.body += "，用户满意度平均" + std::string(buf) + "分";
    }
    out.body += "。";
  }
  return out;
}

Result<std::vector<CalendarDay>> ComplaintService::Calendar(const Actor& actor,
                                                            const std::string& year) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.any()) return Status::Denied("the complaint desk only");
  if (!year.empty() &&
      (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos)) {
    return Status::Invalid("year", "out_of_range", "a year such as 2026");
  }
  std::vector<CalendarDay> days;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    days = repo::CalendarDays(s, year);
    return Status::Ok();
  }));
  return days;
}

Result<CalendarDay> ComplaintService::SetCalendarDay(const Actor& actor, const CalendarDay& in) {
  JB_RETURN_IF_ERROR(CheckNational(actor));
  CalendarDay d = in;
  if (!clock::IsValidDate(d.date)) return Status::Invalid("date", "invalid_date", "bad date");
  if (!IsCalendarKind(d.kind)) {
    return Status::Invalid("kind", "out_of_range", "kind is holiday or workday");
  }
  d.name = text::Trim(d.name);
  if (text::CodePointCount(d.name) > 40 || HasMarkup(d.name)) {
    return Status::Invalid("name", "too_long", "name is too long");
  }
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    repo::UpsertCalendarDay(s, d, actor.login, clock::FormatIso(now_()));
    orgs::Audit(s, actor, "complaint.calendar_set", "complaint_calendar", d.date, "",
                nlohmann::json{{"kind", d.kind}, {"name", d.name}}.dump());
    return Status::Ok();
  }));
  return d;
}

Status ComplaintService::DeleteCalendarDay(const Actor& actor, const std::string& date) {
  JB_RETURN_IF_ERROR(CheckNational(actor));
  // A path that is no date names no entry.
  if (!clock::IsValidDate(date)) {
    return Status::NotFound("calendar_day_not_found", "the calendar has no entry for that day");
  }
  return db_->Write([&](soci::session& s) {
    if (!repo::DeleteCalendarDay(s, date)) {
      return Status::NotFound("calendar_day_not_found", "the calendar has no entry for that day");
    }
    orgs::Audit(s, actor, "complaint.calendar_delete", "complaint_calendar", date, "", "");
    return Status::Ok();
  });
}

Result<std::vector<OrgSetting>> ComplaintService::OrgSettings(const Actor& actor) {
  JB_RETURN_IF_ERROR(CheckNational(actor));
  JB_ASSIGN_OR_RETURN(std::vector<orgs::Org> all, orgs_->ListOrgs(Actor::System()));
  std::vector<OrgSetting> stored;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    stored = repo::OrgSettings(s);
    return Status::Ok();
  }));
  std::vector<OrgSetting> out;
  for (const orgs::Org& o : all) {
    if (o.kind != "provincial" && o.kind != "operator") continue;
    OrgSetting row;
    for (const OrgSetting& st : stored) {
      if (st.org_id == o.id) row = st;
    }
    row.org_id = o.id;
    row.org_code = o.code;
    row.org_name = o.name;
    row.org_kind = o.kind;
    out.push_back(std::move(row));
  }
  return out;
}

Result<OrgSetting> ComplaintService::SetOrgSetting(const Actor& actor, const std::string& org_code,
                                                   const OrgSetting& in) {
  JB_RETURN_IF_ERROR(CheckNational(actor));
  JB_ASSIGN_OR_RETURN(std::vector<orgs::Org> all, orgs_->ListOrgs(Actor::System()));
  const orgs::Org* org = nullptr;
  for (const orgs::Org& o : all) {
    if (o.code == org_code) org = &o;
  }
  if (!org) return Status::NotFound("org_not_found", "no such organisation");
  OrgSetting out;
  out.org_id = org->id;
  out.org_code = org->code;
  out.org_name = org->name;
  out.org_kind = org->kind;
  if (org->kind == "operator") {
    if (!IsOperator(in.operator_code)) {
      return Status::Invalid("operator", "unknown_operator", "unknown operator");
    }
    if (!FindRegion(in.province)) {
      return Status::Invalid("province", "unknown_region", "unknown region");
    }
    out.operator_code = in.operator_code;
    out.province = in.province;
  } else {
    if (!in.region.empty() && !FindRegion(in.region)) {
      return Status::Invalid("region", "unknown_region", "unknown region");
    }
    out.region = in.region;
  }
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    repo::UpsertOrgSetting(s, out);
    orgs::Audit(
        s, actor, "complaint.org_setting", "org", org->code, "",
        nlohmann::json{
            {"region", out.region}, {"operator", out.operator_code}, {"province", out.province}}
            .dump());
    return Status::Ok();
  }));
  return out;
}

Result<int> ComplaintService::Purge(const std::string& before) {
  std::string cutoff = before;
  if (cutoff.empty()) {
    cutoff = clock::DateFromDays(clock::DaysFromDate(Today()) - retention_days_);
  } else if (!clock::IsValidDate(cutoff)) {
    return Status::Invalid("before", "invalid_date", "bad date");
  }
  int n = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    n = repo::PurgeBefore(s, cutoff, clock::FormatIso(now_()));
    if (n > 0) {
      orgs::Audit(s, Actor::System(), "complaint.purge", "complaint", "", "",
                  nlohmann::json{{"before", cutoff}, {"cases", n}}.dump());
    }
    return Status::Ok();
  }));
  return n;
}

Result<int> ComplaintService::SendReminders() {
  const std::string today = Today();
  int sent = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    JB_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(s));
    if (!cal.IsWorkingDay(today)) return Status::Ok();
    // Deadlines whose last working day before them is today: tomorrow up to
    // the next working day (a Friday reminds of Saturday's, Sunday's and Monday's).
    const std::string last = cal.AddWorkingDays(today, 1);
    const std::string now = clock::FormatIso(now_());
    for (int64_t day = clock::DaysFromDate(today) + 1; day <= clock::DaysFromDate(last); ++day) {
      const std::string due = clock::DateFromDays(day);
      for (const Complaint& c : repo::CasesWithClockDue(s, due)) {
        std::vector<std::string> clocks;
        if (c.status == kReceived && c.accept_due == due) clocks.push_back("acceptance");
        if (c.status == kForwarded && c.reply_due == due) clocks.push_back("operator_reply");
        if (!IsFinal(c.status) && c.status != kReceived && c.close_due == due) {
          clocks.push_back("closure");
        }
        for (const std::string& k : clocks) {
          if (!repo::RecordReminder(s, c.id, k, due, now)) continue;
          notify::Notification n;
          n.kind = "complaint.reminder";
          n.title_key = "notification.complaint.reminder." + k;
          n.params = {{"number", c.number}, {"due", due}};
          n.body = c.number;
          n.entity = "complaint";
          n.entity_id = std::to_string(c.id);
          const std::vector<int64_t> orgs = k == "operator_reply"
                                                ? repo::LiaisonOrgs(s, c.operator_code, c.region)
                                                : repo::DeskOrgs(s, c.region);
          const char* role = k == "operator_reply" ? kRoleOperatorLiaison : kRoleComplaintHandler;
          if (!orgs.empty()) notify::Send(s, {0, orgs, role}, n);
          if (k == "operator_reply") {
            const std::vector<int64_t> desks = repo::DeskOrgs(s, c.region);
            if (!desks.empty()) notify::Send(s, {0, desks, kRoleComplaintHandler}, n);
          }
          ++sent;
        }
      }
    }
    return Status::Ok();
  }));
  return sent;
}

Status ComplaintService::RunDaily() {
  JB_RETURN_IF_ERROR(Purge("").status());
  return SendReminders().status();
}

}  // namespace jianbao::complaints
