// Copyright 2026 The Jianbao Authors.
//
// Content-Security-Policy of the self-contained pages the server writes (the
// HTML edition of an issue, the distribution sheets): no scripts, nothing
// loaded from elsewhere, and styles only from the page's own <style>
// elements, each allowed by its SHA-256 hash — never 'unsafe-inline', so a
// style attribute or a <style> that is not the writer's own is refused.
//
//   r.Header("Content-Security-Policy", SelfContainedPagePolicy(html));
//
// Thread safety: pure functions; any thread.

#ifndef JIANBAO_HTTP_CSP_H_
#define JIANBAO_HTTP_CSP_H_

#include <string>
#include <string_view>

namespace jianbao::http {

// Returns "'sha256-…'" for each <style> element in the head of `html` (before
// "</head>"; those in the body are not the writer's and stay refused),
// separated by spaces; "" when there is none. REQUIRES: the writer opens its
// style elements as a bare "<style>".
std::string StyleHashSources(std::string_view html);

// Returns "default-src 'none'; style-src <hashes of html's head styles>"
// followed by "; " and `extra` when not empty (e.g. "img-src data:").
std::string SelfContainedPagePolicy(std::string_view html, std::string_view extra = "");

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_CSP_H_
