// Copyright 2026 The Jianbao Authors.

#include "typeset/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>

#include "core/markdown_limits.h"
#include "core/text.h"
#include "typeset/cjk.h"

namespace jianbao::typeset {
namespace {

// Room for photos and charts as data URIs (each image ≤ 10 MiB decoded).
constexpr size_t kMaxMarkdownBytes = 8 << 20;
// cmark-gfm's autolink extension spends tens of microseconds on each '@' of
// a word like "a@a@a@…"; a text with more is parsed without it (bare URLs
// and addresses then stay plain text; [text](url) links still work).
constexpr size_t kMaxAutolinkAtSigns = 2000;

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool Is(cmark_node* node, const char* type) {
  const char* t = cmark_node_get_type_string(node);
  return t != nullptr && std::strcmp(t, type) == 0;
}

char32_t LastChar(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  auto cps = text::DecodeUtf8(std::string_view(s).substr(i));
  return cps.empty() ? 0 : cps[0];
}

char32_t FirstChar(const std::string& s) {
  if (s.empty()) return 0;
  size_t len = 1;
  while (len < s.size() && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) ++len;
  auto cps = text::DecodeUtf8(std::string_view(s).substr(0, len));
  return cps.empty() ? 0 : cps[0];
}

// A soft line break is a space in Latin text and nothing between Chinese characters.
void ResolveSoftBreaks(Spans* spans) {
  Spans out;
  for (size_t i = 0; i < spans->size(); ++i) {
    Span& s = (*spans)[i];
    if (s.text != "\x01") {
      bool image = s.href.rfind("\x02", 0) == 0;  // kept even without alt text
      if (!s.text.empty() || s.marks & kHardBreak || image) out.push_back(std::move(s));
      continue;
    }
    char32_t prev = out.empty() ? 0 : LastChar(out.back().text);
    char32_t next = i + 1 < spans->size() ? FirstChar((*spans)[i + 1].text) : 0;
    if (prev == 0 || next == 0 || cjk::IsWide(prev) || cjk::IsWide(next)) continue;
    s.text = " ";
    out.push_back(std::move(s));
  }
  *spans = std::move(out);
}

class Builder {
 public:
  void Enter(cmark_node* node);
  void Exit(cmark_node* node);
  std::vector<Block> Take() { return std::move(blocks_); }

 private:
  void AddSpan(std::string text, uint8_t extra = 0);
  void StartBlock(Block::Kind kind);
  void FinishParagraph();

  std::vector<Block> blocks_;
  Block cur_;
  Spans* target_ = nullptr;  // where inline spans go
  int strong_ = 0, emph_ = 0, strike_ = 0;
  std::vector<std::string> links_;
  int quote_depth_ = 0;
  struct List {
    bool ordered;
    int next;
  };
  std::vector<List> lists_;
  bool item_first_ = false;
  int image_depth_ = 0;
  std::string image_src_, image_alt_;
};

void Builder::StartBlock(Block::Kind kind) {
  cur_ = Block();
  cur_.kind = kind;
  target_ = &cur_.spans;
}

void Builder::AddSpan(std::string text, uint8_t extra) {
  if (image_depth_ > 0) {
    image_alt_ += text;
    return;
  }
  if (target_ == nullptr) return;
  Span s;
  s.text = std::move(text);
  s.marks = extra | (strong_ ? kStrong : 0) | (emph_ ? kEmph : 0) | (strike_ ? kStrike : 0);
  if (!links_.empty()) {
    s.marks |= kLink;
    s.href = links_.back();
  }
  target_->push_back(std::move(s));
}

void Builder::FinishParagraph() {
  ResolveSoftBreaks(&cur_.spans);
  bool only_images = !cur_.spans.empty();
  for (const Span& s : cur_.spans) {
    if (s.href.rfind("\x02", 0) != 0 && !text::Trim(s.text).empty()) only_images = false;
  }
  if (only_images) {
    for (const Span& s : cur_.spans) {
      if (s.href.rfind("\x02", 0) != 0) continue;
      Block img;
      img.kind = Block::Kind::kImage;
      img.src = s.href.substr(1);
      img.alt = s.text;
      blocks_.push_back(std::move(img));
    }
  } else {
    for (Span& s : cur_.spans) {
      if (s.href.rfind("\x02", 0) == 0) s.href.clear();
    }
    if (!cur_.spans.empty()) blocks_.push_back(std::move(cur_));
  }
  target_ = nullptr;
}

void Builder::Enter(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
      if (target_ != nullptr) return;  // inside a table cell
      if (!lists_.empty()) {
        StartBlock(Block::Kind::kListItem);
        cur_.level = static_cast<int>(lists_.size());
        if (item_first_) {
          List& l = lists_.back();
          cur_.marker = l.ordered ? std::to_string(l.next) + "." : "•";
        }
        item_first_ = false;
      } else if (quote_depth_ > 0) {
        StartBlock(Block::Kind::kQuote);
        cur_.level = quote_depth_;
      } else {
        StartBlock(Block::Kind::kParagraph);
      }
      return;
    case CMARK_NODE_HEADING:
      StartBlock(Block::Kind::kHeading);
      cur_.level = cmark_node_get_heading_level(node);
      return;
    case CMARK_NODE_BLOCK_QUOTE:
      ++quote_depth_;
      return;
    case CMARK_NODE_LIST:
      lists_.push_back(
          {cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, cmark_node_get_list_start(node)});
      return;
    case CMARK_NODE_ITEM:
      item_first_ = true;
      return;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: {
      Block b;
      b.kind = Block::Kind::kCode;
      b.literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
      while (!b.literal.empty() && b.literal.back() == '\n') b.literal.pop_back();
      b.level = static_cast<int>(lists_.size()) + quote_depth_;
      if (!b.literal.empty()) blocks_.push_back(std::move(b));
      return;
    }
    case CMARK_NODE_THEMATIC_BREAK: {
      Block b;
      b.kind = Block::Kind::kRule;
      blocks_.push_back(std::move(b));
      return;
    }
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      AddSpan(cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "");
      return;
    case CMARK_NODE_CODE:
      AddSpan(cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "", kCode);
      return;
    case CMARK_NODE_SOFTBREAK:
      AddSpan("\x01");
      return;
    case CMARK_NODE_LINEBREAK:
      AddSpan("\n", kHardBreak);
      return;
    case CMARK_NODE_STRONG:
      ++strong_;
      return;
    case CMARK_NODE_EMPH:
      ++emph_;
      return;
    case CMARK_NODE_LINK:
      links_.push_back(cmark_node_get_url(node) ? cmark_node_get_url(node) : "");
      return;
    case CMARK_NODE_IMAGE:
      if (image_depth_++ == 0) {
        image_src_ = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
        image_alt_.clear();
      }
      return;
    default:
      break;
  }
  if (Is(node, "strikethrough")) {
    ++strike_;
  } else if (Is(node, "table")) {
    StartBlock(Block::Kind::kTable);
    target_ = nullptr;
    int cols = cmark_gfm_extensions_get_table_columns(node);
    const uint8_t* al = cmark_gfm_extensions_get_table_alignments(node);
    for (int i = 0; i < cols; ++i)
      cur_.align.push_back(al && al[i] ? static_cast<char>(al[i]) : ' ');
  } else if (Is(node, "table_row") || Is(node, "table_header")) {
    cur_.rows.emplace_back();
  } else if (Is(node, "table_cell") && !cur_.rows.empty()) {
    cur_.rows.back().emplace_back();
    target_ = &cur_.rows.back().back();
  }
}

void Builder::Exit(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
      if (cur_.kind != Block::Kind::kTable) FinishParagraph();
      return;
    case CMARK_NODE_HEADING:
      ResolveSoftBreaks(&cur_.spans);
      for (Span& s : cur_.spans) {
        if (s.href.rfind("\x02", 0) == 0) s.href.clear();
      }
      blocks_.push_back(std::move(cur_));
      target_ = nullptr;
      return;
    case CMARK_NODE_BLOCK_QUOTE:
      --quote_depth_;
      return;
    case CMARK_NODE_LIST:
      lists_.pop_back();
      return;
    case CMARK_NODE_ITEM:
      if (!lists_.empty()) ++lists_.back().next;
      return;
    case CMARK_NODE_STRONG:
      --strong_;
      return;
    case CMARK_NODE_EMPH:
      --emph_;
      return;
    case CMARK_NODE_LINK:
      if (!links_.empty()) links_.pop_back();
      return;
    case CMARK_NODE_IMAGE:
      if (--image_depth_ == 0 && target_ != nullptr) {
        Span s;
        s.text = image_alt_;
        s.href = "\x02" + image_src_;
        target_->push_back(std::move(s));
      }
      return;
    default:
      break;
  }
  if (Is(node, "strikethrough")) {
    --strike_;
  } else if (Is(node, "table_cell")) {
    if (target_ != nullptr) ResolveSoftBreaks(target_);
    target_ = nullptr;
  } else if (Is(node, "table")) {
    if (!cur_.rows.empty()) blocks_.push_back(std::move(cur_));
    cur_ = Block();
  }
}

}  // namespace

Result<std::vector<Block>> ParseMarkdown(std::string_view md) {
  if (md.size() > kMaxMarkdownBytes) {
    return Status::Invalid("body", "body_too_large", "body is larger than 8 MiB");
  }
  if (!text::IsValidUtf8(md)) {
    return Status::Invalid("body", "invalid_utf8", "body is not valid UTF-8");
  }
  JB_RETURN_IF_ERROR(markdown::CheckShape(md, "body"));
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  const bool autolink = markdown::CountAtSigns(md) <= kMaxAutolinkAtSigns;
  for (const char* ext : {"table", "strikethrough", "autolink"}) {
    if (!autolink && std::strcmp(ext, "autolink") == 0) continue;
    if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext)) {
      cmark_parser_attach_syntax_extension(parser.get(), e);
    }
  }
  cmark_parser_feed(parser.get(), md.data(), md.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(doc.get()));
  Builder builder;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev == CMARK_EVENT_ENTER) builder.Enter(node);
    if (ev == CMARK_EVENT_EXIT) builder.Exit(node);
    // Leaf nodes get only an ENTER event.
  }
  return builder.Take();
}

std::string PlainText(const Spans& spans) {
  std::string out;
  for (const Span& s : spans) out += s.text;
  return out;
}

}  // namespace jianbao::typeset
