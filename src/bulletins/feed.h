// Copyright 2026 The Jianbao Authors.
//
// The Atom feed of a public bulletin series.

#ifndef JIANBAO_BULLETINS_FEED_H_
#define JIANBAO_BULLETINS_FEED_H_

#include <string>
#include <vector>

#include "bulletins/model.h"

namespace jianbao::bulletins {

// Returns an Atom 1.0 document listing `issues` (newest first), each entry
// with the issue's text as <content type="html">. Links start with
// `base_url`, the configured public address ("https://jianbao.example.org",
// no trailing slash), or are relative to the feed's own address when it is
// "" — never built from a request's Host header. Ids are permanent URNs
// (name-based UUIDs of the series code and the issue id). All text is
// XML-escaped, characters XML 1.0 forbids dropped.
std::string AtomFeed(const Series& series, const std::vector<IssueRecord>& issues,
                     const std::string& base_url);

// Returns the public HTML page of a series: its issues with links to every
// stored format and the feed. All text is escaped.
std::string PublicPage(const Series& series, const std::vector<IssueRecord>& issues);

// Returns `iso` ("YYYY-MM-DDTHH:MM:SSZ") as an HTTP date ("Thu, 19 Mar 2020
// 02:00:00 GMT"), or "" when it is not in that form.
std::string HttpDate(const std::string& iso);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_FEED_H_
