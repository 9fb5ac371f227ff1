// Copyright 2026 The Jianbao Authors.
//
// Line breaking and justification for Chinese paragraphs, independent of any
// font machinery: the composer turns shaped text into Units (one per code
// point) and gets back lines with the x position of every unit.
//
// Rules: a line starts only where Unit::break_before allows it (the 避头尾
// table is applied when the units are built); a line may end with its last
// punctuation squeezed by Unit::end_shrink instead of pushing a character to
// the next line; spare width of a justified line is spread over the gaps
// that touch a Chinese character or a space, never inside a Latin word.

#ifndef JIANBAO_TYPESET_BREAKER_H_
#define JIANBAO_TYPESET_BREAKER_H_

#include <vector>

namespace jianbao::typeset {

struct Unit {
  double width = 0;            // natural advance in points (after pair squeezing)
  double end_shrink = 0;       // removable blank when the unit ends a line
  double glue_after = 0;       // extra space after it (CJK/Latin quarter em), dropped at line end
  bool space = false;          // a typed space: dropped at line edges
  bool break_before = true;    // a line may begin with this unit
  bool stretch_before = true;  // the gap before it may take justification space
  bool forced_break = false;   // a hard line break ends the line after this unit
};

struct BreakOptions {
  double first_width = 0;  // width available to the first line (after indent)
  double width = 0;        // width available to the other lines
  int min_last_units = 1;  // the last line must hold at least this many non-space units
  bool balanced = false;   // make the lines as even as possible (titles)
};

struct Line {
  int begin = 0, end = 0;   // units [begin, end); trailing spaces are excluded from end
  int next = 0;             // where the next line begins (skips spaces)
  bool shrunk_end = false;  // the last unit is set with end_shrink removed
  bool last = false;        // last line of the paragraph or before a forced break
  double natural = 0;       // width without justification
};

// Returns the lines of a paragraph. Never returns an empty vector for a
// non-empty input; a unit wider than the line gets a line of its own.
std::vector<Line> BreakLines(const std::vector<Unit>& units, const BreakOptions& options);

// Returns the x offset (from the line's start) of each unit in [begin, end),
// spreading `avail - natural` over the stretchable gaps when `justify`.
std::vector<double> PlaceLine(const std::vector<Unit>& units, const Line& line, double avail,
                              bool justify);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_BREAKER_H_
