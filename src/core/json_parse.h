// Copyright 2026 The Jianbao Authors.
//
// Strict JSON parsing for text from outside (request bodies, uploaded or
// stored JSON documents): nesting depth is capped while parsing, so a deeply
// nested value is refused before anything recurses over it (copying,
// printing or destroying a value of depth d recurses d deep), and an object
// may not name the same key twice.

#ifndef JIANBAO_CORE_JSON_PARSE_H_
#define JIANBAO_CORE_JSON_PARSE_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/status.h"

namespace jianbao {

// Deep enough for every document the platform reads (an issue is 4 levels).
inline constexpr int kMaxJsonDepth = 64;

// Parses `text` as one JSON value (an array or object counts one level, a
// scalar none). Reads the text once without recursion. Returns
// kInvalidArgument with key "invalid_json" (message naming the byte offset),
// "json_too_deep" when arrays and objects nest deeper than `max_depth`, or
// "duplicate_field" with field() = the repeated key. Does not check UTF-8.
Result<nlohmann::json> ParseJson(std::string_view text, int max_depth = kMaxJsonDepth);

// The same, keeping object keys in document order.
Result<nlohmann::ordered_json> ParseOrderedJson(std::string_view text,
                                                int max_depth = kMaxJsonDepth);

}  // namespace jianbao

#endif  // JIANBAO_CORE_JSON_PARSE_H_
