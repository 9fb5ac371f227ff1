// Copyright 2026 The Jianbao Authors.
//
// Markdown blocks of a section body → flow items: paragraphs with a two
// character indent, sub-headings (## 黑体, ### 楷体, deeper 仿宋 bold), lists,
// quotes, code, tables and images. Internal to src/typeset.

#ifndef JIANBAO_TYPESET_BLOCKS_H_
#define JIANBAO_TYPESET_BLOCKS_H_

#include <string>
#include <vector>

#include "typeset/flow.h"
#include "typeset/images.h"
#include "typeset/markdown.h"

namespace jianbao::typeset {

// Returns the text of `spans` in `base` style, with strong text in 黑体,
// emphasis in 楷体 and code in the mono font.
RichText StyledSpans(const Spans& spans, const TextStyle& base);

// Adds the items for `blocks` to `flow`, and their structure elements (P,
// H3–H6, L/LI/LBody, BlockQuote, Table/TR/TH/TD, Figure with its alt text)
// to `structure` under node `parent`. Returns an error (without a field; the
// caller names the section) when a paragraph cannot be shaped or an image
// cannot be read. Relative image paths resolve against `base_dir`; images
// take their pixels from `images`, the document's budget.
Status AddBlocks(Engine& engine, const std::vector<Block>& blocks, const std::string& base_dir,
                 ImageBudget* images, Flow* flow, Structure* structure, int parent);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_BLOCKS_H_
