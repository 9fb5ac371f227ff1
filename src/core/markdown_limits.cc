// Copyright 2026 The Jianbao Authors.

#include "core/markdown_limits.h"

#include <algorithm>
#include <string>

namespace jianbao::markdown {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

// One line without its container prefix (spaces, tabs and the '>' of block
// quotes), and an upper bound of how deep its quotes and lists nest.
struct Line {
  std::string_view text;
  size_t depth = 0;
};

// Returns the length of a list marker ("-", "*", "+", "12." or "3)") at
// s[i] that is followed by a space or tab, or 0.
size_t ListMarker(std::string_view s, size_t i) {
  size_t j = i;
  if (j < s.size() && (s[j] == '-' || s[j] == '*' || s[j] == '+')) {
    ++j;
  } else {
    while (j < s.size() && j - i < 9 && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i || j >= s.size() || (s[j] != '.' && s[j] != ')')) return 0;
    ++j;
  }
  return j < s.size() && (s[j] == ' ' || s[j] == '\t') ? j - i : 0;
}

Line StripPrefix(std::string_view raw) {
  Line l;
  size_t i = 0, quotes = 0, markers = 0, columns = 0;
  for (;;) {
    if (i < raw.size() && (IsBlank(raw[i]) || raw[i] == '>')) {
      columns += raw[i] == '\t' ? 4 : raw[i] == ' ' ? 1 : 0;
      quotes += raw[i] == '>';
      ++i;
    } else if (const size_t m = ListMarker(raw, i); m > 0) {
      ++markers;  // "- - x" opens two lists
      i += m;
    } else {
      break;
    }
  }
  // Each level of list nesting costs at least two columns of indentation.
  l.depth = quotes + markers + (markers > 0 ? columns / 2 : 0);
  l.text = raw.substr(i);
  while (!l.text.empty() && IsBlank(l.text.back())) l.text.remove_suffix(1);
  return l;
}

// Cells of a row: its pipes split it, outer pipes do not count.
size_t RowCells(std::string_view row) {
  size_t pipes = static_cast<size_t>(std::count(row.begin(), row.end(), '|'));
  size_t cells = pipes + 1;
  if (!row.empty() && row.front() == '|') --cells;
  if (row.size() > 1 && row.back() == '|') --cells;
  return std::max<size_t>(cells, 1);
}

// A delimiter row "|---|:-:|" or "--- | ---": returns its number of cells, or 0.
size_t DelimiterCells(std::string_view row) {
  bool pipe = false, dash = false;
  size_t cells = 0;
  bool in_cell = false;
  for (char c : row) {
    if (c == '|') {
      pipe = true;
      in_cell = false;
    } else if (c == '-' || c == ':') {
      dash |= c == '-';
      if (!in_cell) ++cells, in_cell = true;
    } else if (!IsBlank(c)) {
      return 0;
    }
  }
  return pipe && dash ? cells : 0;
}

Status Refuse(std::string_view field, const char* key, const std::string& what) {
  return Status::Invalid(std::string(field), key, std::string(field) + ": " + what);
}

std::string At(size_t line) { return " (line " + std::to_string(line) + ")"; }

}  // namespace

Status CheckShape(std::string_view md, std::string_view field) {
  Budget budget;
  return CheckShape(md, field, &budget);
}

Status CheckShape(std::string_view md, std::string_view field, Budget* budget) {
  size_t line_no = 0, table_columns = 0, cells = 0;
  std::string_view previous;  // the line before, a table's header row
  for (size_t pos = 0; pos < md.size();) {
    size_t end = md.find('\n', pos);
    if (end == std::string_view::npos) end = md.size();
    const Line line = StripPrefix(md.substr(pos, end - pos));
    pos = end + 1;
    if (++line_no > budget->lines) {
      return Refuse(field, "too_many_lines",
                    "more than " + std::to_string(kMaxLines) + " lines in the document");
    }
    if (line.depth > kMaxNesting) {
      return Refuse(field, "nesting_too_deep",
                    "block quotes and lists nest more than " + std::to_string(kMaxNesting) +
                        " deep" + At(line_no));
    }
    if (line.text.empty()) {
      table_columns = 0;
      previous = {};
      continue;
    }
    const size_t delimiter = table_columns == 0 ? DelimiterCells(line.text) : 0;
    if (delimiter > 0) {
      table_columns = delimiter;
      const size_t header = previous.empty() ? 0 : RowCells(previous);
      if (std::max(delimiter, header) > kMaxTableColumns) {
        return Refuse(
            field, "table_too_wide",
            "a table has more than " + std::to_string(kMaxTableColumns) + " columns" + At(line_no));
      }
      cells += 2 * table_columns;
    } else if (table_columns > 0) {
      const size_t row = RowCells(line.text);
      if (row > kMaxTableColumns) {
        return Refuse(field, "table_too_wide",
                      "a table row has more than " + std::to_string(kMaxTableColumns) + " cells" +
                          At(line_no));
      }
      cells += std::max(row, table_columns);
    }
    if (cells > budget->cells) {
      return Refuse(field, "table_too_large",
                    "tables have more than " + std::to_string(kMaxTableCells) +
                        " cells in the document" + At(line_no));
    }
    previous = line.text;
  }
  static constexpr std::string_view kMarkup = "*_`~[]<>!&\\|";
  size_t markup = 0;
  for (char c : md) markup += kMarkup.find(c) != std::string_view::npos;
  if (markup > budget->markup) {
    return Refuse(field, "too_much_markup",
                  "more than " + std::to_string(kMaxMarkup) +
                      " Markdown markup characters (* _ ` ~ [ ] < > ! & \\ |) in the document");
  }
  budget->lines -= line_no;
  budget->cells -= cells;
  budget->markup -= markup;
  return Status::Ok();
}

size_t CountAtSigns(std::string_view md) {
  return static_cast<size_t>(std::count(md.begin(), md.end(), '@'));
}

}  // namespace jianbao::markdown
