// Copyright 2026 The Jianbao Authors.

#include "bulletins/feed.h"

#include "core/clock.h"

namespace jianbao::bulletins {

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string AtomFeed(const Series& series, const std::vector<IssueRecord>& issues,
                     const std::string& base_url) {
  std::string title = series.title;
  for (char& c : title) {
    if (c == '\n') c = ' ';
  }
  if (!series.subtitle.empty()) title += "（" + series.subtitle + "）";
  const std::string self = base_url + "/public/bulletins/" + series.code + "/feed.atom";
  const std::string updated = issues.empty() ? clock::NowIso() : issues.front().published_at;
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  x += "  <title>" + XmlEscape(title) + "</title>\n";
  x += "  <id>" + XmlEscape(self) + "</id>\n";
  x += "  <link rel=\"self\" href=\"" + XmlEscape(self) + "\"/>\n";
  x += "  <updated>" + XmlEscape(updated) + "</updated>\n";
  x += "  <author><name>" + XmlEscape(series.issuer.empty() ? series.owner_org : series.issuer) +
       "</name></author>\n";
  for (const IssueRecord& i : issues) {
    const std::string link = base_url + "/api/v1/bulletins/issues/" + std::to_string(i.id);
    std::string entry_title = "第" + std::to_string(i.number) + "期" + (i.supplement ? "（增刊）" : "");
    if (i.revision > 1) entry_title += "（更正版）";
    x += "  <entry>\n";
    x += "    <title>" + XmlEscape(entry_title + " " + i.date) + "</title>\n";
    x += "    <id>" + XmlEscape(link) + "</id>\n";
    x += "    <updated>" + XmlEscape(i.published_at) + "</updated>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(link + "/files/html") + "\"/>\n";
    x += "    <link rel=\"enclosure\" type=\"application/pdf\" href=\"" + XmlEscape(link + "/files/pdf") + "\"/>\n";
    std::string summary;
    for (const auto& s : i.sections) summary += (summary.empty() ? "" : "；") + s.title;
    x += "    <summary>" + XmlEscape(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

std::string PublicPage(const Series& series, const std::vector<IssueRecord>& issues) {
  std::string title = series.title;
  for (char& c : title) {
    if (c == '\n') c = ' ';
  }
  if (!series.subtitle.empty()) title += "（" + series.subtitle + "）";
  std::string h = "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += "<title>" + XmlEscape(title) + "</title>";
  h += "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/public/bulletins/" +
       XmlEscape(series.code) + "/feed.atom\">";
  h += "<style>body{font-family:'Noto Serif CJK SC',serif;max-width:48rem;margin:2rem auto;"
       "padding:0 1rem;color:#222}h1{color:#c00;font-size:1.6rem;border-bottom:2px solid #c00;"
       "padding-bottom:.5rem}li{margin:.8rem 0}a{color:#114}small{color:#666}</style></head><body>";
  h += "<h1>" + XmlEscape(title) + "</h1><p><small>" + XmlEscape(series.issuer) +
       " · <a href=\"/public/bulletins/" + XmlEscape(series.code) + "/feed.atom\">Atom</a></small></p><ul>";
  if (issues.empty()) h += "<li>暂无已发布的简报。</li>";
  for (const IssueRecord& i : issues) {
    const std::string base = "/api/v1/bulletins/issues/" + std::to_string(i.id) + "/files/";
    h += "<li><strong>第" + std::to_string(i.number) + "期</strong>" +
         (i.revision > 1 ? "（更正版）" : "") + " <small>" + XmlEscape(i.date) + "</small><br>";
    for (const auto& s : i.sections) h += XmlEscape(s.title) + "；";
    h += "<br><a href=\"" + base + "html\">阅读</a> · <a href=\"" + base +
         "pdf\">PDF</a> · <a href=\"" + base + "docx\">Word</a> · <a href=\"" + base +
         "txt\">文本</a></li>";
  }
  h += "</ul></body></html>\n";
  return h;
}

}  // namespace jianbao::bulletins
