// Copyright 2026 The Jianbao Authors.

#include "typeset/pdf_fonts.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

namespace jianbao::typeset {
namespace {

// Tables a PDF font does not need; the layout ones would also pull every
// glyph reachable by a substitution into the subset.
constexpr const char* kDroppedTables[] = {
    "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG", "kern",
    "morx", "mort", "kerx", "feat", "trak", "STAT", "hdmx", "LTSH", "VDMX", "gasp", "meta"};

// A kept subset that would grow beyond this many glyphs starts afresh.
constexpr unsigned kMaxKeptGlyphs = 12000;

// FreeType faces made here outlive a render: Cairo keeps recently used fonts,
// and so their FT_Face, in a cache. Hence one process-wide library that is
// never freed, and a mutex, because FreeType requires FT_New_Face and
// FT_Done_Face on one library to be serialised.
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

// What a Cairo font face made from a subset keeps alive.
struct FaceOwner {
  FT_Face face = nullptr;
  hb_blob_t* blob = nullptr;  // the font file the FT_Face reads
  ~FaceOwner() {
    if (face != nullptr) {
      std::lock_guard<std::mutex> lock(FtMutex());
      FT_Done_Face(face);
    }
    hb_blob_destroy(blob);
  }
};

const cairo_user_data_key_t kOwnerKey = {};

void DestroyOwner(void* p) { std::unique_ptr<FaceOwner> owner(static_cast<FaceOwner*>(p)); }

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

// Returns a Cairo face over the font file `blob` (taking the reference), or
// null when FreeType cannot read it.
cairo_font_face_t* CairoFace(hb_blob_t* blob) {
  auto owner = std::make_unique<FaceOwner>();
  owner->blob = blob;
  unsigned int size = 0;
  const char* data = hb_blob_get_data(blob, &size);
  {
    std::lock_guard<std::mutex> lock(FtMutex());
    if (FtLibrary() == nullptr ||
        FT_New_Memory_Face(FtLibrary(), reinterpret_cast<const FT_Byte*>(data),
                           static_cast<FT_Long>(size), 0, &owner->face) != 0) {
      owner->face = nullptr;
      return nullptr;
    }
  }
  cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(owner->face, FT_LOAD_NO_HINTING);
  if (cairo_font_face_set_user_data(face, &kOwnerKey, owner.get(), DestroyOwner) !=
      CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(face);
    return nullptr;  // `owner` frees the FT_Face
  }
  owner.release();  // now owned by `face`
  return face;
}

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

void Put16(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>((v >> 8) & 0xFF));
  out->push_back(static_cast<char>(v & 0xFF));
}
void Put32(std::string* out, uint32_t v) {
  Put16(out, v >> 16);
  Put16(out, v & 0xFFFF);
}

// Returns a cmap table mapping exactly `cmap` (code point → glyph id): a
// format 4 subtable (3,1) for the BMP, which Cairo reads back to write each
// glyph's ToUnicode entry, and a format 12 subtable (3,10) for all; "" when
// the BMP part does not fit a format 4 subtable.
std::string CmapTable(const std::map<uint32_t, uint32_t>& cmap) {
  // Format 4: one segment per run of consecutive code points, glyph ids in
  // glyphIdArray, and the closing 0xFFFF segment.
  struct Seg {
    uint32_t start, end, first;  // first: index into glyph_ids
  };
  std::vector<Seg> segs;
  std::vector<uint32_t> glyph_ids;
  for (const auto& [cp, gid] : cmap) {
    if (cp >= 0xFFFF) break;
    if (segs.empty() || segs.back().end + 1 != cp) {
      segs.push_back({cp, cp, static_cast<uint32_t>(glyph_ids.size())});
    } else {
      segs.back().end = cp;
    }
    glyph_ids.push_back(gid);
  }
  const uint32_t seg_count = static_cast<uint32_t>(segs.size()) + 1;
  const uint32_t len4 = 16 + 8 * seg_count + 2 * static_cast<uint32_t>(glyph_ids.size());
  if (len4 > 0xFFFF) return "";
  std::string f4;
  Put16(&f4, 4);
  Put16(&f4, len4);
  Put16(&f4, 0);
  Put16(&f4, seg_count * 2);
  uint32_t pow = 1, log = 0;
  while (pow * 2 <= seg_count) {
    pow *= 2;
    ++log;
  }
  Put16(&f4, pow * 2);
  Put16(&f4, log);
  Put16(&f4, seg_count * 2 - pow * 2);
  for (const Seg& g : segs) Put16(&f4, g.end);
  Put16(&f4, 0xFFFF);
  Put16(&f4, 0);  // reservedPad
  for (const Seg& g : segs) Put16(&f4, g.start);
  Put16(&f4, 0xFFFF);
  for (size_t i = 0; i < segs.size(); ++i) Put16(&f4, 0);  // idDelta
  Put16(&f4, 1);
  for (size_t i = 0; i < segs.size(); ++i) {
    // Bytes from this idRangeOffset entry to the segment's first glyph id.
    Put16(&f4, static_cast<uint32_t>(2 * (seg_count - i) + 2 * segs[i].first));
  }
  Put16(&f4, 0);
  for (uint32_t g : glyph_ids) Put16(&f4, g);
  std::string f12;
  Put16(&f12, 12);
  Put16(&f12, 0);
  Put32(&f12, 16 + 12 * static_cast<uint32_t>(cmap.size()));
  Put32(&f12, 0);
  Put32(&f12, static_cast<uint32_t>(cmap.size()));
  for (const auto& [cp, gid] : cmap) {
    Put32(&f12, cp);
    Put32(&f12, cp);
    Put32(&f12, gid);
  }
  std::string t;
  Put16(&t, 0);
  Put16(&t, 2);
  Put16(&t, 3);
  Put16(&t, 1);
  Put32(&t, 4 + 2 * 8);
  Put16(&t, 3);
  Put16(&t, 10);
  Put32(&t, 4 + 2 * 8 + static_cast<uint32_t>(f4.size()));
  return t + f4 + f12;
}

// Returns the font file `font` with its cmap replaced by `cmap_table`
// (taking the reference to `font`), or `font` when that fails.
hb_blob_t* WithCmap(hb_blob_t* font, const std::string& cmap_table) {
  if (cmap_table.empty()) return font;
  hb_face_t* face = hb_face_create(font, 0);
  unsigned count = hb_face_get_table_tags(face, 0, nullptr, nullptr);
  std::vector<hb_tag_t> tags(count);
  hb_face_get_table_tags(face, 0, &count, tags.data());
  hb_face_t* builder = hb_face_builder_create();
  for (hb_tag_t tag : tags) {
    if (tag == HB_TAG('c', 'm', 'a', 'p')) continue;
    hb_blob_t* table = hb_face_reference_table(face, tag);
    hb_face_builder_add_table(builder, tag, table);
    hb_blob_destroy(table);
  }
  hb_blob_t* cmap = hb_blob_create(cmap_table.data(), static_cast<unsigned>(cmap_table.size()),
                                   HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
  hb_face_builder_add_table(builder, HB_TAG('c', 'm', 'a', 'p'), cmap);
  hb_blob_destroy(cmap);
  hb_blob_t* out = hb_face_reference_blob(builder);
  hb_face_destroy(builder);
  hb_face_destroy(face);
  if (hb_blob_get_length(out) == 0) {
    hb_blob_destroy(out);
    return font;
  }
  hb_blob_destroy(font);
  return out;
}

// Returns a Cairo face over a subset of `source` holding `glyphs`, with a
// cmap of exactly the pairs of `cmap` (code point → original glyph id: the
// text each glyph was shaped from), and fills `new_gid`; null when the
// subsetter or FreeType fails.
cairo_font_face_t* SubsetFace(hb_face_t* source, const hb_set_t* glyphs,
                              const std::map<uint32_t, uint32_t>& cmap,
                              std::vector<uint32_t>* new_gid) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) return nullptr;
  hb_set_union(hb_subset_input_glyph_set(input), glyphs);
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
  if (plan == nullptr) return nullptr;
  const hb_map_t* map = hb_subset_plan_old_to_new_glyph_mapping(plan);
  new_gid->assign(hb_set_get_max(glyphs) + 1, 0);
  for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(glyphs, &g);) {
    hb_codepoint_t n = hb_map_get(map, g);
    (*new_gid)[g] = n == HB_MAP_VALUE_INVALID ? 0 : n;
  }
  hb_face_t* subset = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  if (subset == nullptr) return nullptr;
  hb_blob_t* blob = hb_face_reference_blob(subset);
  hb_face_destroy(subset);
  if (hb_blob_get_length(blob) == 0) {
    hb_blob_destroy(blob);
    return nullptr;
  }
  // Cairo gives a glyph drawn inside an /ActualText span the text its font's
  // cmap maps to it; the subsetter would map every code point of the source
  // that shares the glyph (行 and the Kangxi radical ⾏), so the cmap is ours.
  std::map<uint32_t, uint32_t> mapped;
  for (const auto& [cp, gid] : cmap) {
    if (gid < new_gid->size() && (*new_gid)[gid] != 0) mapped[cp] = (*new_gid)[gid];
  }
  return CairoFace(WithCmap(blob, CmapTable(mapped)));
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

// Appends the drawable glyphs of `seg`, their ids mapped by `new_gid`, and
// the natural advance of each in ems (from HarfBuzz's metrics: no outline
// is loaded).
void AppendGlyphs(const GlyphSeg& seg, const std::vector<uint32_t>& new_gid,
                  std::vector<cairo_glyph_t>* glyphs, std::vector<double>* advances) {
  const PangoGlyphString* gs = seg.item->glyphs;
  hb_font_t* hb = pango_font_get_hb_font(seg.item->item->analysis.font);
  int x_scale = 0, y_scale = 0;
  if (hb != nullptr) hb_font_get_scale(hb, &x_scale, &y_scale);
  int x = 0;
  for (int g = 0; g < gs->num_glyphs; ++g) {
    const PangoGlyphInfo& info = gs->glyphs[g];
    if (Drawable(info.glyph)) {
      unsigned long id = info.glyph < new_gid.size() ? new_gid[info.glyph] : 0;
      glyphs->push_back({id, seg.x + static_cast<double>(x + info.geometry.x_offset) / PANGO_SCALE,
                         seg.y + static_cast<double>(info.geometry.y_offset) / PANGO_SCALE});
      advances->push_back(
          x_scale != 0 ? static_cast<double>(hb_font_get_glyph_h_advance(hb, info.glyph)) / x_scale
                       : 1.0);
    }
    x += info.geometry.width;
  }
}

// Joins neighbouring clusters where a text extractor would see a gap or an
// overlap between their glyphs (the quarter em between Chinese and Latin
// text, the spread of a justified line, a squeezed punctuation mark): more
// than `slack` points between where one cluster's last glyph ends and the
// next one's first glyph begins. Cairo writes a cluster of several glyphs
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

// Returns a scaled font of `face` with the size, matrices and options of
// Pango's `font`, or null.
cairo_scaled_font_t* ScaledLike(PangoFont* font, cairo_font_face_t* face) {
  cairo_scaled_font_t* like = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (like == nullptr) return nullptr;
  cairo_matrix_t font_matrix, ctm;
  cairo_scaled_font_get_font_matrix(like, &font_matrix);
  cairo_scaled_font_get_ctm(like, &ctm);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_scaled_font_get_font_options(like, options);
  cairo_scaled_font_t* scaled = cairo_scaled_font_create(face, &font_matrix, &ctm, options);
  cairo_font_options_destroy(options);
  if (cairo_scaled_font_status(scaled) != CAIRO_STATUS_SUCCESS) {
    cairo_scaled_font_destroy(scaled);
    return nullptr;
  }
  return scaled;
}

}  // namespace

PdfFonts::~PdfFonts() {
  for (auto& [font, use] : fonts_) {
    if (use.scaled != nullptr) cairo_scaled_font_destroy(use.scaled);
    g_object_unref(font);
  }
  for (auto& [source, subset] : subsets_) {
    if (subset.face != nullptr) cairo_font_face_destroy(subset.face);
    hb_set_destroy(subset.glyphs);
    hb_face_destroy(source);
  }
}

PdfFonts::FontUse* PdfFonts::Use(PangoFont* font) {
  auto [it, fresh] = fonts_.try_emplace(font);
  if (fresh) {
    g_object_ref(font);
    it->second.source = PlainFace(font);
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

void PdfFonts::Remake(hb_face_t* source, FaceSubset* subset) {
  if (subset->face != nullptr) cairo_font_face_destroy(subset->face);
  subset->face = SubsetFace(source, subset->glyphs, subset->cmap, &subset->new_gid);
  ++subset->generation;
}

void PdfFonts::Prepare(const Document& doc) {
  std::map<hb_face_t*, hb_set_t*> wanted;
  std::map<hb_face_t*, std::map<uint32_t, uint32_t>> wanted_cmap;
  for (const Page& page : doc.pages) {
    for (const GlyphSeg& seg : page.segs) {
      hb_face_t* source = Use(seg.item->item->analysis.font)->source;
      if (source == nullptr) continue;
      hb_set_t*& set = wanted[source];
      if (set == nullptr) set = hb_set_create();
      const PangoGlyphString* gs = seg.item->glyphs;
      for (int g = 0; g < gs->num_glyphs; ++g) {
        if (Drawable(gs->glyphs[g].glyph)) hb_set_add(set, gs->glyphs[g].glyph);
      }
      CollectCmap(seg, &wanted_cmap[source]);
    }
  }
  for (auto& [source, set] : wanted) {
    FaceSubset& subset = SubsetFor(source);
    const auto& cmap = wanted_cmap[source];
    bool new_text = false;
    for (const auto& [cp, gid] : cmap) {
      if (subset.cmap.count(cp) == 0) {
        new_text = true;
        break;
      }
    }
    if (!hb_set_is_subset(set, subset.glyphs) || new_text) {
      if (hb_set_get_population(subset.glyphs) + hb_set_get_population(set) > kMaxKeptGlyphs) {
        hb_set_clear(subset.glyphs);
        subset.cmap.clear();
      }
      hb_set_union(subset.glyphs, set);
      subset.cmap.insert(cmap.begin(), cmap.end());
      Remake(source, &subset);
    }
    hb_set_destroy(set);
  }
}

PdfFonts::FontUse* PdfFonts::Ready(const GlyphSeg& seg) {
  PangoFont* font = seg.item->item->analysis.font;
  auto use = fonts_.find(font);
  if (use == fonts_.end() || use->second.source == nullptr) return nullptr;
  auto subset = subsets_.find(use->second.source);
  if (subset == subsets_.end() || subset->second.face == nullptr) return nullptr;
  if (use->second.generation != subset->second.generation) {
    if (use->second.scaled != nullptr) cairo_scaled_font_destroy(use->second.scaled);
    use->second.scaled = ScaledLike(font, subset->second.face);
    use->second.generation = subset->second.generation;
  }
  return use->second.scaled != nullptr ? &use->second : nullptr;
}

size_t PdfFonts::ShowLine(cairo_t* cr, const GlyphSeg* const* segs, size_t n) {
  const GlyphSeg& first = *segs[0];
  FontUse* use = Ready(first);
  if (use == nullptr || (first.item->item->analysis.level & 1) != 0) {
    // Not subset, or right-to-left: Pango draws it, with its own clusters.
    cairo_move_to(cr, first.x, first.y);
    pango_cairo_show_glyph_item(cr, first.text.c_str(), first.item.get());
    return 1;
  }
  const std::vector<uint32_t>& new_gid = subsets_.find(use->source)->second.new_gid;
  std::vector<cairo_glyph_t> glyphs;
  std::vector<double> advances;
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
    size_t before = glyphs.size();
    AppendGlyphs(s, new_gid, &glyphs, &advances);
    std::vector<cairo_text_cluster_t> c = Clusters(s, static_cast<int>(glyphs.size() - before));
    if (c.empty() && glyphs.size() > before) mapped = false;
    clusters.insert(clusters.end(), c.begin(), c.end());
    text += s.text;
  }
  if (glyphs.empty()) return k;
  cairo_set_scaled_font(cr, use->scaled);
  if (!mapped) {
    cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
    return k;
  }
  cairo_matrix_t m;
  cairo_scaled_font_get_font_matrix(use->scaled, &m);
  const double size = std::hypot(m.xx, m.yx);
  clusters = JoinAtGaps(clusters, glyphs, advances, size, 0.05 * size);
  cairo_show_text_glyphs(cr, text.data(), static_cast<int>(text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(),
                         static_cast<int>(clusters.size()),
                         static_cast<cairo_text_cluster_flags_t>(0));
  return k;
}

}  // namespace jianbao::typeset
