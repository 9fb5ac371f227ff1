// Copyright 2026 The Jianbao Authors.

#include "bulletins/mailer.h"

#include <spdlog/spdlog.h>

#include "bulletins/file_name.h"
#include "bulletins/repository.h"
#include "core/clock.h"
#include "mail/outbox.h"
#include "typeset/typeset.h"

namespace jianbao::bulletins {
namespace {

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::string out;
  for (char c : s) {  // "信息通信…及复工复产 信息简报": no space between Chinese lines
    if (c == ' ' && !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80) continue;
    out += c;
  }
  return out;
}

std::string Subject(const Series& series, const IssueRecord& issue) {
  std::string s = OneLine(series.title);
  if (!series.subtitle.empty()) s += "（" + series.subtitle + "）";
  s += issue.supplement ? " 增刊第" : " 第";
  s += std::to_string(issue.number) + "期";
  auto date = typeset::ChineseDate(issue.date);
  if (date.ok()) s += "（" + date.value() + "）";
  if (issue.revision > 1) s += " 更正版";
  return s;
}

// Puts a line with the link to the issue in the web UI, where the recipient
// acknowledges it (签收), at the top of the HTML and the text.
void AddInboxLink(const std::string& public_url, int64_t issue_id, mail::Message* m) {
  if (public_url.empty()) return;
  const std::string url = public_url + "/inbox?issue=" + std::to_string(issue_id);
  const std::string note = "请登录简报系统阅读并签收：";
  m->text = note + url + "\n\n" + m->text;
  const std::string block =
      "<p style=\"margin:0 0 16px;padding:8px 12px;background:#fdf2f2;border-left:3px solid "
      "#c8102e;font-size:14px\">" +
      note + "<a href=\"" + url + "\">" + url + "</a></p>";
  const size_t body = m->html.find("<body");
  const size_t open_end = body == std::string::npos ? std::string::npos : m->html.find('>', body);
  m->html.insert(open_end == std::string::npos ? 0 : open_end + 1, block);
}

// The same Message-ID for every attempt at one copy, so that a copy an editor
// sends again after an interruption can be recognised as a duplicate by the
// receiving side if the first one did arrive.
std::string MessageId(const MailJob& job, const std::string& from) {
  return mail::OutboxMessageId(
      "bulletin-" + std::to_string(job.issue_id) + "-" + std::to_string(job.user_id), from);
}

}  // namespace

Mailer::Mailer(store::Database* db, mail::SmtpConfig config)
    : db_(db),
      config_(std::move(config)),
      poller_("bulletin e-mail outbox", 20, [this](int max) { return SendDue(max); }) {}

Mailer::~Mailer() { Stop(); }

Result<mail::Message> Mailer::IssueContent(int64_t issue_id, bool inbox_link) {
  mail::Message m;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    auto issue = repo::FindIssue(s, issue_id);
    if (!issue) return Status::NotFound("issue_not_found", "the issue is gone");
    auto series = repo::FindSeriesById(s, issue->series_id);
    if (!series) return Status::NotFound("series_not_found", "the series is gone");
    FileInfo info;
    auto html = repo::ReadFile(s, issue_id, "html", &info);
    auto text = repo::ReadFile(s, issue_id, "txt", &info);
    auto pdf = repo::ReadFile(s, issue_id, "pdf", &info);
    if (!html || !pdf) return Status::NotFound("file_not_found", "the issue has no HTML or PDF");
    m.subject = Subject(*series, *issue);
    m.html = std::move(*html);
    m.inline_images = mail::ExtractDataImages(&m.html);
    m.text = text.value_or("");
    m.attachments.push_back(
        {IssueFileName(*series, *issue, "pdf"), "application/pdf", std::move(*pdf)});
    return Status::Ok();
  }));
  m.from = {config_.from_name, config_.from};
  if (inbox_link) AddInboxLink(config_.public_url, issue_id, &m);
  return m;
}

Result<mail::Message> Mailer::ExternalContent(int64_t issue_id) {
  return IssueContent(issue_id, false);
}

Result<mail::Message> Mailer::BuildMessage(const MailJob& job) {
  JB_ASSIGN_OR_RETURN(mail::Message m, IssueContent(job.issue_id));
  m.to = {{job.name, job.email}};
  return m;
}

Status Mailer::Attempt(const Claim& claim, IssueCache* cache, bool* handed_over) {
  const MailJob& job = claim.job;
  // One issue goes to many recipients: read and prepare its files once per batch.
  auto it = cache->find(job.issue_id);
  if (it == cache->end()) it = cache->emplace(job.issue_id, IssueContent(job.issue_id)).first;
  if (!it->second.ok()) return it->second.status();
  mail::Message m = it->second.value();
  m.to = {{job.name, job.email}};
  m.message_id = MessageId(job, config_.from);
  // Until the end-of-data mark the server keeps nothing, so a copy whose
  // sender dies before it is sent again; from the mark on, whether it
  // arrived is unknown until the answer is recorded: note the hand-over
  // first, so that such a copy is never sent twice on its own.
  auto before_end = [&] {
    bool marked = false;
    Status st = db_->Write([&](soci::session& s) {
      marked = repo::MarkMailHandedOver(s, job, claim.lease);
      return Status::Ok();
    });
    *handed_over = st.ok() && marked;
    return *handed_over;
  };
  return mail::SendMail(config_, {job.email}, mail::Compose(m), &cancel_, before_end);
}

Result<int> Mailer::SendDue(int max) {
  IssueCache cache;
  int attempted = 0;
  while (attempted < max && !cancel_.cancelled()) {
    JB_ASSIGN_OR_RETURN(std::optional<Claim> claim, ClaimOne());
    if (!claim) break;
    ++attempted;
    bool handed_over = false;
    const Status sent = Attempt(*claim, &cache, &handed_over);
    JB_RETURN_IF_ERROR(Finish(claim->job, sent, handed_over));
  }
  return attempted;
}

Result<std::optional<Mailer::Claim>> Mailer::ClaimOne() {
  // One copy per claim: the lease covers one SMTP call (never longer than
  // mail.timeout_seconds), and a server killed mid-batch strands one copy
  // until its lease ends, not a whole batch.
  std::vector<MailJob> jobs;
  const int64_t now = clock::NowUnix();
  const std::string lease_until = clock::FormatIso(now + mail::OutboxLeaseSeconds(config_));
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    jobs = repo::ClaimMailJobs(s, clock::FormatIso(now), lease_until, 1);
    return Status::Ok();
  }));
  if (jobs.empty()) return std::optional<Claim>();
  return std::optional<Claim>(Claim{std::move(jobs.front()), lease_until});
}

Status Mailer::Finish(const MailJob& job, const Status& sent, bool handed_over) {
  const mail::OutboxOutcome o =
      mail::DecideOutboxOutcome(sent, handed_over, cancel_.cancelled(), job.attempts,
                                repo::kMailInterrupted, clock::NowUnix());
  if (o.kind == mail::OutboxOutcome::Kind::kFailed) {
    spdlog::warn("bulletin e-mail to user {} for issue {} failed (attempt {}): {}", job.user_id,
                 job.issue_id, o.attempts, sent.message());
  }
  return db_->Write([&](soci::session& s) {
    repo::FinishMailJob(s, job, o.status, o.error, o.next_at, clock::NowIso(),
                        o.kind != mail::OutboxOutcome::Kind::kAbandoned);
    return Status::Ok();
  });
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

}  // namespace jianbao::bulletins
