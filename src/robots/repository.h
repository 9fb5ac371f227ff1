// Copyright 2026 The Jianbao Authors.
//
// All SQL of the robots module (migrations of module "robots").
//
// Thread safety: stateless; each call on the caller's session.

#ifndef JIANBAO_ROBOTS_REPOSITORY_H_
#define JIANBAO_ROBOTS_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "robots/model.h"
#include "store/database.h"

namespace jianbao::robots::repo {

std::vector<store::Migration> Migrations();

// Robots carry their owner's id as text in `org` (the service maps codes).
int64_t InsertRobot(soci::session& s, int64_t org_id, const RobotInput& in, const std::string& now,
                    const std::string& by);
void UpdateRobot(soci::session& s, int64_t id, const RobotInput& in);
// Deletes the robot and its deliveries.
void DeleteRobot(soci::session& s, int64_t id);
std::optional<Robot> FindRobot(soci::session& s, int64_t id);
// Every robot of `org_id` (all when 0), by id.
std::vector<Robot> ListRobots(soci::session& s, int64_t org_id);

// Queues one delivery due at once; returns its id.
int64_t InsertDelivery(soci::session& s, int64_t robot_id, const Event& e, const std::string& now,
                       int64_t now_unix);
// Deliveries of robots of `org_id` (all when 0), newest first; `status` filters when set.
Page<Delivery> ListDeliveries(soci::session& s, int64_t org_id, const std::string& status,
                              const PageRequest& page);
std::optional<Delivery> FindDelivery(soci::session& s, int64_t id);
// Returns the ids of up to `max` pending deliveries due at `now_unix`.
std::vector<int64_t> DueDeliveries(soci::session& s, int64_t now_unix, int max);
// Claims a delivery: moves next_unix from `due` to `lease` when it still is
// `due` and pending (compare-and-set). Returns true when claimed.
bool Claim(soci::session& s, int64_t id, int64_t due, int64_t lease);
// Deletes the sent and failed deliveries created before `before` (ISO
// time); returns how many.
int PruneDeliveries(soci::session& s, const std::string& before);
// Records an attempt's outcome.
void Finish(soci::session& s, int64_t id, const std::string& status, int attempts,
            int64_t next_unix, const std::string& next_at, const std::string& error,
            const std::string& sent_at);

}  // namespace jianbao::robots::repo

#endif  // JIANBAO_ROBOTS_REPOSITORY_H_
