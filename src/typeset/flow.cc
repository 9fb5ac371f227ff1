// Copyright 2026 The Jianbao Authors.

#include "typeset/flow.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace jianbao::typeset {
namespace {

constexpr double kEps = 0.01;
constexpr double kAscent = 0.88;  // the ideographic em box sits 0.88 em above the baseline

// For titles: a line may begin only where a word begins (ICU's dictionary
// word breaks for Chinese: "开展" and "动态" stay whole), and not inside a
// bracketed phrase (（…）, 《…》, (…), “…”) that fits on one line of `width`.
// Rules already in the units (避头尾) stay.
void KeepWordsWhole(const ShapedPara& p, double width, std::vector<Unit>* units) {
  const int n = static_cast<int>(units->size());
  if (n < 2) return;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("zh", "CN"), err));
  if (U_FAILURE(err) || !words) return;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(p.text);
  words->setText(text);
  std::vector<bool> starts(n, false);
  // Unit i begins at code point i; ICU reports UTF-16 offsets.
  std::vector<int32_t> unit_at_u16(static_cast<size_t>(text.length()) + 1, -1);
  for (int32_t u16 = 0, cp = 0; u16 < text.length() && cp < n;
       u16 = text.moveIndex32(u16, 1), ++cp) {
    unit_at_u16[u16] = cp;
  }
  for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
    if (b < static_cast<int32_t>(unit_at_u16.size()) && unit_at_u16[b] >= 0) {
      starts[unit_at_u16[b]] = true;
    }
  }
  for (int i = 1; i < n; ++i) {
    if (!starts[i]) (*units)[i].break_before = false;
  }
  // Bracketed phrases: the units from an opening mark to its closing one.
  static const std::u32string kOpen = U"（《(“「『〈【", kClose = U"）》)”」』〉】";
  std::vector<int> stack;
  for (int i = 0; i < n; ++i) {
    char32_t c = p.info[i].ch;
    if (kOpen.find(c) != std::u32string::npos) {
      stack.push_back(i);
    } else if (size_t k = kClose.find(c); k != std::u32string::npos && !stack.empty()) {
      int open = stack.back();
      stack.pop_back();
      if (p.info[open].ch != kOpen[k]) continue;
      double w = 0;
      for (int j = open; j <= i; ++j) w += (*units)[j].width + (*units)[j].glue_after;
      if (w > width) continue;
      for (int j = open + 1; j <= i; ++j) (*units)[j].break_before = false;
    }
  }
  // Never leave a title without any place to break but its start: the
  // breaker then falls back to breaking anywhere.
}

}  // namespace

Result<std::shared_ptr<LaidPara>> Prepare(Engine& engine, const RichText& text,
                                          const ParaFormat& fmt, double width) {
  auto p = std::make_shared<LaidPara>();
  JB_ASSIGN_OR_RETURN(p->shaped, engine.Shape(text));
  p->fmt = fmt;
  p->width = width;
  BreakOptions o;
  o.width = width - fmt.left - fmt.right;
  o.first_width = o.width - fmt.first_indent;
  o.min_last_units = fmt.min_last_units;
  o.balanced = fmt.balanced;
  if (fmt.balanced) KeepWordsWhole(p->shaped, o.width, &p->shaped.units);
  p->lines = BreakLines(p->shaped.units, o);
  return p;
}

void EmitLines(const LaidPara& p, int from, int to, double x, double y, Page* page) {
  const ParaFormat& f = p.fmt;
  const ShapedPara& s = p.shaped;
  for (int li = from; li < to; ++li) {
    const Line& line = p.lines[li];
    double left = x + f.left + (li == 0 ? f.first_indent : 0);
    double avail = p.width - f.left - f.right - (li == 0 ? f.first_indent : 0);
    bool justify = f.align == ParaFormat::Align::kJustify && !line.last;
    std::vector<double> xs = PlaceLine(s.units, line, avail, justify);
    if (f.align == ParaFormat::Align::kCenter) left += std::max(0.0, (avail - line.natural) / 2);
    if (f.align == ParaFormat::Align::kRight) left += std::max(0.0, avail - line.natural);
    for (double& v : xs) v += left;
    double top = y + f.pitch * (li - from);
    double baseline = top + (f.pitch - f.size) / 2 + kAscent * f.size;
    int a = line.begin;
    while (a < line.end) {
      int b = a + 1;
      while (b < line.end && s.info[b].item == s.info[a].item && s.info[b].run == s.info[a].run)
        ++b;
      GlyphSeg seg = Engine::MakeSegment(s, a, b, xs.data() + (a - line.begin), baseline);
      seg.tag = p.tag;
      seg.para = &p;
      seg.line = li;
      const std::string& link = s.links[s.info[a].run];
      if (!link.empty()) {
        double x1 =
            b < line.end ? xs[b - line.begin] : xs[b - 1 - line.begin] + s.units[b - 1].width;
        double size = s.styles[s.info[a].run].size;
        page->links.push_back(
            {seg.x, baseline - kAscent * size, x1 - seg.x, size, link, "", p.tag});
      }
      page->segs.push_back(std::move(seg));
      a = b;
    }
  }
}

void Flow::NewPage() {
  pages_.emplace_back();
  y_ = geo::kTop;
}

double Flow::MinHeight(size_t i) const {
  const FlowItem& it = items_[i];
  double before = AtTop() ? 0 : it.space_before;
  double h = it.para ? it.para->fmt.pitch * std::min<size_t>(2, it.para->lines.size()) : it.height;
  if (it.keep_with_next) {
    double own = it.para ? it.para->height() : it.height;
    h = own + it.space_after + (i + 1 < items_.size() ? MinHeight(i + 1) : 0);
  }
  return before + h;
}

void Flow::PlacePara(FlowItem& item) {
  LaidPara& p = *item.para;
  const int n = static_cast<int>(p.lines.size());
  const double pitch = p.fmt.pitch;
  int i = 0;
  while (i < n) {
    int fit = static_cast<int>(std::floor((geo::kBottom - y_ + kEps) / pitch));
    int rest = n - i;
    if (fit >= rest) {
      if (i == 0 && item.on_place) item.on_place(static_cast<int>(pages_.size()), y_);
      EmitLines(p, i, n, geo::kLeft, y_, &pages_.back());
      y_ += pitch * rest;
      break;
    }
    int take = std::min(fit, rest - 2);    // leave no single widow line
    if (take < 2 && i == 0 && !AtTop()) {  // and no single orphan line
      NewPage();
      continue;
    }
    if (take < 1) take = std::max(fit, 1);
    if (i == 0 && item.on_place) item.on_place(static_cast<int>(pages_.size()), y_);
    EmitLines(p, i, i + take, geo::kLeft, y_, &pages_.back());
    i += take;
    NewPage();
  }
}

void Flow::PlaceBox(FlowItem& item) {
  if (y_ + item.height > geo::kBottom + kEps && !AtTop()) NewPage();
  if (item.on_place) item.on_place(static_cast<int>(pages_.size()), y_);
  if (item.draw) item.draw(&pages_.back(), y_);
  y_ += item.height;
}

void Flow::Run() {
  for (size_t i = 0; i < items_.size(); ++i) {
    FlowItem& item = items_[i];
    if (item.page_break_before && !AtTop()) NewPage();
    if (y_ + MinHeight(i) > geo::kBottom + kEps && !AtTop()) NewPage();
    if (!AtTop()) y_ += item.space_before;
    if (item.para) {
      PlacePara(item);
    } else {
      PlaceBox(item);
    }
    y_ += item.space_after;
    if (y_ >= geo::kBottom - kEps && i + 1 < items_.size()) NewPage();
  }
}

}  // namespace jianbao::typeset
