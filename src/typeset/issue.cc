// Copyright 2026 The Jianbao Authors.
//
// The issue JSON of docs/typeset.md → Issue, with errors that name the key.

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/json_parse.h"
#include "core/markdown_limits.h"
#include "core/text.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

using nlohmann::json;

constexpr size_t kMaxJsonBytes = 8 << 20;
constexpr size_t kMaxSections = 500;

Status Bad(const std::string& field, const std::string& message) {
  return Status::Invalid(field, "invalid_issue", field + ": " + message);
}

// Reads an optional or required string member into *out.
Status GetString(const json& obj, const std::string& key, const std::string& path, bool required,
                 std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    return required ? Bad(path, "is required") : Status();
  }
  if (!it->is_string()) return Bad(path, "must be a string");
  *out = it->get<std::string>();
  if (!text::IsValidUtf8(*out)) return Bad(path, "is not valid UTF-8");
  if (required && text::Trim(*out).empty()) return Bad(path, "must not be empty");
  return Status();
}

Status GetInt(const json& obj, const std::string& key, bool required, int lo, int hi, int* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return required ? Bad(key, "is required") : Status();
  if (!it->is_number_integer()) return Bad(key, "must be an integer");
  auto v = it->get<int64_t>();
  if (v < lo || v > hi) {
    return Bad(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  }
  *out = static_cast<int>(v);
  return Status();
}

Status ParseTitle(const json& root, Issue* issue) {
  auto it = root.find("title");
  if (it == root.end() || it->is_null()) return Bad("title", "is required");
  std::vector<std::string> raw;
  if (it->is_string()) {
    std::string s = it->get<std::string>();
    size_t start = 0;
    while (true) {
      size_t nl = s.find('\n', start);
      raw.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  } else if (it->is_array()) {
    for (size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string()) return Bad("title[" + std::to_string(i) + "]", "must be a string");
      raw.push_back((*it)[i].get<std::string>());
    }
  } else {
    return Bad("title", "must be a string (lines separated by \\n) or an array of strings");
  }
  for (const auto& line : raw) {
    if (!text::IsValidUtf8(line)) return Bad("title", "is not valid UTF-8");
    std::string t = text::Trim(line);
    if (!t.empty()) issue->title_lines.push_back(t);
  }
  if (issue->title_lines.empty()) return Bad("title", "must not be empty");
  if (issue->title_lines.size() > 4) return Bad("title", "has more than 4 lines");
  return Status();
}

Status ParseSections(const json& root, Issue* issue) {
  auto it = root.find("sections");
  if (it == root.end() || it->is_null()) return Bad("sections", "is required");
  if (!it->is_array()) return Bad("sections", "must be an array");
  if (it->empty()) return Bad("sections", "must have at least one section");
  if (it->size() > kMaxSections) return Bad("sections", "has too many sections");
  for (size_t i = 0; i < it->size(); ++i) {
    const json& s = (*it)[i];
    std::string path = "sections[" + std::to_string(i) + "]";
    if (!s.is_object()) return Bad(path, "must be an object");
    Section sec;
    JB_RETURN_IF_ERROR(GetString(s, "title", path + ".title", true, &sec.title));
    if (sec.title.find('\n') != std::string::npos) {
      return Bad(path + ".title", "must be one line");
    }
    JB_RETURN_IF_ERROR(GetString(s, "body", path + ".body", true, &sec.body_markdown));
    JB_RETURN_IF_ERROR(GetString(s, "org", path + ".org", false, &sec.org));
    sec.title = text::Trim(sec.title);
    issue->sections.push_back(std::move(sec));
  }
  return Status();
}

Status ParseDistribution(const json& root, Issue* issue) {
  auto it = root.find("distribution");
  if (it == root.end() || it->is_null()) return Status();
  if (!it->is_array()) return Bad("distribution", "must be an array");
  for (size_t i = 0; i < it->size(); ++i) {
    const json& d = (*it)[i];
    std::string path = "distribution[" + std::to_string(i) + "]";
    if (!d.is_object()) return Bad(path, "must be an object");
    Recipients r;
    JB_RETURN_IF_ERROR(GetString(d, "label", path + ".label", true, &r.label));
    auto to = d.find("to");
    if (to == d.end() || !to->is_array()) return Bad(path + ".to", "must be an array of strings");
    for (size_t j = 0; j < to->size(); ++j) {
      std::string p = path + ".to[" + std::to_string(j) + "]";
      if (!(*to)[j].is_string()) return Bad(p, "must be a string");
      std::string name = (*to)[j].get<std::string>();
      if (!text::IsValidUtf8(name)) return Bad(p, "is not valid UTF-8");
      r.to.push_back(text::Trim(name));
    }
    if (r.to.empty()) return Bad(path + ".to", "must not be empty");
    issue->distribution.push_back(std::move(r));
  }
  return Status();
}

}  // namespace

Result<std::string> ChineseDate(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t pos, size_t len, int* out) {
    if (iso.size() < pos + len) return false;
    auto r = std::from_chars(iso.data() + pos, iso.data() + pos + len, *out);
    return r.ec == std::errc() && r.ptr == iso.data() + pos + len;
  };
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !num(0, 4, &y) || !num(5, 2, &m) ||
      !num(8, 2, &d) || y < 1900 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) {
    return Bad("date", "must be a date like 2020-03-19");
  }
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return Bad("date", "is not a real date");
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

Status ValidateIssue(const Issue& issue) {
  if (issue.title_lines.empty()) return Bad("title", "is required");
  if (issue.layout == Layout::kBulletin && issue.number <= 0) {
    return Bad("number", "must be a positive integer");
  }
  if (text::Trim(issue.issuer).empty()) return Bad("issuer", "is required");
  JB_RETURN_IF_ERROR(ChineseDate(issue.date).status());
  if (issue.sections.empty()) return Bad("sections", "must have at least one section");
  for (size_t i = 0; i < issue.sections.size(); ++i) {
    if (text::Trim(issue.sections[i].title).empty()) {
      return Bad("sections[" + std::to_string(i) + "].title", "must not be empty");
    }
  }
  // The Markdown limits hold for the issue as a whole, not per section.
  markdown::Budget budget;
  for (size_t i = 0; i < issue.sections.size(); ++i) {
    const std::string field = "sections[" + std::to_string(i) + "].body";
    JB_RETURN_IF_ERROR(markdown::CheckShape(issue.sections[i].body_markdown, field, &budget));
  }
  return Status();
}

Result<Issue> ParseIssueJson(std::string_view text, std::string base_dir) {
  if (text.size() > kMaxJsonBytes) return Bad("(document)", "is larger than 8 MiB");
  Result<json> parsed = ParseJson(text);
  if (!parsed.ok()) {
    const Status st = parsed.status();
    return Bad(st.field().empty() ? "(document)" : st.field(), st.message());
  }
  json root = std::move(parsed).value();
  if (!root.is_object()) return Bad("(document)", "must be a JSON object");
  Issue issue;
  issue.base_dir = std::move(base_dir);
  JB_RETURN_IF_ERROR(GetString(root, "masthead", "masthead", false, &issue.masthead));
  JB_RETURN_IF_ERROR(ParseTitle(root, &issue));
  JB_RETURN_IF_ERROR(GetString(root, "subtitle", "subtitle", false, &issue.subtitle));
  JB_RETURN_IF_ERROR(GetInt(root, "number", true, 1, 1000000, &issue.number));
  JB_RETURN_IF_ERROR(GetString(root, "issuer", "issuer", true, &issue.issuer));
  JB_RETURN_IF_ERROR(GetString(root, "date", "date", true, &issue.date));
  JB_RETURN_IF_ERROR(ChineseDate(issue.date).status());
  JB_RETURN_IF_ERROR(ParseSections(root, &issue));
  JB_RETURN_IF_ERROR(GetString(root, "closing_note", "closing_note", false, &issue.closing_note));
  JB_RETURN_IF_ERROR(ParseDistribution(root, &issue));
  JB_RETURN_IF_ERROR(GetInt(root, "copies", false, 0, 1000000, &issue.copies));
  JB_RETURN_IF_ERROR(
      GetString(root, "revision_note", "revision_note", false, &issue.revision_note));
  issue.masthead = text::Trim(issue.masthead);
  issue.subtitle = text::Trim(issue.subtitle);
  issue.issuer = text::Trim(issue.issuer);
  return issue;
}

Fonts FontsFromConfig(const Config& config) {
  Fonts f;
  f.song = config.GetString("fonts.song", f.song);
  f.fangsong = config.GetString("fonts.fangsong", f.fangsong);
  f.hei = config.GetString("fonts.hei", f.hei);
  f.kai = config.GetString("fonts.kai", f.kai);
  f.title = config.GetString("fonts.title", f.title);
  f.mono = config.GetString("fonts.mono", f.mono);
  f.red = config.GetString("fonts.red", f.red);
  f.dirs = config.GetString("fonts.dirs", f.dirs);
  f.docx_song = config.GetString("fonts.docx_song", f.docx_song);
  f.docx_fangsong = config.GetString("fonts.docx_fangsong", f.docx_fangsong);
  f.docx_hei = config.GetString("fonts.docx_hei", f.docx_hei);
  f.docx_kai = config.GetString("fonts.docx_kai", f.docx_kai);
  f.docx_title = config.GetString("fonts.docx_title", f.docx_title);
  return f;
}

}  // namespace jianbao::typeset
