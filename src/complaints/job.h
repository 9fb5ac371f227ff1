// Copyright 2026 The Jianbao Authors.
//
// DailyJob: the server's background thread for the complaint desk. It runs
// ComplaintService::RunDaily (erase personal data past the retention period,
// send the day's deadline reminders) at start and then every
// `interval_seconds` (complaints.job_interval_seconds, default one hour, so
// that a day is never missed; RunDaily does each day's work once), then the
// other modules' retention tasks added with AddTask (old robot deliveries). Several
// servers on one database may each run one: purging twice erases nothing
// more, and a reminder is recorded once per case, clock and deadline.
//
//   DailyJob job(&service);
//   job.Start(3600);
//   …
//   job.Stop();  // also on destruction
//
// Thread safety: Start and Stop from one thread; the work runs on the job's thread.

#ifndef JIANBAO_COMPLAINTS_JOB_H_
#define JIANBAO_COMPLAINTS_JOB_H_

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "complaints/service.h"

namespace jianbao::complaints {

class DailyJob {
 public:
  // REQUIRES: `service` outlives the job.
  explicit DailyJob(ComplaintService* service) : service_(service) {}
  ~DailyJob();
  DailyJob(const DailyJob&) = delete;
  DailyJob& operator=(const DailyJob&) = delete;

  // Adds a retention task run after RunDaily on every round (named in the
  // log when it fails), e.g. pruning old robot deliveries. It must be
  // idempotent. REQUIRES: before Start.
  void AddTask(std::string name, std::function<Status()> task) {
    tasks_.emplace_back(std::move(name), std::move(task));
  }

  void Start(int interval_seconds);
  void Stop();

 private:
  ComplaintService* service_;
  std::vector<std::pair<std::string, std::function<Status()>>> tasks_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_JOB_H_
