// Copyright 2026 The Jianbao Authors.

#include "epidemic/chart_canvas.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <numbers>

namespace jianbao::epidemic {
namespace {

constexpr double kPointsPerInch = 72.0;

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

struct FontUnref {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

// A one-line layout of `text` in `family`; sizes are in points because the
// context's resolution is 72 dpi (the canvas is scaled to points).
LayoutPtr MakeLayout(cairo_t* cr, const std::string& family, const std::string& text,
                     const TextStyle& style) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  PangoContext* ctx = pango_layout_get_context(layout.get());
  pango_cairo_context_set_resolution(ctx, kPointsPerInch);
  pango_layout_context_changed(layout.get());
  std::unique_ptr<PangoFontDescription, FontUnref> font(pango_font_description_new());
  pango_font_description_set_family(font.get(), family.c_str());
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size(font.get(), static_cast<int>(style.size_pt * PANGO_SCALE));
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

double Offset(Align a, double extent) {
  switch (a) {
    case Align::kStart:
      return 0;
    case Align::kCenter:
      return extent / 2;
    case Align::kEnd:
      return extent;
  }
  return 0;
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void ChartCanvas::SurfaceDeleter::operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }

void ChartCanvas::ContextDeleter::operator()(cairo_t* cr) const { cairo_destroy(cr); }

Result<ChartCanvas> ChartCanvas::Create(double width_pt, double height_pt, double dpi,
                                        std::string font_family) {
  const double scale = dpi / kPointsPerInch;
  const int w = static_cast<int>(std::lround(width_pt * scale));
  const int h = static_cast<int>(std::lround(height_pt * scale));
  ChartCanvas canvas;
  canvas.surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(canvas.surface_.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal("chart: cannot create a " + std::to_string(w) + "x" +
                            std::to_string(h) + " image");
  }
  canvas.cr_.reset(cairo_create(canvas.surface_.get()));
  canvas.width_pt_ = width_pt;
  canvas.height_pt_ = height_pt;
  canvas.font_family_ = std::move(font_family);
  cairo_scale(canvas.cr_.get(), scale, scale);
  canvas.FillRect(0, 0, width_pt, height_pt, {1, 1, 1});
  return canvas;
}

void ChartCanvas::MeasureText(const std::string& text, const TextStyle& style, double* w,
                              double* h) const {
  LayoutPtr layout = MakeLayout(cr_.get(), font_family_, text, style);
  int pw = 0, ph = 0;
  pango_layout_get_size(layout.get(), &pw, &ph);
  *w = static_cast<double>(pw) / PANGO_SCALE;
  *h = static_cast<double>(ph) / PANGO_SCALE;
}

void ChartCanvas::DrawText(const std::string& text, double x, double y, const TextStyle& style,
                           TextAnchor anchor) {
  cairo_t* cr = cr_.get();
  LayoutPtr layout = MakeLayout(cr, font_family_, text, style);
  int pw = 0, ph = 0;
  pango_layout_get_size(layout.get(), &pw, &ph);
  const double w = static_cast<double>(pw) / PANGO_SCALE, h = static_cast<double>(ph) / PANGO_SCALE;
  cairo_set_source_rgb(cr, style.color.r, style.color.g, style.color.b);
  cairo_move_to(cr, x - Offset(anchor.horizontal, w), y - Offset(anchor.vertical, h));
  pango_cairo_show_layout(cr, layout.get());
}

void ChartCanvas::DrawLine(double x0, double y0, double x1, double y1, Rgb color, double width) {
  cairo_t* cr = cr_.get();
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_set_line_width(cr, width);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

void ChartCanvas::FillRect(double x, double y, double w, double h, Rgb color) {
  cairo_t* cr = cr_.get();
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
}

void ChartCanvas::FillCircle(double x, double y, double radius, Rgb color) {
  cairo_t* cr = cr_.get();
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, radius, 0, 2 * std::numbers::pi);
  cairo_fill(cr);
}

Result<std::string> ChartCanvas::Png() const {
  cairo_surface_flush(surface_.get());
  std::string out;
  if (cairo_surface_write_to_png_stream(surface_.get(), AppendBytes, &out) !=
      CAIRO_STATUS_SUCCESS) {
    return Status::Internal("chart: PNG encoding failed");
  }
  return out;
}

}  // namespace jianbao::epidemic
