// Copyright 2026 The Jianbao Authors.
//
// The Chinese composition rules applied to shaped text: which units may begin
// or end a line (避头尾), squeezing of adjacent punctuation (标点挤压), a
// quarter em between Chinese and Latin, and where justification may stretch.

#include <algorithm>
#include <vector>

#include "core/text.h"
#include "typeset/cjk.h"
#include "typeset/engine.h"

namespace jianbao::typeset {
namespace {

bool Ideo(char32_t c) { return text::IsCjkIdeograph(c); }

// Returns true when the unit is a full-width punctuation mark set in an em box.
bool FullWidthPunct(const ShapedPara& p, int k) {
  double em = p.styles[p.info[k].run].size;
  return cjk::ShapeOf(p.info[k].ch) != cjk::PunctShape::kNone && p.units[k].width >= 0.85 * em;
}

void SqueezePairs(ShapedPara* p) {
  const int n = static_cast<int>(p->units.size());
  for (int k = 0; k + 1 < n; ++k) {
    if (!FullWidthPunct(*p, k) || !FullWidthPunct(*p, k + 1)) continue;
    double half = p->styles[p->info[k].run].size / 2;
    auto a = cjk::ShapeOf(p->info[k].ch), b = cjk::ShapeOf(p->info[k + 1].ch);
    if (a == cjk::PunctShape::kBlankRight) {
      p->units[k].width -= half;
    } else if (b == cjk::PunctShape::kBlankLeft) {
      double half_b = p->styles[p->info[k + 1].run].size / 2;
      p->units[k + 1].width -= half_b;
      p->info[k + 1].shift -= half_b;
    }
  }
}

}  // namespace

void Engine::BuildUnits(ShapedPara* p) {
  const int n = static_cast<int>(p->units.size());
  std::vector<PangoLogAttr> attrs(n + 1);
  pango_get_log_attrs(p->text.c_str(), static_cast<int>(p->text.size()), -1,
                      pango_language_from_string("zh-cn"), attrs.data(), n + 1);
  for (int k = 0; k < n; ++k) {
    UnitInfo& info = p->info[k];
    if (info.glyph_begin < 0 && k > 0) info.item = p->info[k - 1].item;
    Unit& u = p->units[k];
    const TextStyle& st = p->styles[info.run];
    char32_t c = info.ch;
    if (cjk::IsWide(c) && info.glyph_begin >= 0) u.width += st.tracking;
    if (c == U'\n') {
      u.space = true;
      u.width = 0;
      for (int j = k - 1; j >= 0; --j) {
        if (!p->units[j].space) {
          p->units[j].forced_break = true;
          break;
        }
      }
    } else if (cjk::IsSpace(c)) {
      u.space = true;
      char32_t prev = k > 0 ? p->info[k - 1].ch : 0, next = k + 1 < n ? p->info[k + 1].ch : 0;
      // A typed space between Chinese and Latin is normalised to a quarter em.
      if ((cjk::IsWide(prev) && !cjk::IsSpace(next)) ||
          (cjk::IsWide(next) && !cjk::IsSpace(prev))) {
        if (cjk::IsLatinAlnum(prev) || cjk::IsLatinAlnum(next)) u.width = st.size / 4;
      }
    }
  }
  SqueezePairs(p);
  for (int k = 0; k < n; ++k) {
    Unit& u = p->units[k];
    const UnitInfo& info = p->info[k];
    char32_t c = info.ch, prev = k > 0 ? p->info[k - 1].ch : 0;
    char32_t next = k + 1 < n ? p->info[k + 1].ch : 0;
    bool cluster_cont = info.glyph_begin < 0;
    u.break_before = k > 0 && attrs[k].is_line_break && !cluster_cont;
    if (cjk::NoLineStart(c) || cjk::Inseparable(prev, c)) u.break_before = false;
    if (k > 0 && cjk::NoLineEnd(prev)) u.break_before = false;
    // Between Chinese characters Pango allows a break anywhere; keep that even
    // where UAX #14 is stricter about quotation marks, then re-apply the table.
    if (k > 0 && !cluster_cont && Ideo(c) && !cjk::NoLineEnd(prev) && !p->units[k - 1].space &&
        (Ideo(prev) || cjk::NoLineStart(prev))) {
      u.break_before = true;
    }
    bool wide_or_space =
        cjk::IsWide(c) || cjk::IsWide(prev) || u.space || (k > 0 && p->units[k - 1].space);
    u.stretch_before = k > 0 && !cluster_cont && wide_or_space;
    if (!u.space && !cjk::IsSpace(next) && next != 0 &&
        ((Ideo(c) && cjk::IsLatinAlnum(next)) || (cjk::IsLatinAlnum(c) && Ideo(next)))) {
      u.glue_after = p->styles[info.run].size / 4;
    }
    double em = p->styles[info.run].size;
    if (cjk::ShapeOf(c) == cjk::PunctShape::kBlankRight && u.width >= 0.85 * em) {
      u.end_shrink = em / 2;
    }
  }
}

}  // namespace jianbao::typeset
