// Copyright 2026 The Jianbao Authors.
//
// The issue-level layout: red header, 目录, articles, closing note,
// distribution block (版记) and page numbers. A notice (Layout::kNotice) has
// no 目录 and no 第N期 line, and ends its body with the 附件 list and the
// signature and date.

#include "typeset/layout.h"

#include <algorithm>
#include <cstdlib>

#include "typeset/blocks.h"
#include "typeset/flow.h"
#include "typeset/markdown.h"

namespace jianbao::typeset {
namespace {

using Align = ParaFormat::Align;

constexpr double kEm = geo::kBody + geo::kTracking;  // one character on the body grid
constexpr double kTitleSize = 22, kTitlePitch = 34;
constexpr double kNumberReserve = 2.5 * geo::kBody;
// Contents entries are set a little tighter than the body grid, so that a
// contents of seven or eight lines still leaves page 1 room for the first
// article's title and its first lines.
constexpr double kContentsPitch = 26;

// The name of the destination where section `i` starts.
std::string Dest(int i) { return "s" + std::to_string(i + 1); }

uint32_t ParseRgb(const std::string& hex) {
  if (hex.size() == 7 && hex[0] == '#') return std::strtoul(hex.c_str() + 1, nullptr, 16);
  return 0xFF3333;
}

TextStyle Style(Role role, double size, uint32_t rgb = 0, double tracking = 0) {
  TextStyle s;
  s.role = role;
  s.size = size;
  s.rgb = rgb;
  s.tracking = tracking;
  return s;
}

ParaFormat Centred(double size, double pitch) {
  ParaFormat f;
  f.align = Align::kCenter;
  f.size = size;
  f.pitch = pitch;
  f.balanced = true;
  f.min_last_units = 2;
  return f;
}

double LineLeft(const LaidPara& p, int li) {
  return p.fmt.left + (li == 0 ? p.fmt.first_indent : 0);
}

// A contents entry whose page number and link are filled in after the flow.
struct Pending {
  int page = 0;
  double y = 0;    // top of the entry's last line
  double top = 0;  // top of the entry
  double height = 0;
  int section = 0;
};

class IssueLayout {
 public:
  IssueLayout(Engine& e, const Issue& issue, const Fonts& fonts)
      : e_(e), issue_(issue), red_(ParseRgb(fonts.red)) {}
  Result<Document> Run();

 private:
  Status AddCentred(const std::string& text, const TextStyle& s, double pitch, int tag,
                    double before = 0);
  int Node(const char* type, int parent = 0) { return AddNode(&doc_.structure, type, parent); }
  Status AddHeader();
  Status AddContents();
  Status AddSections();
  Status AddClosing();
  Status AddSignature();
  Status AddDistribution(Page* page, double bottom_y);
  Result<double> DistributionHeight();
  Status FillContents();
  Status AddPageNumbers();

  Engine& e_;
  const Issue& issue_;
  uint32_t red_;
  Flow flow_;
  ImageBudget images_;  // the pixels all images of the issue may declare
  Document doc_;
  std::vector<Pending> pending_;
  std::vector<std::pair<int, double>> starts_;  // per section: page, y
  std::vector<int> toc_items_;                  // per section: its TOCI node
};

Status IssueLayout::AddCentred(const std::string& text, const TextStyle& s, double pitch, int tag,
                               double before) {
  JB_ASSIGN_OR_RETURN(auto p, Prepare(e_, Plain(text, s), Centred(s.size, pitch)));
  p->tag = tag;
  FlowItem item;
  item.para = std::move(p);
  item.space_before = before;
  item.keep_with_next = true;
  flow_.Add(std::move(item));
  return Status();
}

Status IssueLayout::AddHeader() {
  if (!issue_.masthead.empty()) {
    JB_RETURN_IF_ERROR(
        AddCentred(issue_.masthead, Style(Role::kTitle, 20, red_, 2), 34, Node("P")));
  }
  const int title = Node("H1");  // all title lines are one heading
  for (size_t i = 0; i < issue_.title_lines.size(); ++i) {
    bool last = i + 1 == issue_.title_lines.size();
    TextStyle s = last ? Style(Role::kTitle, 48, red_, 6) : Style(Role::kTitle, 26, red_, 1);
    JB_RETURN_IF_ERROR(AddCentred(issue_.title_lines[i], s, last ? 66 : 40, title));
  }
  if (!issue_.subtitle.empty()) {
    JB_RETURN_IF_ERROR(AddCentred("（" + issue_.subtitle + "）", Style(Role::kKai, 18, red_),
                                  geo::kPitch, Node("P")));
  }
  if (issue_.layout == Layout::kBulletin) {
    JB_RETURN_IF_ERROR(AddCentred("第" + std::to_string(issue_.number) + "期",
                                  Style(Role::kFangsong, geo::kBody), geo::kPitch, Node("P"), 6));
  } else if (!issue_.doc_number.empty()) {
    JB_RETURN_IF_ERROR(AddCentred(issue_.doc_number, Style(Role::kFangsong, geo::kBody),
                                  geo::kPitch, Node("P"), 6));
  }
  // Issuer on the left, date on the right, each one character in; then the red rule.
  JB_ASSIGN_OR_RETURN(std::string date, ChineseDate(issue_.date));
  TextStyle s = Style(Role::kFangsong, geo::kBody);
  ParaFormat left, right;
  left.align = Align::kLeft;
  left.left = kEm;
  right.align = Align::kRight;
  right.right = kEm;
  right.left = geo::kTextW / 2;
  left.right = geo::kTextW / 2 - kEm;
  JB_ASSIGN_OR_RETURN(auto issuer, Prepare(e_, Plain(issue_.issuer, s), left));
  JB_ASSIGN_OR_RETURN(auto when, Prepare(e_, Plain(date, s), right));
  issuer->tag = Node("P");
  when->tag = Node("P");
  FlowItem item;
  double h = std::max(issuer->height(), when->height());
  item.height = h + 8;
  item.space_before = 4;
  item.draw = [issuer, when, h, red = red_](Page* page, double y) {
    EmitLines(*issuer, 0, static_cast<int>(issuer->lines.size()), geo::kLeft, y, page);
    EmitLines(*when, 0, static_cast<int>(when->lines.size()), geo::kLeft, y + h - when->height(),
              page);
    page->rules.push_back({geo::kLeft, y + h + 4, geo::kLeft + geo::kTextW, y + h + 4, 2.0, red});
  };
  flow_.Add(std::move(item));
  if (!issue_.revision_note.empty()) {
    ParaFormat f;
    f.first_indent = 2 * kEm;
    JB_ASSIGN_OR_RETURN(auto p, Prepare(e_,
                                        Plain(issue_.revision_note,
                                              Style(Role::kKai, geo::kBody, red_, geo::kTracking)),
                                        f));
    p->tag = Node("P");
    FlowItem note;
    note.para = std::move(p);
    note.space_before = geo::kPitch / 4;
    flow_.Add(std::move(note));
  }
  return Status();
}

Status IssueLayout::AddContents() {
  JB_RETURN_IF_ERROR(AddCentred("目  录", Style(Role::kHei, geo::kBody), geo::kPitch, Node("H2"),
                                geo::kPitch / 2));
  const int toc = Node("TOC");
  TextStyle s = Style(Role::kSong, geo::kBody, 0, geo::kTracking);
  ParaFormat f;
  f.align = Align::kJustify;
  f.left = 1.5 * geo::kBody;
  f.first_indent = -1.5 * geo::kBody;
  f.right = kNumberReserve;
  f.min_last_units = 2;
  f.pitch = kContentsPitch;
  for (size_t i = 0; i < issue_.sections.size(); ++i) {
    std::string text = std::to_string(i + 1) + ". " + issue_.sections[i].title;
    JB_ASSIGN_OR_RETURN(auto p, Prepare(e_, Plain(text, s), f));
    p->tag = Node("TOCI", toc);
    toc_items_.push_back(p->tag);
    FlowItem item;
    double h = p->height();
    item.height = h;
    int section = static_cast<int>(i);
    item.draw = [p, h, section, this](Page* page, double y) {
      EmitLines(*p, 0, static_cast<int>(p->lines.size()), geo::kLeft, y, page);
      Pending pend;
      pend.page = static_cast<int>(flow_.pages().size());
      pend.top = y;
      pend.height = h;
      pend.y = y + h - p->fmt.pitch;
      pend.section = section;
      // Dot leader from the end of the title to the number column.
      const Line& last = p->lines.back();
      double x0 = geo::kLeft + LineLeft(*p, static_cast<int>(p->lines.size()) - 1) + last.natural +
                  geo::kBody / 2;
      double x1 = geo::kLeft + geo::kTextW - kNumberReserve + geo::kBody / 4;
      double base = pend.y + p->fmt.pitch / 2 + geo::kBody * 0.38;
      if (x1 > x0) page->rules.push_back({x0, base, x1, base, 1.2, 0, true});
      pending_.push_back(pend);
    };
    flow_.Add(std::move(item));
  }
  return Status();
}

Status IssueLayout::AddSections() {
  for (size_t i = 0; i < issue_.sections.size(); ++i) {
    const Section& sec = issue_.sections[i];
    std::string field = "sections[" + std::to_string(i) + "]";
    auto wrap = [&](const Status& st, const std::string& key) {
      return Status::Invalid(field + "." + key, st.key(), field + "." + key + ": " + st.message());
    };
    auto title = Prepare(e_, Plain(sec.title, Style(Role::kTitle, kTitleSize)),
                         Centred(kTitleSize, kTitlePitch));
    if (!title.ok()) return wrap(title.status(), "title");
    // No Sect around an article: an element open at a page break is closed
    // and opened again (draw.cc), and most articles span pages.
    const int sect = 0;
    (*title)->tag = Node("H2", sect);
    FlowItem item;
    item.para = std::move(title).value();
    // The first article follows the contents on page 1 when they leave room
    // for its title and first two lines; the contents block needs less air.
    item.space_before = i == 0 ? geo::kPitch / 2 : geo::kPitch;
    item.space_after = geo::kPitch / 2;
    item.keep_with_next = true;
    int index = static_cast<int>(i);
    item.on_place = [this, index](int page, double y) { starts_[index] = {page, y}; };
    flow_.Add(std::move(item));
    if (!sec.org.empty()) {
      Status st = AddCentred(sec.org, Style(Role::kKai, geo::kBody), geo::kPitch, Node("P", sect));
      if (!st.ok()) return wrap(st, "org");
    }
    auto blocks = ParseMarkdown(sec.body_markdown);
    if (!blocks.ok()) return wrap(blocks.status(), "body");
    Status st = AddBlocks(e_, *blocks, issue_.base_dir, &images_, &flow_, &doc_.structure, sect);
    if (!st.ok()) return wrap(st, "body");
  }
  return Status();
}

Status IssueLayout::AddClosing() {
  if (issue_.closing_note.empty()) return Status();
  ParaFormat f;
  f.first_indent = 2 * kEm;
  auto p = Prepare(
      e_, Plain(issue_.closing_note, Style(Role::kFangsong, geo::kBody, 0, geo::kTracking)), f);
  if (!p.ok()) {
    return Status::Invalid("closing_note", p.status().key(),
                           "closing_note: " + p.status().message());
  }
  (*p)->tag = Node("P");
  FlowItem item;
  item.para = std::move(p).value();
  item.space_before = geo::kPitch / 2;
  flow_.Add(std::move(item));
  return Status();
}

// A notice's 附件 list (GB/T 9704: one line under the body, two characters
// in, "附件：1. …" with the further items aligned under the first) and its
// signature and date, right-aligned four characters in.
Status IssueLayout::AddSignature() {
  TextStyle s = Style(Role::kFangsong, geo::kBody, 0, geo::kTracking);
  for (size_t i = 0; i < issue_.attachments.size(); ++i) {
    std::string label = i == 0 ? "附件：" : "";
    std::string item = issue_.attachments.size() == 1
                           ? issue_.attachments[i]
                           : std::to_string(i + 1) + ". " + issue_.attachments[i];
    ParaFormat f;
    f.left = 2 * kEm + 3 * kEm;  // "附件：" is three characters
    f.first_indent = i == 0 ? -3 * kEm : 0;
    auto p = Prepare(e_, Plain(label + item, s), f);
    if (!p.ok()) {
      std::string field = "attachments[" + std::to_string(i) + "]";
      return Status::Invalid(field, p.status().key(), field + ": " + p.status().message());
    }
    (*p)->tag = Node("P");
    FlowItem item_flow;
    item_flow.para = std::move(p).value();
    item_flow.space_before = i == 0 ? geo::kPitch : 0;
    flow_.Add(std::move(item_flow));
  }
  JB_ASSIGN_OR_RETURN(std::string date, ChineseDate(issue_.date));
  ParaFormat right;
  right.align = Align::kRight;
  right.right = 4 * kEm;
  right.left = geo::kTextW / 3;
  bool first = true;
  for (const std::string& line : {issue_.issuer, date}) {
    JB_ASSIGN_OR_RETURN(auto p, Prepare(e_, Plain(line, s), right));
    p->tag = Node("P");
    FlowItem item;
    item.para = std::move(p);
    item.space_before = first ? 2 * geo::kPitch : 0;
    item.keep_with_next = first;
    flow_.Add(std::move(item));
    first = false;
  }
  return Status();
}

constexpr double kDistSize = 14, kDistPitch = 26;

// The rows of the 版记: one per recipient group, then the issuer and date.
Result<std::vector<std::shared_ptr<LaidPara>>> DistributionRows(Engine& e, const Issue& issue) {
  std::vector<std::shared_ptr<LaidPara>> rows;
  TextStyle s = Style(Role::kFangsong, kDistSize);
  for (size_t i = 0; i < issue.distribution.size(); ++i) {
    const Recipients& r = issue.distribution[i];
    std::string label = r.label + "：";
    std::string to;
    for (size_t j = 0; j < r.to.size(); ++j) to += (j ? "，" : "") + r.to[j];
    ParaFormat f;
    f.size = kDistSize;
    f.pitch = kDistPitch;
    f.align = Align::kJustify;
    double lw = e.Measure(label, s);
    f.left = kDistSize + lw;
    f.first_indent = -lw;
    f.right = kDistSize;
    f.min_last_units = 2;
    auto p = Prepare(e, Plain(label + to + "。", s), f);
    if (!p.ok()) {
      std::string field = "distribution[" + std::to_string(i) + "]";
      return Status::Invalid(field, p.status().key(), field + ": " + p.status().message());
    }
    rows.push_back(std::move(p).value());
  }
  return rows;
}

Status IssueLayout::AddDistribution(Page* page, double bottom) {
  JB_ASSIGN_OR_RETURN(auto rows, DistributionRows(e_, issue_));
  for (auto& r : rows) r->tag = Node("P");
  TextStyle s = Style(Role::kFangsong, kDistSize);
  ParaFormat left, right;
  left.size = right.size = kDistSize;
  left.pitch = right.pitch = kDistPitch;
  left.align = Align::kLeft;
  left.left = kDistSize;
  right.align = Align::kRight;
  right.right = kDistSize;
  JB_ASSIGN_OR_RETURN(std::string date, ChineseDate(issue_.date));
  JB_ASSIGN_OR_RETURN(auto issuer, Prepare(e_, Plain(issue_.issuer, s), left));
  std::string printed = date + "印发";
  if (issue_.copies > 0) printed += "（共印" + std::to_string(issue_.copies) + "份）";
  JB_ASSIGN_OR_RETURN(auto when, Prepare(e_, Plain(printed, s), right));
  issuer->tag = Node("P");
  when->tag = Node("P");
  double h = 0;
  for (const auto& r : rows) h += r->height();
  h += kDistPitch;
  double y = bottom - h;
  const double x0 = geo::kLeft, x1 = geo::kLeft + geo::kTextW;
  page->rules.push_back({x0, y, x1, y, 1.0, 0, false});
  for (const auto& r : rows) {
    EmitLines(*r, 0, static_cast<int>(r->lines.size()), geo::kLeft, y, page);
    y += r->height();
    page->rules.push_back({x0, y, x1, y, 0.5, 0, false});
  }
  EmitLines(*issuer, 0, 1, geo::kLeft, y, page);
  EmitLines(*when, 0, 1, geo::kLeft, y, page);
  y += kDistPitch;
  page->rules.push_back({x0, y, x1, y, 1.0, 0, false});
  return Status();
}

Result<double> IssueLayout::DistributionHeight() {
  JB_ASSIGN_OR_RETURN(auto rows, DistributionRows(e_, issue_));
  double h = kDistPitch;
  for (const auto& r : rows) h += r->height();
  return h;
}

Status IssueLayout::FillContents() {
  ParaFormat f;
  f.align = Align::kRight;
  f.pitch = kContentsPitch;
  TextStyle s = Style(Role::kSong, geo::kBody);
  for (const Pending& p : pending_) {
    auto [page, y] = starts_[p.section];
    JB_ASSIGN_OR_RETURN(auto num, Prepare(e_, Plain(std::to_string(page), s), f, kNumberReserve));
    Page& pg = flow_.pages()[p.page - 1];
    num->tag = toc_items_[p.section];
    EmitLines(*num, 0, 1, geo::kLeft + geo::kTextW - kNumberReserve, p.y, &pg);
    pg.links.push_back(
        {geo::kLeft, p.top, geo::kTextW, p.height, "", Dest(p.section), toc_items_[p.section]});
    doc_.map.section_pages.push_back(page);
  }
  return Status();
}

Status IssueLayout::AddPageNumbers() {
  ParaFormat f;
  f.size = 14;
  f.pitch = 14;
  TextStyle s = Style(Role::kSong, 14);
  auto& pages = flow_.pages();
  for (size_t i = 0; i < pages.size(); ++i) {
    int n = static_cast<int>(i) + 1;
    bool odd = n % 2 == 1;
    f.align = odd ? Align::kRight : Align::kLeft;
    f.left = odd ? 0 : 14;
    f.right = odd ? 14 : 0;
    JB_ASSIGN_OR_RETURN(auto p, Prepare(e_, Plain("— " + std::to_string(n) + " —", s), f));
    EmitLines(*p, 0, 1, geo::kLeft, geo::kBottom + 7 * geo::kMm, &pages[i]);
  }
  return Status();
}

Result<Document> IssueLayout::Run() {
  Node("Document", -1);
  starts_.assign(issue_.sections.size(), {1, geo::kTop});
  const bool notice = issue_.layout == Layout::kNotice;
  JB_RETURN_IF_ERROR(AddHeader());
  if (!notice) JB_RETURN_IF_ERROR(AddContents());
  JB_RETURN_IF_ERROR(AddSections());
  if (notice) JB_RETURN_IF_ERROR(AddSignature());
  JB_RETURN_IF_ERROR(AddClosing());
  flow_.Run();
  if (!issue_.distribution.empty() || issue_.copies > 0) {
    JB_ASSIGN_OR_RETURN(double h, DistributionHeight());
    if (flow_.y() + geo::kPitch + h > geo::kBottom) flow_.pages().emplace_back();
    JB_RETURN_IF_ERROR(AddDistribution(&flow_.pages().back(), geo::kBottom));
  }
  JB_RETURN_IF_ERROR(FillContents());
  if (notice) {
    for (const auto& start : starts_) doc_.map.section_pages.push_back(start.first);
  }
  JB_RETURN_IF_ERROR(AddPageNumbers());
  for (size_t i = 0; i < issue_.sections.size(); ++i) {
    doc_.outline.push_back(
        {issue_.sections[i].title, starts_[i].first, starts_[i].second, Dest(static_cast<int>(i))});
  }
  doc_.map.page_count = static_cast<int>(flow_.pages().size());
  doc_.pages = std::move(flow_.pages());
  if (notice) {
    doc_.title = issue_.sections.front().title;
  } else {
    for (const auto& line : issue_.title_lines) doc_.title += line;
    doc_.title += "（第" + std::to_string(issue_.number) + "期）";
  }
  doc_.author = issue_.issuer;
  doc_.date = issue_.date;
  return std::move(doc_);
}

}  // namespace

Result<Document> LayoutIssue(Engine& engine, const Issue& issue, const Fonts& fonts) {
  JB_RETURN_IF_ERROR(ValidateIssue(issue));
  IssueLayout layout(engine, issue, fonts);
  return layout.Run();
}

}  // namespace jianbao::typeset
