// Copyright 2026 The Jianbao Authors.
//
// One self-contained HTML page: one <style> element in the head (screen,
// narrow screens, print) and no style attributes, so that the server can
// allow exactly that element by its hash (http/csp.h); every piece of user
// text escaped, links limited to http(s) and mailto.

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/bytes.h"
#include "typeset/images.h"
#include "typeset/links.h"
#include "typeset/markdown.h"
#include "typeset/writers.h"

namespace jianbao::typeset {
namespace {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Inline(const Spans& spans) {
  std::string out;
  for (const Span& s : spans) {
    if (s.marks & kHardBreak) {
      out += "<br>";
      continue;
    }
    std::string t = Esc(s.text);
    if (s.marks & kCode) t = "<code>" + t + "</code>";
    if (s.marks & kEmph) t = "<em>" + t + "</em>";
    if (s.marks & kStrong) t = "<strong>" + t + "</strong>";
    if (s.marks & kStrike) t = "<s>" + t + "</s>";
    if ((s.marks & kLink) && IsSafeLink(s.href))
      t = "<a href=\"" + Esc(s.href) + "\">" + t + "</a>";
    out += t;
  }
  return out;
}

std::string Table(const Block& b) {
  std::string out = "<div class=\"tw\"><table>";
  for (size_t r = 0; r < b.rows.size(); ++r) {
    out += r == 0 ? "<thead><tr>" : "<tr>";
    for (size_t c = 0; c < b.rows[r].size(); ++c) {
      char al = c < b.align.size() ? b.align[c] : ' ';
      // Classes, not style attributes: the page's policy allows only its <style>.
      std::string align = al == 'c' ? " class=\"ac\"" : al == 'r' ? " class=\"ar\"" : "";
      out += (r == 0 ? "<th" : "<td") + align + ">" + Inline(b.rows[r][c]) +
             (r == 0 ? "</th>" : "</td>");
    }
    out += r == 0 ? "</tr></thead><tbody>" : "</tr>";
  }
  return out + "</tbody></table></div>\n";
}

std::string BlockHtml(const Block& b) {
  switch (b.kind) {
    case Block::Kind::kParagraph:
      return "<p>" + Inline(b.spans) + "</p>\n";
    case Block::Kind::kHeading: {
      std::string h = "h" + std::to_string(std::min(b.level + 2, 6));
      return "<" + h + ">" + Inline(b.spans) + "</" + h + ">\n";
    }
    case Block::Kind::kListItem:
      return "";  // ListHtml
    case Block::Kind::kQuote:
      return "<blockquote>" + Inline(b.spans) + "</blockquote>\n";
    case Block::Kind::kCode:
      return "<pre>" + Esc(b.literal) + "</pre>\n";
    case Block::Kind::kImage:
      return "";  // ImageHtml
    case Block::Kind::kRule:
      return "<hr>\n";
    case Block::Kind::kTable:
      return Table(b);
  }
  return "";
}

// Returns the figure of image block `b`, the image embedded as a data URI
// so that the page stays self-contained; errors are LoadImage's.
Result<std::string> ImageHtml(const std::string& base_dir, const Block& b, ImageBudget* images) {
  JB_ASSIGN_OR_RETURN(auto image, LoadImage(base_dir, b.src, images));
  std::string figure = "<figure><img src=\"data:" + std::string(image->mime()) + ";base64," +
                       bytes::Base64Encode(image->bytes) + "\" alt=\"" + Esc(b.alt) + "\">";
  if (!b.alt.empty()) figure += "<figcaption>" + Esc(b.alt) + "</figcaption>";
  return figure + "</figure>\n";
}

// Turns consecutive list-item blocks into nested <ul>/<ol> with <li> elements, so that
// readers and assistive technology see real lists. Not thread-safe; one per body.
class ListHtml {
 public:
  // Appends item or continuation paragraph `b` (kind kListItem) to `out`.
  void Add(const Block& b, std::string* out) {
    const size_t level = static_cast<size_t>(std::max(b.level, 1));
    while (open_.size() > level) Pop(out);
    const bool ordered = !b.marker.empty() && b.marker[0] >= '0' && b.marker[0] <= '9';
    if (!b.marker.empty() && open_.size() == level && open_.back().ordered != ordered) Pop(out);
    while (open_.size() < level) {
      if (!open_.empty() && !open_.back().item_open) {
        *out += "<li>";
        open_.back().item_open = true;
      }
      const bool o = open_.size() + 1 == level ? ordered : false;
      *out += o ? "<ol>" : "<ul>";
      open_.push_back({o, false});
    }
    List& top = open_.back();
    if (b.marker.empty() && top.item_open) {  // a further paragraph of the open item
      *out += "<p>" + Inline(b.spans) + "</p>";
      return;
    }
    if (top.item_open) *out += "</li>\n";
    std::string value;
    if (top.ordered) {
      const std::string digits = b.marker.substr(0, b.marker.find_first_not_of("0123456789"));
      if (!digits.empty() && digits.size() < 10) value = " value=\"" + digits + "\"";
    }
    *out += "<li" + value + ">" + Inline(b.spans);
    top.item_open = true;
  }

  // Closes every open list.
  void Close(std::string* out) {
    while (!open_.empty()) Pop(out);
  }

 private:
  struct List {
    bool ordered;
    bool item_open;
  };
  void Pop(std::string* out) {
    if (open_.back().item_open) *out += "</li>";
    *out += open_.back().ordered ? "</ol>\n" : "</ul>\n";
    open_.pop_back();
  }
  std::vector<List> open_;
};

// Returns the HTML of a section body's blocks; errors name no field.
Result<std::string> BodyHtml(const std::string& base_dir, const std::string& markdown,
                             ImageBudget* images) {
  JB_ASSIGN_OR_RETURN(auto blocks, ParseMarkdown(markdown));
  std::string out;
  ListHtml lists;
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::kListItem) {
      lists.Add(b, &out);
      continue;
    }
    lists.Close(&out);
    if (b.kind == Block::Kind::kImage) {
      JB_ASSIGN_OR_RETURN(std::string figure, ImageHtml(base_dir, b, images));
      out += figure;
    } else {
      out += BlockHtml(b);
    }
  }
  lists.Close(&out);
  return out;
}

std::string Css(const Fonts& f) {
  auto fam = [](const std::string& desc) { return "\"" + Esc(desc) + "\""; };
  return "body{margin:0;background:#f4f4f4;color:#111;font-family:" + fam(f.fangsong) +
         ",\"FangSong\",\"STFangsong\",serif;font-size:16pt;line-height:1.8;"
         "overflow-wrap:anywhere}"
         "main{max-width:156mm;margin:0 auto;background:#fff;padding:20mm 26mm 20mm 28mm}"
         "header{text-align:center;color:" +
         Esc(f.red) + ";border-bottom:2pt solid " + Esc(f.red) +
         ";padding-bottom:4pt;margin-bottom:1em}"
         ".masthead{font-size:20pt;font-family:" +
         fam(f.title) +
         ",serif;font-weight:bold}"
         ".title{font-family:" +
         fam(f.title) +
         ",serif;font-weight:bold;font-size:26pt;margin:0;line-height:1.4}"
         ".title.big{font-size:48pt;letter-spacing:.12em}"
         ".sub{font-family:" +
         fam(f.kai) +
         ",\"KaiTi\",serif;font-size:18pt}"
         ".no{color:#111;margin:.3em 0}"
         ".meta{display:flex;justify-content:space-between;color:#111;padding:0 1em}"
         ".toc{margin:1em 0}.toc h2{text-align:center;font-family:" +
         fam(f.hei) +
         ",sans-serif;font-size:16pt;font-weight:normal}"
         ".toc ol{padding-left:2em}.toc a{color:inherit;text-decoration:none}"
         "article h2{font-family:" +
         fam(f.title) +
         ",serif;font-size:22pt;text-align:center;margin:1.2em 0 .5em}"
         "article h3{font-family:" +
         fam(f.hei) +
         ",sans-serif;font-size:16pt;font-weight:normal;text-indent:2em;margin:0}"
         "article h4{font-family:" +
         fam(f.kai) +
         ",serif;font-size:16pt;font-weight:normal;text-indent:2em;margin:0}"
         "article h5,article h6{font-size:16pt;text-indent:2em;margin:0}"
         "p{margin:0;text-indent:2em;text-align:justify}.org{text-align:center;text-indent:0}"
         "strong{font-family:" +
         fam(f.hei) +
         ",sans-serif;font-weight:normal}"
         "em{font-family:" +
         fam(f.kai) +
         ",serif;font-style:normal}"
         "blockquote{font-family:" +
         fam(f.kai) +
         ",serif;margin:0 2em}"
         "pre{font-size:12pt;white-space:pre-wrap;margin:0 2em}"
         ".tw{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:12pt;margin:.5em "
         "0}"
         "th,td{border:.5pt solid #333;padding:2pt 4pt}.ac{text-align:center}"
         ".ar{text-align:right}figure{text-align:center;margin:.5em 0}"
         "img{max-width:100%}figcaption{font-size:14pt}"
         "article ul,article ol{margin:0;padding-left:2em}li p{text-indent:0}"
         ".dist{border-top:1pt solid #111;border-bottom:1pt solid "
         "#111;margin-top:2em;font-size:14pt}"
         ".dist p{text-indent:0;padding:0 1em;border-bottom:.5pt solid #111}.dist "
         "p:last-child{border:0;display:flex;justify-content:space-between}"
         // The correction note is body-size text: a darker red than the
         // masthead's keeps 4.5:1 on white (WCAG 1.4.3).
         ".rev{color:#a8071a;font-family:" +
         fam(f.kai) +
         ",serif}"
         "@media (max-width:700px){main{padding:1em}body{font-size:13pt}.title{font-size:20pt}"
         ".title.big{font-size:34pt}article h2{font-size:18pt}}"
         // The 适老化 switch: a checkbox drawn as the archive page's button (CSS only,
         // the page's policy forbids scripts); checked, the page gets larger type, black
         // text, a darker red and underlined links (as web/public/public-page.css).
         ".mode{position:relative;text-align:right;margin-bottom:1em}"
         "#elder-switch{position:absolute;right:0;top:0;width:1px;height:1px;margin:0;"
         "opacity:0}"
         ".mode label{display:inline-block;font-size:12pt;line-height:1.5;padding:.2em .8em;"
         "border:1px solid #444;border-radius:4px;background:#fff;color:#000;cursor:pointer}"
         "#elder-switch:checked+label{background:#000;color:#fff}"
         "#elder-switch:focus-visible+label{outline:3px solid #0b3d91;outline-offset:2px}"
         "html:has(#elder-switch:checked) body{background:#fff;color:#000;font-size:20pt;"
         "line-height:1.9}"
         "html:has(#elder-switch:checked) :is(header,.no,.meta){color:#000}"
         "html:has(#elder-switch:checked) :is(.masthead,.title){color:#a00000}"
         "html:has(#elder-switch:checked) header{border-color:#a00000}"
         "html:has(#elder-switch:checked) :is(.sub,.toc h2,article h3,article h4,article "
         "h5,article h6){font-size:20pt}"
         "html:has(#elder-switch:checked) article h2{font-size:24pt}"
         "html:has(#elder-switch:checked) :is(table,pre,figcaption,.dist){font-size:18pt}"
         "html:has(#elder-switch:checked) :is(article a,.dist a){color:#0b3d91;"
         "text-decoration:underline}"
         "html:has(#elder-switch:checked) .mode label{font-size:16pt}"
         "@media (max-width:700px){html:has(#elder-switch:checked) body{font-size:16pt}"
         "html:has(#elder-switch:checked) :is(.sub,.toc h2,article h3,article h4,article "
         "h5,article h6,table,pre,figcaption,.dist){font-size:16pt}"
         "html:has(#elder-switch:checked) article h2{font-size:20pt}}"
         "@media print{@page{size:A4;margin:37mm 26mm 35mm 28mm}body{background:#fff}"
         ".mode{display:none}"
         "main{padding:0;max-width:none}article h2{break-after:avoid}article h3,article "
         "h4{break-after:avoid}"
         "p{orphans:2;widows:2}a{color:inherit;text-decoration:none}}";
}

// The 适老化 checkbox up to where HtmlInElderMode inserts " checked".
constexpr std::string_view kElderSwitch = "<input type=\"checkbox\" id=\"elder-switch\"";

}  // namespace

std::string HtmlInElderMode(std::string html) {
  const size_t at = html.find(kElderSwitch);
  if (at != std::string::npos) html.insert(at + kElderSwitch.size(), " checked");
  return html;
}

Result<std::string> WriteHtml(const Issue& issue, const Fonts& fonts) {
  JB_ASSIGN_OR_RETURN(std::string date, ChineseDate(issue.date));
  std::string title;
  for (const auto& l : issue.title_lines) title += l;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">";
  out += "<title>" + Esc(title) + "（第" + std::to_string(issue.number) + "期）</title>";
  out += "<style>" + Css(fonts) + "</style></head><body><main>\n";
  out += "<div class=\"mode\">" + std::string(kElderSwitch) +
         "><label for=\"elder-switch\">大字·高对比</label></div>\n<header>";
  if (!issue.masthead.empty()) out += "<div class=\"masthead\">" + Esc(issue.masthead) + "</div>";
  for (size_t i = 0; i < issue.title_lines.size(); ++i) {
    bool big = i + 1 == issue.title_lines.size();
    out += std::string("<h1 class=\"title") + (big ? " big" : "") + "\">" +
           Esc(issue.title_lines[i]) + "</h1>";
  }
  if (!issue.subtitle.empty()) out += "<div class=\"sub\">（" + Esc(issue.subtitle) + "）</div>";
  out += "<div class=\"no\">第" + std::to_string(issue.number) + "期</div>";
  out += "<div class=\"meta\"><span>" + Esc(issue.issuer) + "</span><span>" + Esc(date) +
         "</span></div></header>\n";
  if (!issue.revision_note.empty())
    out += "<p class=\"rev\">" + Esc(issue.revision_note) + "</p>\n";
  out += "<nav class=\"toc\"><h2>目　录</h2><ol>";
  for (size_t i = 0; i < issue.sections.size(); ++i) {
    out += "<li><a href=\"#s" + std::to_string(i + 1) + "\">" + Esc(issue.sections[i].title) +
           "</a></li>";
  }
  out += "</ol></nav>\n";
  ImageBudget images;
  for (size_t i = 0; i < issue.sections.size(); ++i) {
    const Section& s = issue.sections[i];
    out += "<article id=\"s" + std::to_string(i + 1) + "\"><h2>" + Esc(s.title) + "</h2>\n";
    if (!s.org.empty()) out += "<p class=\"org\">" + Esc(s.org) + "</p>\n";
    auto body = BodyHtml(issue.base_dir, s.body_markdown, &images);
    if (!body.ok()) {
      std::string field = "sections[" + std::to_string(i) + "].body";
      return Status::Invalid(field, body.status().key(), field + ": " + body.status().message());
    }
    out += *body;
    out += "</article>\n";
  }
  if (!issue.closing_note.empty()) out += "<p>" + Esc(issue.closing_note) + "</p>\n";
  if (!issue.distribution.empty() || issue.copies > 0) {
    out += "<footer class=\"dist\">";
    for (const Recipients& r : issue.distribution) {
      out += "<p>" + Esc(r.label) + "：";
      for (size_t j = 0; j < r.to.size(); ++j) out += (j ? "，" : "") + Esc(r.to[j]);
      out += "。</p>";
    }
    out += "<p><span>" + Esc(issue.issuer) + "</span><span>" + Esc(date) + "印发";
    if (issue.copies > 0) out += "（共印" + std::to_string(issue.copies) + "份）";
    out += "</span></p></footer>\n";
  }
  out += "</main></body></html>\n";
  return out;
}

}  // namespace jianbao::typeset
