// Copyright 2026 The Jianbao Authors.

#include "receipts/mailer.h"

#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "mail/outbox.h"

namespace jianbao::receipts {
namespace internal {
std::optional<OutboxMail> ClaimMail(soci::session& s, const std::string& now,
                                    const std::string& lease_until);
bool MarkMailHandedOver(soci::session& s, int64_t id, const std::string& lease_until);
void FinishMail(soci::session& s, int64_t id, const std::string& status, int attempts,
                const std::string& error, const std::string& next_at, const std::string& now);
}  // namespace internal

Mailer::Mailer(store::Database* db, mail::SmtpConfig config)
    : db_(db),
      config_(std::move(config)),
      poller_("receipts e-mail outbox", 20, [this](int max) { return SendDue(max); }) {}

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
  msg.message_id = mail::OutboxMessageId("receipts-" + std::to_string(m.id), config_.from);
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
  const mail::OutboxOutcome o = mail::DecideOutboxOutcome(
      sent, handed_over, cancel_.cancelled(), m.attempts, kInterrupted, clock::NowUnix());
  if (o.kind == mail::OutboxOutcome::Kind::kFailed) {
    spdlog::warn("receipts e-mail {} to {} failed (attempt {}): {}", m.id, mail::MaskEmail(m.to),
                 o.attempts, sent.message());
  }
  if (o.kind == mail::OutboxOutcome::Kind::kSent) {
    std::lock_guard<std::mutex> lock(mu_);
    ++sent_;
  }
  return db_->Write([&](soci::session& s) {
    internal::FinishMail(s, m.id, o.status, o.attempts, o.error, o.next_at, clock::NowIso());
    return Status::Ok();
  });
}

Result<int> Mailer::SendDue(int max) {
  int attempted = 0;
  while (attempted < max && !cancel_.cancelled()) {
    const int64_t now = clock::NowUnix();
    const std::string lease_until = clock::FormatIso(now + mail::OutboxLeaseSeconds(config_));
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
  cancel_.Reset();
  poller_.Start(std::chrono::seconds(poll_seconds));
}

void Mailer::Stop() {
  cancel_.Cancel();  // abandons an SMTP call in flight, so that the pass ends
  poller_.Stop();
}

void Mailer::Wake() { poller_.Poke(); }

}  // namespace jianbao::receipts
