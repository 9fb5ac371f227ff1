// Copyright 2026 The Jianbao Authors.

#include "typeset/testing/seed_issue.h"

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "core/text.h"

namespace jianbao::typeset {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(text::Trim(line));
  }
  return out;
}

bool EndsSentence(const std::string& s) {
  for (const char* end : {"。", "！", "？", "”", "）", "…", "」", "；", "：", ".", ")"}) {
    if (s.size() >= std::strlen(end) &&
        s.compare(s.size() - std::strlen(end), std::strlen(end), end) == 0)
      return true;
  }
  return false;
}

// Turns the paragraphs of one section into Markdown: short unpunctuated lines
// become sub-headings; long unpunctuated lines were cut by a page break and
// are joined with the next one.
std::string SectionMarkdown(const std::vector<std::string>& paras) {
  std::string md, carry;
  for (size_t i = 0; i < paras.size(); ++i) {
    std::string p = carry + paras[i];
    carry.clear();
    size_t n = text::CodePointCount(p);
    if (!EndsSentence(p) && n > 30 && i + 1 < paras.size()) {
      carry = p;
      continue;
    }
    if (!EndsSentence(p) && n <= 30 && p.rfind("——", 0) != 0) {
      md += "## " + p + "\n\n";
    } else {
      md += p + "\n\n";
    }
  }
  if (!carry.empty()) md += carry + "\n\n";
  return md;
}

}  // namespace

Result<Issue> IssueFromLegacyText(const std::string& text) {
  std::vector<std::string> lines = Lines(text);
  Issue issue;
  std::regex entry(R"(^\d+\.\s*(.*\S)\s+\d+$)");
  std::regex number(R"(第\s*(\d+)\s*期)");
  std::regex date(R"((\d{4})\s*年\s*(\d+)\s*月\s*(\d+)\s*日)");
  size_t i = 0;
  std::vector<std::string> head;
  for (; i < lines.size() && lines[i].find("目") == std::string::npos; ++i) {
    if (!lines[i].empty()) head.push_back(lines[i]);
  }
  if (i == lines.size() || head.size() < 4) {
    return Status::Invalid("text", "no_contents", "no 目录 found");
  }
  std::smatch m;
  issue.masthead = head[0];
  size_t h = 1;
  for (; h < head.size() && head[h][0] != '(' && head[h].rfind("（", 0) != 0 &&
         !std::regex_search(head[h], m, number);
       ++h) {
    issue.title_lines.push_back(head[h]);
  }
  for (; h < head.size(); ++h) {
    if (std::regex_search(head[h], m, number)) {
      issue.number = std::stoi(m[1]);
    } else if (std::regex_search(head[h], m, date)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::stoi(m[1]), std::stoi(m[2]),
                    std::stoi(m[3]));
      issue.date = buf;
    } else if (head[h][0] == '(' || head[h].rfind("（", 0) == 0) {
      std::string s = head[h];
      issue.subtitle = s.substr(s[0] == '(' ? 1 : 3, s.size() - (s[0] == '(' ? 2 : 6));
    } else {
      issue.issuer = head[h];
    }
  }
  std::vector<std::string> titles;
  for (++i; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    if (!std::regex_match(lines[i], m, entry)) break;
    titles.push_back(m[1]);
  }
  std::vector<std::string> paras;
  for (; i < lines.size(); ++i) {
    if (!lines[i].empty()) paras.push_back(lines[i]);
  }
  if (!paras.empty() && paras.back().find("以上信息") != std::string::npos) {
    issue.closing_note = paras.back();
    paras.pop_back();
  }
  // Find each title, which may be split over several paragraphs.
  size_t p = 0;
  for (size_t t = 0; t < titles.size(); ++t) {
    std::string want;
    for (char c : titles[t]) want += c == ' ' ? "" : std::string(1, c);
    size_t start = p, end = p;
    for (; start < paras.size(); ++start) {
      std::string acc;
      for (end = start; end < paras.size() && acc.size() < want.size(); ++end) {
        for (char c : paras[end]) acc += c == ' ' ? "" : std::string(1, c);
      }
      if (acc == want) break;
    }
    if (start >= paras.size()) {
      return Status::Invalid("text", "title_not_found", "title not found: " + titles[t]);
    }
    if (t > 0) {
      issue.sections.back().body_markdown =
          SectionMarkdown({paras.begin() + p, paras.begin() + start});
    }
    issue.sections.push_back(Section{titles[t], "", ""});
    p = end;
  }
  if (issue.sections.empty()) return Status::Invalid("text", "no_sections", "no sections");
  issue.sections.back().body_markdown = SectionMarkdown({paras.begin() + p, paras.end()});
  return issue;
}

std::string SeedPath() {
  namespace fs = std::filesystem;
  std::vector<fs::path> roots;
  if (const char* env = std::getenv("JIANBAO_SHARED")) roots.emplace_back(env);
  roots.emplace_back("../shared");
  for (const auto& root : roots) {
    std::error_code ec;
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(root / "seed", ec)) {
      if (e.path().extension() == ".txt") found.push_back(e.path());
    }
    if (!found.empty()) {
      std::sort(found.begin(), found.end());
      return found[0].string();
    }
  }
  return "";
}

std::string IssueToJson(const Issue& issue) {
  nlohmann::ordered_json j;
  if (!issue.masthead.empty()) j["masthead"] = issue.masthead;
  std::string title;
  for (size_t i = 0; i < issue.title_lines.size(); ++i)
    title += (i ? "\n" : "") + issue.title_lines[i];
  j["title"] = title;
  if (!issue.subtitle.empty()) j["subtitle"] = issue.subtitle;
  j["number"] = issue.number;
  j["issuer"] = issue.issuer;
  j["date"] = issue.date;
  j["sections"] = nlohmann::ordered_json::array();
  for (const Section& s : issue.sections) {
    nlohmann::ordered_json o;
    o["title"] = s.title;
    o["body"] = s.body_markdown;
    if (!s.org.empty()) o["org"] = s.org;
    j["sections"].push_back(o);
  }
  if (!issue.closing_note.empty()) j["closing_note"] = issue.closing_note;
  if (!issue.distribution.empty()) {
    j["distribution"] = nlohmann::ordered_json::array();
    for (const Recipients& r : issue.distribution)
      j["distribution"].push_back({{"label", r.label}, {"to", r.to}});
  }
  if (issue.copies > 0) j["copies"] = issue.copies;
  return j.dump(2);
}

}  // namespace jianbao::typeset
