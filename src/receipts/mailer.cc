// Copyright 2026 The Jianbao Authors.

#include "receipts/mailer.h"

#include <cstdio>

#include "mail/mime.h"

namespace jianbao::receipts {

Mailer::Mailer(mail::SmtpConfig config) : config_(std::move(config)) {
  thread_ = std::thread([this] { Run(); });
}

Mailer::~Mailer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cancel_.Cancel();
  cv_.notify_all();
  thread_.join();
}

void Mailer::Queue(const std::vector<Mail>& mails) {
  if (mails.empty()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.insert(queue_.end(), mails.begin(), mails.end());
  }
  cv_.notify_all();
}

int Mailer::sent() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sent_;
}

void Mailer::Run() {
  for (;;) {
    Mail m;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      m = std::move(queue_.front());
      queue_.pop_front();
    }
    mail::Message msg;
    msg.from = {config_.from_name, config_.from};
    msg.to = {{m.name, m.to}};
    msg.subject = m.subject;
    msg.text = m.text;
    const Status st = mail::SendMail(config_, {m.to}, mail::Compose(msg), &cancel_);
    if (!st.ok()) {
      std::fprintf(stderr, "receipts: reminder e-mail to %s not sent: %s\n",
                   mail::MaskEmail(m.to).c_str(), st.ToString().c_str());
      continue;
    }
    std::lock_guard<std::mutex> lock(mu_);
    ++sent_;
  }
}

}  // namespace jianbao::receipts
