// Copyright 2026 The Jianbao Authors.
//
// Engine::MakeSegment: cuts the glyphs of units [a, b) of a shaped paragraph
// out of its Pango glyph strings, placed for drawing.

#include <algorithm>

#include "typeset/engine.h"

namespace jianbao::typeset {

GlyphSeg Engine::MakeSegment(const ShapedPara& p, int a, int b, const double* xs, double y) {
  GlyphSeg seg;
  const UnitInfo& first = p.info[a];
  const PangoItem* src_item = p.items[first.item].get();
  const PangoGlyphString* src = p.glyphs[first.item].get();
  uint32_t byte_a = p.info[a].byte;
  uint32_t byte_b = b < static_cast<int>(p.info.size()) ? p.info[b].byte : p.text.size();
  seg.text = p.text.substr(byte_a, byte_b - byte_a);
  seg.x = xs[0];
  seg.y = y;
  seg.rgb = p.styles[first.run].rgb;
  int g0 = -1, g1 = -1;
  // Glyph order may run against unit order (right-to-left scripts): take the span.
  for (int k = a; k < b; ++k) {
    if (p.info[k].glyph_begin < 0) continue;
    g0 = g0 < 0 ? p.info[k].glyph_begin : std::min(g0, p.info[k].glyph_begin);
    g1 = std::max(g1, p.info[k].glyph_end);
  }
  PangoItem* item = pango_item_copy(const_cast<PangoItem*>(src_item));
  item->offset = 0;
  item->length = static_cast<int>(seg.text.size());
  item->num_chars = b - a;
  PangoGlyphString* gs = pango_glyph_string_new();
  int count = g0 < 0 ? 0 : g1 - g0;
  pango_glyph_string_set_size(gs, count);
  int delta = static_cast<int>(byte_a) - src_item->offset;
  for (int g = 0; g < count; ++g) {
    gs->glyphs[g] = src->glyphs[g0 + g];
    gs->log_clusters[g] = src->log_clusters[g0 + g] - delta;
  }
  // Advances: from each glyph-bearing unit to the next one's position.
  int prev_k = -1;
  auto set_advance = [&](int k, double adv) {
    const UnitInfo& u = p.info[k];
    int last = u.glyph_end - 1 - g0;
    if (u.glyph_begin - g0 < 0 || last < 0 || last >= count) return;
    int others = 0;
    for (int g = u.glyph_begin - g0; g < last; ++g) others += gs->glyphs[g].geometry.width;
    gs->glyphs[last].geometry.width = static_cast<int>(adv * PANGO_SCALE) - others;
    if (u.shift != 0)
      gs->glyphs[u.glyph_begin - g0].geometry.x_offset += static_cast<int>(u.shift * PANGO_SCALE);
  };
  for (int k = a; k < b; ++k) {
    if (p.info[k].glyph_begin < 0) continue;
    if (prev_k >= 0) set_advance(prev_k, xs[k - a] - xs[prev_k - a]);
    prev_k = k;
  }
  if (prev_k >= 0) set_advance(prev_k, p.units[prev_k].width);
  auto* gi = g_slice_new(PangoGlyphItem);
  gi->item = item;
  gi->glyphs = gs;
  gi->y_offset = 0;
  gi->start_x_offset = 0;
  gi->end_x_offset = 0;
  seg.item.reset(gi);
  return seg;
}

}  // namespace jianbao::typeset
