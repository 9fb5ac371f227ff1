// Copyright 2026 The Jianbao Authors.
//
// The names an issue's files are downloaded and e-mailed under, as offices
// file them: 信息简报2020年第32期.pdf (the series' short name — the last line
// of its title —, the year, 第N期), with an ASCII fallback for clients that
// cannot take UTF-8 names, and the Content-Disposition value carrying both
// (RFC 6266 with RFC 8187 percent-encoding).
//
// Thread safety: pure functions; callable from any thread.

#ifndef JIANBAO_BULLETINS_FILE_NAME_H_
#define JIANBAO_BULLETINS_FILE_NAME_H_

#include <string>

#include "bulletins/model.h"

namespace jianbao::bulletins {

// Returns "信息简报2020年第32期.pdf": the short name, "2020年" (yearly
// numbering only), "增刊" for a supplement, "第32期", "（更正2）" for a later
// revision, and "." + `extension`.
std::string IssueFileName(const Series& series, const IssueRecord& issue,
                          const std::string& extension);
// Returns the ASCII fallback "ccea-epidemic-2020-32.pdf" (series code, year,
// "zk" for a supplement, number, "-r2" for a later revision).
std::string IssueAsciiFileName(const Series& series, const IssueRecord& issue,
                               const std::string& extension);
// Returns `disposition` ("attachment" or "inline") + `; filename="ascii";
// filename*=UTF-8''percent-encoded-name`.
std::string ContentDisposition(const std::string& disposition, const std::string& ascii_name,
                               const std::string& utf8_name);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_FILE_NAME_H_
