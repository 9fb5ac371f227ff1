// Copyright 2026 The Jianbao Authors.
//
// Content sniffing: the type of an upload is decided from its bytes, never
// from its name or the client's Content-Type.

#ifndef JIANBAO_SUBMISSIONS_SNIFF_H_
#define JIANBAO_SUBMISSIONS_SNIFF_H_

#include <string>
#include <string_view>

namespace jianbao::submissions {

// Returns the MIME type of `bytes` for the types attachments may have —
// application/pdf, image/png, image/jpeg, image/gif, image/webp,
// application/vnd.openxmlformats-officedocument.wordprocessingml.document,
// application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,
// text/plain (valid UTF-8 without NUL) — or "" when it is none of them.
std::string SniffMime(std::string_view bytes);

// Returns true for the image types a body may show.
bool IsImageMime(const std::string& mime);

// Returns a file-name extension (".png") for a sniffed type, or "".
std::string ExtensionFor(const std::string& mime);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_SNIFF_H_
