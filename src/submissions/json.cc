// Copyright 2026 The Jianbao Authors.

#include "submissions/json.h"

#include "submissions/render.h"
#include "submissions/workflow.h"

namespace jianbao::submissions {
namespace {

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

nlohmann::json Org(int64_t id, const std::string& code, const std::string& name) {
  return {{"id", id}, {"code", code}, {"name", name}};
}

}  // namespace

nlohmann::json PieceJson(const Piece& p, bool with_body) {
  nlohmann::json j = {
      {"id", p.id},
      {"title", p.title},
      {"authors", p.authors},
      {"contact", p.contact},
      {"tags", p.tags},
      {"state", p.state},
      {"org", Org(p.owner_org_id, p.owner_org_code, p.owner_org_name)},
      {"target", Org(p.target_org_id, p.target_org_code, p.target_org_name)},
      {"commission_id", p.commission_id ? nlohmann::json(p.commission_id) : nlohmann::json()},
      {"commission_on_time", nlohmann::json()},
      {"version", p.version},
      {"created_by",
       {{"id", p.created_by}, {"login", p.created_by_login}, {"name", p.created_by_name}}},
      {"created_at", p.created_at},
      {"updated_at", p.updated_at},
      {"first_submitted_at", OrNull(p.first_submitted_at)},
      {"submitted_at", OrNull(p.submitted_at)},
      {"reviewed_at", OrNull(p.reviewed_at)},
      {"adopted_at", OrNull(p.adopted_at)},
      {"return_reason", OrNull(p.return_reason)},
  };
  if (p.commission_id && !p.first_submitted_at.empty()) {
    j["commission_on_time"] = p.first_submitted_at < p.commission_deadline_at;
  }
  if (with_body) j["body"] = p.body;
  return j;
}

nlohmann::json PieceViewJson(const PieceView& v) {
  nlohmann::json j = PieceJson(v.piece, true);
  j["body_html"] = RenderHtml(v.piece.body);
  j["actions"] = v.actions;
  j["events"] = nlohmann::json::array();
  for (const Event& e : v.events) j["events"].push_back(EventJson(e));
  j["attachments"] = nlohmann::json::array();
  for (const Attachment& a : v.attachments) j["attachments"].push_back(AttachmentJson(a));
  return j;
}

nlohmann::json VersionJson(const Version& v, bool with_body) {
  nlohmann::json j = {{"number", v.number},
                      {"title", v.title},
                      {"author", v.author_login},
                      {"note", v.note},
                      {"created_at", v.created_at}};
  if (with_body) j["body"] = v.body;
  return j;
}

nlohmann::json DiffJson(const VersionDiff& d) {
  nlohmann::json lines = nlohmann::json::array();
  int inserted = 0, deleted = 0;
  for (const DiffLine& l : d.lines) {
    lines.push_back({{"op", DiffOpName(l.op)},
                     {"text", l.text},
                     {"old", l.old_line ? nlohmann::json(l.old_line) : nlohmann::json()},
                     {"new", l.new_line ? nlohmann::json(l.new_line) : nlohmann::json()}});
    inserted += l.op == DiffOp::kInsert;
    deleted += l.op == DiffOp::kDelete;
  }
  return {{"from", VersionJson(d.from, false)},
          {"to", VersionJson(d.to, false)},
          {"title_changed", d.from.title != d.to.title},
          {"inserted", inserted},
          {"deleted", deleted},
          {"lines", lines}};
}

nlohmann::json EventJson(const Event& e) {
  return {{"id", e.id},       {"action", e.action},         {"from", e.from_state},
          {"to", e.to_state}, {"reason", OrNull(e.reason)}, {"actor", e.actor_login},
          {"at", e.at}};
}

nlohmann::json CommentJson(const Comment& c) {
  return {{"id", c.id},
          {"author",
           {{"id", c.author_id},
            {"login", c.author_login},
            {"name", c.author_name},
            {"org", c.author_org_code}}},
          {"body", c.body},
          {"created_at", c.created_at}};
}

nlohmann::json AttachmentJson(const Attachment& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"mime", a.mime},
          {"size", a.size},
          {"sha256", a.sha256},
          {"created_at", a.created_at},
          {"url", "/api/v1/submissions/" + std::to_string(a.piece_id) + "/attachments/" +
                      std::to_string(a.id)}};
}

nlohmann::json CommissionJson(const Commission& c) {
  nlohmann::json on_time;
  if (!c.answered_at.empty()) on_time = c.answered_at < c.deadline_at;
  return {{"id", c.id},
          {"topic", c.topic},
          {"description", c.description},
          {"requester", c.requester_org_code},
          {"org", {{"id", c.org_id}, {"code", c.org_code}, {"name", c.org_name}}},
          {"deadline", c.deadline},
          {"deadline_at", c.deadline_at},
          {"status", c.status},
          {"created_by", c.created_by_login},
          {"created_at", c.created_at},
          {"answers", c.answers},
          {"answered_at", OrNull(c.answered_at)},
          {"on_time", on_time}};
}

nlohmann::json StatsJson(const Stats& s) {
  auto row = [](const StatsRow& r) {
    return nlohmann::json{{"rank", r.rank},
                          {"org",
                           {{"id", r.org_id},
                            {"code", r.org_code},
                            {"name", r.org_name},
                            {"short_name", r.org_short_name}}},
                          {"submitted", r.submitted},
                          {"adopted", r.adopted},
                          {"adoption_rate", r.adoption_rate},
                          {"commissioned", r.commissioned},
                          {"commissioned_on_time", r.commissioned_on_time},
                          {"commissioned_late", r.commissioned_late}};
  };
  nlohmann::json rows = nlohmann::json::array();
  for (const StatsRow& r : s.rows) rows.push_back(row(r));
  nlohmann::json total = row(s.total);
  total.erase("rank");
  total.erase("org");
  return {{"period", {{"label", s.period.label}, {"from", s.period.from}, {"to", s.period.to}}},
          {"target", Org(s.target_org_id, s.target_org_code, s.target_org_name)},
          {"rows", rows},
          {"total", total}};
}

nlohmann::json WorkflowJson() {
  nlohmann::json states = nlohmann::json::array(), actions = nlohmann::json::array(),
                 transitions = nlohmann::json::array();
  for (const StateInfo& s : States()) {
    states.push_back({{"name", s.name}, {"zh", s.zh}, {"en", s.en}, {"terminal", s.terminal}});
  }
  for (const ActionInfo& a : Actions()) {
    actions.push_back({{"name", a.name}, {"zh", a.zh}, {"en", a.en}});
  }
  for (const Transition& t : Transitions()) {
    transitions.push_back({{"from", t.from},
                           {"action", t.action},
                           {"role", t.role},
                           {"to", t.to},
                           {"reason_required", t.reason_required},
                           {"reason_allowed", t.reason_allowed}});
  }
  return {{"states", states}, {"actions", actions}, {"transitions", transitions}};
}

}  // namespace jianbao::submissions
