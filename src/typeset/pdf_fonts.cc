// Copyright 2026 The Jianbao Authors.

#include "typeset/pdf_fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string_view>

namespace jianbao::typeset {
namespace {

// Tables a PDF font does not need; the layout ones would also pull every
// glyph reachable by a substitution into the subset.
constexpr const char* kDroppedTables[] = {
    "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG", "kern",
    "morx", "mort", "kerx", "feat", "trak", "STAT", "hdmx", "LTSH", "VDMX", "gasp", "meta"};

// One process-wide FreeType library (never freed) and a mutex, because
// FreeType requires FT_New_Face and FT_Done_Face on one library to be
// serialised; it only reads the CIDs of a subset's glyphs.
std::mutex& FtMutex() {
  static std::mutex mu;
  return mu;
}

FT_Library FtLibrary() {  // REQUIRES: FtMutex() held
  static FT_Library lib = [] {
    FT_Library l = nullptr;
    return FT_Init_FreeType(&l) == 0 ? l : nullptr;
  }();
  return lib;
}

// Returns the HarfBuzz face of `font` when its glyphs can be drawn from a
// subset of that face as they are: a fontconfig font, neither emboldened nor
// slanted by synthesis, not a variable font (the subset would lose the
// instance). Otherwise null.
hb_face_t* PlainFace(PangoFont* font) {
  if (font == nullptr || !PANGO_IS_FC_FONT(font) || !PANGO_IS_CAIRO_FONT(font)) return nullptr;
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FcBool embolden = FcFalse;
  if (FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden) {
    return nullptr;
  }
  FcMatrix* m = nullptr;
  if (FcPatternGetMatrix(pattern, FC_MATRIX, 0, &m) == FcResultMatch &&
      (m->xx != 1 || m->xy != 0 || m->yx != 0 || m->yy != 1)) {
    return nullptr;
  }
  hb_font_t* hb = pango_font_get_hb_font(font);
  hb_face_t* face = hb != nullptr ? hb_font_get_face(hb) : nullptr;
  return face != nullptr && !hb_ot_var_has_data(face) ? face : nullptr;
}

bool Drawable(PangoGlyph g) { return g != PANGO_GLYPH_EMPTY && !(g & PANGO_GLYPH_UNKNOWN_FLAG); }

// Returns Cairo's text clusters for `seg` as Pango's renderer makes them
// (empty and unknown glyphs discounted), or an empty vector when they do not
// add up to the segment's text and `drawn` glyphs.
std::vector<cairo_text_cluster_t> Clusters(const GlyphSeg& seg, int drawn) {
  std::vector<cairo_text_cluster_t> out;
  PangoGlyphItem* item = seg.item.get();
  const PangoGlyphInfo* glyphs = item->glyphs->glyphs;
  PangoGlyphItemIter iter;
  int bytes = 0, count = 0;
  bool more = pango_glyph_item_iter_init_start(&iter, item, seg.text.c_str());
  for (; more; more = pango_glyph_item_iter_next_cluster(&iter)) {
    int lo = std::min(iter.start_glyph, iter.end_glyph + 1);
    int hi = std::max(iter.start_glyph + 1, iter.end_glyph);
    int n = 0;
    for (int g = lo; g < hi; ++g) n += Drawable(glyphs[g].glyph) ? 1 : 0;
    int len = iter.end_index - iter.start_index;
    if (len == 0 && n == 0) continue;
    out.push_back({len, n});
    bytes += len;
    count += n;
  }
  if (bytes != static_cast<int>(seg.text.size()) || count != drawn) out.clear();
  return out;
}

// A view of a font without its cmap: the subsetter would otherwise read the
// whole cmap (tens of thousands of entries in a CJK font) into a hash map on
// every plan, and the glyphs come from Pango's shaping, not from code points.
hb_blob_t* TableWithoutCmap(hb_face_t*, hb_tag_t tag, void* source) {
  if (tag == HB_TAG('c', 'm', 'a', 'p')) return hb_blob_get_empty();
  return hb_face_reference_table(static_cast<hb_face_t*>(source), tag);
}

// Adds to `cmap` the code points that Pango shaped into one glyph each in
// `seg`, with that glyph (the first glyph a code point was seen with wins).
void CollectCmap(const GlyphSeg& seg, std::map<uint32_t, uint32_t>* cmap) {
  PangoGlyphItem* item = seg.item.get();
  const PangoGlyphInfo* glyphs = item->glyphs->glyphs;
  PangoGlyphItemIter iter;
  bool more = pango_glyph_item_iter_init_start(&iter, item, seg.text.c_str());
  for (; more; more = pango_glyph_item_iter_next_cluster(&iter)) {
    if (iter.end_char - iter.start_char != 1) continue;
    int lo = std::min(iter.start_glyph, iter.end_glyph + 1);
    int hi = std::max(iter.start_glyph + 1, iter.end_glyph);
    if (hi - lo != 1 || !Drawable(glyphs[lo].glyph)) continue;
    cmap->emplace(g_utf8_get_char(seg.text.c_str() + iter.start_index), glyphs[lo].glyph);
  }
}

// Joins neighbouring clusters where a text extractor would see a gap or an
// overlap between their glyphs (the quarter em between Chinese and Latin
// text, the spread of a justified line, a squeezed punctuation mark): more
// than `slack` points between where one cluster's last glyph ends and the
// next one's first glyph begins. ShowLine writes a cluster of several glyphs
// inside an /ActualText span, so readers that honour it (poppler) take its
// text as it is, without inferring a space; single-glyph clusters keep their
// text in the font's ToUnicode map for the readers that do not (MuPDF).
std::vector<cairo_text_cluster_t> JoinAtGaps(const std::vector<cairo_text_cluster_t>& in,
                                             const std::vector<cairo_glyph_t>& glyphs,
                                             const std::vector<double>& advances, double size,
                                             double slack) {
  std::vector<cairo_text_cluster_t> out;
  size_t g = 0;
  for (const cairo_text_cluster_t& c : in) {
    // Text without a glyph (a space set as a gap) goes with the glyph before
    // it: Cairo would write it as an empty /ActualText span, which readers drop.
    bool join = !out.empty() && c.num_glyphs == 0;
    if (!out.empty() && g > 0 && c.num_glyphs > 0 && g < glyphs.size()) {
      double gap = glyphs[g].x - (glyphs[g - 1].x + advances[g - 1] * size);
      join = out.back().num_glyphs == 0 || gap > slack || gap < -slack;
    }
    if (join) {
      out.back().num_bytes += c.num_bytes;
      out.back().num_glyphs += c.num_glyphs;
    } else {
      out.push_back(c);
    }
    g += c.num_glyphs;
  }
  return out;
}

// Font programs are compressed once per subset and kept. Desubroutinized CFF
// has few repeated strings: zlib's level 6 gains 2 % over level 1 at 1.6×
// the time, and Huffman coding alone is within 3 % of level 1 at half its
// time (seed issue: 572 KB of CFF → 461 / 471 / 486 KB).
constexpr int kFontZlibLevel = 1;

// Returns `v` with at most three decimals, without trailing zeros.
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", std::fabs(v) < 0.0005 ? 0.0 : v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Appends `c` as UTF-16BE hex digits.
void AppendUtf16Hex(char32_t c, std::string* out) {
  char buf[12];
  if (c >= 0x10000) {
    c -= 0x10000;
    std::snprintf(buf, sizeof buf, "%04X%04X", static_cast<unsigned>(0xD800 + (c >> 10)),
                  static_cast<unsigned>(0xDC00 + (c & 0x3FF)));
  } else {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
  }
  *out += buf;
}

// True for the CJK radicals and compatibility ideographs, which share glyphs
// with the unified ideographs a reader should get (⾏ and 行).
bool LookAlike(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2F800 && c <= 0x2FA1F);
}

std::string ToUnicodeCMap(const std::map<uint32_t, char32_t>& unicode) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  auto it = unicode.begin();
  while (it != unicode.end()) {
    size_t n = 0;
    std::string block;
    for (; it != unicode.end() && n < 100; ++it, ++n) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "<%04X> <", it->first);
      block += buf;
      AppendUtf16Hex(it->second, &block);
      block += ">\n";
    }
    s += std::to_string(n) + " beginbfchar\n" + block + "endbfchar\n";
  }
  return s + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

// Returns the /W array for `width` (code → width), runs of codes together.
std::string WidthArray(const std::map<uint32_t, int>& width) {
  std::string s = "[";
  uint32_t next = 0;
  bool open = false;
  for (const auto& [code, w] : width) {
    if (!open || code != next) {
      if (open) s += "]";
      s += " " + std::to_string(code) + " [";
      open = true;
    } else {
      s += " ";
    }
    s += std::to_string(w);
    next = code + 1;
  }
  if (open) s += "]";
  return s + " ]";
}

int16_t Int16At(const char* p) {
  return static_cast<int16_t>((static_cast<uint8_t>(p[0]) << 8) | static_cast<uint8_t>(p[1]));
}

// Returns the FontDescriptor entries of `source` (metrics in 1/1000 em).
std::string Descriptor(hb_face_t* source, hb_font_t* font, double per_unit) {
  int box[4] = {0, 0, 1000, 1000};
  hb_blob_t* head = hb_face_reference_table(source, HB_TAG('h', 'e', 'a', 'd'));
  unsigned len = 0;
  const char* h = hb_blob_get_data(head, &len);
  if (len >= 44) {
    for (int i = 0; i < 4; ++i)
      box[i] = static_cast<int>(std::lround(Int16At(h + 36 + 2 * i) * per_unit));
  }
  hb_blob_destroy(head);
  hb_position_t asc = 0, desc = 0, cap = 0;
  hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
  hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
  hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
  auto k = [&](hb_position_t v) { return std::to_string(std::lround(v * per_unit)); };
  return "/Flags 4 /FontBBox [" + std::to_string(box[0]) + " " + std::to_string(box[1]) + " " +
         std::to_string(box[2]) + " " + std::to_string(box[3]) + "] /ItalicAngle 0 /Ascent " +
         k(asc) + " /Descent " + k(desc) + " /CapHeight " + k(cap) + " /StemV 80";
}

// Returns "ABCDEF+Name": the subset tag from `hash`, the PostScript name of
// `source` with the characters a PDF name cannot hold dropped.
std::string BaseFont(hb_face_t* source, size_t hash) {
  std::string tag;
  for (int i = 0; i < 6; ++i, hash /= 26) tag += static_cast<char>('A' + hash % 26);
  char name[128];
  unsigned size = sizeof name;
  if (hb_ot_name_get_utf8(source, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size,
                          name) == 0) {
    name[0] = 0;
  }
  std::string clean;
  for (const char* c = name; *c != 0; ++c) {
    if (*c > 0x20 && *c < 0x7F &&
        std::string_view("()<>[]{}/%#").find(*c) == std::string_view::npos) {
      clean += *c;
    }
  }
  return tag + "+" + (clean.empty() ? "Font" : clean);
}

// Fills `cid` (new glyph id → CID) from the CFF font in `blob` when it is
// CID-keyed; leaves it empty otherwise (codes are glyph ids then).
void ReadCids(hb_blob_t* blob, unsigned glyph_count, std::vector<uint32_t>* cid) {
  unsigned int size = 0;
  const char* data = hb_blob_get_data(blob, &size);
  std::lock_guard<std::mutex> lock(FtMutex());
  FT_Face face = nullptr;
  if (FtLibrary() == nullptr ||
      FT_New_Memory_Face(FtLibrary(), reinterpret_cast<const FT_Byte*>(data),
                         static_cast<FT_Long>(size), 0, &face) != 0) {
    return;
  }
  FT_Bool is_cid = 0;
  if (FT_Get_CID_Is_Internally_CID_Keyed(face, &is_cid) == 0 && is_cid) {
    cid->assign(glyph_count, 0);
    for (unsigned g = 0; g < glyph_count; ++g) {
      FT_UInt c = 0;
      (*cid)[g] = FT_Get_CID_From_Glyph_Index(face, g, &c) == 0 ? c : g;
    }
  }
  FT_Done_Face(face);
}

}  // namespace

PdfFonts::~PdfFonts() {
  for (auto& [font, use] : fonts_) g_object_unref(font);
  for (auto& [source, subset] : subsets_) {
    hb_set_destroy(subset.glyphs);
    hb_face_destroy(source);
  }
}

PdfFonts::FontUse* PdfFonts::Use(PangoFont* font) {
  auto [it, fresh] = fonts_.try_emplace(font);
  if (fresh) {
    g_object_ref(font);
    it->second.source = PlainFace(font);
    PangoFontDescription* d = pango_font_describe_with_absolute_size(font);
    it->second.size = static_cast<double>(pango_font_description_get_size(d)) / PANGO_SCALE;
    pango_font_description_free(d);
    if (it->second.size <= 0) it->second.source = nullptr;
  }
  return &it->second;
}

PdfFonts::FaceSubset& PdfFonts::SubsetFor(hb_face_t* source) {
  auto [it, fresh] = subsets_.try_emplace(source);
  if (fresh) {
    hb_face_reference(source);
    it->second.glyphs = hb_set_create();
  }
  return it->second;
}

// Cuts the glyphs of `subset` out of `source` and makes their PDF font;
// leaves `subset->pdf` null when the subsetter fails or the subset is
// neither CFF nor TrueType.
void PdfFonts::Remake(hb_face_t* source, FaceSubset* subset) {
  subset->pdf.reset();
  subset->glyph.clear();
  subset->unicode.clear();
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) return;
  hb_set_union(hb_subset_input_glyph_set(input), subset->glyphs);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : kDroppedTables) hb_set_add(drop, hb_tag_from_string(tag, 4));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_face_t* view = hb_face_create_for_tables(TableWithoutCmap, hb_face_reference(source),
                                              reinterpret_cast<hb_destroy_func_t>(hb_face_destroy));
  hb_face_set_upem(view, hb_face_get_upem(source));
  hb_face_set_glyph_count(view, hb_face_get_glyph_count(source));
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(view, input);
  hb_face_destroy(view);
  hb_subset_input_destroy(input);
  if (plan == nullptr) return;
  std::vector<std::pair<uint32_t, uint32_t>> old_new;
  const hb_map_t* map = hb_subset_plan_old_to_new_glyph_mapping(plan);
  for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(subset->glyphs, &g);) {
    hb_codepoint_t n = hb_map_get(map, g);
    if (n != HB_MAP_VALUE_INVALID) old_new.emplace_back(g, n);
  }
  hb_face_t* face = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  if (face == nullptr) return;
  auto font = std::make_unique<PdfFont>();
  hb_blob_t* cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  hb_blob_t* glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
  hb_blob_t* file = hb_face_reference_blob(face);
  const unsigned glyph_count = hb_face_get_glyph_count(face);
  hb_face_destroy(face);
  std::vector<uint32_t> cid;
  font->cff = hb_blob_get_length(cff) > 0;
  hb_blob_t* program = font->cff ? cff : glyf;
  if (hb_blob_get_length(program) > 0 && hb_blob_get_length(file) > 0) {
    if (font->cff) ReadCids(file, glyph_count, &cid);
    unsigned size = 0;
    const char* data = hb_blob_get_data(font->cff ? cff : file, &size);
    font->program_size = size;
    font->program = Deflate(std::string_view(data, size), kFontZlibLevel, /*huffman_only=*/true);
  }
  hb_blob_destroy(cff);
  hb_blob_destroy(glyf);
  hb_blob_destroy(file);
  if (font->program.empty()) return;
  // Codes and widths (HarfBuzz's advances, as the layout used them).
  hb_font_t* metrics = hb_font_create(source);
  const double per_unit = 1000.0 / hb_face_get_upem(source);
  std::map<uint32_t, int> widths;
  size_t hash = std::hash<size_t>{}(old_new.size());
  for (const auto& [old_id, new_id] : old_new) {
    Glyph g;
    g.code = new_id < cid.size() ? cid[new_id] : new_id;
    g.width =
        static_cast<int>(std::lround(hb_font_get_glyph_h_advance(metrics, old_id) * per_unit));
    subset->glyph[old_id] = g;
    widths[g.code] = g.width;
    hash = hash * 31 + old_id;
  }
  for (const auto& [cp, gid] : subset->cmap) {
    auto g = subset->glyph.find(gid);
    if (g == subset->glyph.end()) continue;
    auto [u, fresh] = subset->unicode.emplace(g->second.code, cp);
    if (!fresh && LookAlike(u->second) && !LookAlike(cp)) u->second = cp;
    hash = hash * 31 + cp;
  }
  font->descriptor = Descriptor(source, metrics, per_unit);
  hb_font_destroy(metrics);
  font->base_font = BaseFont(source, hash);
  font->widths = WidthArray(widths);
  font->to_unicode = Deflate(ToUnicodeCMap(subset->unicode), kFontZlibLevel);
  if (!font->to_unicode.empty()) subset->pdf = std::move(font);
}

void PdfFonts::Prepare(const Document& doc) {
  pages_.clear();
  used_.clear();
  std::map<hb_face_t*, hb_set_t*> wanted;
  std::map<hb_face_t*, std::map<uint32_t, uint32_t>> wanted_cmap;
  std::vector<hb_face_t*> order;  // by first use: the same issue, the same bytes
  for (const Page& page : doc.pages) {
    for (const GlyphSeg& seg : page.segs) {
      hb_face_t* source = Use(seg.item->item->analysis.font)->source;
      if (source == nullptr) continue;
      hb_set_t*& set = wanted[source];
      if (set == nullptr) {
        set = hb_set_create();
        order.push_back(source);
      }
      const PangoGlyphString* gs = seg.item->glyphs;
      for (int g = 0; g < gs->num_glyphs; ++g) {
        if (Drawable(gs->glyphs[g].glyph)) hb_set_add(set, gs->glyphs[g].glyph);
      }
      CollectCmap(seg, &wanted_cmap[source]);
    }
  }
  for (hb_face_t* source : order) {
    hb_set_t* set = wanted[source];
    FaceSubset& subset = SubsetFor(source);
    auto& cmap = wanted_cmap[source];
    if (!hb_set_is_equal(set, subset.glyphs) || cmap != subset.cmap) {
      hb_set_clear(subset.glyphs);
      hb_set_union(subset.glyphs, set);
      subset.cmap = std::move(cmap);
      Remake(source, &subset);
    }
    hb_set_destroy(set);
    if (subset.pdf != nullptr) {
      subset.pdf->resource = "J" + std::to_string(used_.size());
      used_.push_back(source);
    }
  }
}

void PdfFonts::StartPage() { pages_.emplace_back(); }

std::vector<std::vector<std::string>> PdfFonts::TakePageText() { return std::move(pages_); }

std::vector<const PdfFont*> PdfFonts::Fonts() const {
  std::vector<const PdfFont*> out;
  for (hb_face_t* source : used_) out.push_back(subsets_.at(source).pdf.get());
  return out;
}

PdfFonts::FontUse* PdfFonts::Ready(const GlyphSeg& seg) {
  auto use = fonts_.find(seg.item->item->analysis.font);
  if (use == fonts_.end() || use->second.source == nullptr) return nullptr;
  auto subset = subsets_.find(use->second.source);
  if (subset == subsets_.end() || subset->second.pdf == nullptr) return nullptr;
  return &use->second;
}

size_t PdfFonts::ShowLine(cairo_t* cr, const GlyphSeg* const* segs, size_t n) {
  const GlyphSeg& first = *segs[0];
  FontUse* use = Ready(first);
  if (use == nullptr || pages_.empty() || (first.item->item->analysis.level & 1) != 0) {
    // Not subset, or right-to-left: Pango draws it, with its own clusters.
    cairo_move_to(cr, first.x, first.y);
    pango_cairo_show_glyph_item(cr, first.text.c_str(), first.item.get());
    return 1;
  }
  const FaceSubset& subset = subsets_.find(use->source)->second;
  std::vector<cairo_glyph_t> glyphs;  // index: code
  std::vector<double> advances;       // in ems
  std::vector<cairo_text_cluster_t> clusters;
  std::string text;
  bool mapped = true;  // every segment's clusters add up
  size_t k = 0;
  for (; k < n; ++k) {
    const GlyphSeg& s = *segs[k];
    // A segment without glyphs (a space set as a gap) joins whatever font
    // its neighbours are in, so that its text is not lost.
    bool blank = true;
    for (int g = 0; g < s.item->glyphs->num_glyphs && blank; ++g) {
      blank = !Drawable(s.item->glyphs->glyphs[g].glyph);
    }
    if (k > 0 &&
        (s.y != first.y || s.rgb != first.rgb || s.para != first.para || s.line != first.line ||
         (s.item->item->analysis.level & 1) != 0 || (!blank && Ready(s) != use))) {
      break;
    }
    const size_t before = glyphs.size();
    const PangoGlyphString* gs = s.item->glyphs;
    int x = 0;
    for (int g = 0; g < gs->num_glyphs; ++g) {
      const PangoGlyphInfo& info = gs->glyphs[g];
      if (Drawable(info.glyph)) {
        auto it = subset.glyph.find(info.glyph);
        const Glyph known = it != subset.glyph.end() ? it->second : Glyph{};
        glyphs.push_back({known.code,
                          s.x + static_cast<double>(x + info.geometry.x_offset) / PANGO_SCALE,
                          s.y + static_cast<double>(info.geometry.y_offset) / PANGO_SCALE});
        advances.push_back(known.width / 1000.0);
      }
      x += info.geometry.width;
    }
    std::vector<cairo_text_cluster_t> c = Clusters(s, static_cast<int>(glyphs.size() - before));
    if (c.empty() && glyphs.size() > before) mapped = false;
    clusters.insert(clusters.end(), c.begin(), c.end());
    text += s.text;
  }
  if (glyphs.empty()) return k;
  const double size = use->size;
  if (mapped) {
    clusters = JoinAtGaps(clusters, glyphs, advances, size, 0.05 * size);
  } else {
    clusters.assign(1, {static_cast<int>(text.size()), static_cast<int>(glyphs.size())});
  }
  cairo_rectangle(cr, 0, 0, kMarkerW, kMarkerH);
  cairo_fill(cr);
  // The operators: one text object, one TJ array per run of glyphs on one
  // baseline outside /ActualText spans; the pen is followed exactly, so the
  // integer TJ adjustments never add up to a drift.
  std::string ops = "q " + Num(((first.rgb >> 16) & 0xFF) / 255.0) + " " +
                    Num(((first.rgb >> 8) & 0xFF) / 255.0) + " " + Num((first.rgb & 0xFF) / 255.0) +
                    " rg\nBT\n/" + subset.pdf->resource + " 1 Tf\n";
  const std::string sz = Num(size);
  double pen = 0, baseline = 0;
  bool placed = false, open = false;
  size_t g = 0, byte = 0;
  for (const cairo_text_cluster_t& c : clusters) {
    const std::string_view part(text.data() + byte, c.num_bytes);
    byte += c.num_bytes;
    // Pango's segment text is valid UTF-8 (Engine::Shape checks it).
    const char* end = part.data() + part.size();
    const bool one = !part.empty() && g_utf8_next_char(part.data()) == end;
    bool plain = false;
    if (c.num_glyphs == 1 && one) {
      auto u = subset.unicode.find(static_cast<uint32_t>(glyphs[g].index));
      plain = u != subset.unicode.end() && u->second == g_utf8_get_char(part.data());
    }
    if (!plain) {
      if (open) ops += "]TJ\n";
      open = false;
      ops += "/Span << /ActualText <FEFF";
      for (const char* p = part.data(); p < end; p = g_utf8_next_char(p)) {
        AppendUtf16Hex(g_utf8_get_char(p), &ops);
      }
      ops += "> >> BDC\n";
    }
    for (int i = 0; i < c.num_glyphs; ++i, ++g) {
      if (!placed || glyphs[g].y != baseline) {
        if (open) ops += "]TJ\n";
        ops += sz + " 0 0 -" + sz + " " + Num(glyphs[g].x) + " " + Num(glyphs[g].y) + " Tm\n[";
        pen = glyphs[g].x;
        baseline = glyphs[g].y;
        placed = open = true;
      } else {
        if (!open) ops += "[";
        open = true;
        const long adjust = std::lround((pen - glyphs[g].x) * 1000 / size);
        if (adjust != 0) {
          ops += std::to_string(adjust);
          pen -= adjust * size / 1000;
        }
      }
      static constexpr char kHex[] = "0123456789ABCDEF";
      const auto code = static_cast<uint32_t>(glyphs[g].index);
      const char hex[6] = {'<',
                           kHex[(code >> 12) & 15],
                           kHex[(code >> 8) & 15],
                           kHex[(code >> 4) & 15],
                           kHex[code & 15],
                           '>'};
      ops.append(hex, sizeof hex);
      pen += advances[g] * size;
    }
    if (!plain) {
      if (open) ops += "]TJ\n";
      open = false;
      ops += "EMC\n";
    }
  }
  if (open) ops += "]TJ\n";
  ops += "ET\nQ\n";
  pages_.back().push_back(std::move(ops));
  return k;
}

}  // namespace jianbao::typeset
