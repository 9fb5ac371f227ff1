// Copyright 2026 The Jianbao Authors.

#include "typeset/draw.h"

#include <cairo-pdf.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "typeset/links.h"
#include "typeset/pdf_fonts.h"

namespace jianbao::typeset {
namespace {

// Images in the PDF carry at most this many pixels per inch of print (a
// larger image is reduced by a whole factor; a JPEG is embedded as it is).
constexpr double kPdfImageDpi = 300;

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

// Draws one page; glyphs through `fonts` when given (PDF), else through
// Pango; images at `px_per_pt` pixels per point. Errors are DecodeImage's.
Status DrawPage(cairo_t* cr, const Page& page, PdfFonts* fonts, double px_per_pt) {
  for (const RuleBox& r : page.rules) DrawRule(cr, r);
  for (const ImageBox& im : page.images) JB_RETURN_IF_ERROR(DrawImage(cr, im, px_per_pt));
  for (const GlyphSeg& s : page.segs) {
    SetRgb(cr, s.rgb);
    if (fonts != nullptr) {
      fonts->Show(cr, s);
    } else {
      cairo_move_to(cr, s.x, s.y);
      pango_cairo_show_glyph_item(cr, s.text.c_str(), s.item.get());
    }
  }
  if (fonts == nullptr) return Status();  // links only in the PDF
  for (const LinkBox& l : page.links) {
    if (!l.uri.empty() && !IsSafeLink(l.uri)) continue;  // javascript:, file:, data:, UNC …
    std::string rect =
        "rect=[" + Fmt("%.2f %.2f", l.x, l.y) + " " + Fmt("%.2f %.2f", l.w, l.h) + "]";
    std::string attrs = l.uri.empty() ? rect + " page=" + std::to_string(l.page) + " pos=[" +
                                            Fmt("%.2f %.2f", geo::kLeft, l.dest_y) + "]"
                                      : rect + " uri=" + Quote(l.uri);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
  return Status();
}

}  // namespace

Result<std::string> DrawPdf(const Document& doc, PdfFonts* fonts) {
  fonts->Prepare(doc);
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(Append, &out, geo::kPageW, geo::kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Jianbao typeset");
  Status drawn;
  {
    std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface));
    for (const OutlineEntry& o : doc.outline) {
      std::string dest =
          "page=" + std::to_string(o.page) + " pos=[" + Fmt("%.2f %.2f", geo::kLeft, o.y) + "]";
      cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, o.title.c_str(), dest.c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
    }
    for (const Page& page : doc.pages) {
      drawn = DrawPage(cr.get(), page, fonts, kPdfImageDpi / 72.0);
      if (!drawn.ok()) break;
      cairo_show_page(cr.get());  // writes the page and releases its images
    }
  }
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (!drawn.ok()) return drawn;
  if (st != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo: ") + cairo_status_to_string(st));
  }
  return out;
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
