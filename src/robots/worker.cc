// Copyright 2026 The Jianbao Authors.

#include "robots/worker.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/clock.h"
#include "robots/repository.h"

namespace jianbao::robots {
namespace {

int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

WorkerOptions WorkerOptions::FromConfig(const Config& config) {
  WorkerOptions o;
  o.poll_seconds = static_cast<int>(config.GetInt("robots.poll_seconds", 5));
  o.max_attempts = static_cast<int>(config.GetInt("robots.max_attempts", 5));
  o.backoff_seconds = static_cast<int>(config.GetInt("robots.backoff_seconds", 60));
  o.http.timeout_seconds = static_cast<int>(config.GetInt("robots.timeout_seconds", 10));
  o.http.allow_private_hosts = config.GetBool("robots.allow_private_hosts", false);
  o.public_url = config.GetString("server.public_url");
  while (!o.public_url.empty() && o.public_url.back() == '/') o.public_url.pop_back();
  if (o.poll_seconds < 1) o.poll_seconds = 1;
  if (o.max_attempts < 1) o.max_attempts = 1;
  if (o.backoff_seconds < 1) o.backoff_seconds = 1;
  o.retention_days = static_cast<int>(config.GetInt("robots.retention_days", 90));
  if (o.retention_days < 0) o.retention_days = 0;
  return o;
}

Result<int> Worker::Prune() {
  if (options_.retention_days <= 0) return 0;
  const int64_t cutoff = now_ms_() / 1000 - static_cast<int64_t>(options_.retention_days) * 86400;
  int pruned = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    pruned = repo::PruneDeliveries(s, clock::FormatIso(cutoff));
    return Status::Ok();
  }));
  return pruned;
}

Worker::Worker(store::Database* db, WorkerOptions options)
    : db_(db),
      options_(std::move(options)),
      retry_(RetryPolicy::Exponential(options_.backoff_seconds, options_.max_attempts)),
      now_ms_(SystemNowMs),
      poller_("robots", 20, [this](int max) { return SendDue(max); }) {
  const HttpOptions http = options_.http;
  post_ = [http](const Request& r) { return Post(r, http); };
}

Worker::~Worker() { Stop(); }

Result<int> Worker::SendDue(int max) {
  int attempted = 0;
  for (int i = 0; i < max && !poller_.stopping(); ++i) {
    const int64_t now_ms = now_ms_();
    const int64_t now = now_ms / 1000;
    const int64_t lease = now + 2 * options_.http.timeout_seconds + 60;
    std::optional<Delivery> d;
    std::optional<Robot> robot;
    // Look first (a reader): an idle poll never takes SQLite's write lock.
    bool any = false;
    JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
      any = !repo::DueDeliveries(s, now, 1).empty();
      return Status::Ok();
    }));
    if (!any) break;
    JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
      for (int64_t id : repo::DueDeliveries(s, now, 1)) {
        auto found = repo::FindDelivery(s, id);
        if (!found || !repo::Claim(s, id, found->next_unix, lease)) continue;
        d = found;
        robot = repo::FindRobot(s, found->robot_id);
      }
      return Status::Ok();
    }));
    if (!d || !robot) break;
    ++attempted;
    const Status sent = robot->enabled || d->event.event == "robot.test"
                            ? post_(BuildRequest(*robot, d->event, options_.public_url, now_ms))
                            : Status(Code::kUnavailable, "robot_failed", "the robot is disabled");
    const int attempts = d->attempts + 1;
    std::string status = "sent", error, sent_at = clock::FormatIso(now);
    int64_t next = now;
    if (!sent.ok()) {
      error = sent.message();
      sent_at.clear();
      if (auto wait = retry_.After(attempts)) {
        status = "pending";
        next = now + *wait;
      } else {
        status = "failed";
      }
      spdlog::warn("robot {} delivery {} attempt {}: {}", robot->id, d->id, attempts, error);
    }
    JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
      repo::Finish(s, d->id, status, attempts, next, clock::FormatIso(next), error, sent_at);
      return Status::Ok();
    }));
  }
  return attempted;
}

void Worker::Start() { poller_.Start(std::chrono::seconds(options_.poll_seconds)); }

void Worker::Stop() { poller_.Stop(); }

void Worker::Wake() { poller_.Poke(); }

}  // namespace jianbao::robots
