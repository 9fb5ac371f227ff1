// Copyright 2026 The Jianbao Authors.
//
// The Atom feed of a public bulletin series.

#ifndef JIANBAO_BULLETINS_FEED_H_
#define JIANBAO_BULLETINS_FEED_H_

#include <string>
#include <vector>

#include "bulletins/model.h"

namespace jianbao::bulletins {

// Returns an Atom 1.0 document listing `issues` (newest first). `base_url` is
// "http://host:port" without a trailing slash. All text is XML-escaped.
std::string AtomFeed(const Series& series, const std::vector<IssueRecord>& issues,
                     const std::string& base_url);

// Returns the public HTML page of a series: its issues with links to every
// stored format and the feed. All text is escaped.
std::string PublicPage(const Series& series, const std::vector<IssueRecord>& issues);

// Returns `s` with &, <, >, " and ' escaped for XML.
std::string XmlEscape(const std::string& s);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_FEED_H_
