// Copyright 2026 The Jianbao Authors.

#include "typeset/engine.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <set>

#include "core/text.h"
#include "typeset/cjk.h"
#include "typeset/pdf_fonts.h"

namespace jianbao::typeset {
namespace {

struct AttrListFree {
  void operator()(PangoAttrList* p) const { pango_attr_list_unref(p); }
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string CodePointName(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  std::string s = buf;
  if (c >= 0x20) {
    s += " '";
    text::AppendUtf8(c, &s);
    s += "'";
  }
  return s;
}

constexpr const char* kRoleKeys[kRoleCount] = {"fonts.song", "fonts.fangsong", "fonts.hei",
                                               "fonts.kai",  "fonts.title",    "fonts.mono"};

double ToPt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

// Returns the length of the UTF-8 sequence that starts with byte `lead`.
size_t SequenceLength(char lead) {
  auto b = static_cast<unsigned char>(lead);
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Chinese quotation marks share code points with Latin ones; next to Chinese
// text they take the font's full-width forms. `cps` are the code points of
// `text`, which is valid UTF-8.
void AddQuoteFeatures(const std::string& text, const std::vector<char32_t>& cps,
                      PangoAttrList* attrs) {
  size_t byte = 0;
  auto wide = [](char32_t x) { return cjk::IsWide(x) && !(x >= 0x2018 && x <= 0x201D); };
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    size_t len = SequenceLength(text[byte]);
    bool quote = c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
    if (quote && ((i > 0 && wide(cps[i - 1])) || (i + 1 < cps.size() && wide(cps[i + 1])))) {
      PangoAttribute* a = pango_attr_font_features_new("fwid=1");
      a->start_index = static_cast<guint>(byte);
      a->end_index = static_cast<guint>(byte + len);
      pango_attr_list_insert(attrs, a);
    }
    byte += len;
  }
}

// Adds the font folders of `dirs` (':'-separated; missing ones skipped) to
// fontconfig's application fonts, once per process, before a font map is made.
void AddFontDirs(const std::string& dirs) {
  static std::mutex mu;
  static std::set<std::string> added;
  std::lock_guard<std::mutex> lock(mu);
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::error_code ec;
    if (!dir.empty() && !added.count(dir) && std::filesystem::is_directory(dir, ec)) {
      FcConfigAppFontAddDir(FcConfigGetCurrent(), reinterpret_cast<const FcChar8*>(dir.c_str()));
      added.insert(dir);
    }
    start = end + 1;
  }
}

// Returns the families of a description's family list ("A, B" → {"A", "B"}).
std::vector<std::string> FamilyList(const char* families) {
  std::vector<std::string> out;
  std::string cur;
  for (const char* c = families;; ++c) {
    if (*c == ',' || *c == 0) {
      std::string f = text::Trim(cur);
      if (!f.empty()) out.push_back(f);
      cur.clear();
      if (*c == 0) break;
    } else {
      cur += *c;
    }
  }
  return out;
}

}  // namespace

Engine::~Engine() {
  pdf_fonts_.reset();
  for (auto* d : descs_) {
    if (d) pango_font_description_free(d);
  }
  if (context_) g_object_unref(context_);
  if (font_map_) g_object_unref(font_map_);
}

Result<std::unique_ptr<Engine>> Engine::Create(const Fonts& fonts) {
  std::unique_ptr<Engine> e(new Engine());
  e->pdf_fonts_ = std::make_unique<PdfFonts>();
  AddFontDirs(fonts.dirs);
  e->font_map_ = pango_cairo_font_map_new();
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(e->font_map_), 72.0);
  e->context_ = pango_font_map_create_context(e->font_map_);
  cairo_font_options_t* opts = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(e->context_, opts);
  cairo_font_options_destroy(opts);
  pango_context_set_round_glyph_positions(e->context_, FALSE);
  pango_context_set_language(e->context_, pango_language_from_string("zh-cn"));
  const std::string* names[kRoleCount] = {&fonts.song, &fonts.fangsong, &fonts.hei,
                                          &fonts.kai,  &fonts.title,    &fonts.mono};
  for (int r = 0; r < kRoleCount; ++r) {
    PangoFontDescription* d = pango_font_description_from_string(names[r]->c_str());
    e->descs_[r] = d;
    const char* fam = pango_font_description_get_family(d);
    if (fam == nullptr || *fam == 0) {
      return Status::Invalid(kRoleKeys[r], "font_missing",
                             std::string(kRoleKeys[r]) + ": no font family in '" + *names[r] + "'");
    }
    pango_font_description_set_absolute_size(d, 16 * PANGO_SCALE);
    // A family list ("FandolFang, Noto Serif CJK SC") falls back character
    // by character; each of its families must be installed.
    for (const std::string& family : FamilyList(fam)) {
      PangoFontDescription* one = pango_font_description_copy(d);
      pango_font_description_set_family(one, family.c_str());
      PangoFont* font = pango_font_map_load_font(e->font_map_, e->context_, one);
      pango_font_description_free(one);
      std::string got;
      if (font) {
        PangoFontDescription* fd = pango_font_describe(font);
        got = pango_font_description_get_family(fd) ? pango_font_description_get_family(fd) : "";
        pango_font_description_free(fd);
        g_object_unref(font);
      }
      if (Lower(got) != Lower(family)) {
        return Status::Invalid(kRoleKeys[r], "font_missing",
                               std::string(kRoleKeys[r]) + ": font '" + family +
                                   "' is not installed (fontconfig offers '" + got + "' instead)");
      }
      e->families_.push_back(Lower(family));
    }
  }
  return e;
}

Status Engine::CheckItemFont(const ShapedPara& p, PangoItem* item, const PangoGlyphString* glyphs) {
  for (int g = 0; g < glyphs->num_glyphs; ++g) {
    PangoGlyph id = glyphs->glyphs[g].glyph;
    if ((id & PANGO_GLYPH_UNKNOWN_FLAG) && id != PANGO_GLYPH_EMPTY) {
      auto cps = text::DecodeUtf8(
          std::string_view(p.text).substr(item->offset + glyphs->log_clusters[g], 4));
      char32_t c = cps.empty() ? 0 : cps[0];
      if (c == U'\n') continue;
      return Status::Invalid("", "glyph_missing",
                             "character " + CodePointName(c) + " is not covered by any font");
    }
  }
  if (item->analysis.font == nullptr) return Status();
  PangoFontDescription* fd = pango_font_describe(item->analysis.font);
  std::string fam =
      Lower(pango_font_description_get_family(fd) ? pango_font_description_get_family(fd) : "");
  pango_font_description_free(fd);
  if (std::find(families_.begin(), families_.end(), fam) != families_.end()) return Status();
  auto cps = text::DecodeUtf8(std::string_view(p.text).substr(item->offset, item->length));
  char32_t c = cps.empty() ? 0 : cps[0];
  return Status::Invalid("", "glyph_missing",
                         "character " + CodePointName(c) +
                             " is not covered by the configured fonts (only by '" + fam + "')");
}

namespace {

// True for the bidirectional formatting characters (LRM, RLM, embeddings,
// overrides, isolates): a bulletin is set left to right, and these would
// reorder glyphs inside a unit range.
bool IsBidiControl(char32_t c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Appends `in` to `out` with control characters as spaces and bidi controls dropped.
// Invalid UTF-8 is copied as it is, for Shape's UTF-8 check to report.
void AppendShapable(const std::string& in, std::string* out) {
  if (!text::IsValidUtf8(in)) {
    *out += in;
    return;
  }
  for (char32_t c : text::DecodeUtf8(in)) {
    if (IsBidiControl(c)) continue;
    text::AppendUtf8(c < 0x20 && c != '\n' ? U' ' : c, out);
  }
}

}  // namespace

void Engine::StartBudget(std::chrono::steady_clock::duration budget) {
  budget_ = budget;
  deadline_ = budget.count() > 0 ? std::chrono::steady_clock::now() + budget
                                 : std::chrono::steady_clock::time_point::max();
}

Status Engine::CheckDeadline() const {
  if (std::chrono::steady_clock::now() <= deadline_) return Status();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(budget_).count();
  return Status::Invalid("", "render_timeout",
                         "typesetting took longer than its budget of " + std::to_string(seconds) +
                             " s; shorten the issue or its tables");
}

Result<ShapedPara> Engine::Shape(const RichText& runs) {
  JB_RETURN_IF_ERROR(CheckDeadline());
  ShapedPara p;
  std::unique_ptr<PangoAttrList, AttrListFree> attrs(pango_attr_list_new());
  std::vector<std::pair<uint32_t, uint32_t>> run_bytes;
  for (const Run& run : runs) {
    uint32_t start = static_cast<uint32_t>(p.text.size());
    AppendShapable(run.text, &p.text);
    uint32_t end = static_cast<uint32_t>(p.text.size());
    PangoFontDescription* d = pango_font_description_copy(descs_[static_cast<int>(run.style.role)]);
    pango_font_description_set_absolute_size(d, run.style.size * PANGO_SCALE);
    if (run.style.bold) pango_font_description_set_weight(d, PANGO_WEIGHT_BOLD);
    PangoAttribute* a = pango_attr_font_desc_new(d);
    pango_font_description_free(d);
    a->start_index = start;
    a->end_index = end;
    pango_attr_list_insert(attrs.get(), a);
    run_bytes.emplace_back(start, end);
    p.styles.push_back(run.style);
    p.links.push_back(run.link);
  }
  if (!text::IsValidUtf8(p.text)) {
    return Status::Invalid("", "invalid_utf8", "text is not valid UTF-8");
  }
  // Units, one per code point.
  const std::vector<char32_t> cps = text::DecodeUtf8(p.text);
  AddQuoteFeatures(p.text, cps, attrs.get());
  p.info.reserve(cps.size());
  uint32_t byte = 0;
  for (char32_t c : cps) {
    UnitInfo u;
    u.byte = byte;
    u.ch = c;
    if (!p.info.empty()) u.run = p.info.back().run;
    while (u.run + 1 < static_cast<int>(run_bytes.size()) && run_bytes[u.run].second <= byte)
      ++u.run;
    u.glyph_begin = u.glyph_end = -1;
    p.info.push_back(u);
    byte += static_cast<uint32_t>(SequenceLength(p.text[byte]));
  }
  p.units.resize(p.info.size());
  std::vector<int> unit_of_byte(p.text.size() + 1, 0);
  for (size_t k = 0; k < p.info.size(); ++k) {
    size_t end = k + 1 < p.info.size() ? p.info[k + 1].byte : p.text.size();
    for (size_t b = p.info[k].byte; b < end; ++b) unit_of_byte[b] = static_cast<int>(k);
  }
  // Itemize and shape.
  GList* items = pango_itemize(context_, p.text.c_str(), 0, static_cast<int>(p.text.size()),
                               attrs.get(), nullptr);
  Status status;
  for (GList* l = items; l != nullptr; l = l->next) {
    auto* item = static_cast<PangoItem*>(l->data);
    p.items.emplace_back(item);
    p.glyphs.emplace_back(pango_glyph_string_new());
    PangoGlyphString* gs = p.glyphs.back().get();
    pango_shape_full(p.text.c_str() + item->offset, item->length, p.text.c_str(),
                     static_cast<int>(p.text.size()), &item->analysis, gs);
    if (status.ok()) status = CheckItemFont(p, item, gs);
    int item_index = static_cast<int>(p.items.size()) - 1;
    for (int g = 0; g < gs->num_glyphs; ++g) {
      int k = unit_of_byte[item->offset + gs->log_clusters[g]];
      UnitInfo& u = p.info[k];
      if (u.glyph_begin < 0) u.glyph_begin = g;
      u.glyph_end = g + 1;
      u.item = item_index;
      p.units[k].width += ToPt(gs->glyphs[g].geometry.width);
    }
  }
  g_list_free(items);
  JB_RETURN_IF_ERROR(status);
  BuildUnits(&p);
  return p;
}

double Engine::Measure(const std::string& text, const TextStyle& style) {
  auto shaped = Shape(Plain(text, style));
  if (!shaped.ok()) return 0;
  double w = 0;
  for (const Unit& u : shaped->units) w += u.width + u.glue_after;
  return w;
}

}  // namespace jianbao::typeset
