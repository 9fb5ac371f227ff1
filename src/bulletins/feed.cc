// Copyright 2026 The Jianbao Authors.

#include "bulletins/feed.h"

#include <cstdio>

#include "core/bytes.h"
#include "core/clock.h"
#include "core/text.h"
#include "typeset/markdown.h"

namespace jianbao::bulletins {
namespace {

// A permanent, host-independent id: a name-based UUID (SHA-256 of `name`,
// version and variant bits set as for version 5).
std::string UrnUuid(const std::string& name) {
  std::string h = bytes::Sha256Hex("jianbao:" + name).substr(0, 32);
  h[12] = '5';
  const char variant[] = "89ab";
  h[16] = variant[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return "urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
         h.substr(16, 4) + "-" + h.substr(20, 12);
}

// The issue as HTML for a feed reader: each section's title and text
// (images as their captions; no data URIs in the feed).
std::string IssueHtml(const IssueRecord& issue) {
  std::string h;
  for (const SectionSpec& s : issue.sections) {
    h += "<h2>" + text::EscapeXml(s.title) + "</h2>";
    if (!s.org.empty()) h += "<p><em>" + text::EscapeXml(s.org) + "</em></p>";
    auto blocks = typeset::ParseMarkdown(s.body);
    if (!blocks.ok()) continue;
    for (const typeset::Block& b : *blocks) {
      using K = typeset::Block::Kind;
      switch (b.kind) {
        case K::kHeading:
          h += "<h3>" + text::EscapeXml(typeset::PlainText(b.spans)) + "</h3>";
          break;
        case K::kParagraph:
        case K::kQuote:
        case K::kListItem:
          h += "<p>" + text::EscapeXml(typeset::PlainText(b.spans)) + "</p>";
          break;
        case K::kCode:
          h += "<pre>" + text::EscapeXml(b.literal) + "</pre>";
          break;
        case K::kTable: {
          h += "<table>";
          for (const auto& row : b.rows) {
            h += "<tr>";
            for (const auto& cell : row)
              h += "<td>" + text::EscapeXml(typeset::PlainText(cell)) + "</td>";
            h += "</tr>";
          }
          h += "</table>";
          break;
        }
        case K::kImage:
          if (!b.alt.empty()) h += "<p>［图：" + text::EscapeXml(b.alt) + "］</p>";
          break;
        case K::kRule:
          h += "<hr/>";
          break;
      }
    }
  }
  if (!issue.closing_note.empty()) h += "<p>" + text::EscapeXml(issue.closing_note) + "</p>";
  return h;
}

}  // namespace

std::string HttpDate(const std::string& iso) {
  int y, mo, d, hh, mm, ss;
  if (iso.size() < 20 ||
      std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &hh, &mm, &ss) != 6) {
    return "";
  }
  if (!clock::IsValidDate(iso.substr(0, 10)) || iso[19] != 'Z') return "";
  const int64_t days = clock::DaysFromDate(iso.substr(0, 10));
  static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[((days % 7) + 7) % 7],
                d, kMonths[mo - 1], y, hh, mm, ss);
  return buf;
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
  std::string x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  x += "  <title>" + text::EscapeXml(title) + "</title>\n";
  x += "  <id>" + UrnUuid("bulletins/series/" + series.code) + "</id>\n";
  x += "  <link rel=\"self\" href=\"" + text::EscapeXml(self) + "\"/>\n";
  x += "  <updated>" + text::EscapeXml(updated) + "</updated>\n";
  x += "  <author><name>" +
       text::EscapeXml(series.issuer.empty() ? series.owner_org : series.issuer) +
       "</name></author>\n";
  for (const IssueRecord& i : issues) {
    const std::string link = base_url + "/api/v1/bulletins/issues/" + std::to_string(i.id);
    const std::string id = UrnUuid("bulletins/issue/" + std::to_string(i.id));
    std::string entry_title =
        "第" + std::to_string(i.number) + "期" + (i.supplement ? "（增刊）" : "");
    if (i.revision > 1) entry_title += "（更正版）";
    x += "  <entry>\n";
    x += "    <title>" + text::EscapeXml(entry_title + " " + i.date) + "</title>\n";
    x += "    <id>" + id + "</id>\n";
    x += "    <updated>" + text::EscapeXml(i.published_at) + "</updated>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
         text::EscapeXml(link + "/files/html") + "\"/>\n";
    x += "    <link rel=\"enclosure\" type=\"application/pdf\" href=\"" +
         text::EscapeXml(link + "/files/pdf") + "\"/>\n";
    std::string summary;
    for (const auto& s : i.sections) summary += (summary.empty() ? "" : "；") + s.title;
    x += "    <summary>" + text::EscapeXml(summary) + "</summary>\n";
    x += "    <content type=\"html\">" + text::EscapeXml(IssueHtml(i)) + "</content>\n";
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
  std::string h =
      "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += "<title>" + text::EscapeXml(title) + "</title>";
  h += "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/public/bulletins/" +
       text::EscapeXml(series.code) + "/feed.atom\">";
  // The 适老化 switch (large text, strong contrast; web/public/elder.js and public-page.css).
  h += "<link rel=\"stylesheet\" href=\"/public-page.css\"><script src=\"/elder.js\"></script>";
  h += "<style>body{font-family:'Noto Serif CJK SC',serif;max-width:48rem;margin:2rem auto;"
       "padding:0 1rem;color:#222}h1{color:#c00;font-size:1.6rem;border-bottom:2px solid #c00;"
       "padding-bottom:.5rem}li{margin:.8rem 0}a{color:#114}small{color:#666}</style></head><body>";
  h += "<header><h1>" + text::EscapeXml(title) + "</h1><div class=\"top\"><p><small>" +
       text::EscapeXml(series.issuer) + " · <a href=\"/public/bulletins/" +
       text::EscapeXml(series.code) +
       "/feed.atom\">Atom</a></small></p><button type=\"button\" id=\"elder-switch\" "
       "aria-pressed=\"false\" title=\"适老化模式：更大的字、更强的对比\" "
       "hidden>大字·高对比</button></div></header><main><ul>";
  if (issues.empty()) h += "<li>暂无已发布的简报。</li>";
  for (const IssueRecord& i : issues) {
    const std::string base = "/api/v1/bulletins/issues/" + std::to_string(i.id) + "/files/";
    h += "<li><strong>第" + std::to_string(i.number) + "期</strong>" +
         (i.revision > 1 ? "（更正版）" : "") + " <small>" + text::EscapeXml(i.date) +
         "</small><br>";
    for (const auto& s : i.sections) h += text::EscapeXml(s.title) + "；";
    h += "<br><a href=\"" + base + "html\">阅读</a> · <a href=\"" + base +
         "pdf\">PDF</a> · <a href=\"" + base + "docx\">Word</a> · <a href=\"" + base +
         "txt\">文本</a></li>";
  }
  h += "</ul></main></body></html>\n";
  return h;
}

}  // namespace jianbao::bulletins
