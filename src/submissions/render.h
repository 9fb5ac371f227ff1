// Copyright 2026 The Jianbao Authors.
//
// CommonMark (with GitHub tables) to HTML for previews. Raw HTML in the
// source is dropped and javascript:/data: links are removed (cmark-gfm's safe
// default), so the result can be shown in the browser as is. The text's
// shape is checked first (core/markdown_limits.h), so no body makes the
// parser's quadratic paths run.

#ifndef JIANBAO_SUBMISSIONS_RENDER_H_
#define JIANBAO_SUBMISSIONS_RENDER_H_

#include <string>

#include "core/status.h"

namespace jianbao::submissions {

// Returns the HTML for `markdown`, or kInvalidArgument (field "body", key
// "table_too_wide", "table_too_large", "too_many_lines", "too_much_markup" or
// "nesting_too_deep") when the text exceeds the Markdown limits.
Result<std::string> RenderPreview(const std::string& markdown);

// Returns the HTML for `markdown`. Never fails: text beyond the Markdown
// limits (a piece stored before they existed) is shown escaped in a <pre>.
std::string RenderHtml(const std::string& markdown);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_RENDER_H_
