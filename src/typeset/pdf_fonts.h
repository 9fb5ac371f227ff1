// Copyright 2026 The Jianbao Authors.
//
// Font embedding for the PDF writer. Cairo 1.16 subsets a font by loading its
// whole CFF table (≈20 MB per Noto CJK face) and copies the global subrs
// unsubset, which makes PDF output slow and large. Instead the glyphs a
// Document uses are cut out of each font with HarfBuzz's subsetter
// (desubroutinized, so that Cairo's own subsetting of the small font copies
// only the charstrings of the glyphs one PDF shows); Cairo sees only these
// small fonts. Glyph ids are renumbered by the subsetter and mapped back while
// drawing. The subsets, their FreeType faces and Cairo's scaled fonts (with
// their glyph caches) are kept between renders and grown when a document
// needs glyphs they lack. Internal to src/typeset.

#ifndef JIANBAO_TYPESET_PDF_FONTS_H_
#define JIANBAO_TYPESET_PDF_FONTS_H_

#include <cairo.h>
#include <hb.h>
#include <pango/pango.h>

#include <map>
#include <vector>

#include "typeset/layout.h"

namespace jianbao::typeset {

// Not thread-safe: a Typesetter uses its PdfFonts under its mutex.
class PdfFonts {
 public:
  PdfFonts() = default;
  ~PdfFonts();
  PdfFonts(const PdfFonts&) = delete;
  PdfFonts& operator=(const PdfFonts&) = delete;

  // Makes sure every glyph of `doc` can be drawn by ShowLine(), subsetting the
  // fonts again where glyphs are missing. Fonts that cannot be subset (not a
  // fontconfig font, synthetic bold or slant, subsetter or FreeType failure)
  // are left to Pango, which embeds them the slow way; nothing here fails.
  void Prepare(const Document& doc);

  // Draws segs[0] and the segments after it that continue its line in the
  // same font and colour (at most `n`), in the colour already set on `cr`,
  // as one string, its text attached for extraction (see JoinAtGaps).
  // Returns how many segments it drew (≥ 1).
  // REQUIRES: n ≥ 1; Prepare() was called with the Document holding them.
  size_t ShowLine(cairo_t* cr, const GlyphSeg* const* segs, size_t n);

 private:
  struct FaceSubset {
    hb_set_t* glyphs = nullptr;         // the glyphs of `face` (original ids)
    cairo_font_face_t* face = nullptr;  // null: draw through Pango
    std::vector<uint32_t> new_gid;      // original glyph id → subset glyph id
    std::map<uint32_t, uint32_t> cmap;  // code point → original glyph id it was shaped to
    int generation = 0;                 // bumped when the subset is remade
  };
  struct FontUse {
    hb_face_t* source = nullptr;            // null: draw through Pango
    cairo_scaled_font_t* scaled = nullptr;  // for FaceSubset::generation `generation`
    int generation = -1;
  };
  FaceSubset& SubsetFor(hb_face_t* source);
  void Remake(hb_face_t* source, FaceSubset* subset);
  FontUse* Use(PangoFont* font);
  FontUse* Ready(const GlyphSeg& seg);  // null: draw through Pango

  std::map<hb_face_t*, FaceSubset> subsets_;  // keys and values referenced
  std::map<PangoFont*, FontUse> fonts_;       // keys referenced
};

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_PDF_FONTS_H_
