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
  const std::string self = base_url + "/api/v1/public/bulletins/" + series.code + "/feed.atom";
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

}  // namespace jianbao::bulletins
