// Copyright 2026 The Jianbao Authors.

#include "typeset/blocks.h"

#include <algorithm>
#include <cmath>

#include "typeset/images.h"

namespace jianbao::typeset {
namespace {

using Align = ParaFormat::Align;

constexpr double kCellSize = 12, kCellPitch = 20, kCellPadX = 4, kCellPadY = 3;

TextStyle Body() {
  TextStyle s;
  s.role = Role::kFangsong;
  s.size = geo::kBody;
  s.tracking = geo::kTracking;
  return s;
}

ParaFormat BodyFormat() {
  ParaFormat f;
  f.first_indent = 2 * (geo::kBody + geo::kTracking);
  return f;
}

// Where the blocks of one section body go: the flow, and the structure tree
// with the state that groups list items and numbers headings.
struct Sink {
  Flow* flow;
  Structure* st;
  int parent;  // the section's node
  // Open lists, innermost last: Markdown nesting level, the L node, its last LI's LBody.
  struct OpenList {
    int level, list, body;
  };
  std::vector<OpenList> lists;
  // Heading levels in use: Markdown level → PDF level (H3 for the first).
  std::vector<std::pair<int, int>> headings;

  int Node(const char* type, int under = -1, std::string alt = "") {
    return AddNode(st, type, under < 0 ? parent : under, std::move(alt));
  }
};

Status AddPara(Engine& e, const RichText& text, const ParaFormat& f, Flow* flow, int tag,
               bool keep = false, double before = 0) {
  JB_ASSIGN_OR_RETURN(auto p, Prepare(e, text, f));
  if (p->lines.empty()) return Status();
  p->tag = tag;
  FlowItem item;
  item.para = std::move(p);
  item.keep_with_next = keep;
  item.space_before = before;
  flow->Add(std::move(item));
  return Status();
}

Status AddHeading(Engine& e, const Block& b, Sink* sink) {
  TextStyle s = Body();
  if (b.level <= 2) {
    s.role = Role::kHei;
  } else if (b.level == 3) {
    s.role = Role::kKai;
  } else {
    s.bold = true;
  }
  ParaFormat f = BodyFormat();
  f.align = Align::kLeft;
  f.min_last_units = 2;
  if (b.level == 1) {
    f.align = Align::kCenter;
    f.first_indent = 0;
    f.balanced = true;
  }
  // PDF heading levels never skip one: H2 is the article title, the first
  // body level in use is H3, a deeper one the next.
  auto& hs = sink->headings;
  while (!hs.empty() && hs.back().first >= b.level) hs.pop_back();
  int pdf_level = std::min(6, hs.empty() ? 3 : hs.back().second + 1);
  hs.push_back({b.level, pdf_level});
  std::string type = "H" + std::to_string(pdf_level);
  return AddPara(e, StyledSpans(b.spans, s), f, sink->flow, sink->Node(type.c_str()),
                 /*keep=*/true);
}

Status AddCode(Engine& e, const Block& b, Sink* sink) {
  TextStyle s;
  s.role = Role::kMono;
  s.size = 12;
  ParaFormat f;
  f.align = Align::kLeft;
  f.pitch = 20;
  f.size = 12;
  f.left = 2 * geo::kBody;
  std::string lines = b.literal;
  return AddPara(e, Plain(lines, s), f, sink->flow, sink->Node("P"));
}

Status AddImage(Engine& e, const Block& b, const std::string& base, ImageBudget* images,
                Sink* sink) {
  Flow* flow = sink->flow;
  JB_ASSIGN_OR_RETURN(std::shared_ptr<const Image> image, LoadImage(base, b.src, images));
  double w = image->width * 0.75;  // 96 dpi
  double h = image->height * 0.75;
  double scale = std::min({1.0, geo::kTextW / w, geo::kTextH * 0.8 / h});
  w *= scale;
  h *= scale;
  FlowItem item;
  item.height = h + geo::kPitch / 2;
  item.space_before = geo::kPitch / 4;
  item.keep_with_next = !b.alt.empty();
  // The page keeps the encoded image; pixels are decoded when it is drawn.
  // A figure without a caption is still described (PDF/UA asks for /Alt).
  std::string alt = b.alt.empty() ? "图" : b.alt;
  int tag = sink->Node("Figure", -1, alt);
  item.draw = [image, w, h, tag](Page* page, double y) {
    page->images.push_back({geo::kLeft + (geo::kTextW - w) / 2, y, w, h, image, tag});
  };
  flow->Add(std::move(item));
  if (b.alt.empty()) return Status();
  TextStyle s = Body();
  s.role = Role::kKai;
  s.size = 14;
  ParaFormat f;
  f.align = Align::kCenter;
  f.size = 14;
  return AddPara(e, Plain(b.alt, s), f, flow, sink->Node("Caption"));
}

Status AddTable(Engine& e, const Block& b, Sink* sink) {
  Flow* flow = sink->flow;
  size_t cols = b.align.size();
  for (const auto& row : b.rows) cols = std::max(cols, row.size());
  if (cols == 0) return Status();
  TextStyle cell = Body();
  cell.role = Role::kSong;
  cell.size = kCellSize;
  cell.tracking = 0;
  ParaFormat f;
  f.align = Align::kLeft;
  f.pitch = kCellPitch;
  f.size = kCellSize;
  // Natural widths decide the column widths.
  std::vector<double> want(cols, 2 * kCellSize);
  for (size_t r = 0; r < b.rows.size(); ++r) {
    for (size_t c = 0; c < b.rows[r].size(); ++c) {
      TextStyle s = cell;
      if (r == 0) s.role = Role::kHei;
      JB_ASSIGN_OR_RETURN(auto p, Prepare(e, StyledSpans(b.rows[r][c], s), f, 1e6));
      for (const Line& l : p->lines) want[c] = std::max(want[c], l.natural);
    }
  }
  double sum = 0;
  for (double& w : want) sum += (w += 2 * kCellPadX);
  std::vector<double> widths(cols), xs(cols + 1, geo::kLeft);
  for (size_t c = 0; c < cols; ++c) {
    widths[c] = geo::kTextW * want[c] / sum;
    xs[c + 1] = xs[c] + widths[c];
  }
  const int table = sink->Node("Table");
  for (size_t r = 0; r < b.rows.size(); ++r) {
    const int tr = sink->Node("TR", table);
    std::vector<std::shared_ptr<LaidPara>> cells;
    double h = 0;
    for (size_t c = 0; c < cols; ++c) {
      TextStyle s = cell;
      ParaFormat cf = f;
      if (r == 0) s.role = Role::kHei;
      char al = c < b.align.size() ? b.align[c] : ' ';
      cf.align = al == 'c' || r == 0 ? Align::kCenter : al == 'r' ? Align::kRight : Align::kLeft;
      Spans spans = c < b.rows[r].size() ? b.rows[r][c] : Spans();
      JB_ASSIGN_OR_RETURN(auto p, Prepare(e, StyledSpans(spans, s), cf, widths[c] - 2 * kCellPadX));
      p->tag = sink->Node(r == 0 ? "TH" : "TD", tr);
      h = std::max(h, p->height());
      cells.push_back(std::move(p));
    }
    h += 2 * kCellPadY;
    FlowItem item;
    item.height = h;
    item.keep_with_next = r == 0 && b.rows.size() > 1;
    item.space_before = r == 0 ? geo::kPitch / 4 : 0;
    item.space_after = r + 1 == b.rows.size() ? geo::kPitch / 4 : 0;
    item.draw = [cells, xs, h, top_rule = r == 0](Page* page, double y) {
      for (size_t c = 0; c < cells.size(); ++c) {
        EmitLines(*cells[c], 0, static_cast<int>(cells[c]->lines.size()), xs[c] + kCellPadX,
                  y + kCellPadY, page);
        page->rules.push_back({xs[c], y, xs[c], y + h, 0.5, 0, false});
      }
      page->rules.push_back({xs.back(), y, xs.back(), y + h, 0.5, 0, false});
      page->rules.push_back({xs.front(), y, xs.back(), y, top_rule ? 1.0 : 0.5, 0, false});
      page->rules.push_back({xs.front(), y + h, xs.back(), y + h, 0.5, 0, false});
    };
    flow->Add(std::move(item));
  }
  return Status();
}

// Returns the LBody a list item's text goes into, opening (nested) lists
// and a new item as the Markdown nesting asks.
int ListBody(const Block& b, Sink* sink) {
  auto& ls = sink->lists;
  while (!ls.empty() && ls.back().level > b.level) ls.pop_back();
  if (ls.empty() || ls.back().level < b.level) {
    int under = ls.empty() ? sink->parent : ls.back().body;
    ls.push_back({b.level, sink->Node("L", under), -1});
  }
  if (b.marker.empty() && ls.back().body >= 0) return sink->Node("P", ls.back().body);
  int li = sink->Node("LI", ls.back().list);
  ls.back().body = sink->Node("LBody", li);
  return ls.back().body;
}

Status AddBlock(Engine& e, const Block& b, const std::string& base, ImageBudget* images,
                Sink* sink) {
  Flow* flow = sink->flow;
  if (b.kind != Block::Kind::kListItem) sink->lists.clear();
  switch (b.kind) {
    case Block::Kind::kParagraph:
      return AddPara(e, StyledSpans(b.spans, Body()), BodyFormat(), flow, sink->Node("P"));
    case Block::Kind::kHeading:
      return AddHeading(e, b, sink);
    case Block::Kind::kListItem: {
      ParaFormat f = BodyFormat();
      f.left = 2 * (geo::kBody + geo::kTracking) * std::min(b.level - 1, 4);
      Spans spans = b.spans;
      if (!b.marker.empty()) spans.insert(spans.begin(), Span{b.marker + " ", 0, ""});
      return AddPara(e, StyledSpans(spans, Body()), f, flow, ListBody(b, sink));
    }
    case Block::Kind::kQuote: {
      TextStyle s = Body();
      s.role = Role::kKai;
      ParaFormat f = BodyFormat();
      f.left = f.right = 2 * (geo::kBody + geo::kTracking);
      return AddPara(e, StyledSpans(b.spans, s), f, flow, sink->Node("BlockQuote"));
    }
    case Block::Kind::kCode:
      return AddCode(e, b, sink);
    case Block::Kind::kTable:
      return AddTable(e, b, sink);
    case Block::Kind::kImage:
      return AddImage(e, b, base, images, sink);
    case Block::Kind::kRule: {
      FlowItem item;
      item.height = geo::kPitch;
      item.draw = [](Page* page, double y) {
        double m = y + geo::kPitch / 2;
        page->rules.push_back(
            {geo::kLeft + geo::kTextW / 4, m, geo::kLeft + geo::kTextW * 3 / 4, m, 0.5, 0, false});
      };
      flow->Add(std::move(item));
      return Status();
    }
  }
  return Status();
}

}  // namespace

RichText StyledSpans(const Spans& spans, const TextStyle& base) {
  RichText out;
  for (const Span& sp : spans) {
    TextStyle s = base;
    if (sp.marks & kStrong) s.role = Role::kHei;
    if (sp.marks & kEmph) s.role = Role::kKai;
    if (sp.marks & kCode) {
      s.role = Role::kMono;
      s.tracking = 0;
    }
    std::string href = (sp.marks & kLink) ? sp.href : "";
    if (!out.empty() && out.back().link == href && out.back().style.role == s.role &&
        out.back().style.bold == s.bold) {
      out.back().text += sp.text;
    } else {
      out.push_back(Run{sp.text, s, href});
    }
  }
  return out;
}

Status AddBlocks(Engine& engine, const std::vector<Block>& blocks, const std::string& base_dir,
                 ImageBudget* images, Flow* flow, Structure* structure, int parent) {
  Sink sink{flow, structure, parent, {}, {}};
  for (const Block& b : blocks) {
    JB_RETURN_IF_ERROR(engine.CheckDeadline());
    JB_RETURN_IF_ERROR(AddBlock(engine, b, base_dir, images, &sink));
  }
  return Status();
}

}  // namespace jianbao::typeset
