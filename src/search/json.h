// Copyright 2026 The Jianbao Authors.
//
// Decoding of the search query string and encoding of the answer, shared by
// the HTTP handler and `jianbao search query` (the same answer, the same defaults).

#ifndef JIANBAO_SEARCH_JSON_H_
#define JIANBAO_SEARCH_JSON_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "search/service.h"

namespace jianbao::search {

// Reads q, kind, org, from, to, page and page_size from query parameters.
// Errors: kInvalidArgument "too_long" naming the parameter; "out_of_range"
// for page (1..) and page_size (1..100).
Result<SearchRequest> ReadSearchRequest(const std::map<std::string, std::string>& params);

// Returns {"items":[{kind,id,title,snippet,date,org,score}],"total","page",
// "page_size","facets":{"kind":{KIND: count}}}.
nlohmann::json SearchResultJson(const SearchResult& r, const SearchRequest& req);

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_JSON_H_
