// Copyright 2026 The Jianbao Authors.

#include "members/json_notices.h"

#include "http/json_io.h"
#include "receipts/json.h"
#include "submissions/render.h"

namespace jianbao::members {

using nlohmann::json;

namespace {

json Opt(const std::string& s) { return s.empty() ? json() : json(s); }

json Orgs(const std::vector<NoticeOrg>& orgs) {
  json out = json::array();
  for (const NoticeOrg& o : orgs) out.push_back({{"code", o.code}, {"name", o.name}});
  return out;
}

}  // namespace

Result<NoticeInput> ReadNoticeInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(json j, http::ParseObject(body, {"title", "kind", "body", "recipients",
                                                       "groups", "version"}));
  NoticeInput in;
  JB_ASSIGN_OR_RETURN(in.title, http::RequiredString(j, "title", kMaxNoticeTitleChars));
  JB_ASSIGN_OR_RETURN(in.kind, http::RequiredString(j, "kind", 16));
  if (!j.contains("body") || j["body"].is_null()) {
    return Status::Invalid("body", "required", "body is required");
  }
  if (!j["body"].is_string()) return Status::Invalid("body", "wrong_type", "body: a string");
  in.body = j["body"].get<std::string>();
  JB_ASSIGN_OR_RETURN(auto recipients, http::OptionalStringArray(j, "recipients", 5000, 64));
  in.recipients = recipients.value_or(std::vector<std::string>{});
  if (j.contains("groups") && !j["groups"].is_null()) {
    if (!j["groups"].is_array() || j["groups"].size() > 100) {
      return Status::Invalid("groups", "wrong_type", "groups: a list of group ids");
    }
    for (const json& g : j["groups"]) {
      if (!g.is_number_integer()) {
        return Status::Invalid("groups", "wrong_type", "groups: a list of group ids");
      }
      in.groups.push_back(g.get<int64_t>());
    }
  }
  JB_ASSIGN_OR_RETURN(in.version, http::OptionalInt(j, "version", 1, INT64_MAX));
  return in;
}

Result<GroupInput> ReadGroupInput(const std::string& body) {
  JB_ASSIGN_OR_RETURN(json j, http::ParseObject(body, {"name", "orgs"}));
  GroupInput in;
  JB_ASSIGN_OR_RETURN(in.name, http::RequiredString(j, "name", 60));
  JB_ASSIGN_OR_RETURN(auto orgs, http::OptionalStringArray(j, "orgs", 5000, 64));
  in.orgs = orgs.value_or(std::vector<std::string>{});
  return in;
}

json NoticeJson(const Notice& n) {
  return {
      {"id", n.id},
      {"kind", n.kind},
      {"title", n.title},
      {"body", n.body},
      // Rendered as the pieces are (cmark-gfm, raw HTML dropped); "" in lists.
      {"body_html", n.body.empty() ? std::string() : submissions::RenderHtml(n.body)},
      {"status", n.status},
      {"sender", {{"code", n.sender.code}, {"name", n.sender.name}}},
      {"recipients", Orgs(n.recipients)},
      {"author", n.author},
      {"created_at", n.created_at},
      {"updated_at", n.updated_at},
      {"sent_at", Opt(n.sent_at)},
      {"version", n.version},
      {"recipient", n.recipient},
      {"read_at", Opt(n.read_at)},
      {"acknowledged_at", Opt(n.acknowledged_at)},
      {"unit_counts",
       {{"total", n.units_total}, {"read", n.units_read}, {"acknowledged", n.units_acknowledged}}}};
}

json NoticeReceiptsJson(const NoticeReceipts& r) {
  json out = receipts::UnitsJson(r.summary);
  json people = json::array();
  int read = 0, ack = 0;
  for (const receipts::Person& p : r.summary.people) {
    people.push_back(receipts::PersonJson(p));
    read += !p.read_at.empty();
    ack += !p.acknowledged_at.empty();
  }
  out["notice_id"] = r.notice_id;
  out["people"] = people;
  out["total"] = r.summary.people.size();
  out["read"] = read;
  out["acknowledged"] = ack;
  return out;
}

json GroupJson(const RecipientGroup& g) {
  return {{"id", g.id}, {"name", g.name}, {"orgs", Orgs(g.orgs)}, {"created_at", g.created_at}};
}

}  // namespace jianbao::members
