// Copyright 2026 The Jianbao Authors.
//
// Group robots (群机器人): an organisation's outgoing webhooks and the
// queue of their deliveries.

#ifndef JIANBAO_ROBOTS_MODEL_H_
#define JIANBAO_ROBOTS_MODEL_H_

#include <cstdint>
#include <string>

namespace jianbao::robots {

// Kinds: "wecom" (企业微信 group robot), "dingtalk" (钉钉 group robot, with
// its signature secret) and "generic" (any URL, a JSON body).
struct RobotInput {
  std::string name, kind, url, secret;
  bool enabled = true;
  bool keep_secret = false;  // an update that leaves the secret as it is
};

struct Robot {
  int64_t id = 0;
  std::string org;  // code of the owning organisation
  std::string name, kind, url, secret;
  bool enabled = true;
  std::string created_at, created_by;
};

// What a robot announces. `link` is absolute, or a path the worker prefixes
// with server.public_url.
struct Event {
  std::string event;  // "notice.sent", "policy.digest", "bulletin.published", "robot.test"
  std::string title;
  std::string number;  // e.g. "2020年第3期"; may be empty
  std::string link;
};

struct Delivery {
  int64_t id = 0;
  int64_t robot_id = 0;
  std::string robot_name, org;
  Event event;
  std::string status;  // "pending", "sent", "failed"
  int attempts = 0;
  std::string next_at, last_error, created_at, sent_at;
  int64_t next_unix = 0;
};

}  // namespace jianbao::robots

#endif  // JIANBAO_ROBOTS_MODEL_H_
