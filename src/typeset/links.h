// Copyright 2026 The Jianbao Authors.
//
// The one rule for link targets in every output (PDF, DOCX, HTML, text):
// only http:, https: and mailto: links are written. javascript:, vbscript:,
// data:, file:, UNC paths (\\host\share, //host/share), relative paths and
// every other scheme are dropped, and the link's text stays as plain text.
// Internal to src/typeset.

#ifndef JIANBAO_TYPESET_LINKS_H_
#define JIANBAO_TYPESET_LINKS_H_

#include <string>

namespace jianbao::typeset {

// Returns true when `url` may be written as a link target: it starts with
// "http://", "https://" or "mailto:" (scheme in any case) and holds no
// control characters, spaces or backslashes.
bool IsSafeLink(const std::string& url);

// Returns `url` when IsSafeLink(url), else "" (no link).
std::string SafeLink(const std::string& url);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_LINKS_H_
