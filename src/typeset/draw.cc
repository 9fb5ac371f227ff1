// Copyright 2026 The Jianbao Authors.

#include "typeset/draw.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

#include "typeset/links.h"
#include "typeset/pdf_finish.h"
#include "typeset/pdf_fonts.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {
namespace {

// Images in the PDF carry at most this many pixels per inch of print (a
// larger image is reduced by a whole factor; a JPEG is embedded as it is).
constexpr double kPdfImageDpi = 300;
constexpr char kCreator[] = "Jianbao typeset";

struct CairoFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void SetRgb(cairo_t* cr, uint32_t rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                       (rgb & 0xFF) / 255.0);
}

std::string Fmt(const char* fmt, double a, double b) {
  char buf[96];
  std::snprintf(buf, sizeof buf, fmt, a, b);
  return buf;
}

// Escapes a value for a Cairo tag attribute string.
std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void DrawRule(cairo_t* cr, const RuleBox& r) {
  SetRgb(cr, r.rgb);
  if (r.dotted) {
    // Round dots every 4 pt, aligned to a page-wide grid so leaders line up.
    double step = 4;
    for (double x = std::ceil(r.x0 / step) * step; x <= r.x1; x += step) {
      cairo_arc(cr, x, r.y0, r.width / 2, 0, 2 * G_PI);
      cairo_fill(cr);
    }
    return;
  }
  cairo_set_line_width(cr, r.width);
  cairo_move_to(cr, r.x0, r.y0);
  cairo_line_to(cr, r.x1, r.y1);
  cairo_stroke(cr);
}

// Decodes one image at `px_per_pt` (reduced to what the page needs, not its
// full size) and paints it; the pixels are released with the surface here,
// or by a PDF surface once it has written the page.
Status DrawImage(cairo_t* cr, const ImageBox& im, double px_per_pt) {
  const int want_w = static_cast<int>(std::ceil(im.w * px_per_pt));
  const int want_h = static_cast<int>(std::ceil(im.h * px_per_pt));
  JB_ASSIGN_OR_RETURN(codec::Surface pixels, DecodeImage(*im.image, want_w, want_h));
  cairo_save(cr);
  cairo_translate(cr, im.x, im.y);
  cairo_scale(cr, im.w / cairo_image_surface_get_width(pixels.get()),
              im.h / cairo_image_surface_get_height(pixels.get()));
  cairo_set_source_surface(cr, pixels.get(), 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  return Status();
}

// Keeps the structure elements of a tagged PDF open: Open(t) closes and
// opens Cairo structure tags so that exactly the path from the root to node
// `t` is open (-1: none). An element left open across cairo_show_page()
// would take in the next page's furniture, so each page closes all but the
// root; an element split by a page break becomes two elements of its type.
class Tagger {
 public:
  Tagger(cairo_t* cr, const Structure& s) : cr_(cr), s_(s) {}
  void Open(int tag) {
    std::vector<int> path;
    for (int t = tag; t >= 0; t = s_[t].parent) path.push_back(t);
    std::reverse(path.begin(), path.end());
    size_t k = 0;
    while (k < open_.size() && k < path.size() && open_[k] == path[k]) ++k;
    while (open_.size() > k) {
      cairo_tag_end(cr_, s_[open_.back()].type.c_str());
      open_.pop_back();
    }
    for (; k < path.size(); ++k) {
      cairo_tag_begin(cr_, s_[path[k]].type.c_str(), "");
      open_.push_back(path[k]);
    }
  }

 private:
  cairo_t* cr_;
  const Structure& s_;
  std::vector<int> open_;
};

// Writes link `l`; content drawn by `inside` (may be empty) is the Link
// element's text.
void DrawLink(cairo_t* cr, const LinkBox& l, const std::function<void()>& inside = nullptr) {
  if (!l.uri.empty() && !IsSafeLink(l.uri)) {  // javascript:, file:, data:, UNC …
    if (inside) inside();
    return;
  }
  std::string rect = "rect=[" + Fmt("%.2f %.2f", l.x, l.y) + " " + Fmt("%.2f %.2f", l.w, l.h) + "]";
  // Internal links name their destination: Cairo 1.16 writes a link to a page
  // it has not reached yet (page=N) without any /Dest.
  std::string attrs =
      l.uri.empty() ? rect + " dest=" + Quote(l.dest) : rect + " uri=" + Quote(l.uri);
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
  if (inside) inside();
  cairo_tag_end(cr, CAIRO_TAG_LINK);
}

// Draws glyph segments: through `fonts` when given (PDF: each run of one
// line in one font becomes one text object, see PdfFonts::ShowLine), else
// through Pango.
void DrawSegs(cairo_t* cr, const std::vector<const GlyphSeg*>& segs, PdfFonts* fonts) {
  for (size_t i = 0; i < segs.size();) {
    SetRgb(cr, segs[i]->rgb);
    if (fonts == nullptr) {
      cairo_move_to(cr, segs[i]->x, segs[i]->y);
      pango_cairo_show_glyph_item(cr, segs[i]->text.c_str(), segs[i]->item.get());
      ++i;
      continue;
    }
    size_t n = fonts->ShowLine(cr, segs.data() + i, segs.size() - i);
    i += std::max<size_t>(n, 1);
  }
}

// Draws one page; glyphs through `fonts` when given (PDF, tagged through
// `tagger` with its links and destinations), else through Pango; images at
// `px_per_pt` pixels per point. Errors are DecodeImage's.
Status DrawPage(cairo_t* cr, const Page& page, PdfFonts* fonts, double px_per_pt,
                const Document* doc = nullptr, int page_no = 0, Tagger* tagger = nullptr) {
  // Page furniture first (rules, page numbers), outside any element.
  for (const RuleBox& r : page.rules) DrawRule(cr, r);
  std::vector<const GlyphSeg*> loose;
  for (const GlyphSeg& s : page.segs) {
    if (s.tag < 0 || tagger == nullptr) loose.push_back(&s);
  }
  if (tagger == nullptr) {
    for (const ImageBox& im : page.images) JB_RETURN_IF_ERROR(DrawImage(cr, im, px_per_pt));
    DrawSegs(cr, loose, fonts);
    if (fonts == nullptr) return Status();  // links only in the PDF
    for (const LinkBox& l : page.links) DrawLink(cr, l);
    return Status();
  }
  DrawSegs(cr, loose, fonts);
  for (const OutlineEntry& o : doc->outline) {
    if (o.page != page_no) continue;
    std::string attrs = "name=" + Quote(o.dest) + " x=" + Fmt("%.2f y=%.2f", geo::kLeft, o.y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
    cairo_tag_end(cr, CAIRO_TAG_DEST);
  }
  // Then the content in document order (node order), each inside its element.
  struct Item {
    int tag, kind;  // kind: -1 internal link (a contents entry), 0 glyphs, 1 image, 2 link
    size_t index;
  };
  std::vector<Item> items;
  for (size_t i = 0; i < page.segs.size(); ++i) {
    if (page.segs[i].tag >= 0) items.push_back({page.segs[i].tag, 0, i});
  }
  for (size_t i = 0; i < page.images.size(); ++i) items.push_back({page.images[i].tag, 1, i});
  for (size_t i = 0; i < page.links.size(); ++i) {
    items.push_back({page.links[i].tag, page.links[i].uri.empty() ? -1 : 2, i});
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.tag != b.tag ? a.tag < b.tag : a.kind < b.kind;
  });
  for (size_t i = 0; i < items.size();) {
    tagger->Open(std::max(items[i].tag, 0));
    const int tag = items[i].tag;
    auto glyph_run = [&] {
      std::vector<const GlyphSeg*> run;
      for (; i < items.size() && items[i].kind == 0 && items[i].tag == tag; ++i) {
        run.push_back(&page.segs[items[i].index]);
      }
      return run;
    };
    if (items[i].kind == -1) {
      // A contents entry: its text (title and page number) is the link's.
      const LinkBox& l = page.links[items[i].index];
      ++i;
      std::vector<const GlyphSeg*> run = glyph_run();
      DrawLink(cr, l, [&] { DrawSegs(cr, run, fonts); });
    } else if (items[i].kind == 0) {
      DrawSegs(cr, glyph_run(), fonts);
    } else if (items[i].kind == 1) {
      JB_RETURN_IF_ERROR(DrawImage(cr, page.images[items[i].index], px_per_pt));
      ++i;
    } else {
      DrawLink(cr, page.links[items[i].index]);
      ++i;
    }
  }
  tagger->Open(0);  // the root stays open across pages
  return Status();
}

}  // namespace

void PrepareCairoPdf() {
  // Cairo leaves the content streams uncompressed: FinishPdf puts the text
  // into them and compresses them itself, at a level of its choice. Cairo
  // reads this when a surface is made; set once, before the first one.
  static const bool uncompressed = setenv("CAIRO_DEBUG_PDF", "1", 0) == 0;
  (void)uncompressed;
}

Result<std::string> DrawPdf(const Document& doc, PdfFonts* fonts) {
  PrepareCairoPdf();
  fonts->Prepare(doc);
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(Append, &out, geo::kPageW, geo::kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, kCreator);
  // The date, not the time of the render: the same issue gives the same bytes.
  const std::string when = doc.date + "T00:00:00+08:00";
  if (doc.date.size() == 10) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, when.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, when.c_str());
  }
  Status drawn;
  {
    std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface));
    for (const OutlineEntry& o : doc.outline) {
      std::string dest = "dest=" + Quote(o.dest);
      cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, o.title.c_str(), dest.c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
    }
    // Cairo 1.16 makes every link a /Link structure element; without a
    // structure tree around them it lists their objects in the
    // cross-reference table and never writes them (qpdf: "object N 0 not found").
    Tagger tagger(cr.get(), doc.structure);
    tagger.Open(0);
    int page_no = 0;
    for (const Page& page : doc.pages) {
      fonts->StartPage();
      drawn = DrawPage(cr.get(), page, fonts, kPdfImageDpi / 72.0, &doc, ++page_no, &tagger);
      if (!drawn.ok()) break;
      cairo_show_page(cr.get());  // writes the page and releases its images
    }
    tagger.Open(-1);
  }
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (!drawn.ok()) return drawn;
  if (st != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo: ") + cairo_status_to_string(st));
  }
  PdfExtras extras;
  extras.lang = doc.lang;
  extras.title = doc.title;
  extras.author = doc.author;
  extras.creator = kCreator;
  if (doc.date.size() == 10) extras.date = when;
  for (const StructNode& n : doc.structure) {
    if (n.type == "Figure") extras.figure_alts.push_back(n.alt);
  }
  for (const OutlineEntry& o : doc.outline) extras.dest_titles[o.dest] = o.title;
  extras.fonts = fonts->Fonts();
  extras.page_text = fonts->TakePageText();
  return FinishPdf(out, extras);
}

Result<std::vector<std::string>> DrawPng(const Document& doc, int dpi) {
  std::vector<std::string> pages;
  double scale = dpi / 72.0;
  int w = static_cast<int>(geo::kPageW * scale + 0.5),
      h = static_cast<int>(geo::kPageH * scale + 0.5);
  for (const Page& page : doc.pages) {
    std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    {
      std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
      cairo_set_source_rgb(cr.get(), 1, 1, 1);
      cairo_paint(cr.get());
      cairo_scale(cr.get(), scale, scale);
      JB_RETURN_IF_ERROR(DrawPage(cr.get(), page, nullptr, scale));
    }
    std::string png;
    cairo_status_t st = cairo_surface_write_to_png_stream(surface.get(), Append, &png);
    if (st != CAIRO_STATUS_SUCCESS) {
      return Status::Internal(std::string("cairo: ") + cairo_status_to_string(st));
    }
    pages.push_back(std::move(png));
  }
  return pages;
}

}  // namespace jianbao::typeset
