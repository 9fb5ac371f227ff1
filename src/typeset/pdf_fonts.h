// Copyright 2026 The Jianbao Authors.
//
// Fonts and text for the PDF writer. The glyphs a Document uses are cut out
// of each font with HarfBuzz's subsetter (desubroutinized, layout tables
// dropped) and embedded by the engine itself as Type0 fonts (the CFF table
// as CIDFontType0C, or the TrueType subset), with widths from HarfBuzz and a
// ToUnicode map from the text each glyph was shaped from; the text is written
// as TJ operators, with /ActualText spans where a glyph does not map to its
// text or a gap would make a reader insert a space. Cairo draws the rest of
// the page (pdf_finish.h merges the two), so FreeType never loads a glyph
// for the PDF. Glyphs Pango cannot hand over as they are (synthetic bold or
// slant, variable fonts, right-to-left runs) are drawn through Pango and
// Cairo as before. A subset and its compressed streams are kept until a
// document needs a different glyph set. Internal to src/typeset.

#ifndef JIANBAO_TYPESET_PDF_FONTS_H_
#define JIANBAO_TYPESET_PDF_FONTS_H_

#include <cairo.h>
#include <hb.h>
#include <pango/pango.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "typeset/layout.h"
#include "typeset/pdf_finish.h"

namespace jianbao::typeset {

// Not thread-safe: a Typesetter uses its PdfFonts under its mutex.
class PdfFonts {
 public:
  PdfFonts() = default;
  ~PdfFonts();
  PdfFonts(const PdfFonts&) = delete;
  PdfFonts& operator=(const PdfFonts&) = delete;

  // Makes the font subsets for `doc` (keeping those whose glyphs and text
  // have not changed) and forgets the text of the previous render. Fonts
  // that cannot be subset or embedded are left to Pango; nothing here fails.
  void Prepare(const Document& doc);

  // Starts a page: the text ShowLine() writes from now on belongs to it.
  void StartPage();

  // Writes segs[0] and the segments after it that continue its line in the
  // same font and colour (at most `n`) as one text object in `rgb`, its
  // text attached for extraction (see JoinAtGaps), and draws the marker
  // (pdf_finish.h) on `cr` where it goes; or draws segs[0] through Pango.
  // Returns how many segments it took (≥ 1).
  // REQUIRES: n ≥ 1; Prepare() and StartPage() were called for them.
  size_t ShowLine(cairo_t* cr, const GlyphSeg* const* segs, size_t n);

  // Returns the text operators per page since Prepare(), one string per
  // marker, and forgets them.
  std::vector<std::vector<std::string>> TakePageText();

  // Returns the fonts the text of the last Prepare() uses (owned here).
  std::vector<const PdfFont*> Fonts() const;

 private:
  struct Glyph {
    uint32_t code = 0;  // character code (CID) in the PDF font
    int width = 0;      // advance in 1/1000 em, as in /W
  };
  struct FaceSubset {
    hb_set_t* glyphs = nullptr;                 // original glyph ids
    std::map<uint32_t, uint32_t> cmap;          // code point → original glyph it was shaped to
    std::unordered_map<uint32_t, Glyph> glyph;  // by original glyph id
    std::map<uint32_t, char32_t> unicode;       // code → its ToUnicode code point
    std::unique_ptr<PdfFont> pdf;               // null: draw through Pango
  };
  struct FontUse {
    hb_face_t* source = nullptr;  // null: draw through Pango
    double size = 0;              // points
  };
  FaceSubset& SubsetFor(hb_face_t* source);
  void Remake(hb_face_t* source, FaceSubset* subset);
  FontUse* Use(PangoFont* font);
  FontUse* Ready(const GlyphSeg& seg);  // null: draw through Pango

  std::map<hb_face_t*, FaceSubset> subsets_;  // keys referenced
  std::map<PangoFont*, FontUse> fonts_;       // keys referenced
  std::vector<hb_face_t*> used_;              // faces of the last Prepare(), J0, J1, …
  std::vector<std::vector<std::string>> pages_;
};

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_PDF_FONTS_H_
