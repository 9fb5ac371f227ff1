// Copyright 2026 The Jianbao Authors.
//
// The Pango state of a Typesetter (font map, context, one font description per
// role) and shaping: styled text → glyphs plus one breaker Unit per code
// point, with the 避头尾, 标点挤压 and CJK/Latin spacing rules applied.
// Internal to src/typeset.

#ifndef JIANBAO_TYPESET_ENGINE_H_
#define JIANBAO_TYPESET_ENGINE_H_

#include <pango/pangocairo.h>

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "typeset/breaker.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {

enum class Role { kSong, kFangsong, kHei, kKai, kTitle, kMono };
constexpr int kRoleCount = 6;

struct TextStyle {
  Role role = Role::kFangsong;
  double size = 16;  // points
  uint32_t rgb = 0;  // 0xRRGGBB
  bool bold = false;
  double tracking = 0;  // points added to the advance of each wide character
};

struct Run {
  std::string text;
  TextStyle style;
  std::string link;  // URL; empty for none
};
using RichText = std::vector<Run>;

// Returns `text` as one run in `style`.
inline RichText Plain(const std::string& text, const TextStyle& style) {
  return {Run{text, style, ""}};
}

struct PangoItemFree {
  void operator()(PangoItem* p) const { pango_item_free(p); }
};
struct GlyphStringFree {
  void operator()(PangoGlyphString* p) const { pango_glyph_string_free(p); }
};
struct GlyphItemFree {
  void operator()(PangoGlyphItem* p) const { pango_glyph_item_free(p); }
};
using ItemPtr = std::unique_ptr<PangoItem, PangoItemFree>;
using GlyphsPtr = std::unique_ptr<PangoGlyphString, GlyphStringFree>;
using GlyphItemPtr = std::unique_ptr<PangoGlyphItem, GlyphItemFree>;

struct UnitInfo {
  uint32_t byte = 0;  // offset of the code point in ShapedPara::text
  char32_t ch = 0;
  int run = 0;
  int item = 0;
  int glyph_begin = 0, glyph_end = 0;  // glyphs of the item that belong to this unit
  double shift = 0;                    // draw offset (squeezed opening punctuation)
};

struct ShapedPara {
  std::string text;
  std::vector<Unit> units;
  std::vector<UnitInfo> info;
  std::vector<ItemPtr> items;
  std::vector<GlyphsPtr> glyphs;
  std::vector<TextStyle> styles;   // per run
  std::vector<std::string> links;  // per run
};

// A run of glyphs placed on a page; text is the run's UTF-8 for extraction.
struct GlyphSeg {
  double x = 0, y = 0;  // baseline origin
  uint32_t rgb = 0;
  std::string text;
  GlyphItemPtr item;           // item->offset == 0 into text
  int tag = -1;                // structure element (Document::structure); -1: page furniture
  const void* para = nullptr;  // with `line`: which line of which paragraph it belongs to
  int line = 0;
};

class PdfFonts;  // pdf_fonts.h

class Engine {
 public:
  // Returns an engine, or kInvalidArgument naming "fonts.<role>" when a font
  // is not installed.
  static Result<std::unique_ptr<Engine>> Create(const Fonts& fonts);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Shapes one paragraph. Returns kInvalidArgument naming the character when
  // no configured font covers it, and the error of CheckDeadline() once the
  // render's time budget is spent (every paragraph and table cell is shaped
  // here, so this bounds a render's work).
  Result<ShapedPara> Shape(const RichText& text);

  // Starts a render with `budget` to spend (zero or less: no limit).
  void StartBudget(std::chrono::steady_clock::duration budget);
  // Returns kInvalidArgument (key "render_timeout") when the budget started
  // last is spent; OK otherwise.
  Status CheckDeadline() const;

  // Returns the glyphs of units [a, b) of `p` (one item, one run) placed at
  // page x positions xs[0..b-a) on baseline y.
  static GlyphSeg MakeSegment(const ShapedPara& p, int a, int b, const double* xs, double y);

  // Returns the width in points of `text` set in `style` (0 on error).
  double Measure(const std::string& text, const TextStyle& style);

  // The subset fonts kept for PDF output; owned by the engine.
  PdfFonts* pdf_fonts() { return pdf_fonts_.get(); }

 private:
  Engine() = default;
  Status CheckItemFont(const ShapedPara& p, PangoItem* item, const PangoGlyphString* glyphs);
  void BuildUnits(ShapedPara* p);

  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  std::array<PangoFontDescription*, kRoleCount> descs_{};
  std::vector<std::string> families_;  // lower-case configured families
  std::unique_ptr<PdfFonts> pdf_fonts_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  std::chrono::steady_clock::duration budget_{};
};

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_ENGINE_H_
