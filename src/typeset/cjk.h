// Copyright 2026 The Jianbao Authors.
//
// Character classes for Chinese line composition: the 避头尾 rule table,
// punctuation squeezing (标点挤压) and CJK/Latin spacing. Pure functions.

#ifndef JIANBAO_TYPESET_CJK_H_
#define JIANBAO_TYPESET_CJK_H_

namespace jianbao::typeset::cjk {

// Returns true for punctuation that must not begin a line (，。、；：？！）》」』”’…—
// and their relatives).
bool NoLineStart(char32_t c);

// Returns true for punctuation that must not end a line (（《「『“‘ …).
bool NoLineEnd(char32_t c);

// Returns true when a line break between a and b would split an inseparable
// pair such as "——" or "……".
bool Inseparable(char32_t a, char32_t b);

// How a full-width punctuation glyph sits in its em box in simplified
// Chinese fonts: ink on the left with blank on the right (，。、；：）》」 …),
// ink on the right with blank on the left (（《「 …), or centred.
enum class PunctShape { kNone, kBlankRight, kBlankLeft, kCentred };
// Returns the shape of `c`; kNone for anything that is not such a mark.
PunctShape ShapeOf(char32_t c);

// Returns true for ideographs, kana, hangul and full-width forms: characters
// that are set on the em grid and separate from Latin by a quarter em.
bool IsWide(char32_t c);

// Returns true for ASCII/Latin letters and digits (Latin-1 and Latin-A too).
bool IsLatinAlnum(char32_t c);

// Returns true for the typed spaces that the composer normalises (ASCII space,
// no-break space). The ideographic space U+3000 is not one of them.
bool IsSpace(char32_t c);

}  // namespace jianbao::typeset::cjk

#endif  // JIANBAO_TYPESET_CJK_H_
