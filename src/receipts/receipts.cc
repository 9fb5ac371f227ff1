// Copyright 2026 The Jianbao Authors.
//
// Aggregation per unit and 催办 reminders.

#include "receipts/receipts.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "notify/notify.h"
#include "orgs/repository.h"
#include "orgs/service.h"
#include "receipts/mailer.h"

namespace jianbao::receipts {
namespace internal {
void InsertReminder(soci::session& s, const DocRef& doc, const Reminder& r, int64_t by_user_id);
}  // namespace internal

namespace {

// Keeps the earlier of two ISO times ("" = none).
void KeepFirst(std::string* first, const std::string& at) {
  if (at.empty()) return;
  if (first->empty() || at < *first) *first = at;
}

}  // namespace

Summary Aggregate(const std::vector<Person>& people, const std::vector<RecipientOrg>& orgs,
                  const std::vector<Reminder>& reminders) {
  Summary out;
  out.people = people;
  std::map<std::string, size_t> index;
  auto unit_of = [&](const std::string& code, const std::string& name) -> Unit& {
    auto it = index.find(code);
    if (it != index.end()) return out.units[it->second];
    index[code] = out.units.size();
    Unit u;
    u.org_code = code;
    u.org_name = name;
    out.units.push_back(u);
    return out.units.back();
  };
  std::map<std::string, std::string> emails;
  for (const RecipientOrg& o : orgs) {
    unit_of(o.code, o.name);
    emails[o.code] = o.email;
  }
  for (const Person& p : people) {
    Unit& u = unit_of(p.org_code, p.org_name);
    ++u.people;
    u.read += !p.read_at.empty();
    u.acknowledged += !p.acknowledged_at.empty();
    KeepFirst(&u.read_at, p.read_at);
    KeepFirst(&u.acknowledged_at, p.acknowledged_at);
  }
  for (const Reminder& r : reminders) {
    auto it = index.find(r.org_code);
    if (it == index.end()) continue;
    Unit& u = out.units[it->second];
    ++u.reminders;
    if (r.at_unix >= u.last_reminded_unix) {
      u.last_reminded_unix = r.at_unix;
      u.last_reminded_at = r.at;
    }
  }
  for (Unit& u : out.units) {
    if (u.people == 0) {
      u.external = true;
      u.delivery = emails[u.org_code].empty() ? "print" : "email";
      u.state = "external";
      ++out.units_external;
      continue;
    }
    u.delivery = "platform";
    ++out.units_total;
    if (u.acknowledged > 0) {
      u.state = "acknowledged";
      ++out.units_acknowledged;
      ++out.units_read;  // acknowledging reads
    } else if (u.read > 0) {
      u.state = "read";
      ++out.units_read;
    } else {
      u.state = "unread";
    }
  }
  return out;
}

Result<RemindResult> Remind(soci::session& s, const Actor& actor, const Summary& summary,
                            const RemindRequest& request) {
  std::vector<const Unit*> chosen;
  for (const std::string& code : request.units) {
    auto it = std::find_if(summary.units.begin(), summary.units.end(),
                           [&](const Unit& u) { return u.org_code == code && !u.external; });
    if (it == summary.units.end()) {
      return Status::Invalid("units", "not_a_recipient", code + " is no recipient unit")
          .set_text("unit", code);
    }
    if (it->state == "acknowledged") continue;
    const int64_t wait = it->last_reminded_unix + kReminderIntervalSeconds - request.now_unix;
    if (it->last_reminded_unix && wait > 0) {
      return std::move(Status(Code::kTooManyRequests, "reminder_too_soon",
                              code + " was reminded less than an hour ago")
                           .set_retry_after_seconds(static_cast<int>(wait))
                           .set_text("unit", it->org_name));
    }
    chosen.push_back(&*it);
  }
  if (request.units.empty()) {
    int64_t soonest = 0;
    std::string soonest_name;
    for (const Unit& u : summary.units) {
      if (u.external || u.state == "acknowledged") continue;
      const int64_t wait = u.last_reminded_unix + kReminderIntervalSeconds - request.now_unix;
      if (u.last_reminded_unix && wait > 0) {
        if (soonest == 0 || wait < soonest) soonest = wait, soonest_name = u.org_name;
        continue;
      }
      chosen.push_back(&u);
    }
    if (chosen.empty() && soonest > 0) {
      return std::move(Status(Code::kTooManyRequests, "reminder_too_soon",
                              "every unit left was reminded less than an hour ago")
                           .set_retry_after_seconds(static_cast<int>(soonest))
                           .set_text("unit", soonest_name));
    }
  }
  if (chosen.empty()) {
    return Status::Conflict("nothing_to_remind", "every recipient unit has acknowledged");
  }
  RemindResult out;
  const std::string now = clock::NowIso();
  for (const Unit* u : chosen) {
    const std::optional<orgs::Org> org = orgs::repo::FindOrg(s, u->org_code);
    if (!org) continue;
    notify::Notification n;
    n.kind = "receipts.reminder";
    n.title_key = "notification.receipts.reminder";
    n.params = {{"title", request.title}};
    n.body = request.title;
    n.entity = request.entity;
    n.entity_id = std::to_string(request.doc.id);
    notify::Audience to;
    to.org_ids = {org->id};
    notify::Send(s, to, n);
    Reminder r;
    r.org_code = u->org_code;
    r.at = now;
    r.at_unix = request.now_unix;
    r.by = actor.login;
    r.notified = 1;
    if (request.mail) {
      orgs::UserFilter f;
      f.org_ids = {org->id};
      f.limit = 200;
      for (const orgs::User& user : orgs::repo::ListUsers(s, f).items) {
        if (user.disabled || user.email.empty()) continue;
        Mail m;
        m.to = user.email;
        m.name = user.name;
        m.subject = "催办：请签收《" + request.title + "》";
        m.text = user.name + "：\n\n《" + request.title +
                 "》已发送至贵单位，尚未签收，请尽快阅读并签收。\n";
        if (!request.link.empty()) m.text += "\n" + request.link + "\n";
        QueueMail(s, request.doc, m, now);
        out.mails.push_back(std::move(m));
        ++r.emailed;
      }
    }
    internal::InsertReminder(s, request.doc, r, actor.user_id);
    out.reminded.push_back(u->org_code);
    ++out.notified;
  }
  orgs::Audit(s, actor, request.doc.kind + ".remind", request.entity,
              std::to_string(request.doc.id), "",
              nlohmann::json{{"units", out.reminded}, {"emails", out.mails.size()}}.dump());
  return out;
}

}  // namespace jianbao::receipts
