// Copyright 2026 The Jianbao Authors.
//
// The search query language and its translation for both engines.
//
//   网络安全          a term: the text as a phrase (CJK runs are always phrases)
//   "网络 安全"       a quoted phrase
//   a b, a AND b     both
//   a OR b, a | b    either (AND binds tighter than OR)
//   -a, NOT a        not a (a clause needs at least one term that is not negated)
//   netw*            prefix of a Latin word
// A term whose text has sentence punctuation inside is the AND of its parts:
// no phrase crosses 。！？； or a line break.

#ifndef JIANBAO_SEARCH_QUERY_H_
#define JIANBAO_SEARCH_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jianbao::search {

inline constexpr size_t kMaxQueryBytes = 256;
inline constexpr size_t kMaxQueryTerms = 16;

struct Term {
  std::vector<std::vector<std::string>> phrases;  // all of them; tokens per phrase
  bool prefix = false;                            // the last token is a prefix
  // Whether the last token of phrase i is matched as a prefix: a Latin word
  // with "*" (prefix, last phrase only) or a single CJK character.
  bool PrefixAt(size_t i) const;
};

struct Clause {
  std::vector<Term> must, must_not;
};

struct Query {
  std::vector<Clause> any;  // a document matches when it matches one clause
};

// Parses `text`. Errors: kInvalidArgument on field "q" with "required" (no
// text), "too_long" (over kMaxQueryBytes), "search_query_empty" (nothing
// searchable, or only negated terms), "search_query_too_complex" (over
// kMaxQueryTerms terms).
Result<Query> ParseQuery(std::string_view text);

// Returns the FTS5 MATCH expression of `q` (over the columns the caller names).
std::string ToFts5(const Query& q);

// Returns the tsquery text of `q`, every lexeme limited to the weights `weights` ("AD").
std::string ToTsquery(const Query& q, const std::string& weights);

// Quotes one token for FTS5 ("…") and for tsquery ('…').
std::string Fts5Quote(const std::string& token);
std::string TsQuote(const std::string& token);

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_QUERY_H_
