// Copyright 2026 The Jianbao Authors.
//
// CommonMark (with GitHub tables) to HTML for previews. Raw HTML in the
// source is dropped and javascript:/data: links are removed (cmark-gfm's safe
// default), so the result can be shown in the browser as is.

#ifndef JIANBAO_SUBMISSIONS_RENDER_H_
#define JIANBAO_SUBMISSIONS_RENDER_H_

#include <string>

namespace jianbao::submissions {

// Returns the HTML for `markdown`. Never fails; invalid input renders as text.
std::string RenderHtml(const std::string& markdown);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_RENDER_H_
