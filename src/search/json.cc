// Copyright 2026 The Jianbao Authors.

#include "search/json.h"

#include <cmath>

#include "http/json_io.h"

namespace jianbao::search {
namespace {

Status ReadInt(const std::map<std::string, std::string>& params, const std::string& name, int def,
               int max, int* out) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty()) {
    *out = def;
    return Status::Ok();
  }
  try {
    size_t pos = 0;
    const long n = std::stol(it->second, &pos);
    if (pos == it->second.size() && n >= 1 && n <= max) {
      *out = static_cast<int>(n);
      return Status::Ok();
    }
  } catch (const std::exception&) {
  }
  return Status::Invalid(name, "out_of_range",
                         name + " must be a number from 1 to " + std::to_string(max));
}

}  // namespace

Result<SearchRequest> ReadSearchRequest(const std::map<std::string, std::string>& params) {
  SearchRequest req;
  for (auto [name, out, max] :
       {std::tuple{"q", &req.q, size_t{1024}}, std::tuple{"kind", &req.kind, size_t{32}},
        std::tuple{"org", &req.org, size_t{64}}, std::tuple{"series", &req.series, size_t{64}},
        std::tuple{"state", &req.state, size_t{32}}, std::tuple{"from", &req.from, size_t{10}},
        std::tuple{"to", &req.to, size_t{10}}}) {
    auto it = params.find(name);
    if (it == params.end()) continue;
    if (it->second.size() > max) {
      return Status::Invalid(
          name,
          name == std::string("from") || name == std::string("to") ? "invalid_date" : "too_long",
          std::string(name) + " is too long");
    }
    *out = it->second;
  }
  JB_RETURN_IF_ERROR(ReadInt(params, "page", 1, kMaxResults, &req.page.page));
  JB_RETURN_IF_ERROR(ReadInt(params, "page_size", 20, 100, &req.page.page_size));
  return req;
}

nlohmann::json SearchResultJson(const SearchResult& r, const SearchRequest& req) {
  nlohmann::json items = nlohmann::json::array();
  for (const SearchItem& it : r.items) {
    items.push_back({{"kind", it.kind},
                     {"id", it.id},
                     {"title", it.title},
                     {"snippet", it.snippet},
                     {"date", it.date},
                     {"org", it.org},
                     {"score", std::round(it.score * 1e4) / 1e4}});
  }
  nlohmann::json kinds = nlohmann::json::object();
  for (const auto& [kind, n] : r.kinds) kinds[kind] = n;
  nlohmann::json out = http::ItemsObject(std::move(items));
  out["total"] = r.total;
  out["page"] = req.page.page;
  out["page_size"] = req.page.page_size;
  out["facets"]["kind"] = std::move(kinds);
  return out;
}

}  // namespace jianbao::search
