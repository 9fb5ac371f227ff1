// Copyright 2026 The Jianbao Authors.

#include "submissions/render.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

#include "core/markdown_limits.h"

namespace jianbao::submissions {
namespace {

std::string Convert(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                cmark_parser_free);
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(cmark_parser_finish(parser.get()),
                                                         cmark_node_free);
  std::unique_ptr<char, void (*)(void*)> html(
      cmark_render_html(doc.get(), CMARK_OPT_DEFAULT,
                        cmark_parser_get_syntax_extensions(parser.get())),
      std::free);
  return html ? std::string(html.get()) : std::string();
}

std::string EscapedPre(const std::string& text) {
  std::string out = "<pre>";
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out + "</pre>\n";
}

}  // namespace

Result<std::string> RenderPreview(const std::string& markdown) {
  JB_RETURN_IF_ERROR(markdown::CheckShape(markdown, "body"));
  return Convert(markdown);
}

std::string RenderHtml(const std::string& markdown) {
  if (!markdown::CheckShape(markdown, "body").ok()) return EscapedPre(markdown);
  return Convert(markdown);
}

}  // namespace jianbao::submissions
