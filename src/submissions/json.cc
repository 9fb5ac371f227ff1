// Copyright 2026 The Jianbao Authors.

#include "submissions/json.h"

#include <stdexcept>

#include "core/messages.h"
#include "http/errors.h"
#include "http/json_io.h"
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

// Parses a query parameter as an id: "" → 0; kInvalidArgument "wrong_type" otherwise.
Result<int64_t> QueryId(const http::Request& req, const std::string& key) {
  const std::string v = req.Query(key);
  if (v.empty()) return int64_t{0};
  try {
    return static_cast<int64_t>(std::stoll(v));
  } catch (const std::exception&) {
    return Status::Invalid(key, "wrong_type", key + " must be an id");
  }
}

using http::PageJson;

template <typename T, typename Fn>
nlohmann::json ItemsJson(const std::vector<T>& list, Fn item) {
  nlohmann::json items = nlohmann::json::array();
  for (const T& v : list) items.push_back(item(v));
  return http::ItemsObject(std::move(items));
}

}  // namespace

Result<PageRequest> ReadPage(const http::Request& req) {
  JB_ASSIGN_OR_RETURN(PageRequest p, http::ParsePage(req));
  return PageRequest{p.page, p.page_size};
}

Result<PieceInput> ReadPieceInput(const std::string& text, bool creating) {
  std::set<std::string> allowed = {"title", "body", "authors", "contact", "tags", "target", "note"};
  if (creating) {
    allowed.insert("commission_id");
  } else {
    allowed.insert({"edit_version", "autosave"});
  }
  JB_ASSIGN_OR_RETURN(nlohmann::json body, http::ParseObject(text, allowed));
  PieceInput in;
  for (auto [key, out, max] :
       {std::tuple{"title", &in.title, size_t{200}}, std::tuple{"body", &in.body, size_t{4} << 20},
        std::tuple{"contact", &in.contact, size_t{200}},
        std::tuple{"target", &in.target_code, size_t{32}},
        std::tuple{"note", &in.note, size_t{200}}}) {
    JB_ASSIGN_OR_RETURN(*out, http::OptionalString(body, key, max));
  }
  JB_ASSIGN_OR_RETURN(in.authors, http::OptionalStringArray(body, "authors", 20, 50));
  JB_ASSIGN_OR_RETURN(in.tags, http::OptionalStringArray(body, "tags", 20, 50));
  if (creating) {
    JB_ASSIGN_OR_RETURN(std::optional<int64_t> c,
                        http::OptionalInt(body, "commission_id", 1, INT64_MAX));
    in.commission_id = c.value_or(0);
  } else {
    JB_ASSIGN_OR_RETURN(in.edit_version, http::OptionalInt(body, "edit_version", 1, INT64_MAX));
    JB_ASSIGN_OR_RETURN(std::optional<bool> autosave, http::OptionalBool(body, "autosave"));
    in.autosave = autosave.value_or(false);
  }
  return in;
}

Result<PieceQuery> ReadPieceQuery(const http::Request& req) {
  PieceQuery q;
  JB_ASSIGN_OR_RETURN(q.page, ReadPage(req));
  q.states = req.Query("state");
  q.org_code = req.Query("org");
  q.text = req.Query("q");
  q.from = req.Query("from");
  q.to = req.Query("to");
  JB_ASSIGN_OR_RETURN(q.commission_id, QueryId(req, "commission"));
  q.unused = req.Query("unused") == "1";
  return q;
}

Result<ActionInput> ReadActionInput(const std::string& text) {
  JB_ASSIGN_OR_RETURN(nlohmann::json body, http::ParseObject(text, {"action", "reason"}));
  ActionInput in;
  JB_ASSIGN_OR_RETURN(in.action, http::RequiredString(body, "action", 32));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> reason,
                      http::OptionalString(body, "reason", 2000));
  in.reason = reason.value_or("");
  return in;
}

Result<BulkInput> ReadBulkInput(const std::string& text) {
  JB_ASSIGN_OR_RETURN(nlohmann::json body, http::ParseObject(text, {"ids", "action", "reason"}));
  BulkInput in;
  JB_ASSIGN_OR_RETURN(in.action, http::RequiredString(body, "action", 32));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> reason,
                      http::OptionalString(body, "reason", 2000));
  in.reason = reason.value_or("");
  auto ids = body.find("ids");
  if (ids == body.end() || !ids->is_array()) {
    return Status::Invalid("ids", "required", "ids is required");
  }
  for (const nlohmann::json& v : *ids) {
    if (!v.is_number_integer()) return Status::Invalid("ids", "wrong_type", "ids are integers");
    in.ids.push_back(v.get<int64_t>());
  }
  return in;
}

Result<std::pair<int, int>> ReadVersionRange(const http::Request& req) {
  std::pair<int, int> range;
  for (auto [key, out] : {std::pair{"from", &range.first}, std::pair{"to", &range.second}}) {
    try {
      *out = std::stoi(req.Query(key));
    } catch (const std::exception&) {
      return Status::Invalid(key, "required", std::string(key) + " is required");
    }
  }
  return range;
}

Result<std::string> ReadCommentBody(const std::string& text) {
  JB_ASSIGN_OR_RETURN(nlohmann::json body, http::ParseObject(text, {"body"}));
  return http::RequiredString(body, "body", 5000);
}

Result<std::string> ReadPreviewBody(const std::string& text) {
  JB_ASSIGN_OR_RETURN(nlohmann::json body, http::ParseObject(text, {"body"}));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> v,
                      http::OptionalString(body, "body", size_t{4} << 20));
  return v.value_or("");
}

Result<std::string> ReadFileFormat(const http::Request& req) {
  const std::string f = req.Query("format");
  if (f == "docx" || f == "txt") return f;
  return Status::Invalid("format", "invalid_format", "format must be docx or txt");
}

Result<ImportRequest> ReadImportRequest(const http::Request& req) {
  ImportRequest r;
  JB_ASSIGN_OR_RETURN(r.format, ReadFileFormat(req));
  if (!req.Query("target").empty()) r.meta.target_code = req.Query("target");
  JB_ASSIGN_OR_RETURN(r.meta.commission_id, QueryId(req, "commission_id"));
  return r;
}

Result<NewCommission> ReadNewCommission(const std::string& text) {
  JB_ASSIGN_OR_RETURN(nlohmann::json body,
                      http::ParseObject(text, {"topic", "description", "org", "deadline"}));
  NewCommission c;
  for (auto [key, out, max] :
       {std::tuple{"topic", &c.topic, size_t{200}}, std::tuple{"org", &c.org_code, size_t{32}},
        std::tuple{"deadline", &c.deadline, size_t{10}}}) {
    JB_ASSIGN_OR_RETURN(*out, http::RequiredString(body, key, max));
  }
  JB_ASSIGN_OR_RETURN(std::optional<std::string> d,
                      http::OptionalString(body, "description", 2000));
  c.description = d.value_or("");
  return c;
}

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
      {"edit_version", p.edit.version},
      {"edit_by", p.edit.by},
      {"edit_at", p.edit.at},
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
  j["used_in"] = nlohmann::json::array();
  for (const PieceUse& u : p.used_in) {
    j["used_in"].push_back(
        {{"issue_id", u.issue_id}, {"year", u.year}, {"number", u.number}, {"status", u.status}});
  }
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
  nlohmann::json j = {{"number", v.number},           {"title", v.title},
                      {"author", v.author_login},     {"author_name", v.author_name},
                      {"author_unit", v.author_unit}, {"note", v.note},
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
  return {{"id", e.id},
          {"action", e.action},
          {"from", e.from_state},
          {"to", e.to_state},
          {"reason", OrNull(e.reason)},
          {"actor", e.actor_login},
          {"actor_name", e.actor_name},
          {"actor_unit", e.actor_unit},
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
    const std::string key = StateLabelKey(s.name);
    states.push_back({{"name", s.name},
                      {"zh", messages::Text(key, "zh", s.name)},
                      {"en", messages::Text(key, "en", s.name)},
                      {"terminal", s.terminal}});
  }
  for (const ActionInfo& a : Actions()) {
    const std::string key = ActionLabelKey(a.name);
    actions.push_back({{"name", a.name},
                       {"zh", messages::Text(key, "zh", a.name)},
                       {"en", messages::Text(key, "en", a.name)}});
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

nlohmann::json PiecePageJson(const Page<Piece>& p, const PageRequest& page) {
  return PageJson(p, page, [](const Piece& v) { return PieceJson(v, false); });
}

nlohmann::json CommissionPageJson(const Page<Commission>& p, const PageRequest& page) {
  return PageJson(p, page, [](const Commission& c) { return CommissionJson(c); });
}

nlohmann::json CommissionViewJson(const CommissionView& v) {
  nlohmann::json j = CommissionJson(v.commission);
  j["pieces"] = nlohmann::json::array();
  for (const Piece& p : v.pieces) j["pieces"].push_back(PieceJson(p, false));
  return j;
}

nlohmann::json TargetsJson(const std::vector<orgs::Org>& orgs) {
  return ItemsJson(orgs, [](const orgs::Org& o) {
    return nlohmann::json{{"id", o.id}, {"code", o.code}, {"name", o.name}, {"kind", o.kind}};
  });
}

nlohmann::json VersionListJson(const std::vector<Version>& versions) {
  return ItemsJson(versions, [](const Version& v) { return VersionJson(v, false); });
}

nlohmann::json CommentListJson(const std::vector<Comment>& comments) {
  return ItemsJson(comments, [](const Comment& c) { return CommentJson(c); });
}

nlohmann::json VersionWithHtmlJson(const Version& v) {
  nlohmann::json j = VersionJson(v, true);
  j["body_html"] = RenderHtml(v.body);
  return j;
}

nlohmann::json ImportedJson(const Imported& doc) {
  nlohmann::json images = nlohmann::json::array();
  for (const ImportedImage& i : doc.images) {
    images.push_back({{"ref", i.ref}, {"mime", i.mime}, {"size", i.data.size()}});
  }
  return {{"title", doc.title}, {"body", doc.body}, {"images", images}};
}

nlohmann::json BulkJson(const std::vector<BulkResult>& results, const std::string& lang) {
  nlohmann::json items = nlohmann::json::array();
  int ok = 0;
  for (const BulkResult& r : results) {
    nlohmann::json item = {{"id", r.id}, {"ok", r.status.ok()}};
    if (r.status.ok()) {
      item["state"] = r.state;
      ++ok;
    } else {
      item["error"] = {{"code", CodeName(r.status.code())},
                       {"key", r.status.key()},
                       {"message", http::LocalizedMessage(r.status, lang)},
                       {"field", r.status.field()}};
    }
    items.push_back(item);
  }
  return {{"results", items}, {"succeeded", ok}, {"failed", static_cast<int>(results.size()) - ok}};
}

}  // namespace jianbao::submissions
