// Copyright 2026 The Jianbao Authors.

#include "mail/outbox.h"

#include <algorithm>

#include "core/clock.h"

namespace jianbao::mail {
namespace {

constexpr int kMinLeaseSeconds = 600;
constexpr int kLeaseMarginSeconds = 300;

}  // namespace

int OutboxLeaseSeconds(const SmtpConfig& config) {
  return std::max(kMinLeaseSeconds, config.timeout_seconds + kLeaseMarginSeconds);
}

OutboxOutcome DecideOutboxOutcome(const Status& sent, bool handed_over, bool cancelled,
                                  int attempts_before, const std::string& interrupted,
                                  int64_t now_unix, const RetryPolicy& policy) {
  OutboxOutcome o;
  o.attempts = attempts_before + 1;
  if (sent.ok()) return o;
  if (handed_over) {
    // The server may have kept it: do not send it again on our own.
    o.kind = OutboxOutcome::Kind::kInterrupted;
    o.status = "failed";
    o.error = interrupted;
  } else if (cancelled) {
    // Abandoned before the server could keep it, because the outbox is
    // stopping: back to the queue, due at once, not counted as an attempt.
    o.kind = OutboxOutcome::Kind::kAbandoned;
    o.status = "queued";
    o.attempts = attempts_before;
    o.next_at = clock::FormatIso(now_unix);
  } else {
    o.kind = OutboxOutcome::Kind::kFailed;
    o.error = sent.message().substr(0, 300);
    if (auto wait = policy.After(o.attempts)) {
      o.status = "queued";
      o.next_at = clock::FormatIso(now_unix + *wait);
    } else {
      o.status = "failed";
    }
  }
  return o;
}

std::string OutboxMessageId(const std::string& local, const std::string& from) {
  const size_t at = from.find('@');
  return "<jianbao-" + local + "@" +
         (at == std::string::npos ? "jianbao.invalid" : from.substr(at + 1)) + ">";
}

}  // namespace jianbao::mail
