// Copyright 2026 The Jianbao Authors.
//
// Line classifiers of the legacy importer: each reads one line of extracted
// text once, left to right (no regular expressions, no recursion), so a line
// of any length costs time linear in its length. Lines are UTF-8; "space"
// means ASCII white space unless a function says otherwise.

#ifndef JIANBAO_BULLETINS_LEGACY_LINES_H_
#define JIANBAO_BULLETINS_LEGACY_LINES_H_

#include <string>
#include <string_view>

namespace jianbao::bulletins::legacy {

// True for a page number standing alone: "3", "— 3 —", "-12-", "第 3 页"
// (1-3 digits, optionally framed by dashes and spaces).
bool IsStrayPageNumber(std::string_view line);

struct ContentsLine {
  std::string title;  // trimmed, never empty
  int page = 0;
};

// Reads a contents line "1. 湖北行协·抗击疫情 …… 1": 1-2 digits, one of
// '.', '、' or '．', the title, optional leaders (spaces, '.', '…', '·') and
// a page number of 1-3 digits. Returns false when the line is not one, or its
// title is longer than `kMaxContentsTitle` code points.
inline constexpr size_t kMaxContentsTitle = 200;
bool ParseContentsLine(std::string_view line, ContentsLine* out);

// Reads "第31期" (spaces allowed around the number, 1-4 digits). Returns the
// number, or 0 when the line is not an issue number.
int ParseIssueNumber(std::string_view line);

// Finds the first date "2020年3月19日" (spaces allowed between the parts)
// anywhere in `line`. Returns "YYYY-MM-DD" (not checked to be a real date),
// or "" when there is none.
std::string FindDate(std::string_view line);

// Reads a subtitle in parentheses, "(协会专刊)" or "（协会专刊）". Returns the
// text inside without surrounding spaces, or "" when the line is not one.
std::string ParseSubtitle(std::string_view line);

// True when the line ends with the name of an organisation kind: 协会, 学会,
// 委员会, 管理局, 研究院, 中心, 公司, 厅, 局 or 部.
bool IsOrgName(std::string_view line);

// Returns `paragraph` with a backslash before the '.' or ')' of a leading
// "12. " or "3) " (1-9 digits, then a space), which CommonMark would read as
// an ordered list item; otherwise returns it unchanged.
std::string EscapeListMarker(std::string_view paragraph);

}  // namespace jianbao::bulletins::legacy

#endif  // JIANBAO_BULLETINS_LEGACY_LINES_H_
