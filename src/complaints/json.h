// Copyright 2026 The Jianbao Authors.
//
// JSON of the complaint desk's API: request bodies in (Read*, each error
// naming the field) and values out (…Json). Cases reach CaseJson and
// PublicJson already masked by ComplaintService (privacy.h).

#ifndef JIANBAO_COMPLAINTS_JSON_H_
#define JIANBAO_COMPLAINTS_JSON_H_

#include <string>
#include <vector>

#include "complaints/model.h"
#include "complaints/service.h"
#include "http/json_io.h"

namespace jianbao::complaints {

// Reads a filing: kind, category, operator, region, name, phone, description,
// operator_contacted_on, operator_answer; with `public_form` also challenge
// and solution. Unknown fields, wrong types and over-long texts are
// kInvalidArgument naming the field.
Result<PublicFiling> ReadFiling(const std::string& body, bool public_form);
// Reads {"action", "reason", "text", "reply_outcome", "outcome", "satisfaction", "target"}.
Result<ActionInput> ReadAction(const std::string& body);
// Reads {"kind", "name"} of a calendar day.
Result<CalendarDay> ReadCalendarDay(const std::string& body);
// Reads {"region"} or {"operator", "province"}.
Result<OrgSetting> ReadOrgSetting(const std::string& body);

// A case for the desk and the liaisons: with history, attachments and allowed
// actions when `details`.
http::Json CaseJson(const Complaint& c, bool details);
// A list item (no history).
http::Json CaseItemJson(const Complaint& c);
// The public view: status, dates, the desk's public replies; no internal texts.
http::Json PublicJson(const Complaint& c);
http::Json StatsJson(const Stats& s);
http::Json CalendarDayJson(const CalendarDay& d);
http::Json OrgSettingJson(const OrgSetting& o);
http::Json AttachmentJson(const Attachment& a);
// The workflow table, states and actions (GET /api/v1/complaints/workflow).
http::Json WorkflowJson();
// The public form: lists to choose from and the challenge.
http::Json PublicFormJson(const PublicForm& form);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_JSON_H_
