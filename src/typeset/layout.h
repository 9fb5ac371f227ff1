// Copyright 2026 The Jianbao Authors.
//
// Page composition: an Issue → a Document of positioned glyph runs, rules,
// images and links per page, in the 简报 layout of PRODUCT.md ("LAYOUT").
// The PDF and PNG writers draw a Document; nothing here touches a surface.
// Internal to src/typeset.

#ifndef JIANBAO_TYPESET_LAYOUT_H_
#define JIANBAO_TYPESET_LAYOUT_H_

#include <cairo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "typeset/engine.h"
#include "typeset/images.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {

// Page geometry in PostScript points (GB/T 9704: A4, text block 156 × 225 mm).
namespace geo {
constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
constexpr double kLeft = 28 * kMm, kTop = 37 * kMm;
constexpr double kTextW = 156 * kMm, kTextH = 225 * kMm;
constexpr double kBottom = kTop + kTextH;
constexpr double kPitch = kTextH / 22;             // 22 lines per page
constexpr double kBody = 16;                       // 3号
constexpr double kTracking = kTextW / 28 - kBody;  // 28 characters per line
}  // namespace geo

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

struct RuleBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, width = 0.5;
  uint32_t rgb = 0;
  bool dotted = false;  // a dot leader
};
struct ImageBox {
  double x = 0, y = 0, w = 0, h = 0;
  std::shared_ptr<const Image> image;  // encoded; decoded for the page it is drawn on
  int tag = -1;                        // its Figure in Document::structure
};
struct LinkBox {
  double x = 0, y = 0, w = 0, h = 0;
  std::string uri;   // external link, or empty for an internal one
  std::string dest;  // internal target: a named destination (OutlineEntry::dest)
  int tag = -1;      // the structure element the link belongs to
};

// A node of the PDF's structure tree (tagged PDF). Nodes are kept in
// document order: a node's children come after it, and the content of an
// earlier node is read before that of a later one. Node 0 is the root.
struct StructNode {
  std::string type;  // standard structure type: "Document", "H1", "P", "Table", …
  int parent = -1;
  std::string alt;  // alternate description (a Figure's alt text)
};
using Structure = std::vector<StructNode>;

// Appends a node under `parent` and returns its index.
inline int AddNode(Structure* s, std::string type, int parent, std::string alt = "") {
  s->push_back({std::move(type), parent, std::move(alt)});
  return static_cast<int>(s->size()) - 1;
}

struct Page {
  std::vector<GlyphSeg> segs;
  std::vector<RuleBox> rules;
  std::vector<ImageBox> images;
  std::vector<LinkBox> links;
};
struct OutlineEntry {
  std::string title;
  int page = 0;  // 1-based
  double y = 0;
  std::string dest;  // name of the destination the PDF writes there ("s1", "s2", …)
};
struct Document {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  PageMap map;
  std::string title;
  std::string author;
  std::string date;  // the issue's date, YYYY-MM-DD
  std::string lang = "zh-CN";
  Structure structure;  // the tagged PDF's structure tree; glyphs, images, links point into it
};

// Lays out the whole issue. Returns kInvalidArgument naming the section
// ("sections[3].body") for bad Markdown, unreadable images or characters no
// font covers. REQUIRES: ValidateIssue(issue).ok()
Result<Document> LayoutIssue(Engine& engine, const Issue& issue, const Fonts& fonts);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_LAYOUT_H_
