// Copyright 2026 The Jianbao Authors.
//
// The page builder: paragraphs (shaped, broken into lines) and boxes flow
// down the text block of successive pages, with headings kept with the next
// two lines and no single widow or orphan line. Internal to src/typeset.

#ifndef JIANBAO_TYPESET_FLOW_H_
#define JIANBAO_TYPESET_FLOW_H_

#include <functional>
#include <memory>
#include <vector>

#include "typeset/layout.h"

namespace jianbao::typeset {

struct ParaFormat {
  enum class Align { kJustify, kLeft, kCenter, kRight };
  Align align = Align::kJustify;
  double left = 0, right = 0;  // insets from the text block (or box) edges
  double first_indent = 0;     // added to `left` on the first line (may be negative)
  double pitch = geo::kPitch;  // line advance
  double size = geo::kBody;    // type size that places the baseline in the line
  int min_last_units = 1;
  bool balanced = false;
};

struct LaidPara {
  ShapedPara shaped;
  std::vector<Line> lines;
  ParaFormat fmt;
  double width = 0;  // of the box the paragraph was broken for
  int tag = -1;      // structure element its glyphs belong to (-1: page furniture)
  double height() const { return fmt.pitch * static_cast<double>(lines.size()); }
};

// One thing to place: a paragraph, or a box of fixed height drawn by `draw`.
struct FlowItem {
  std::shared_ptr<LaidPara> para;
  double height = 0;
  std::function<void(Page*, double y)> draw;
  double space_before = 0, space_after = 0;
  bool keep_with_next = false;
  bool page_break_before = false;
  std::function<void(int page, double y)> on_place;  // page is 1-based
};

// Shapes and breaks `text` for a box `width` wide. Errors are those of
// Engine::Shape.
Result<std::shared_ptr<LaidPara>> Prepare(Engine& engine, const RichText& text,
                                          const ParaFormat& fmt, double width = geo::kTextW);

// Draws lines [from, to) of `p` with the box's left edge at `x` and the top
// of the first line at `y`.
void EmitLines(const LaidPara& p, int from, int to, double x, double y, Page* page);

class Flow {
 public:
  Flow() { pages_.emplace_back(); }
  void Add(FlowItem item) { items_.push_back(std::move(item)); }
  // Places every added item; afterwards pages() is complete.
  void Run();
  std::vector<Page>& pages() { return pages_; }
  // The y where the next item would go on the last page.
  double y() const { return y_; }

 private:
  void NewPage();
  bool AtTop() const { return y_ <= geo::kTop + 0.01; }
  double MinHeight(size_t i) const;  // what item i needs on this page to start here
  void PlacePara(FlowItem& item);
  void PlaceBox(FlowItem& item);

  std::vector<FlowItem> items_;
  std::vector<Page> pages_;
  double y_ = geo::kTop;
};

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_FLOW_H_
