// Copyright 2026 The Jianbao Authors.
//
// ComplaintService: the complaint desk (申诉受理) under MIIT Order No. 35.
// Consumers file a consultation or a complaint on the public form (rate
// limited per address, with a proof of work) or by phone through the desk;
// the desk of the case's province accepts or refuses it, handles it directly
// or forwards it to the operator; the operator's liaison replies; the desk
// verifies with the user and closes the case. Every action is checked against
// the declared table (workflow.h); SLA clocks (sla.h) use the holiday
// calendar (calendar.h), which admins edit.
//
// Who sees what (checked here, not in handlers):
//  - desk: a complaint_handler of an association whose region is set
//    (complaint_org_settings) sees and acts on that region's cases, and is
//    the only reader who sees a case's name and phone in full (Get; each such
//    view is written to the audit log);
//  - liaison: an operator_liaison of an operator organisation (operator and
//    province set) sees the cases forwarded to that operator in that province;
//  - national admin: an admin of a national or secretariat organisation sees
//    every case, the statistics, and edits the calendar and organisation settings;
//  - everyone else: kPermissionDenied.
// Every case that leaves the service passes through MaskPersonalData.
//
// Thread safety: every method may be called from any thread; state lives in
// the database. SetClock only before serving (tests, demo loader).

#ifndef JIANBAO_COMPLAINTS_SERVICE_H_
#define JIANBAO_COMPLAINTS_SERVICE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "complaints/calendar.h"
#include "complaints/challenge.h"
#include "complaints/model.h"
#include "core/actor.h"
#include "core/config.h"
#include "core/status.h"
#include "orgs/service.h"
#include "store/database.h"

namespace soci {
class session;
}

namespace jianbao::complaints {

// A filing on the public form.
struct PublicFiling {
  CaseInput input;
  std::string address;  // the client's address (rate limit)
  std::string challenge, solution;
};

// The public form's settings and a fresh challenge.
struct PublicForm {
  bool challenge_enabled = true;
  Challenge challenge;  // empty when disabled
};

// An action on a case (POST /api/v1/complaints/{id}/actions).
struct ActionInput {
  std::string action;
  std::string reason;  // refuse, reopen
  std::string text;    // resolve (the desk's public reply), reply (the operator's answer), verify
  std::string reply_outcome;  // reply: the operator's outcome in a few words (optional)
  std::string outcome;        // close
  int satisfaction = 0;       // close: 1–5
  std::string target;         // merge: the original case's number or id
};

// A generated bulletin section.
struct Section {
  std::string title, body;
};

class ComplaintService {
 public:
  // Reads complaints.* settings from `config` (docs/complaints.md). REQUIRES:
  // `db` and `orgs` outlive the service; `db` has this module's migrations applied.
  ComplaintService(store::Database* db, orgs::OrgService* orgs, const Config& config);

  // Replaces the clock (unix seconds) for tests and the demo loader.
  void SetClock(std::function<int64_t()> now) { now_ = std::move(now); }

  // ---- the public form (no session) ----

  // Returns whether the challenge is on and, if so, a new challenge.
  Result<PublicForm> NewPublicForm();
  // Files a case from the public form. Every call counts against the
  // address's rate limit, refused or not: kTooManyRequests with
  // retry_after_seconds() past the limit. Then `decoded` (the body's
  // decoding status: a non-OK one is returned as it is), the challenge (when
  // enabled; kInvalidArgument "challenge_failed", or "challenge_used" for a
  // reused one), then the input (ValidateInput's errors). No case is stored
  // on error.
  Result<Complaint> FilePublic(const PublicFiling& filing, const Status& decoded = Status::Ok());
  // Returns the public view of case `number` (masked, public history only)
  // when `phone` is its phone number; kNotFound "complaint_not_found" for a
  // wrong number or phone alike (and for a case whose personal data was erased).
  Result<Complaint> PublicStatus(const std::string& number, const std::string& phone);

  // ---- the desk and the liaisons ----

  // Files a case taken by phone (desk; the case's region must be the desk's;
  // the system actor files for any region). kInvalidArgument "outside_region".
  Result<Complaint> FileByPhone(const Actor& actor, CaseInput input);
  // Lists the cases the actor may see (masked), newest first.
  Result<Page<Complaint>> List(const Actor& actor, CaseFilter filter);
  // Returns a case with its history, attachments, SLA clocks and the
  // actions the actor may take. The desk of the case's region sees name and
  // phone in full (audited); everyone else masked. kNotFound "complaint_not_found"
  // for a case the actor may not see.
  Result<Complaint> Get(const Actor& actor, int64_t id);
  // Takes an action. kNotFound for an invisible case; kPermissionDenied when
  // the actor's role never takes `action`; kConflict "wrong_state" when the
  // case's state does not allow it; kInvalidArgument for a missing reason,
  // text, outcome, satisfaction or target; kConflict "reopen_expired" after
  // kReopenDays. Audited; notifies the liaisons (forward) or the desk (reply).
  Result<Complaint> Act(const Actor& actor, int64_t id, const ActionInput& in);
  // Adds an attachment (desk or liaison of the case): images and PDF only,
  // sniffed from the bytes; kPayloadTooLarge above complaints.max_attachment_bytes,
  // kInvalidArgument "unsupported_type" otherwise.
  Result<Attachment> AddAttachment(const Actor& actor, int64_t id, const std::string& name,
                                   const std::string& bytes);
  // Returns an attachment with its bytes (readers of the case).
  Result<Attachment> GetAttachment(const Actor& actor, int64_t id, int64_t attachment_id);

  // ---- statistics ----

  // Statistics of cases received in [from, to] ("" = open) of `region`
  // ("" = every region the actor may see). Desk (own region) and national
  // admins. kInvalidArgument "invalid_date"; kPermissionDenied otherwise.
  Result<Stats> Statistics(const Actor& actor, const std::string& from, const std::string& to,
                           const std::string& region);
  // The statistics and the cases (masked) as an .xlsx workbook in `lang`.
  Result<std::string> ExportXlsx(const Actor& actor, const std::string& from, const std::string& to,
                                 const std::string& region, const std::string& lang);
  // The complaint-desk bulletin section of `region` ("" = all) for [from, to],
  // in the phrasing of the association's reports ("截止目前，共受理用户咨询及
  // 申诉N件，其中转运营商协调处理的申诉M件。"). Aggregates only: no personal data.
  Result<Section> BulletinSection(const std::string& region, const std::string& from,
                                  const std::string& to);

  // ---- the calendar and organisation settings (national admins; reading: any desk) ----

  Result<std::vector<CalendarDay>> Calendar(const Actor& actor, const std::string& year);
  Result<CalendarDay> SetCalendarDay(const Actor& actor, const CalendarDay& day);
  Status DeleteCalendarDay(const Actor& actor, const std::string& date);
  Result<std::vector<OrgSetting>> OrgSettings(const Actor& actor);
  // Sets an organisation's region (associations) or operator and province
  // (operator organisations). kNotFound "org_not_found"; kInvalidArgument
  // "unknown_region", "unknown_operator".
  Result<OrgSetting> SetOrgSetting(const Actor& actor, const std::string& org_code,
                                   const OrgSetting& setting);

  // ---- search (search_kind.h) ----

  // Returns the search reader key of a case: its region's desk.
  static std::string SearchReaderOf(const Complaint& c);
  // Returns the search reader keys `actor` holds: every case for the national
  // secretariat's administrators and the system actor, the region's for its
  // desk, none for anybody else. Errors: database errors.
  Result<std::vector<std::string>> SearchReaders(const Actor& actor);

  // ---- jobs ----

  // Erases the personal data of cases that reached a final state before
  // `before` (YYYY-MM-DD; "" = the retention period, complaints.retention_days
  // before today). Counts and statistics stay. Returns how many cases.
  Result<int> Purge(const std::string& before);
  // Sends the reminders due today: one working day before each running
  // deadline, once per case, clock and deadline. Returns how many.
  Result<int> SendReminders();
  // The daily job: Purge("") and SendReminders(). Idempotent within a day.
  Status RunDaily();

  // Returns today's date (Asia/Shanghai) by the service's clock.
  std::string Today() const;

 private:
  struct Scope;
  Result<Scope> LoadScope(const Actor& actor);
  Result<WorkCalendar> LoadCalendar(soci::session& s);
  Status ValidateInput(CaseInput* in) const;
  Result<Complaint> Insert(const Actor& actor, CaseInput in, const std::string& role);
  void Decorate(soci::session& s, Complaint* c, const Scope& scope, bool details);
  Status CheckNational(const Actor& actor);

  store::Database* db_;
  orgs::OrgService* orgs_;
  std::function<int64_t()> now_;
  bool challenge_enabled_;
  int challenge_bits_;
  int challenge_ttl_;
  int rate_limit_;
  int rate_window_;
  int reply_days_;
  int retention_days_;
  size_t max_attachment_bytes_;
};

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_SERVICE_H_
