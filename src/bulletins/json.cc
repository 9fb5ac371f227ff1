// Copyright 2026 The Jianbao Authors.

#include "bulletins/json.h"

#include "core/bytes.h"
#include "core/clock.h"
#include "core/text.h"
#include "http/json_io.h"
#include "mail/mime.h"
#include "receipts/json.h"

namespace jianbao::bulletins {
namespace {

using nlohmann::json;

Result<std::string> Str(const json& obj, const std::string& key, const std::string& field,
                        size_t max_chars, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) return Status::Invalid(field, "required", field + " is required");
    return std::string();
  }
  if (!it->is_string()) return Status::Invalid(field, "wrong_type", field + " must be a string");
  std::string v = it->get<std::string>();
  if (!text::IsValidUtf8(v)) return Status::Invalid(field, "invalid_utf8", field + " is not UTF-8");
  if (text::CodePointCount(v) > max_chars) {
    return Status::Invalid(field, "too_long", field + " is too long");
  }
  if (required && text::Trim(v).empty())
    return Status::Invalid(field, "required", field + " is required");
  return v;
}

}  // namespace

json DistributionJson(const std::vector<DistributionLine>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back({{"label", l.label}, {"to", l.org_codes}});
  return out;
}

Result<std::vector<DistributionLine>> ParseDistribution(const json& j, const std::string& field) {
  if (!j.is_array() || j.size() > 10) {
    return Status::Invalid(field, "wrong_type", field + " must be a list of up to 10 lines");
  }
  std::vector<DistributionLine> out;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    if (!j[i].is_object()) return Status::Invalid(f, "wrong_type", f + " must be an object");
    DistributionLine line;
    JB_ASSIGN_OR_RETURN(line.label, Str(j[i], "label", f + ".label", 4, true));
    auto to = j[i].find("to");
    if (to == j[i].end() || !to->is_array() || to->size() > 200) {
      return Status::Invalid(f + ".to", "wrong_type",
                             f + ".to must be a list of organisation codes");
    }
    for (const json& code : *to) {
      if (!code.is_string()) return Status::Invalid(f + ".to", "wrong_type", "codes are strings");
      line.org_codes.push_back(code.get<std::string>());
    }
    out.push_back(line);
  }
  return out;
}

json SectionsJson(const std::vector<SectionSpec>& sections) {
  json out = json::array();
  for (const auto& s : sections) {
    json j = {{"kind", s.kind}, {"title", s.title}, {"org", s.org}, {"body", s.body}};
    if (s.piece_id) j["piece_id"] = s.piece_id;
    if (!s.data_date.empty()) j["data_date"] = s.data_date;
    if (s.chart) j["chart"] = true;
    if (!s.source.empty()) j["source"] = s.source;
    if (!s.data_from.empty()) j["data_from"] = s.data_from;
    if (!s.data_to.empty()) j["data_to"] = s.data_to;
    out.push_back(j);
  }
  return out;
}

Result<std::vector<SectionSpec>> ParseSections(const json& j) {
  if (!j.is_array() || j.size() > 60) {
    return Status::Invalid("sections", "wrong_type", "sections must be a list of up to 60");
  }
  std::vector<SectionSpec> out;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string f = "sections[" + std::to_string(i) + "]";
    if (!j[i].is_object()) return Status::Invalid(f, "wrong_type", f + " must be an object");
    SectionSpec s;
    JB_ASSIGN_OR_RETURN(s.kind, Str(j[i], "kind", f + ".kind", 16, true));
    if (s.kind != "piece" && s.kind != "epidemic" && s.kind != "summary" && s.kind != "text") {
      return Status::Invalid(f + ".kind", "out_of_range",
                             "kind must be piece, epidemic, summary or text");
    }
    JB_ASSIGN_OR_RETURN(s.title, Str(j[i], "title", f + ".title", 100, true));
    JB_ASSIGN_OR_RETURN(s.org, Str(j[i], "org", f + ".org", 30, false));
    // Room for an embedded chart (a PNG data URI) besides the text.
    JB_ASSIGN_OR_RETURN(s.body, Str(j[i], "body", f + ".body", 2000000, false));
    JB_ASSIGN_OR_RETURN(s.source, Str(j[i], "source", f + ".source", 32, false));
    for (auto [key, out] :
         {std::pair{"data_date", &s.data_date}, std::pair{"data_from", &s.data_from},
          std::pair{"data_to", &s.data_to}}) {
      JB_ASSIGN_OR_RETURN(*out, Str(j[i], key, f + "." + key, 10, false));
      if (!out->empty() && !clock::IsValidDate(*out)) {
        return Status::Invalid(f + "." + key, "invalid_date",
                               std::string(key) + " must be YYYY-MM-DD");
      }
    }
    if (auto c = j[i].find("chart"); c != j[i].end() && !c->is_null()) {
      if (!c->is_boolean())
        return Status::Invalid(f + ".chart", "wrong_type", "chart must be true or false");
      s.chart = c->get<bool>();
    }
    if (auto p = j[i].find("piece_id"); p != j[i].end() && !p->is_null()) {
      if (!p->is_number_integer())
        return Status::Invalid(f + ".piece_id", "wrong_type", "piece_id must be a number");
      s.piece_id = p->get<int64_t>();
    }
    out.push_back(s);
  }
  return out;
}

json SeriesJson(const Series& s) {
  return {{"id", s.id},
          {"code", s.code},
          {"title", s.title},
          {"subtitle", s.subtitle},
          {"masthead", s.masthead},
          {"issuer", s.issuer},
          {"owner", s.owner_org},
          {"numbering", s.numbering},
          {"public", s.is_public},
          {"distribution", DistributionJson(s.distribution)}};
}

json IssueJson(const IssueRecord& i, const Series& series, const std::vector<FileInfo>& files,
               bool with_content) {
  json j = {
      {"id", i.id},
      {"series", {{"code", series.code}, {"title", series.title}, {"subtitle", series.subtitle}}},
      {"year", i.year},
      {"number", i.number},
      {"supplement", i.supplement},
      {"status", StateName(i.status)},
      {"date", i.date},
      {"revision", i.revision},
      {"revises", i.revises_id ? json(i.revises_id) : json()},
      {"revision_note", i.revision_note},
      {"copies", i.copies},
      {"imported", i.imported},
      {"created_by", i.created_by},
      {"approved_by", i.approved_by},
      {"published_by", i.published_by},
      {"created_at", i.created_at},
      {"approved_at", i.approved_at},
      {"published_at", i.published_at},
      {"section_count", with_content ? static_cast<int>(i.sections.size()) : i.section_count},
      {"version", i.stamp.version},
      {"updated_by", i.stamp.by},
      {"updated_at", i.stamp.at}};
  if (!i.approved_hash.empty()) j["approved_hash"] = i.approved_hash;
  if (with_content) {
    j["content_hash"] = i.content_hash;
    j["sections"] = SectionsJson(i.sections);
    j["closing_note"] = i.closing_note;
    j["distribution"] = DistributionJson(i.distribution);
  }
  json fs = json::array();
  for (const auto& f : files)
    fs.push_back({{"format", f.format}, {"sha256", f.sha256}, {"size", f.size}});
  j["files"] = fs;
  return j;
}

json ReceiptJson(const Receipt& r) {
  auto opt = [](const std::string& s) { return s.empty() ? json() : json(s); };
  return {{"user_id", r.user_id},
          {"login", r.login},
          {"name", r.name},
          {"org", {{"code", r.org_code}, {"name", r.org_name}}},
          {"delivered_at", r.delivered_at},
          {"read_at", opt(r.read_at)},
          {"acknowledged_at", opt(r.acknowledged_at)},
          // The address is someone else's personal data: editors see it masked.
          {"mail", r.mail_status.empty() ? json()
                                         : json{{"to", mail::MaskEmail(r.email)},
                                                {"status", r.mail_status},
                                                {"attempts", r.mail_attempts},
                                                {"error", opt(r.mail_error)},
                                                {"sent_at", opt(r.mailed_at)}}}};
}

json InboxJson(const InboxItem& i) {
  auto opt = [](const std::string& s) { return s.empty() ? json() : json(s); };
  return {{"issue_id", i.issue_id},
          {"series_title", i.series_title},
          {"number", i.number},
          {"supplement", i.supplement},
          {"revision", i.revision},
          {"date", i.date},
          {"delivered_at", i.delivered_at},
          {"read_at", opt(i.read_at)},
          {"acknowledged_at", opt(i.acknowledged_at)}};
}

// ---- request bodies and queries ----

Result<Series> ReadSeries(const std::string& body) {
  JB_ASSIGN_OR_RETURN(
      json obj, http::ParseObject(body, {"code", "title", "subtitle", "masthead", "issuer", "owner",
                                         "numbering", "public", "distribution"}));
  Series s;
  for (auto [key, out, max, required] :
       {std::tuple{"code", &s.code, 32, true}, std::tuple{"title", &s.title, 100, true},
        std::tuple{"subtitle", &s.subtitle, 30, false},
        std::tuple{"masthead", &s.masthead, 50, false}, std::tuple{"issuer", &s.issuer, 50, false},
        std::tuple{"owner", &s.owner_org, 32, true},
        std::tuple{"numbering", &s.numbering, 10, false}}) {
    JB_ASSIGN_OR_RETURN(std::optional<std::string> v, http::OptionalString(obj, key, max));
    if (required && (!v || v->empty())) {
      return Status::Invalid(key, "required", std::string(key) + " is required");
    }
    if (v) *out = *v;
  }
  if (s.numbering.empty()) s.numbering = "yearly";
  JB_ASSIGN_OR_RETURN(std::optional<bool> pub, http::OptionalBool(obj, "public"));
  s.is_public = pub.value_or(false);
  if (obj.contains("distribution")) {
    JB_ASSIGN_OR_RETURN(s.distribution, ParseDistribution(obj["distribution"], "distribution"));
  }
  return s;
}

Result<NewIssue> ReadNewIssue(const std::string& body) {
  JB_ASSIGN_OR_RETURN(json obj, http::ParseObject(body, {"series", "date", "supplement"}));
  NewIssue in;
  JB_ASSIGN_OR_RETURN(in.series_code, http::RequiredString(obj, "series", 32));
  JB_ASSIGN_OR_RETURN(in.date, http::RequiredString(obj, "date", 10));
  JB_ASSIGN_OR_RETURN(std::optional<bool> sup, http::OptionalBool(obj, "supplement"));
  in.supplement = sup.value_or(false);
  return in;
}

Result<IssueContent> ReadIssueContent(const std::string& body) {
  JB_ASSIGN_OR_RETURN(json obj,
                      http::ParseObject(body, {"date", "sections", "closing_note", "distribution",
                                               "copies", "revision_note", "version"}));
  IssueContent c;
  JB_ASSIGN_OR_RETURN(c.version, http::OptionalInt(obj, "version", 1, INT64_MAX));
  JB_ASSIGN_OR_RETURN(c.date, http::RequiredString(obj, "date", 10));
  JB_ASSIGN_OR_RETURN(c.sections, ParseSections(obj.value("sections", json::array())));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> note,
                      http::OptionalString(obj, "closing_note", 200));
  c.closing_note = note.value_or("");
  JB_ASSIGN_OR_RETURN(std::optional<std::string> rnote,
                      http::OptionalString(obj, "revision_note", 500));
  c.revision_note = rnote.value_or("");
  if (obj.contains("distribution")) {
    JB_ASSIGN_OR_RETURN(c.distribution, ParseDistribution(obj["distribution"], "distribution"));
  }
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> copies, http::OptionalInt(obj, "copies", 0, 1000000));
  c.copies = static_cast<int>(copies.value_or(0));
  return c;
}

Result<std::string> ReadReason(const std::string& body, const std::string& field) {
  JB_ASSIGN_OR_RETURN(json obj, http::ParseObject(body, {field}));
  return http::RequiredString(obj, field, 500);
}

Result<std::optional<std::string>> ReadApproval(const std::string& body) {
  if (text::Trim(body).empty()) return std::optional<std::string>();
  JB_ASSIGN_OR_RETURN(json obj, http::ParseObject(body, {"content_hash"}));
  return http::OptionalString(obj, "content_hash", 64);
}

nlohmann::json CommentJson(const IssueComment& c) {
  return json{{"id", c.id},
              {"kind", c.kind},
              {"body", c.body},
              {"author", {{"login", c.author_login}, {"name", c.author_name}}},
              {"created_at", c.created_at}};
}

nlohmann::json CommentsJson(const std::vector<IssueComment>& thread) {
  json items = json::array();
  for (const IssueComment& c : thread) items.push_back(CommentJson(c));
  return http::ItemsObject(std::move(items));
}

Result<std::string> ReadComment(const std::string& body) {
  JB_ASSIGN_OR_RETURN(json obj, http::ParseObject(body, {"comment"}));
  return http::RequiredString(obj, "comment", 2000);
}

Result<ImportInput> ReadImport(const std::string& body) {
  JB_ASSIGN_OR_RETURN(json obj, http::ParseObject(body, {"series", "text", "number", "date"}));
  ImportInput in;
  JB_ASSIGN_OR_RETURN(in.series_code, http::RequiredString(obj, "series", 32));
  auto text = obj.find("text");
  if (text == obj.end() || !text->is_string()) {
    return Status::Invalid("text", "required", "text is required");
  }
  in.text = text->get<std::string>();
  JB_ASSIGN_OR_RETURN(std::optional<int64_t> number, http::OptionalInt(obj, "number", 1, 100000));
  in.options.number = static_cast<int>(number.value_or(0));
  JB_ASSIGN_OR_RETURN(std::optional<std::string> date, http::OptionalString(obj, "date", 10));
  in.options.date = date.value_or("");
  return in;
}

Result<GovernmentRecipientsInput> ReadGovernmentRecipients(const std::string& body) {
  JB_ASSIGN_OR_RETURN(json obj, http::ParseObject(body, {"association", "orgs"}));
  GovernmentRecipientsInput in;
  JB_ASSIGN_OR_RETURN(in.association, http::RequiredString(obj, "association", 32));
  JB_ASSIGN_OR_RETURN(auto orgs, http::OptionalStringArray(obj, "orgs", 200, 32));
  if (!orgs) return Status::Invalid("orgs", "required", "orgs is required");
  in.orgs = std::move(*orgs);
  return in;
}

Result<IssueQuery> ReadIssueQuery(const http::Request& req) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(req));
  IssueQuery q;
  q.page = PageRequest{page.page, page.page_size};
  q.series_code = req.Query("series");
  if (const std::string y = req.Query("year"); !y.empty()) {
    try {
      q.year = std::stoi(y);
    } catch (const std::exception&) {
      q.year = -1;
    }
    if (q.year < 1900 || q.year > 2999) return Status::Invalid("year", "out_of_range", "bad year");
  }
  JB_ASSIGN_OR_RETURN(q.states, ParseStates(req.Query("status")));
  return q;
}

Result<int> ReadDpi(const http::Request& req) {
  const std::string d = req.Query("dpi");
  if (d.empty()) return 48;
  const int dpi = std::atoi(d.c_str());
  if (dpi < 24 || dpi > 150) return Status::Invalid("dpi", "out_of_range", "dpi 24..150");
  return dpi;
}

Result<bool> ReadChart(const http::Request& req) {
  const std::string chart = req.Query("chart");
  if (!chart.empty() && chart != "0" && chart != "1" && chart != "true" && chart != "false") {
    return Status::Invalid("chart", "wrong_type", "chart must be true or false");
  }
  return chart == "1" || chart == "true";
}

// ---- answers ----

json SeriesListJson(const std::vector<Series>& all) {
  json items = json::array();
  for (const Series& s : all) items.push_back(SeriesJson(s));
  return http::ItemsObject(std::move(items));
}

json IssueViewJson(const IssueView& v) {
  json j = IssueJson(v.issue, v.series, v.files, true);
  json warnings = json::array();
  for (const IssueWarning& w : v.warnings) {
    warnings.push_back({{"key", w.key},
                        {"previous",
                         {{"id", w.previous_id},
                          {"year", w.previous_year},
                          {"number", w.previous_number},
                          {"date", w.previous_date}}}});
  }
  j["warnings"] = warnings;
  json people = json::object();
  for (const auto& [login, who] : v.people)
    people[login] = {{"name", who.first}, {"org", who.second}};
  j["people"] = people;
  return j;
}

json IssuePageJson(const Page<IssueView>& page, const PageRequest& request) {
  return http::PageJson(page, request, [](const IssueView& v) {
    return IssueJson(v.issue, v.series, v.files, false);
  });
}

json PreviewJson(const Preview& p) {
  json pages = json::array();
  for (const std::string& png : p.png_pages) {
    pages.push_back("data:image/png;base64," + bytes::Base64Encode(png));
  }
  return {{"pages", pages}, {"section_pages", p.section_pages}, {"content_hash", p.content_hash}};
}

json ReceiptsJson(const ReceiptSummary& r) {
  json items = json::array();
  for (const Receipt& one : r.items) items.push_back(ReceiptJson(one));
  json out = receipts::UnitsJson(r.units);
  out["items"] = std::move(items);
  out.update({{"total", r.items.size()},
              {"read", r.read},
              {"acknowledged", r.acknowledged},
              {"mail_enabled", r.mail_enabled},
              {"mail", r.mail}});
  return out;
}

json InboxPageJson(const Inbox& inbox, const PageRequest& request) {
  json items = json::array();
  for (const InboxItem& i : inbox.page.items) items.push_back(InboxJson(i));
  return {{"items", items},
          {"total", inbox.page.total},
          {"unread", inbox.unread},
          {"page", request.page},
          {"page_size", request.page_size}};
}

json PieceUsesJson(const std::vector<PieceUse>& uses) {
  json out = json::array();
  for (const PieceUse& u : uses) {
    out.push_back(
        {{"issue_id", u.issue_id}, {"year", u.year}, {"number", u.number}, {"status", u.status}});
  }
  return out;
}

json PiecesJson(const std::vector<SourcePiece>& pieces) {
  json items = json::array();
  for (const SourcePiece& p : pieces) {
    items.push_back({{"id", p.id},
                     {"title", p.title},
                     {"org", {{"code", p.org_code}, {"short_name", p.org_short_name}}},
                     {"adopted_at", p.adopted_at},
                     {"used_in", PieceUsesJson(p.used_in)}});
  }
  return http::ItemsObject(std::move(items));
}

json SummaryKindsJson(const std::vector<SummaryKind>& kinds) {
  json items = json::array();
  for (const SummaryKind& k : kinds) {
    items.push_back({{"key", k.key}, {"label", {{"zh", k.label_zh}, {"en", k.label_en}}}});
  }
  return http::ItemsObject(std::move(items));
}

json SectionJson(const SectionSpec& section) { return SectionsJson({section})[0]; }

json ImportResultJson(const ImportResult& r) {
  return {{"issue", IssueViewJson(r.view)}, {"recognised", r.recognised}, {"problems", r.problems}};
}

json GovernmentRecipientsJson(const GovernmentRecipients& r) {
  auto refs = [](const std::vector<OrgRef>& orgs) {
    json out = json::array();
    for (const OrgRef& o : orgs) out.push_back({{"code", o.code}, {"name", o.name}});
    return out;
  };
  return {{"association", r.association},
          {"allowed", refs(r.allowed)},
          {"available", refs(r.available)}};
}

}  // namespace jianbao::bulletins
