// Copyright 2026 The Jianbao Authors.
//
// ChartCanvas: a white raster for print charts, drawn in points (1/72 inch)
// and stored at a given resolution, with text set by Pango in one font family
// (CJK labels). A thin wrapper over a Cairo image surface; chart.cc lays out
// the trend chart on it.

#ifndef JIANBAO_EPIDEMIC_CHART_CANVAS_H_
#define JIANBAO_EPIDEMIC_CHART_CANVAS_H_

#include <memory>
#include <string>

#include "core/status.h"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace jianbao::epidemic {

// An sRGB colour, components 0..1.
struct Rgb {
  double r = 0, g = 0, b = 0;
};

enum class Align { kStart, kCenter, kEnd };

// Where a text box sits relative to the point it is drawn at.
struct TextAnchor {
  Align horizontal = Align::kStart;
  Align vertical = Align::kStart;  // kStart: the point is the box's top
};

struct TextStyle {
  double size_pt = 7;
  bool bold = false;
  Rgb color{0.2, 0.2, 0.2};
};

class ChartCanvas {
 public:
  // Creates a white canvas of `width_pt` x `height_pt` stored at `dpi`.
  // Returns Internal when Cairo cannot allocate it.
  static Result<ChartCanvas> Create(double width_pt, double height_pt, double dpi,
                                    std::string font_family);

  double width() const { return width_pt_; }
  double height() const { return height_pt_; }

  // Sets *w and *h to the width and height in points that `text` takes in `style`.
  void MeasureText(const std::string& text, const TextStyle& style, double* w, double* h) const;
  // Draws `text` (UTF-8, one line) anchored at (x, y).
  void DrawText(const std::string& text, double x, double y, const TextStyle& style,
                TextAnchor anchor);
  // Strokes a straight line `width` points wide.
  void DrawLine(double x0, double y0, double x1, double y1, Rgb color, double width);
  // Fills a rectangle.
  void FillRect(double x, double y, double w, double h, Rgb color);
  // Fills a circle.
  void FillCircle(double x, double y, double radius, Rgb color);

  // Returns the canvas as PNG bytes (RGB, no alpha). Returns Internal when
  // encoding fails.
  Result<std::string> Png() const;

 private:
  struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const;
  };
  struct ContextDeleter {
    void operator()(cairo_t* cr) const;
  };

  ChartCanvas() = default;

  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface_;
  std::unique_ptr<cairo_t, ContextDeleter> cr_;  // after surface_: destroyed before it
  double width_pt_ = 0, height_pt_ = 0;
  std::string font_family_;
};

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_CHART_CANVAS_H_
