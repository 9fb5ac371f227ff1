// Copyright 2026 The Jianbao Authors.
//
// ComplaintService: workflow actions and attachments.

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "complaints/privacy.h"
#include "complaints/repository.h"
#include "complaints/service_internal.h"
#include "complaints/sla.h"
#include "complaints/workflow.h"
#include "core/bytes.h"
#include "core/clock.h"
#include "core/image_size.h"
#include "core/text.h"
#include "notify/notify.h"
#include "submissions/sniff.h"

namespace jianbao::complaints {
namespace {

Status CheckActionText(const std::string& field, const std::string& value, size_t max) {
  if (text::Trim(value).empty()) {
    return Status::Invalid(field, "required", field + " is required");
  }
  if (text::CodePointCount(value) > max) {
    return Status::Invalid(field, "too_long", field + " is too long");
  }
  if (HasMarkup(value)) {
    return Status::Invalid(field, "markup_not_allowed", field + " must not contain HTML or script");
  }
  return Status::Ok();
}

// Returns a file name safe for a download: no path, no control characters.
std::string CleanName(const std::string& name, const std::string& mime) {
  std::string out;
  for (unsigned char ch : name) {
    if (ch < 0x20 || ch == '/' || ch == '\\' || ch == '"' || ch == 0x7f) continue;
    out += static_cast<char>(ch);
  }
  if (!text::IsValidUtf8(out) || out.empty() || text::CodePointCount(out) > 120) {
    out = "attachment" + submissions::ExtensionFor(mime);
  }
  return out;
}

notify::Notification CaseNotification(const Complaint& c, const std::string& kind) {
  notify::Notification n;
  n.kind = "complaint." + kind;
  n.title_key = "notification.complaint." + kind;
  n.params = {{"number", c.number}};
  n.body = c.number;
  n.entity = "complaint";
  n.entity_id = std::to_string(c.id);
  return n;
}

}  // namespace

Result<Complaint> ComplaintService::Act(const Actor& actor, int64_t id, const ActionInput& in) {
  if (!IsAction(in.action)) return Status::Invalid("action", "out_of_range", "unknown action");
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.any()) return Status::Denied("the complaint desk only");
  const std::string today = Today();
  std::optional<Complaint> result;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    std::optional<Complaint> found = repo::FindCase(s, id);
    if (!found || !scope.Sees(*found)) return internal::NotFound();
    Complaint c = *found;
    // The actor's relation to the case ("" = a reader without actions).
    const std::string role = scope.IsDesk(c) ? kRoleDesk : scope.IsLiaison(c) ? kRoleLiaison : "";
    std::optional<Transition> t = FindTransition(c.status, in.action, role);
    if (!t) {
      bool role_may = false;
      for (const Transition& row : Transitions()) {
        role_may = role_may || (row.action == in.action && row.role == role);
      }
      if (!role_may) return Status::Denied("this role cannot " + in.action + " a case");
      return Status::Conflict("case_wrong_state",
                              "a case that is " + c.status + " cannot be " + in.action + "ed")
          .set_text("state", c.status);
    }
    JB_ASSIGN_OR_RETURN(WorkCalendar cal, LoadCalendar(s));
    CaseEvent e;
    e.at = clock::FormatIso(now_());
    e.action = in.action;
    e.actor_login = actor.login;
    e.actor_role = role;
    e.from_state = c.status;
    e.to_state = t->to;
    std::vector<std::pair<notify::Audience, std::string>> notes;
    if (in.action == "accept") {
      c.accepted_on = today;
      c.close_due = ClosureDue(today);
      e.is_public = true;
    } else if (in.action == "refuse") {
      JB_RETURN_IF_ERROR(CheckActionText("reason", in.reason, 500));
      c.refuse_reason = text::Trim(in.reason);
      c.finished_on = today;
      e.text = c.refuse_reason;
      e.is_public = true;
    } else if (in.action == "merge") {
      if (text::Trim(in.target).empty()) return Status::Invalid("target", "required", "target");
      std::optional<Complaint> original = repo::FindCaseByNumber(s, text::Trim(in.target));
      const std::string& tgt = in.target;
      if (!original && tgt.find_first_not_of("0123456789") == std::string::npos &&
          tgt.size() < 18) {
        original = repo::FindCase(s, std::stoll(tgt));
      }
      if (!original || !scope.IsDesk(*original) || original->id == c.id ||
          original->status == kMerged) {
        return Status::Invalid("target", "merge_target_invalid",
                               "the original must be another case of this desk");
      }
      c.merged_into = original->id;
      c.finished_on = today;
      e.text = original->number;
      e.is_public = true;
    } else if (in.action == "resolve") {
      JB_RETURN_IF_ERROR(CheckActionText("text", in.text, kMaxText));
      c.handling = "direct";
      e.text = text::Trim(in.text);
      e.is_public = true;
    } else if (in.action == "forward") {
      c.handling = "forwarded";
      c.forwarded_on = today;
      c.replied_on.clear();
      c.reply_due = ReplyDue(cal, today, reply_days_);
      e.is_public = true;
      const std::vector<int64_t> orgs = repo::LiaisonOrgs(s, c.operator_code, c.region);
      if (!orgs.empty()) notes.push_back({{0, orgs, kRoleOperatorLiaison}, "forwarded"});
    } else if (in.action == "reply") {
      JB_RETURN_IF_ERROR(CheckActionText("text", in.text, kMaxText));
      if (text::CodePointCount(in.reply_outcome) > 200 || HasMarkup(in.reply_outcome)) {
        return Status::Invalid("reply_outcome", "too_long", "reply_outcome is too long");
      }
      c.reply_text = text::Trim(in.text);
      c.reply_outcome = text::Trim(in.reply_outcome);
      c.replied_on = today;
      e.text = c.reply_text;
      const std::vector<int64_t> desks = repo::DeskOrgs(s, c.region);
      if (!desks.empty()) notes.push_back({{0, desks, kRoleComplaintHandler}, "replied"});
    } else if (in.action == "verify") {
      if (!in.text.empty()) JB_RETURN_IF_ERROR(CheckActionText("text", in.text, kMaxText));
      e.text = text::Trim(in.text);
    } else if (in.action == "close") {
      JB_RETURN_IF_ERROR(CheckActionText("outcome", in.outcome, 500));
      if (in.satisfaction < 1 || in.satisfaction > 5) {
        return Status::Invalid("satisfaction", "out_of_range", "satisfaction is 1 to 5");
      }
      c.outcome = text::Trim(in.outcome);
      c.satisfaction = in.satisfaction;
      c.closed_on = today;
      c.finished_on = today;
      e.text = c.outcome;
      e.is_public = true;
    } else if (in.action == "reopen") {
      JB_RETURN_IF_ERROR(CheckActionText("reason", in.reason, 500));
      if (clock::DaysFromDate(today) - clock::DaysFromDate(c.closed_on) > kReopenDays) {
        return Status::Conflict("reopen_expired", "a case can be reopened within 30 days");
      }
      c.closed_on.clear();
      c.finished_on.clear();
      c.satisfaction = 0;
      c.close_due = ClosureDue(today);
      e.text = text::Trim(in.reason);
      e.is_public = true;
    }
    c.status = t->to;
    repo::UpdateCase(s, c);
    repo::AppendEvent(s, c.id, e, actor.user_id);
    orgs::Audit(s, actor, "complaint." + in.action, "complaint", std::to_string(c.id),
                nlohmann::json{{"status", found->status}}.dump(),
                nlohmann::json{{"number", c.number}, {"status", c.status}}.dump());
    for (const auto& [audience, kind] : notes) notify::Send(s, audience, CaseNotification(c, kind));
    Decorate(s, &c, scope, true);
    result = std::move(c);
    return Status::Ok();
  }));
  // Lists and actions answer masked; the full view is GET by id (audited).
  return MaskPersonalData(*result, Privacy::kMasked);
}

Result<Attachment> ComplaintService::AddAttachment(const Actor& actor, int64_t id,
                                                   const std::string& name,
                                                   const std::string& bytes) {
  if (bytes.size() > max_attachment_bytes_) {
    return Status(Code::kPayloadTooLarge, "payload_too_large", "the attachment is too large",
                  "file");
  }
  Attachment a;
  a.mime = submissions::SniffMime(bytes);
  if (a.mime != "application/pdf" && !submissions::IsImageMime(a.mime)) {
    return Status::Invalid("file", "unsupported_type", "attachments may be images or PDF");
  }
  a.name = CleanName(name, a.mime);
  JB_RETURN_IF_ERROR(image_size::Check(bytes, "file", a.name));
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.any()) return Status::Denied("the complaint desk only");
  a.complaint_id = id;
  a.size = static_cast<int64_t>(bytes.size());
  a.sha256 = bytes::Sha256Hex(bytes);
  a.data = bytes;
  a.uploaded_by = actor.login;
  JB_RETURN_IF_ERROR(db_->Write([&](soci::session& s) -> Status {
    std::optional<Complaint> c = repo::FindCase(s, id);
    if (!c || !scope.Sees(*c)) return internal::NotFound();
    if (!scope.IsDesk(*c) && !scope.IsLiaison(*c)) return Status::Denied("desk or liaison only");
    if (IsFinal(c->status)) return Status::Conflict("case_wrong_state", "the case is finished");
    a.created_at = clock::FormatIso(now_());
    a.id = repo::InsertAttachment(s, a);
    orgs::Audit(s, actor, "complaint.attachment_add", "complaint", std::to_string(id), "",
                nlohmann::json{{"attachment_id", a.id}, {"mime", a.mime}, {"size", a.size}}.dump());
    return Status::Ok();
  }));
  a.data.clear();
  return a;
}

Result<Attachment> ComplaintService::GetAttachment(const Actor& actor, int64_t id,
                                                   int64_t attachment_id) {
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  if (!scope.any()) return Status::Denied("the complaint desk only");
  std::optional<Attachment> a;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) -> Status {
    std::optional<Complaint> c = repo::FindCase(s, id);
    if (!c || !scope.Sees(*c)) return internal::NotFound();
    a = repo::FindAttachment(s, id, attachment_id);
    return Status::Ok();
  }));
  if (!a) return Status::NotFound("attachment_not_found", "no such attachment");
  return *a;
}

}  // namespace jianbao::complaints
