// Copyright 2026 The Jianbao Authors.

#include "typeset/breaker.h"

#include <algorithm>

namespace jianbao::typeset {
namespace {

constexpr double kEps = 1e-6;

struct Fit {
  int end = -1;
  bool shrunk = false;
  double natural = 0;
};

// Returns the index of the first non-space unit at or after i (n when none).
int SkipSpaces(const std::vector<Unit>& u, int i) {
  while (i < static_cast<int>(u.size()) && u[i].space) ++i;
  return i;
}

// Returns true when a line may end after unit i.
bool CanEndAfter(const std::vector<Unit>& u, int i) {
  if (u[i].forced_break) return true;
  int j = SkipSpaces(u, i + 1);
  return j >= static_cast<int>(u.size()) || u[j].break_before;
}

// Returns the longest legal line starting at `begin` that fits `avail`, or
// end == -1 when no legal break fits.
Fit FitLine(const std::vector<Unit>& u, int begin, double avail) {
  const int n = static_cast<int>(u.size());
  Fit best;
  double w = 0;
  for (int i = begin; i < n; ++i) {
    if (i > begin) w += u[i - 1].glue_after;
    w += u[i].width;
    if (u[i].space) continue;
    double shrunk = w - u[i].end_shrink;
    if (shrunk > avail + kEps) break;
    if (CanEndAfter(u, i))
      best = w <= avail + kEps ? Fit{i + 1, false, w} : Fit{i + 1, true, shrunk};
    if (u[i].forced_break || w > avail + kEps) break;
  }
  return best;
}

// Returns the longest prefix that fits regardless of break rules (at least one unit).
Fit ForceFit(const std::vector<Unit>& u, int begin, double avail) {
  const int n = static_cast<int>(u.size());
  Fit f{begin + 1, false, u[begin].width};
  double w = 0;
  for (int i = begin; i < n; ++i) {
    if (i > begin) w += u[i - 1].glue_after;
    w += u[i].width;
    if (w > avail + kEps) break;
    if (!u[i].space) f = Fit{i + 1, false, w};
    if (u[i].forced_break) break;
  }
  return f;
}

double Natural(const std::vector<Unit>& u, int b, int e, bool shrunk) {
  double w = 0;
  for (int i = b; i < e; ++i) {
    w += u[i].width;
    if (i + 1 < e) w += u[i].glue_after;
  }
  if (shrunk && e > b) w -= u[e - 1].end_shrink;
  return w;
}

std::vector<Line> Greedy(const std::vector<Unit>& u, double first, double width) {
  std::vector<Line> lines;
  const int n = static_cast<int>(u.size());
  int pos = SkipSpaces(u, 0);
  while (pos < n) {
    double avail = lines.empty() ? first : width;
    Fit f = FitLine(u, pos, avail);
    if (f.end < 0) f = ForceFit(u, pos, avail);
    Line line;
    line.begin = pos;
    line.end = f.end;
    line.shrunk_end = f.shrunk;
    line.natural = f.natural;
    line.next = SkipSpaces(u, f.end);
    line.last = line.next >= n || u[f.end - 1].forced_break;
    lines.push_back(line);
    pos = line.next;
  }
  return lines;
}

int NonSpaceCount(const std::vector<Unit>& u, const Line& l) {
  int c = 0;
  for (int i = l.begin; i < l.end; ++i) c += u[i].space ? 0 : 1;
  return c;
}

// Moves the break before the last line earlier until the last line holds
// `min_units` units, when that is possible without overfilling it.
void FixShortLast(const std::vector<Unit>& u, double width, int min_units,
                  std::vector<Line>* lines) {
  if (lines->size() < 2) return;
  Line& last = lines->back();
  Line& prev = (*lines)[lines->size() - 2];
  if (prev.last || NonSpaceCount(u, last) >= min_units) return;
  for (int e = prev.end - 1; e > prev.begin; --e) {
    if (u[e - 1].space || !CanEndAfter(u, e - 1)) continue;
    Line moved = last;
    moved.begin = SkipSpaces(u, e);
    moved.natural = Natural(u, moved.begin, moved.end, false);
    if (moved.natural > width + kEps) return;
    prev.end = e;
    prev.next = moved.begin;
    prev.shrunk_end = false;
    prev.natural = Natural(u, prev.begin, e, false);
    last = moved;
    if (NonSpaceCount(u, last) >= min_units) return;
  }
}

}  // namespace

std::vector<Line> BreakLines(const std::vector<Unit>& units, const BreakOptions& o) {
  std::vector<Line> lines = Greedy(units, o.first_width, o.width);
  if (o.balanced && lines.size() > 1) {
    double lo = o.width * 0.4, hi = o.width;
    for (int it = 0; it < 16; ++it) {
      double mid = (lo + hi) / 2;
      size_t count = Greedy(units, o.first_width - (o.width - mid), mid).size();
      (count > lines.size() ? lo : hi) = mid;
    }
    lines = Greedy(units, o.first_width - (o.width - hi), hi);
  }
  if (o.min_last_units > 1) FixShortLast(units, o.width, o.min_last_units, &lines);
  return lines;
}

std::vector<double> PlaceLine(const std::vector<Unit>& u, const Line& line, double avail,
                              bool justify) {
  std::vector<double> xs;
  xs.reserve(line.end - line.begin);
  int gaps = 0;
  for (int i = line.begin + 1; i < line.end; ++i) gaps += u[i].stretch_before ? 1 : 0;
  double extra = 0;
  if (justify && gaps > 0) {
    extra = (avail - line.natural) / gaps;
    // Never squeeze more than a fifth of a typical advance per gap.
    extra = std::max(extra, -2.0);
  }
  double x = 0;
  for (int i = line.begin; i < line.end; ++i) {
    if (i > line.begin) {
      x += u[i - 1].width + u[i - 1].glue_after;
      if (u[i].stretch_before) x += extra;
    }
    xs.push_back(x);
  }
  return xs;
}

}  // namespace jianbao::typeset
