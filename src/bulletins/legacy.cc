// Copyright 2026 The Jianbao Authors.

#include "bulletins/legacy.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "bulletins/legacy_lines.h"
#include "core/clock.h"
#include "core/text.h"

namespace jianbao::bulletins {
namespace {

constexpr size_t kMaxInput = 4 << 20;
constexpr size_t kHeadingMaxChars = 30;  // longer lines are never headings
constexpr size_t kTitleMaxChars = 40;    // longer lines are never article titles
constexpr size_t kMaxContents = 200;     // contents entries
constexpr size_t kMaxArticles = 500;

// True when `s` has more than `n` code points; looks at no more than 4n+1 bytes.
bool LongerThan(std::string_view s, size_t n) {
  if (s.size() <= n) return false;
  if (s.size() > 4 * n) return true;
  return text::CodePointCount(s) > n;
}

std::u32string U32(std::string_view s) {
  auto v = text::DecodeUtf8(s);
  return std::u32string(v.begin(), v.end());
}

std::string U8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) text::AppendUtf8(c, &out);
  return out;
}

// Returns `s` without any whitespace, for comparing titles across extractions.
std::string Squeeze(std::string_view s) {
  std::u32string out;
  for (char32_t c : U32(s)) {
    if (c != ' ' && c != '\t' && c != 0x3000 && c != 0xA0) out += c;
  }
  return U8(out);
}

// Each check below looks at the ends of a line only (or at most a few
// dozen bytes of it), so healing a paragraph out of many lines stays linear.
bool EndsSentence(std::string_view line) {
  while (line.size() >= 2 && line.back() == '*') line.remove_suffix(1);  // "…23例。**"
  for (;;) {
    if (!line.empty() && line.back() == ' ') {
      line.remove_suffix(1);
    } else if (line.size() >= 3 && line.substr(line.size() - 3) == "\u3000") {
      line.remove_suffix(3);
    } else {
      break;
    }
  }
  if (line.empty()) return true;
  static const std::u32string kEnd = U"。！？；：”’」』）》…—.!?;:)";
  return kEnd.find(text::LastCodePoint(line)) != std::u32string::npos;
}

// True when the line ends with a full stop, question, exclamation, colon or
// semicolon: such a line is a sentence, never a title.
bool EndsWithStop(std::string_view line) {
  static const std::u32string kStop = U"。！？；：，、….!?;:,";
  return !line.empty() && kStop.find(text::LastCodePoint(line)) != std::u32string::npos;
}

bool StartsWithClosingPunct(std::string_view line) {
  static const std::u32string kClose = U"，。、；：？！）》」』”’";
  return !line.empty() && kClose.find(text::FirstCodePoint(line)) != std::u32string::npos;
}

// A sub-heading is short and has no sentence-internal punctuation; a short
// line with a comma is the first half of a sentence that a page break cut.
bool IsHeadingShape(std::string_view line) {
  return !LongerThan(line, kHeadingMaxChars) && line.find("，") == std::string::npos &&
         line.find("、") == std::string::npos && line.find("；") == std::string::npos;
}

bool IsContentsHeading(const std::string& line) {
  return !LongerThan(line, 40) && Squeeze(line) == "目录";
}

using TocEntry = legacy::ContentsLine;

// The org prefix of an article title ("湖北行协·抗击…" → "湖北行协"), or "".
std::string OrgPrefix(std::string_view title) {
  const size_t dot = title.substr(0, 64).find("·");
  if (dot == std::string::npos || LongerThan(title.substr(0, dot), 12)) return "";
  return std::string(title.substr(0, dot));
}

bool IsEpidemicTitle(const std::string& title) {
  return Squeeze(title).rfind("新型冠状病毒肺炎疫情动态", 0) == 0 ||
         Squeeze(title).rfind("疫情动态", 0) == 0;
}

// Escapes what CommonMark would read as block syntax at the start of a paragraph.
std::string EscapeParagraph(const std::string& p) {
  std::string out = legacy::EscapeListMarker(p);
  if (!out.empty() && (out[0] == '#' || out[0] == '>' || out[0] == '-' || out[0] == '+' ||
                       out[0] == '=' || out[0] == '|')) {
    out.insert(0, "\\");
  }
  return out;
}

struct Header {
  std::string masthead, subtitle, issuer, date;
  std::vector<std::string> title_lines;
  int number = 0;
};

Header ParseHeader(const std::vector<std::string>& lines, LegacyImport* out) {
  Header h;
  std::vector<std::string> rest;
  int date_index = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string date, subtitle;
    if (const int number = legacy::ParseIssueNumber(lines[i]); number > 0) {
      h.number = number;
    } else if (h.date.empty() && !(date = legacy::FindDate(lines[i])).empty()) {
      if (clock::IsValidDate(date)) h.date = date, date_index = static_cast<int>(i);
    } else if (h.subtitle.empty() && !(subtitle = legacy::ParseSubtitle(lines[i])).empty()) {
      h.subtitle = subtitle;
    } else {
      rest.push_back(lines[i]);
    }
  }
  // The issuing body stands just before the date; the lines before the
  // subtitle and number are the masthead and the title.
  if (date_index > 0 && !rest.empty() && rest.back() == lines[date_index - 1]) {
    h.issuer = rest.back();
    rest.pop_back();
  }
  if (rest.size() >= 2 && legacy::IsOrgName(rest.front())) {
    h.masthead = rest.front();
    rest.erase(rest.begin());
  }
  h.title_lines = rest;
  auto note = [out](const std::string& what, const std::string& value) {
    if (value.empty()) {
      out->problems.push_back("报头未找到" + what);
    } else {
      out->recognised.push_back(what + "：" + value);
    }
  };
  note("版头", h.masthead);
  std::string title;
  for (const auto& t : h.title_lines) title += (title.empty() ? "" : " / ") + t;
  note("标题", title);
  note("副标题", h.subtitle);
  note("期号", h.number ? "第" + std::to_string(h.number) + "期" : "");
  note("编发单位", h.issuer);
  note("日期", h.date);
  return h;
}

}  // namespace

namespace {

struct Body {
  std::vector<std::string> blocks;
};

// Splits into non-empty trimmed lines; drops stray page numbers.
std::vector<std::string> Blocks(std::string_view input, LegacyImport* out) {
  std::vector<std::string> blocks;
  size_t dropped = 0;
  size_t pos = 0;
  while (pos <= input.size()) {
    size_t end = input.find_first_of("\n\f", pos);
    if (end == std::string_view::npos) end = input.size();
    std::string line = text::Trim(input.substr(pos, end - pos));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "\u00a0") line.clear();
    pos = end + 1;
    if (line.empty()) continue;
    if (legacy::IsStrayPageNumber(line)) {
      ++dropped;
      continue;
    }
    blocks.push_back(line);
  }
  if (dropped) out->problems.push_back("删除了 " + std::to_string(dropped) + " 个孤立页码（stray page numbers）");
  return blocks;
}

// Joins paragraphs that a page break split mid-sentence.
std::vector<std::string> Heal(const std::vector<std::string>& blocks, int* healed) {
  std::vector<std::string> out;
  for (const std::string& b : blocks) {
    const bool join = !out.empty() && ((!EndsSentence(out.back()) && !IsHeadingShape(out.back())) ||
                                       StartsWithClosingPunct(b));
    if (join) {
      out.back() += b;
      ++*healed;
    } else {
      out.push_back(b);
    }
  }
  return out;
}

std::string ToMarkdown(const std::vector<std::string>& paragraphs, int* headings) {
  std::string md;
  for (const std::string& p : paragraphs) {
    if (!md.empty()) md += "\n\n";
    const bool heading = !EndsSentence(p) && IsHeadingShape(p) && p.rfind("——", 0) != 0 &&
                         p.rfind("（", 0) != 0;
    if (heading) {
      md += "## " + p;
      ++*headings;
    } else {
      md += EscapeParagraph(p);
    }
  }
  return md;
}

}  // namespace

namespace {

// Finds where the title `want` starts at or after `from` in `squeezed` (the
// body's lines without white space); a title may be split over up to three
// lines. Returns the index and sets *lines. Each line costs at most the
// title's length.
int FindTitle(const std::vector<std::string>& squeezed, size_t from, const std::string& want,
              int* lines) {
  const std::string target = Squeeze(want);
  for (size_t i = from; i < squeezed.size(); ++i) {
    std::string_view rest = target;
    for (size_t k = 0; k < 3 && i + k < squeezed.size(); ++k) {
      const std::string& part = squeezed[i + k];
      if (part.size() > rest.size() || rest.compare(0, part.size(), part) != 0) break;
      rest.remove_prefix(part.size());
      if (rest.empty()) {
        *lines = static_cast<int>(k + 1);
        return static_cast<int>(i);
      }
    }
  }
  return -1;
}

bool LooksLikeTitle(const std::string& line) {
  return !EndsWithStop(line) && !LongerThan(line, kTitleMaxChars) &&
         (!OrgPrefix(line).empty() || IsEpidemicTitle(line));
}

struct Found {
  int index;  // first block of the title
  int lines;  // blocks the title spans
  std::string title;
};

// Locates the sections listed in the contents; reports the ones it cannot find.
std::vector<Found> LocateByContents(const std::vector<std::string>& body,
                                    const std::vector<TocEntry>& toc, LegacyImport* out) {
  std::vector<Found> found;
  std::vector<std::string> squeezed;
  squeezed.reserve(body.size());
  for (const std::string& line : body) squeezed.push_back(Squeeze(line));
  size_t cursor = 0;
  for (const TocEntry& e : toc) {
    int lines = 1;
    int at = FindTitle(squeezed, cursor, e.title, &lines);
    if (at < 0) at = FindTitle(squeezed, 0, e.title, &lines);
    if (at < 0) {
      out->problems.push_back("目录条目在正文中未找到：" + e.title);
      continue;
    }
    std::string title;
    for (int k = 0; k < lines; ++k) title += body[at + k];
    if (lines > 1) out->problems.push_back("标题跨 " + std::to_string(lines) + " 行，已合并（title split）：" + title);
    found.push_back({at, lines, title});
    cursor = at + lines;
  }
  return found;
}

std::vector<Found> LocateByShape(const std::vector<std::string>& body, LegacyImport* out) {
  std::vector<Found> found;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!LooksLikeTitle(body[i])) continue;
    Found f{static_cast<int>(i), 1, body[i]};
    // A title cut by a line break: a short unpunctuated tail line without spaces.
    if (i + 1 < body.size() && !EndsSentence(body[i + 1]) &&
        text::CodePointCount(body[i + 1]) <= 16 && body[i + 1].find(' ') == std::string::npos &&
        i + 2 < body.size() && text::CodePointCount(body[i + 2]) > kHeadingMaxChars) {
      f.title += body[i + 1];
      f.lines = 2;
    }
    found.push_back(f);
    i += f.lines - 1;
  }
  return found;
}

bool IsClosingNote(const std::string& line) {
  return line.rfind("（", 0) == 0 && line.size() > 6 &&
         line.compare(line.size() - 3, 3, "）") == 0 && line.find("以上") != std::string::npos;
}

}  // namespace

Result<LegacyImport> ImportLegacyText(std::string_view input, const LegacyOptions& options) {
  if (input.size() > kMaxInput) {
    return Status::Invalid("file", "too_large", "the text is larger than 4 MiB");
  }
  if (!text::IsValidUtf8(input)) {
    return Status::Invalid("file", "invalid_utf8", "the text is not valid UTF-8");
  }
  LegacyImport out;
  std::vector<std::string> blocks = Blocks(input, &out);

  // Header and contents.
  size_t toc_at = blocks.size();
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (IsContentsHeading(blocks[i])) {
      toc_at = i;
      break;
    }
  }
  std::vector<TocEntry> toc;
  size_t body_from = 0;
  std::vector<std::string> header_lines;
  if (toc_at < blocks.size()) {
    header_lines.assign(blocks.begin(), blocks.begin() + toc_at);
    size_t i = toc_at + 1;
    for (TocEntry e; i < blocks.size() && legacy::ParseContentsLine(blocks[i], &e); ++i) {
      if (toc.size() == kMaxContents) {
        return Status::Invalid(
            "file", "too_many_contents",
            "the contents list has more than " + std::to_string(kMaxContents) + " entries");
      }
      toc.push_back(e);
    }
    body_from = i;
    out.recognised.push_back("目录：" + std::to_string(toc.size()) + " 条");
  } else {
    out.problems.push_back("未找到目录（no contents）：按标题格式识别文章");
    size_t first = 0;
    while (first < blocks.size() && !LooksLikeTitle(blocks[first])) ++first;
    header_lines.assign(blocks.begin(), blocks.begin() + first);
    body_from = first;
  }
  const Header h = ParseHeader(header_lines, &out);
  std::vector<std::string> body(blocks.begin() + body_from, blocks.end());

  std::vector<Found> found = toc.empty() ? LocateByShape(body, &out) : LocateByContents(body, toc, &out);
  if (found.empty()) {
    return Status::Invalid("file", "no_articles",
                           "no article found: the text has neither a contents list that matches "
                           "its titles nor titles like \"湖北行协·…\"");
  }
  if (found.size() > kMaxArticles) {
    return Status::Invalid("file", "too_many_articles",
                           "the text has more than " + std::to_string(kMaxArticles) + " articles");
  }
  // Content runs from a title to the next title in text order.
  std::vector<int> starts;
  for (const Found& f : found) starts.push_back(f.index);
  std::sort(starts.begin(), starts.end());
  bool reordered = false;
  for (size_t k = 1; k < found.size(); ++k) reordered |= found[k].index < found[k - 1].index;
  if (reordered) out.problems.push_back("文章顺序与目录不一致（out of contents order）：已按目录排序");

  typeset::Issue& issue = out.issue;
  int healed = 0, headings = 0;
  for (const Found& f : found) {
    auto next = std::upper_bound(starts.begin(), starts.end(), f.index);
    const size_t end = next == starts.end() ? body.size() : static_cast<size_t>(*next);
    std::vector<std::string> paras(body.begin() + f.index + f.lines, body.begin() + end);
    if (next == starts.end() && !paras.empty() && IsClosingNote(paras.back())) {
      issue.closing_note = paras.back();
      paras.pop_back();
    }
    typeset::Section s;
    s.title = f.title;
    s.org = OrgPrefix(f.title);
    s.body_markdown = ToMarkdown(Heal(paras, &healed), &headings);
    issue.sections.push_back(s);
    out.kinds.push_back(IsEpidemicTitle(f.title) ? SectionKind::kEpidemic : SectionKind::kArticle);
    out.recognised.push_back(std::string(IsEpidemicTitle(f.title) ? "统计" : "文章") +
                             "：" + f.title + (s.org.empty() ? "" : "（" + s.org + "）"));
  }
  if (healed) out.recognised.push_back("跨页断开的段落已接合：" + std::to_string(healed) + " 处");
  if (headings) out.recognised.push_back("小标题：" + std::to_string(headings) + " 个");
  if (!issue.closing_note.empty()) out.recognised.push_back("结束语：" + issue.closing_note);

  issue.masthead = h.masthead;
  issue.title_lines = h.title_lines;
  issue.subtitle = h.subtitle;
  issue.issuer = h.issuer;
  issue.number = options.number > 0 ? options.number : h.number;
  issue.date = !options.date.empty() ? options.date : h.date;
  if (options.number > 0 && h.number > 0 && options.number != h.number) {
    out.problems.push_back("期号按指定值 " + std::to_string(options.number) + "（报头为第" +
                           std::to_string(h.number) + "期）");
  }
  if (issue.title_lines.empty()) {
    return Status::Invalid("title", "no_title", "the bulletin's title was not found in the header");
  }
  if (issue.number <= 0) {
    return Status::Invalid("number", "no_number",
                           "the issue number (第N期) was not found in the header; give it with --number");
  }
  if (!clock::IsValidDate(issue.date)) {
    return Status::Invalid("date", "no_date",
                           "the issue date (YYYY年M月D日) was not found in the header; give it with --date");
  }
  return out;
}

std::string IssueToJson(const typeset::Issue& issue) {
  nlohmann::json j;
  if (!issue.masthead.empty()) j["masthead"] = issue.masthead;
  std::string title;
  for (const auto& t : issue.title_lines) title += (title.empty() ? "" : "\n") + t;
  j["title"] = title;
  if (!issue.subtitle.empty()) j["subtitle"] = issue.subtitle;
  j["number"] = issue.number;
  j["issuer"] = issue.issuer;
  j["date"] = issue.date;
  j["sections"] = nlohmann::json::array();
  for (const auto& s : issue.sections) {
    nlohmann::json sec = {{"title", s.title}, {"body", s.body_markdown}};
    if (!s.org.empty()) sec["org"] = s.org;
    j["sections"].push_back(sec);
  }
  if (!issue.closing_note.empty()) j["closing_note"] = issue.closing_note;
  if (!issue.distribution.empty()) {
    j["distribution"] = nlohmann::json::array();
    for (const auto& d : issue.distribution) j["distribution"].push_back({{"label", d.label}, {"to", d.to}});
  }
  if (issue.copies > 0) j["copies"] = issue.copies;
  if (!issue.revision_note.empty()) j["revision_note"] = issue.revision_note;
  return j.dump(2);
}

}  // namespace jianbao::bulletins
