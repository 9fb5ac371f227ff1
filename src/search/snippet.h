// Copyright 2026 The Jianbao Authors.
//
// Where a query matches a text, the HTML snippet around it, and the word
// boundary bonus of the ranking (friso, a Chinese word segmenter).

#ifndef JIANBAO_SEARCH_SNIPPET_H_
#define JIANBAO_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/query.h"

namespace jianbao::search {

// A byte range [first, second) of a text.
using Range = std::pair<int, int>;

// Returns where the phrases of `q`'s terms that are not negated match in
// `text`, in text order, at most `limit` ranges.
std::vector<Range> MatchRanges(std::string_view text, const Query& q, size_t limit = 64);

// Returns an HTML snippet of `text`: about `max_chars` characters around the
// first range of `ranges` (the start of the text when there is none), the
// ranges inside <mark>…</mark>, every other character escaped (& < > " ').
std::string Snippet(std::string_view text, const std::vector<Range>& ranges,
                    size_t max_chars = 100);

// Returns the share (0..1) of `ranges` in `text` (at most the first 4) that
// start and end on a word boundary as friso segments the text around them;
// 1 for ranges that are not CJK. Returns 0 when friso is not available
// (WordSegmenterAvailable()). Thread safety: callable from any thread.
double WordAlignedShare(std::string_view text, const std::vector<Range>& ranges);

// Returns true when friso and its dictionary loaded (/etc/friso/friso.ini).
bool WordSegmenterAvailable();

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_SNIPPET_H_
