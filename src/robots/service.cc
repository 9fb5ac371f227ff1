// Copyright 2026 The Jianbao Authors.

#include "robots/service.h"

#include <soci/soci.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/text.h"
#include "orgs/repository.h"
#include "orgs/service.h"
#include "robots/announce.h"
#include "robots/repository.h"
#include "robots/sender.h"

namespace jianbao::robots {
namespace {

Status RequireAdmin(const Actor& actor) {
  if (actor.is_system() || actor.HasRole(kRoleAdmin)) return Status::Ok();
  return Status::Denied("an organisation's admins configure its robots");
}

// The organisation whose robots the actor manages (0: every organisation).
int64_t OrgOf(const Actor& actor) { return actor.is_system() ? 0 : actor.org_id; }

Status CheckInput(const RobotInput& in) {
  if (text::Trim(in.name).empty()) return Status::Invalid("name", "required", "name is required");
  if (in.kind != "wecom" && in.kind != "dingtalk" && in.kind != "generic") {
    return Status::Invalid("kind", "invalid_robot_kind", "kind must be wecom, dingtalk or generic");
  }
  JB_RETURN_IF_ERROR(CheckWebhookUrl(in.url));
  if (in.kind != "dingtalk" && !in.secret.empty()) {
    return Status::Invalid("secret", "secret_not_used", "only 钉钉 robots have a secret");
  }
  return Status::Ok();
}

Robot Named(Robot r, soci::session& s) {
  const int64_t id = std::stoll(r.org);
  r.org.clear();
  for (const orgs::Org& o : orgs::repo::LoadOrgs(s)) {
    if (o.id == id) r.org = o.code;
  }
  return r;
}

Status NotFound() { return Status::NotFound("robot_not_found", "no such robot"); }

}  // namespace

int Announce(soci::session& s, int64_t org_id, const Event& event) {
  if (org_id == 0) return 0;
  // A secretariat acts for its association: the association's robots announce its work too.
  std::vector<int64_t> orgs_to_tell = {org_id};
  for (const orgs::Org& o : orgs::repo::LoadOrgs(s)) {
    if (o.id == org_id && o.kind == "secretariat" && o.parent_id)
      orgs_to_tell.push_back(o.parent_id);
  }
  int n = 0;
  const std::string now = clock::NowIso();
  const int64_t unix_now = std::time(nullptr);
  for (int64_t id : orgs_to_tell) {
    for (const Robot& r : repo::ListRobots(s, id)) {
      if (!r.enabled) continue;
      repo::InsertDelivery(s, r.id, event, now, unix_now);
      ++n;
    }
  }
  return n;
}

int AnnounceByCode(soci::session& s, const std::string& org_code, const Event& event) {
  const std::optional<orgs::Org> o = orgs::repo::FindOrg(s, org_code);
  return o ? Announce(s, o->id, event) : 0;
}

Result<std::vector<Robot>> RobotService::List(const Actor& actor) {
  JB_RETURN_IF_ERROR(RequireAdmin(actor));
  std::vector<Robot> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    for (const Robot& r : repo::ListRobots(s, OrgOf(actor))) out.push_back(Named(r, s));
    return Status::Ok();
  }));
  return out;
}

Result<Robot> RobotService::Create(const Actor& actor, const RobotInput& in) {
  JB_RETURN_IF_ERROR(RequireAdmin(actor));
  JB_RETURN_IF_ERROR(CheckInput(in));
  if (actor.org_id == 0) return Status::Denied("robots belong to an organisation");
  Robot out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    const int64_t id = repo::InsertRobot(s, actor.org_id, in, clock::NowIso(), actor.login);
    orgs::Audit(s, actor, "robot.create", "robot", std::to_string(id), "",
                nlohmann::json{{"name", in.name}, {"kind", in.kind}}.dump());
    out = Named(*repo::FindRobot(s, id), s);
    return Status::Ok();
  }));
  return out;
}

Result<Robot> RobotService::Update(const Actor& actor, int64_t id, const RobotInput& in) {
  JB_RETURN_IF_ERROR(RequireAdmin(actor));
  Robot out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto r = repo::FindRobot(s, id);
    if (!r || (OrgOf(actor) && std::stoll(r->org) != OrgOf(actor))) return NotFound();
    RobotInput next = in;
    if (in.keep_secret) next.secret = in.kind == "dingtalk" ? r->secret : "";
    JB_RETURN_IF_ERROR(CheckInput(next));
    repo::UpdateRobot(s, id, next);
    orgs::Audit(
        s, actor, "robot.update", "robot", std::to_string(id), "",
        nlohmann::json{{"name", in.name}, {"kind", in.kind}, {"enabled", in.enabled}}.dump());
    out = Named(*repo::FindRobot(s, id), s);
    return Status::Ok();
  }));
  return out;
}

Status RobotService::Delete(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(RequireAdmin(actor));
  return db_->Write([&](soci::session& s) {
    auto r = repo::FindRobot(s, id);
    if (!r || (OrgOf(actor) && std::stoll(r->org) != OrgOf(actor))) return NotFound();
    repo::DeleteRobot(s, id);
    orgs::Audit(s, actor, "robot.delete", "robot", std::to_string(id),
                nlohmann::json{{"name", r->name}}.dump(), "");
    return Status::Ok();
  });
}

Result<Delivery> RobotService::Test(const Actor& actor, int64_t id) {
  JB_RETURN_IF_ERROR(RequireAdmin(actor));
  Delivery out;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto r = repo::FindRobot(s, id);
    if (!r || (OrgOf(actor) && std::stoll(r->org) != OrgOf(actor))) return NotFound();
    const Event e{"robot.test", "简报群机器人测试 / Jianbao robot test", "", "/"};
    const int64_t did = repo::InsertDelivery(s, id, e, clock::NowIso(), std::time(nullptr));
    out = *repo::FindDelivery(s, did);
    return Status::Ok();
  }));
  if (worker_) worker_->Wake();
  return out;
}

Result<Page<Delivery>> RobotService::ListDeliveries(const Actor& actor, const std::string& status,
                                                    const PageRequest& page) {
  JB_RETURN_IF_ERROR(RequireAdmin(actor));
  if (!status.empty() && status != "pending" && status != "sent" && status != "failed") {
    return Status::Invalid("status", "invalid_delivery_status",
                           "status must be pending, sent or failed");
  }
  Page<Delivery> out;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    out = repo::ListDeliveries(s, OrgOf(actor), status, page);
    return Status::Ok();
  }));
  return out;
}

}  // namespace jianbao::robots
