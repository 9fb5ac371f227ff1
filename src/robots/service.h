// Copyright 2026 The Jianbao Authors.
//
// RobotService: an organisation's group robots (企业微信, 钉钉, generic
// webhooks) and their deliveries. The admins of an organisation configure
// its robots and see their deliveries; secrets are stored, used to sign and
// never returned in full (Mask). Events are queued by Announce (announce.h)
// and sent by the Worker.
//
// Thread safety: every method may be called from any thread.

#ifndef JIANBAO_ROBOTS_SERVICE_H_
#define JIANBAO_ROBOTS_SERVICE_H_

#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/status.h"
#include "robots/model.h"
#include "robots/worker.h"
#include "store/database.h"

namespace jianbao::robots {

class RobotService {
 public:
  // REQUIRES: `db` outlives the service; `worker` (may be null) too.
  RobotService(store::Database* db, Worker* worker) : db_(db), worker_(worker) {}

  // The robots of the actor's organisation (the system actor: all).
  // kPermissionDenied unless the actor is an admin.
  Result<std::vector<Robot>> List(const Actor& actor);
  // Errors: kInvalidArgument "name", "kind" ("invalid_robot_kind"), "url"
  // ("invalid_webhook_url"), "secret" (only 钉钉 robots have one);
  // kPermissionDenied unless an admin.
  Result<Robot> Create(const Actor& actor, const RobotInput& in);
  // As Create; kNotFound "robot_not_found" (also another organisation's).
  Result<Robot> Update(const Actor& actor, int64_t id, const RobotInput& in);
  Status Delete(const Actor& actor, int64_t id);
  // Queues a test announcement ("robot.test") and wakes the worker; returns the delivery.
  Result<Delivery> Test(const Actor& actor, int64_t id);
  // Deliveries of the actor's organisation's robots, newest first; `status`
  // pending|sent|failed or "" ("invalid_delivery_status" otherwise).
  Result<Page<Delivery>> ListDeliveries(const Actor& actor, const std::string& status,
                                        const PageRequest& page);

 private:
  store::Database* db_;
  Worker* worker_;
};

}  // namespace jianbao::robots

#endif  // JIANBAO_ROBOTS_SERVICE_H_
