// Copyright 2026 The Jianbao Authors.

#include "members/library_json.h"

namespace jianbao::members {
namespace {

using http::OptionalInt;
using http::OptionalString;
using http::RequiredString;

Result<std::string> Opt(const Json& j, const std::string& key, size_t max) {
  JB_ASSIGN_OR_RETURN(std::optional<std::string> v, OptionalString(j, key, max));
  return v.value_or("");
}

Status WrongType(const std::string& field) {
  return Status::Invalid(field, "wrong_type", field + " has the wrong type");
}

}  // namespace

Result<PolicyInput> ReadPolicyInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"title", "issuer", "issued_on", "doc_number",
                                                       "region", "tags", "summary", "link"}));
  PolicyInput in;
  JB_ASSIGN_OR_RETURN(in.title, RequiredString(j, "title", 200));
  JB_ASSIGN_OR_RETURN(in.issuer, RequiredString(j, "issuer", 100));
  JB_ASSIGN_OR_RETURN(in.issued_on, RequiredString(j, "issued_on", 10));
  JB_ASSIGN_OR_RETURN(in.doc_number, Opt(j, "doc_number", 100));
  JB_ASSIGN_OR_RETURN(in.region, RequiredString(j, "region", 6));
  JB_ASSIGN_OR_RETURN(in.summary, Opt(j, "summary", 2000));
  JB_ASSIGN_OR_RETURN(in.link, Opt(j, "link", 2000));
  JB_ASSIGN_OR_RETURN(auto tags, http::OptionalStringArray(j, "tags", 20, 32));
  in.tags = tags.value_or(std::vector<std::string>{});
  return in;
}

Result<DigestInput> ReadDigestInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"policy_ids", "title"}));
  DigestInput in;
  JB_ASSIGN_OR_RETURN(in.title, RequiredString(j, "title", 200));
  if (!j.contains("policy_ids")) {
    return Status::Invalid("policy_ids", "required", "policy_ids is required");
  }
  const Json& a = j["policy_ids"];
  if (!a.is_array()) return WrongType("policy_ids");
  for (size_t i = 0; i < a.size() && i <= 50; ++i) {
    if (!a[i].is_number_integer()) return WrongType("policy_ids[" + std::to_string(i) + "]");
    in.policy_ids.push_back(a[i].get<int64_t>());
  }
  return in;
}

Result<CourseInput> ReadCourseInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"title", "provider", "format", "start",
                                                       "end", "link", "capacity", "valid_until"}));
  CourseInput in;
  JB_ASSIGN_OR_RETURN(in.title, RequiredString(j, "title", 200));
  JB_ASSIGN_OR_RETURN(in.provider, Opt(j, "provider", 100));
  JB_ASSIGN_OR_RETURN(in.format, RequiredString(j, "format", 16));
  JB_ASSIGN_OR_RETURN(in.start, Opt(j, "start", 16));
  JB_ASSIGN_OR_RETURN(in.end, Opt(j, "end", 16));
  JB_ASSIGN_OR_RETURN(in.link, Opt(j, "link", 2000));
  JB_ASSIGN_OR_RETURN(in.valid_until, Opt(j, "valid_until", 10));
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> cap, OptionalInt(j, "capacity", 1, 100000));
  if (!cap) return Status::Invalid("capacity", "required", "capacity is required");
  in.capacity = *cap;
  return in;
}

Result<std::vector<Attendance>> ReadAttendance(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"items"}));
  if (!j.contains("items") || !j["items"].is_array()) return WrongType("items");
  std::vector<Attendance> out;
  const Json& a = j["items"];
  if (a.size() > 1000) return Status::Invalid("items", "too_many", "at most 1000 rows");
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string at = "items[" + std::to_string(i) + "]";
    if (!a[i].is_object()) return WrongType(at);
    Attendance x;
    auto login = RequiredString(a[i], "login", 64);
    if (!login.ok()) {
      return Status(login.status().code(), login.status().key(), login.status().message(),
                    at + ".login");
    }
    x.login = *login;
    if (!a[i].contains("attended") || !a[i]["attended"].is_boolean()) {
      return WrongType(at + ".attended");
    }
    x.attended = a[i]["attended"].get<bool>();
    out.push_back(x);
  }
  return out;
}

Result<PostponeInput> ReadPostpone(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"start", "end", "reason"}));
  PostponeInput in;
  JB_ASSIGN_OR_RETURN(in.start, RequiredString(j, "start", 16));
  JB_ASSIGN_OR_RETURN(in.end, RequiredString(j, "end", 16));
  JB_ASSIGN_OR_RETURN(in.reason, RequiredString(j, "reason", 500));
  return in;
}

Result<ExtendInput> ReadExtend(const std::string& body) {
  JB_ASSIGN_OR_RETURN(Json j, http::ParseObject(body, {"valid_until", "reason"}));
  ExtendInput in;
  JB_ASSIGN_OR_RETURN(in.valid_until, RequiredString(j, "valid_until", 10));
  JB_ASSIGN_OR_RETURN(in.reason, RequiredString(j, "reason", 500));
  return in;
}

Json PolicyJson(const Policy& p) {
  return {{"id", p.id},
          {"title", p.title},
          {"issuer", p.issuer},
          {"issued_on", p.issued_on},
          {"doc_number", p.doc_number},
          {"region", p.region},
          {"tags", p.tags},
          {"summary", p.summary},
          {"link", p.link},
          {"owner", p.owner},
          {"created_at", p.created_at},
          {"created_by", p.created_by},
          {"updated_at", p.updated_at},
          {"attachment", p.attachment.name.empty()
                             ? Json(nullptr)
                             : Json{{"name", p.attachment.name},
                                    {"mime", p.attachment.mime},
                                    {"size", p.attachment.size}}}};
}

Json DigestJson(const Digest& d) { return {{"title", d.title}, {"body", d.body}}; }

Json CourseJson(const Course& c) {
  Json history = Json::array();
  for (const CourseChange& h : c.history) {
    history.push_back({{"at", h.at},
                       {"actor", h.actor},
                       {"kind", h.kind},
                       {"before", h.before},
                       {"after", h.after},
                       {"reason", h.reason}});
  }
  return {{"id", c.id},
          {"title", c.title},
          {"provider", c.provider},
          {"format", c.format},
          {"start", c.start},
          {"end", c.end},
          {"link", c.link},
          {"capacity", c.capacity},
          {"registered", c.registered},
          {"valid_until", c.valid_until},
          {"owner", c.owner},
          {"created_at", c.created_at},
          {"created_by", c.created_by},
          {"registered_by_me", c.registered_by_me},
          {"history", history}};
}

Json RegistrationJson(const Registration& r) {
  return {{"id", r.id},
          {"login", r.login},
          {"name", r.name},
          {"org", r.org},
          {"org_name", r.org_name},
          {"registered_at", r.registered_at},
          {"attended", r.attended},
          {"attendance_by", r.attendance_by},
          {"attendance_at", r.attendance_at}};
}

}  // namespace jianbao::members
