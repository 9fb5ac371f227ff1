// Copyright 2026 The Jianbao Authors.
//
// The 疫情动态 narrative: a Day rendered through an editable mustache template.
// The rules that are not phrasing — ordering, grouping, sign of the severe
// change, which parts are present — are computed here and handed to the
// template as variables (docs/epidemic.md lists them); the wording,
// punctuation and spacing are the template's.

#ifndef JIANBAO_EPIDEMIC_NARRATIVE_H_
#define JIANBAO_EPIDEMIC_NARRATIVE_H_

#include <string>
#include <string_view>

#include "core/status.h"
#include "epidemic/day.h"

namespace jianbao::epidemic {

// Returns the default template: the NHC phrasing with the seed bulletin's
// typography, reproducing the seed's last section for 2020-03-18.
std::string_view DefaultTemplate();

// Returns the same phrasing without spaces around numbers and without the
// seed's paragraph break after 新增疑似病例.
std::string_view PlainTemplate();

// Returns the built-in template called `name` ("default" or "plain"), or nullopt.
std::optional<std::string_view> BuiltinTemplate(std::string_view name);

struct Narrative {
  std::string title;  // the first paragraph: "新型冠状病毒肺炎疫情动态（截至3月18日）"
  std::string body;  // the remaining paragraphs, separated by blank lines
  // Returns title, a blank line and body.
  std::string Text() const;
};

// Renders `day` through `template_text`. Returns InvalidArgument (field
// "template") with key "template_invalid" and mustache's message when the
// template does not parse; "template_too_deep" when sections nest more than
// 10 deep; "template_too_costly" when sections would be entered more than
// 16 MiB / max(template size, 1 KiB) times in all (so the work is bounded by
// about 16 MiB of template walked, whatever the lists); "narrative_too_long"
// when the output would exceed 1 MiB. Partials ({{>name}}) render nothing.
// Runs of blank lines left by omitted paragraphs are collapsed to one.
Result<Narrative> RenderNarrative(const Day& day, std::string_view template_text);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_NARRATIVE_H_
