// Copyright 2026 The Jianbao Authors.
//
// The search tokenizer: turns Chinese (and Latin) text into the tokens that
// both the SQLite FTS5 index and the PostgreSQL tsvector store, so that both
// engines find exactly the same documents.
//
// Text is folded first, one code point at a time: NFKC with case folding
// (full-width ＡＢＣ１２３ become abc123, half-width katakana become full
// width) and traditional → simplified Chinese character by character with
// OpenCC's t2s table (網絡 becomes 网络). Then:
//   - a run of CJK characters (Han, kana, Hangul, bopomofo) c1..cn gives the
//     overlapping bigrams c1c2, c2c3, …, one per position, and the last
//     character cn alone, colocated (same position) with the last bigram; a
//     run of one character gives that character at its own position. Every
//     character is thus the start of a token: a one-character query is the
//     prefix query "c*" (query.h), and the index holds about one token per
//     character instead of two;
//   - a run of letters and digits of other scripts gives one lower-cased word;
//   - sentence punctuation (。！？；) and line breaks leave a gap of one
//     position (a gap token), so no phrase matches across them;
//   - everything else (spaces, commas, symbols) only separates runs.
// A query string of n ≥ 2 CJK characters is the phrase of its n-1 bigrams at
// consecutive positions, so it matches exactly the texts containing it; a
// single CJK character that ends a query phrase is matched as a prefix.

#ifndef JIANBAO_SEARCH_TOKENIZER_H_
#define JIANBAO_SEARCH_TOKENIZER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::search {

// The token that stands for a gap (sentence end, line break). Never produced
// by QueryPhrases, so no query matches it.
inline constexpr std::string_view kGapToken = ".";
// Longest word kept, in bytes; longer words are cut (on a code point boundary).
inline constexpr size_t kMaxWordBytes = 96;

struct Token {
  std::string text;        // folded UTF-8
  int position = 0;        // 0-based; gaps skip one position
  bool colocated = false;  // same position as the token before it
  int start = 0, end = 0;  // byte range of the source text it came from
};

// Calls `emit` for every token of `text`, in order (gap tokens included).
// Invalid UTF-8 bytes separate runs. Thread safety: callable from any thread.
void Tokenize(std::string_view text, const std::function<void(const Token&)>& emit);

// Returns every token of `text` (gap tokens included).
std::vector<Token> TokenizeAll(std::string_view text);

// Returns the folded form of `text` (NFKC, case folding, t2s), the characters
// the tokens are made of; tests and snippets compare with it.
std::string Fold(std::string_view text);

// Returns the phrases a query term stands for: the text's tokens split at
// gaps, one token per position (bigrams, or a single character for a run of
// one, or words). Empty when the text has no letters, digits or CJK.
std::vector<std::vector<std::string>> QueryPhrases(std::string_view text);

// Returns true when the last token of `text` is a word (not CJK): only words
// may be searched as a prefix.
bool EndsWithWord(std::string_view text);

// Returns true when `token` is a single CJK character (then a phrase that
// ends with it matches it as a prefix: the character may start a bigram).
bool IsSingleCjk(const std::string& token);

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_TOKENIZER_H_
