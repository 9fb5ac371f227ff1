// Copyright 2026 The Jianbao Authors.
//
// Request readers, JSON encoders and thin handlers: decode → one
// RobotService call → encode. Secrets leave the server masked only.

#include "robots/handlers.h"

#include "http/json_io.h"
#include "robots/sender.h"

namespace jianbao::robots {
namespace {

using http::Context;
using http::Json;
using http::JsonResponse;
using http::Response;

// Reads a robot. On update (`update`), a missing "secret" keeps the stored one.
Result<RobotInput> ReadRobotInput(const std::string& body, bool update) {
  JB_ASSIGN_OR_RETURN(Json j,
                      http::ParseObject(body, {"name", "kind", "url", "secret", "enabled"}));
  RobotInput in;
  JB_ASSIGN_OR_RETURN(in.name, http::RequiredString(j, "name", 100));
  JB_ASSIGN_OR_RETURN(in.kind, http::RequiredString(j, "kind", 16));
  JB_ASSIGN_OR_RETURN(in.url, http::RequiredString(j, "url", 2000));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> secret, http::OptionalString(j, "secret", 200));
  in.secret = secret.value_or("");
  in.keep_secret = update && !j.contains("secret");
  JB_ASSIGN_OR_RETURN(std::optional<bool> enabled, http::OptionalBool(j, "enabled"));
  in.enabled = enabled.value_or(true);
  return in;
}

// The URL with its query masked too: 企业微信 puts the robot's key there.
std::string MaskUrl(const std::string& url) {
  const size_t q = url.find('?');
  if (q == std::string::npos) return url;
  return url.substr(0, q + 1) + Mask(url.substr(q + 1));
}

Json RobotJson(const Robot& r) {
  return {{"id", r.id},
          {"org", r.org},
          {"name", r.name},
          {"kind", r.kind},
          {"url", MaskUrl(r.url)},
          {"secret", Mask(r.secret)},
          {"has_secret", !r.secret.empty()},
          {"enabled", r.enabled},
          {"created_at", r.created_at},
          {"created_by", r.created_by}};
}

Json DeliveryJson(const Delivery& d) {
  return {{"id", d.id},
          {"robot", d.robot_id},
          {"robot_name", d.robot_name},
          {"event", d.event.event},
          {"title", d.event.title},
          {"number", d.event.number},
          {"link", d.event.link},
          {"status", d.status},
          {"attempts", d.attempts},
          {"next_at", d.status == "pending" ? d.next_at : ""},
          {"last_error", d.last_error},
          {"created_at", d.created_at},
          {"sent_at", d.sent_at}};
}

Result<Response> GetRobots(Context& ctx, RobotService& svc) {
  JB_ASSIGN_OR_RETURN(std::vector<Robot> rows, svc.List(ctx.actor()));
  Json items = Json::array();
  for (const Robot& r : rows) items.push_back(RobotJson(r));
  return JsonResponse(200, http::ItemsObject(std::move(items)));
}

Result<Response> PostRobot(Context& ctx, RobotService& svc) {
  JB_ASSIGN_OR_RETURN(RobotInput in, ReadRobotInput(ctx.req.body, false));
  JB_ASSIGN_OR_RETURN(Robot r, svc.Create(ctx.actor(), in));
  return JsonResponse(201, RobotJson(r));
}

Result<Response> PutRobot(Context& ctx, RobotService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "robot_not_found"));
  JB_ASSIGN_OR_RETURN(RobotInput in, ReadRobotInput(ctx.req.body, true));
  JB_ASSIGN_OR_RETURN(Robot r, svc.Update(ctx.actor(), id, in));
  return JsonResponse(200, RobotJson(r));
}

Result<Response> DeleteRobot(Context& ctx, RobotService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "robot_not_found"));
  JB_RETURN_IF_ERROR(svc.Delete(ctx.actor(), id));
  return http::NoContent();
}

Result<Response> PostTest(Context& ctx, RobotService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "robot_not_found"));
  JB_ASSIGN_OR_RETURN(Delivery d, svc.Test(ctx.actor(), id));
  return JsonResponse(202, DeliveryJson(d));
}

Result<Response> GetDeliveries(Context& ctx, RobotService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  JB_ASSIGN_OR_RETURN(Page<Delivery> p,
                      svc.ListDeliveries(ctx.actor(), ctx.req.Query("status"), page));
  return JsonResponse(200, http::PageJson(p, page, DeliveryJson));
}

}  // namespace

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "robots",
      {
          {"robot_not_found", "群机器人不存在", "no such robot"},
          {"invalid_robot_kind", "类型应为 wecom、dingtalk 或 generic",
           "kind must be wecom, dingtalk or generic"},
          {"invalid_webhook_url", "Webhook 地址应以 http:// 或 https:// 开头",
           "the webhook URL must be http or https"},
          {"secret_not_used", "只有钉钉机器人需要加签密钥", "only 钉钉 robots have a secret"},
          {"invalid_delivery_status", "状态应为 pending、sent 或 failed",
           "status must be pending, sent or failed"},
          {"robot_failed", "群机器人推送失败", "the robot could not be reached"},
      }};
  return kCatalogue;
}

void Register(http::App& app, RobotService& svc) {
  auto bind = [&svc](Result<Response> (*fn)(Context&, RobotService&)) {
    return http::Bind(svc, fn);
  };
  app.Get("/api/v1/robots", bind(GetRobots));
  app.Post("/api/v1/robots", bind(PostRobot));
  app.Get("/api/v1/robots/deliveries", bind(GetDeliveries));
  app.Put("/api/v1/robots/:id", bind(PutRobot));
  app.Delete("/api/v1/robots/:id", bind(DeleteRobot));
  app.Post("/api/v1/robots/:id/test", bind(PostTest));
}

}  // namespace jianbao::robots
