// Copyright 2026 The Jianbao Authors.
//
// ComplaintService: scope, filing (public form and phone intake), reading.
// Actions are in service_actions.cc; statistics, calendar, settings and jobs
// in service_admin.cc.

#include <soci/soci.h>
#include <sodium.h>

#include <nlohmann/json.hpp>

#include "complaints/options.h"
#include "complaints/privacy.h"
#include "complaints/repository.h"
#include "complaints/service_internal.h"
#include "complaints/sla.h"
#include "complaints/workflow.h"
#include "core/clock.h"
#include "core/text.h"
#include "notify/notify.h"
#include "search/document.h"

namespace jianbao::complaints {

namespace internal {

Status NotFound() { return Status::NotFound("complaint_not_found", "no such case"); }

}  // namespace internal

namespace {

// Checks a free text: trimmed, at most `max` characters, no control
// characters but newlines and tabs, no markup.
Status CheckText(const std::string& field, std::string* value, size_t max, bool required) {
  *value = text::Trim(*value);
  if (value->empty()) {
    return required ? Status::Invalid(field, "required", field + " is required") : Status::Ok();
  }
  if (!text::IsValidUtf8(*value)) return Status::Invalid(field, "invalid_utf8", "not UTF-8");
  if (text::CodePointCount(*value) > max) {
    return Status::Invalid(field, "too_long", field + " is too long");
  }
  for (unsigned char ch : *value) {
    if ((ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || ch == 0x7f) {
      return Status::Invalid(field, "control_char", field + " has a control character");
    }
  }
  if (HasMarkup(*value)) {
    return Status::Invalid(field, "markup_not_allowed", field + " must not contain HTML or script");
  }
  return Status::Ok();
}

std::string NewNumber(const std::string& today) {
  std::string digits = std::to_string(1000000 + randombytes_uniform(1000000)).substr(1);
  std::string date;
  for (char ch : today) {
    if (ch != '-') date += ch;
  }
  return "TS" + date + digits;
}

}  // namespace

ComplaintService::ComplaintService(store::Database* db, orgs::OrgService* orgs,
                                   const Config& config)
    : db_(db),
      orgs_(orgs),
      now_([] { return clock::NowUnix(); }),
      challenge_enabled_(config.GetBool("complaints.public_challenge", true)),
      challenge_bits_(static_cast<int>(config.GetInt("complaints.public_challenge_bits", 16))),
      challenge_ttl_(static_cast<int>(config.GetInt("complaints.public_challenge_seconds", 900))),
      rate_limit_(static_cast<int>(config.GetInt("complaints.public_rate_limit", 5))),
      rate_window_(static_cast<int>(config.GetInt("complaints.public_rate_window_seconds", 600))),
      reply_days_(static_cast<int>(
          config.GetInt("complaints.operator_reply_days", kDefaultReplyWorkingDays))),
      retention_days_(static_cast<int>(config.GetInt("complaints.retention_days", 730))),
      max_attachment_bytes_(
          static_cast<size_t>(config.GetInt("complaints.max_attachment_bytes", 5 * 1024 * 1024))) {
  if (sodium_init() < 0) challenge_enabled_ = false;  // never: libsodium cannot start
  if (challenge_bits_ < 1) challenge_bits_ = 1;
  if (challenge_bits_ > 30) challenge_bits_ = 30;
}

std::string ComplaintService::Today() const { return clock::ShanghaiDate(now_()); }

Result<ComplaintService::Scope> ComplaintService::LoadScope(const Actor& actor) {
  Scope scope;
  if (actor.is_system()) {
    scope.national = true;
    return scope;
  }
  std::optional<OrgSetting> setting;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    setting = repo::FindOrgSetting(s, actor.org_id);
    return Status::Ok();
  }));
  if (setting && actor.HasRole(kRoleComplaintHandler)) scope.desk_region = setting->region;
  if (setting && actor.HasRole(kRoleOperatorLiaison) && !setting->operator_code.empty()) {
    scope.liaison_operator = setting->operator_code;
    scope.liaison_province = setting->province;
  }
  if (actor.HasRole(kRoleAdmin)) {
    JB_ASSIGN_OR_RETURN(std::vector<orgs::Org> all, orgs_->ListOrgs(Actor::System()));
    for (const orgs::Org& o : all) {
      if (o.id == actor.org_id && (o.kind == "national" || o.kind == "secretariat")) {
        scope.national = true;
      }
    }
  }
  return scope;
}

std::string ComplaintService::SearchReaderOf(const Complaint& c) { return "region:" + c.region; }

Result<std::vector<std::string>> ComplaintService::SearchReaders(const Actor& actor) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (scope.national) return std::vector<std::string>{search::kEveryDocument};
  if (!scope.desk_region.empty()) return std::vector<std::string>{"region:" + scope.desk_region};
  return std::vector<std::string>{};
}

Result<WorkCalendar> ComplaintService::LoadCalendar(soci::session& s) {
  return WorkCalendar(repo::CalendarDays(s, ""));
}

Status ComplaintService::ValidateInput(CaseInput* in) const {
  if (in->kind != kKindConsultation && in->kind != kKindComplaint) {
    return Status::Invalid("kind", "unknown_kind", "kind is consultation or complaint");
  }
  if (!IsCategory(in->category)) {
    return Status::Invalid("category", "unknown_category", "unknown category");
  }
  if (!IsOperator(in->operator_code)) {
    return Status::Invalid("operator", "unknown_operator", "unknown operator");
  }
  if (!FindRegion(in->region)) return Status::Invalid("region", "unknown_region", "unknown region");
  JB_RETURN_IF_ERROR(CheckText("name", &in->name, kMaxName, true));
  const std::string phone = NormalizePhone(text::Trim(in->phone));
  if (phone.empty()) return Status::Invalid("phone", "invalid_phone", "invalid phone number");
  in->phone = phone;
  JB_RETURN_IF_ERROR(CheckText("description", &in->description, kMaxDescription, true));
  const bool complaint = in->kind == kKindComplaint;
  in->operator_contacted_on = text::Trim(in->operator_contacted_on);
  if (complaint || !in->operator_contacted_on.empty()) {
    if (in->operator_contacted_on.empty()) {
      return Status::Invalid("operator_contacted_on", "operator_first",
                             "a complaint needs the date the operator was contacted");
    }
    if (!clock::IsValidDate(in->operator_contacted_on) ||
        in->operator_contacted_on < "2000-01-01") {
      return Status::Invalid("operator_contacted_on", "invalid_date", "not a date");
    }
    if (in->operator_contacted_on > Today()) {
      return Status::Invalid("operator_contacted_on", "future_date", "the date is in the future");
    }
  }
  JB_RETURN_IF_ERROR(CheckText("operator_answer", &in->operator_answer, kMaxAnswer, complaint));
  if (in->channel != "web" && in->channel != "phone") in->channel = "web";
  return Status::Ok();
}

Result<Complaint> ComplaintService::Insert(const Actor& actor, CaseInput in,
                                           const std::string& role) {
  JB_RETURN_IF_ERROR(ValidateInput(&in));
  const int64_t now = now_();
  Complaint c;
  c.kind = in.kind;
  c.category = in.category;
  c.operator_code = in.operator_code;
  c.region = in.region;
  c.channel = in.channel;
  c.name = in.name;
  c.phone = in.phone;
  c.description = in.description;
  c.operator_contacted_on = in.operator_contacted_on;
  c.operator_answer = in.operator_answer;
  c.status = kReceived;
  c.received_at = clock::FormatIso(now);
  c.received_on = clock::ShanghaiDate(now);
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    JB_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(s));
    c.accept_due = AcceptanceDue(cal, c.received_on);
    for (int attempt = 0; attempt < 8; ++attempt) {
      c.number = NewNumber(c.received_on);
      if (!repo::FindCaseByNumber(s, c.number)) break;
    }
    c.id = repo::InsertCase(s, c, actor.user_id);
    CaseEvent e;
    e.at = c.received_at;
    e.action = "file";
    e.actor_login = actor.login;
    e.actor_role = role;
    e.to_state = kReceived;
    e.is_public = true;
    repo::AppendEvent(s, c.id, e, actor.user_id);
    // No personal data in the audit log or the notification: the number says enough.
    orgs::Audit(
        s, actor, "complaint.file", "complaint", std::to_string(c.id), "",
        nlohmann::json{
            {"number", c.number}, {"kind", c.kind}, {"region", c.region}, {"channel", c.channel}}
            .dump());
    notify::Notification n;
    n.kind = "complaint.filed";
    n.title_key = "notification.complaint.filed";
    n.params = {{"number", c.number}};
    n.body = c.number;
    n.entity = "complaint";
    n.entity_id = std::to_string(c.id);
    const std::vector<int64_t> desks = repo::DeskOrgs(s, c.region);
    if (!desks.empty()) notify::Send(s, {0, desks, kRoleComplaintHandler}, n);
    return Status::Ok();
  }));
  ComputeClocks(&c, Today());
  return MaskPersonalData(c, Privacy::kMasked);
}

Result<PublicForm> ComplaintService::NewPublicForm() {
  PublicForm form;
  form.challenge_enabled = challenge_enabled_;
  if (!challenge_enabled_) return form;
  std::string secret;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    secret = repo::Secret(s, "challenge", NewSecret());
    return Status::Ok();
  }));
  form.challenge = IssueChallenge(secret, now_(), challenge_ttl_, challenge_bits_);
  return form;
}

Result<Complaint> ComplaintService::FilePublic(const PublicFiling& filing, const Status& decoded) {
  const int64_t now = now_();
  // The rate limit first, committed on its own: every attempt counts.
  int retry_after = 0;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    auto [hits, oldest] = repo::CountHits(s, filing.address, now - rate_window_);
    if (hits >= rate_limit_) {
      retry_after = static_cast<int>(std::max<int64_t>(1, oldest + rate_window_ - now));
      return Status::Ok();
    }
    repo::RecordHit(s, filing.address, now, now - rate_window_);
    return Status::Ok();
  }));
  if (retry_after > 0) {
    return Status(Code::kTooManyRequests, "too_many_filings",
                  "too many filings from this address; try again later")
        .set_retry_after_seconds(retry_after);
  }
  JB_RETURN_IF_ERROR(decoded);
  if (challenge_enabled_) {
    std::string secret;
    JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
      secret = repo::Secret(s, "challenge", NewSecret());
      return Status::Ok();
    }));
    JB_ASSIGN_OR_RETURN(
        SolvedChallenge solved,
        VerifyChallenge(secret, filing.challenge, filing.solution, now, challenge_bits_));
    // Checked before the nonce is spent, so that a typo in the form costs no new proof.
    CaseInput probe = filing.input;
    JB_RETURN_IF_ERROR(ValidateInput(&probe));
    bool fresh = false;
    JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
      fresh = repo::UseNonce(s, solved.nonce, solved.expires_at, now);
      return Status::Ok();
    }));
    if (!fresh) {
      return Status::Invalid("challenge", "challenge_used", "this challenge was used already");
    }
  }
  Actor consumer;
  consumer.login = "public";
  consumer.name = "public";
  consumer.ip = filing.address;
  CaseInput in = filing.input;
  in.channel = "web";
  return Insert(consumer, in, "consumer");
}

Result<Complaint> ComplaintService::PublicStatus(const std::string& number,
                                                 const std::string& phone) {
  const std::string normalized = NormalizePhone(text::Trim(phone));
  std::optional<Complaint> found;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    found = repo::FindCaseByNumber(s, text::Trim(number));
    if (!found) return Status::Ok();
    // Both compared before answering, so the answer says nothing about which was wrong.
    const bool match =
        !normalized.empty() && !found->phone.empty() && found->phone.size() == normalized.size() &&
        sodium_memcmp(found->phone.data(), normalized.data(), normalized.size()) == 0;
    if (!match) {
      found.reset();
      return Status::Ok();
    }
    for (CaseEvent& e : repo::Events(s, found->id)) {
      if (!e.is_public) continue;
      e.actor_login.clear();  // desk staff stay anonymous to the public
      found->events.push_back(std::move(e));
    }
    return Status::Ok();
  }));
  if (!found) return internal::NotFound();
  ComputeClocks(&*found, Today());
  // The public sees no internal texts.
  found->operator_answer.clear();
  found->reply_text.clear();
  found->reply_outcome.clear();
  found->description.clear();
  return MaskPersonalData(*found, Privacy::kMasked);
}

Result<Complaint> ComplaintService::FileByPhone(const Actor& actor, CaseInput input) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (actor.is_system()) {
    input.channel = "phone";
    return Insert(actor, input, "system");
  }
  if (scope.desk_region.empty()) return Status::Denied("the complaint desk only");
  if (input.region.empty()) input.region = scope.desk_region;
  if (FindRegion(input.region) && input.region != scope.desk_region) {
    return Status::Invalid("region", "outside_region", "the case belongs to another province");
  }
  input.channel = "phone";
  return Insert(actor, input, kRoleDesk);
}

Result<Page<Complaint>> ComplaintService::List(const Actor& actor, CaseFilter filter) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.any()) return Status::Denied("the complaint desk only");
  if (!filter.status.empty() && !IsState(filter.status)) {
    return Status::Invalid("status", "out_of_range", "unknown status");
  }
  if (!filter.category.empty() && !IsCategory(filter.category)) {
    return Status::Invalid("category", "unknown_category", "unknown category");
  }
  if (!filter.operator_code.empty() && !IsOperator(filter.operator_code)) {
    return Status::Invalid("operator", "unknown_operator", "unknown operator");
  }
  if (!filter.kind.empty() && filter.kind != kKindComplaint && filter.kind != kKindConsultation) {
    return Status::Invalid("kind", "unknown_kind", "unknown kind");
  }
  for (const char* f : {"from", "to"}) {
    const std::string& v = std::string(f) == "from" ? filter.from : filter.to;
    if (!v.empty() && !clock::IsValidDate(v)) return Status::Invalid(f, "invalid_date", "bad date");
  }
  const std::string region = filter.regions.empty() ? "" : filter.regions.front();
  if (!region.empty() && !FindRegion(region)) {
    return Status::Invalid("region", "unknown_region", "unknown region");
  }
  filter.today = Today();
  if (scope.national) {
    filter.all_regions = region.empty();
  } else if (!scope.desk_region.empty()) {
    filter.all_regions = false;
    filter.regions = {scope.desk_region};
    if (!region.empty() && region != scope.desk_region) filter.regions = {"-"};
  } else {
    filter.all_regions = false;
    filter.regions.clear();
    filter.forwarded_only_region = scope.liaison_province;
    filter.operator_only = scope.liaison_operator;
    if (!region.empty() && region != scope.liaison_province) filter.forwarded_only_region = "-";
  }
  Page<Complaint> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    page = repo::ListCases(s, filter);
    return Status::Ok();
  }));
  for (Complaint& c : page.items) {
    ComputeClocks(&c, filter.today);
    c = MaskPersonalData(std::move(c), Privacy::kMasked);
  }
  return page;
}

void ComplaintService::Decorate(soci::session& s, Complaint* c, const Scope& scope, bool details) {
  ComputeClocks(c, Today());
  if (!details) return;
  c->events = repo::Events(s, c->id);
  c->attachments = repo::Attachments(s, c->id);
  const std::string role = scope.IsDesk(*c) ? kRoleDesk : scope.IsLiaison(*c) ? kRoleLiaison : "";
  c->allowed_actions.clear();
  if (role.empty()) return;
  for (const Transition& t : Transitions()) {
    if (t.from != c->status || t.role != role) continue;
    if (t.action == "reopen" &&
        (c->closed_on.empty() ||
         clock::DaysFromDate(Today()) - clock::DaysFromDate(c->closed_on) > kReopenDays)) {
      continue;
    }
    c->allowed_actions.push_back(t.action);
  }
}

Result<Complaint> ComplaintService::Get(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.any()) return Status::Denied("the complaint desk only");
  std::optional<Complaint> c;
  Privacy privacy = Privacy::kMasked;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) {
    c = repo::FindCase(s, id);
    if (!c || !scope.Sees(*c)) return internal::NotFound();
    Decorate(s, &*c, scope, true);
    if (scope.IsDesk(*c) && c->purged_at.empty()) {
      privacy = Privacy::kFull;
      orgs::Audit(s, actor, "complaint.view_personal_data", "complaint", std::to_string(id), "",
                  nlohmann::json{{"number", c->number}}.dump());
    }
    return Status::Ok();
  }));
  return MaskPersonalData(*c, privacy);
}

}  // namespace jianbao::complaints
