// Copyright 2026 The Jianbao Authors.
//
// What a module gives the search: its documents and who may read them.
// Header only, so that a module can describe its kind of document without
// linking the search module (src/bulletins/search_kind.cc is an example).
//
// Visibility is a set of reader keys in the kind's own terms. A document
// lists the keys that may read it ("public", "staff:ccea", "user:12"); a user
// holds keys ("public", "staff:ccea", "staff:hubei", "user:12"); the user
// finds the document when the two sets meet. The keys become index tokens,
// so the check is part of the full-text query itself: totals and facets are
// counted over what the user may read only.

#ifndef JIANBAO_SEARCH_DOCUMENT_H_
#define JIANBAO_SEARCH_DOCUMENT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/status.h"

namespace soci {
class session;
}

namespace jianbao::search {

// Reader key meaning "every document of this kind" (the system actor, say).
inline constexpr const char* kEveryDocument = "*";

struct Document {
  std::string kind;  // "piece", "issue", "notice", "policy", "complaint"
  int64_t id = 0;    // the record's own id in its module
  std::string title;
  std::string body;  // plain text or CommonMark; paragraphs separated by line breaks
  std::string org;   // code of the organisation it belongs to, "" for none
  std::string date;  // YYYY-MM-DD (Asia/Shanghai), the date it is listed and ranked by
  std::vector<std::string> readers;  // reader keys that may read it; empty = nobody
  std::string series;  // issues: the series' code, for the series filter; "" otherwise
  std::string state;   // the record's workflow state ("published", …), for the state filter
};

// A kind of document: registered once at start-up (SearchService::AddKind).
struct Kind {
  std::string name;  // Document::kind
  // Returns record `id` as a Document as it is now on `s` (inside the
  // writer's transaction when indexing a change), or nullopt when the record
  // is gone or must not be found at all. May throw a database error.
  std::function<std::optional<Document>(soci::session& s, int64_t id)> load;
  // Returns the id of every record of this kind (for reindex), on `s`.
  std::function<std::vector<int64_t>(soci::session& s)> ids;
  // Returns the reader keys `actor` holds for this kind; kEveryDocument for
  // all. May run its own database reads. Errors end the search with them.
  std::function<Result<std::vector<std::string>>(const Actor& actor)> readers_of;
};

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_DOCUMENT_H_
