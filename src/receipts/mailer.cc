// Copyright 2026 The Jianbao Authors.

#include "receipts/mailer.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/clock.h"

namespace jianbao::receipts {
namespace internal {
std::optional<OutboxMail> ClaimMail(soci::session& s, const std::string& now,
                                    const std::string& lease_until);
bool MarkMailHandedOver(soci::session& s, int64_t id, const std::string& lease_until);
void FinishMail(soci::session& s, int64_t id, const std::string& status, int attempts,
                const std::string& error, const std::string& next_at, const std::string& now);
}  // namespace internal

namespace {

// As the bulletins' outbox: a lease of at least 10 minutes and longer than
// one SMTP call; back-off 1, 5, 15, 60 minutes; five attempts.
constexpr int kMinLeaseSeconds = 600;
constexpr int kLeaseMarginSeconds = 300;
constexpr int kBackoffSeconds[] = {60, 300, 900, 3600};
constexpr int kMaxAttempts = 5;

}  // namespace

Mailer::Mailer(store::Database* db, mail::SmtpConfig config)
    : db_(db), config_(std::move(config)) {}

Mailer::~Mailer() { Stop(); }

void Mailer::SetContent(const std::string& kind, ContentFn fn) { content_[kind] = std::move(fn); }

int Mailer::sent() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sent_;
}

Status Mailer::Attempt(const OutboxMail& m, const std::string& lease, bool* handed_over) {
  mail::Message msg;
  if (m.document) {
    auto fn = content_.find(m.doc.kind);
    if (fn == content_.end()) {
      return Status(Code::kInternal, "no_mail_content", "no e-mail content for " + m.doc.kind);
    }
    JB_ASSIGN_OR_RETURN(msg, fn->second(m.doc.id));
  } else {
    msg.subject = m.subject;
    msg.text = m.text;
  }
  msg.from = {config_.from_name, config_.from};
  msg.to = {{m.name, m.to}};
  const size_t at = config_.from.find('@');
  msg.message_id = "<jianbao-receipts-" + std::to_string(m.id) + "@" +
                   (at == std::string::npos ? "jianbao.invalid" : config_.from.substr(at + 1)) +
                   ">";
  auto before_end = [&] {
    bool marked = false;
    Status st = db_->Write([&](soci::session& s) {
      marked = internal::MarkMailHandedOver(s, m.id, lease);
      return Status::Ok();
    });
    *handed_over = st.ok() && marked;
    return *handed_over;
  };
  return mail::SendMail(config_, {m.to}, mail::Compose(msg), &cancel_, before_end);
}

Status Mailer::Finish(const OutboxMail& m, const Status& sent, bool handed_over) {
  std::string status = "sent", next, error;
  int attempts = m.attempts + 1;
  if (!sent.ok() && handed_over) {
    status = "failed";
    error = kInterrupted;
  } else if (!sent.ok() && cancel_.cancelled()) {
    status = "queued";  // abandoned because the Mailer stops: not an attempt
    next = clock::NowIso();
    attempts = m.attempts;
  } else if (!sent.ok()) {
    spdlog::warn("receipts e-mail {} to {} failed (attempt {}): {}", m.id, mail::MaskEmail(m.to),
                 attempts, sent.message());
    status = attempts >= kMaxAttempts ? "failed" : "queued";
    if (status == "queued") {
      next = clock::FormatIso(clock::NowUnix() + kBackoffSeconds[attempts - 1]);
    }
    error = sent.message().substr(0, 300);
  }
  if (status == "sent") {
    std::lock_guard<std::mutex> lock(mu_);
    ++sent_;
  }
  return db_->Write([&](soci::session& s) {
    internal::FinishMail(s, m.id, status, attempts, error, next, clock::NowIso());
    return Status::Ok();
  });
}

Result<int> Mailer::SendDue(int max) {
  int attempted = 0;
  while (attempted < max && !cancel_.cancelled()) {
    const int64_t now = clock::NowUnix();
    const int lease = std::max(kMinLeaseSeconds, config_.timeout_seconds + kLeaseMarginSeconds);
    const std::string lease_until = clock::FormatIso(now + lease);
    std::optional<OutboxMail> m;
    JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
      m = internal::ClaimMail(s, clock::FormatIso(now), lease_until);
      return Status::Ok();
    }));
    if (!m) break;
    ++attempted;
    bool handed_over = false;
    const Status sent = Attempt(*m, lease_until, &handed_over);
    JB_RETURN_IF_ERROR(Finish(*m, sent, handed_over));
  }
  return attempted;
}

void Mailer::Start(int poll_seconds) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = false;
  }
  cancel_.Reset();
  thread_ = std::thread([this, poll_seconds] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      lock.unlock();
      auto sent = SendDue(20);
      if (!sent.ok()) spdlog::warn("receipts e-mail outbox: {}", sent.status().message());
      lock.lock();
      if (sent.ok() && sent.value() == 20) continue;
      cv_.wait_for(lock, std::chrono::seconds(poll_seconds), [this] { return stop_ || woken_; });
      woken_ = false;
    }
  });
}

void Mailer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cancel_.Cancel();
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Mailer::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

}  // namespace jianbao::receipts
