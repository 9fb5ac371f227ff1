// Copyright 2026 The Jianbao Authors.

#include "http/json_io.h"

#include <optional>

#include "core/json_parse.h"
#include "core/text.h"

namespace jianbao::http {

Response JsonResponse(int status, const Json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.Header("Content-Type", "application/json; charset=utf-8");
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  return r;
}

namespace {

// True when `s` holds a code point XML 1.0 does not allow in a document: C0
// controls other than tab, line feed, form feed and carriage return, and
// U+FFFE/U+FFFF.
// Stored text ends up in the Atom feed, DOCX and HTML, and published issues
// never change, so such a character is refused where every request body enters.
bool HasXmlForbidden(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // Form feed stays: pdftotext writes it between pages, and the legacy
    // importer reads such text (the XML writers drop it).
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return true;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      return true;
    }
  }
  return false;
}

// Returns the path of the first string (key or value) in `v` that holds a
// character XML forbids ("sections[2].title"), or nullopt. `v` nests at most
// kMaxBodyDepth deep.
std::optional<std::string> FindXmlForbidden(const Json& v, const std::string& path) {
  if (v.is_string()) {
    if (HasXmlForbidden(v.get_ref<const std::string&>())) return path;
  } else if (v.is_object()) {
    for (const auto& [k, item] : v.items()) {
      std::string at = path.empty() ? k : path + "." + k;
      if (HasXmlForbidden(k)) return at;
      if (auto bad = FindXmlForbidden(item, at)) return bad;
    }
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (auto bad = FindXmlForbidden(v[i], path + "[" + std::to_string(i) + "]")) return bad;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<Json> ParseObject(const std::string& body, const std::set<std::string>& allowed) {
  if (!text::IsValidUtf8(body)) {
    return Status::Invalid("", "invalid_utf8", "request body is not valid UTF-8");
  }
  Result<Json> parsed = ParseJson(body, kMaxBodyDepth);
  if (!parsed.ok()) {
    const Status st = parsed.status();
    return Status::Invalid(st.field(), st.key(), "request body: " + st.message());
  }
  Json obj = std::move(parsed).value();
  if (!obj.is_object()) {
    return Status::Invalid("", "not_object", "request body must be a JSON object");
  }
  for (const auto& [k, v] : obj.items()) {
    if (!allowed.count(k)) return Status::Invalid(k, "unknown_field", "unknown field: " + k);
  }
  if (auto bad = FindXmlForbidden(obj, "")) {
    return Status::Invalid(*bad, "control_char", *bad + " contains a control character");
  }
  return obj;
}

namespace {

Status CheckText(const std::string& key, const std::string& s, size_t max_chars) {
  if (text::CodePointCount(s) > max_chars) {
    return Status::Invalid(key, "too_long",
                           key + " is longer than " + std::to_string(max_chars) + " characters");
  }
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
      return Status::Invalid(key, "control_char", key + " contains a control character");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<std::string>> OptionalString(const Json& obj, const std::string& key,
                                                  size_t max_chars) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Status::Invalid(key, "wrong_type", key + " must be a string");
  std::string v = text::Trim(it->get<std::string>());
  JB_RETURN_IF_ERROR(CheckText(key, v, max_chars));
  return std::optional<std::string>(std::move(v));
}

Result<std::string> RequiredString(const Json& obj, const std::string& key, size_t max_chars) {
  JB_ASSIGN_OR_RETURN(std::optional<std::string> v, OptionalString(obj, key, max_chars));
  if (!v || v->empty()) return Status::Invalid(key, "required", key + " is required");
  return *v;
}

Result<std::optional<bool>> OptionalBool(const Json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return Status::Invalid(key, "wrong_type", key + " must be true or false");
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<int64_t>> OptionalInt(const Json& obj, const std::string& key, int64_t min,
                                           int64_t max) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer())
    return Status::Invalid(key, "wrong_type", key + " must be an integer");
  const int64_t v = it->get<int64_t>();
  if (v < min || v > max) {
    return Status::Invalid(
        key, "out_of_range",
        key + " must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return std::optional<int64_t>(v);
}

Result<std::optional<std::vector<std::string>>> OptionalStringArray(const Json& obj,
                                                                    const std::string& key,
                                                                    size_t max_items,
                                                                    size_t max_chars) {
  using Out = std::optional<std::vector<std::string>>;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Out();
  if (!it->is_array()) return Status::Invalid(key, "wrong_type", key + " must be an array");
  if (it->size() > max_items) return Status::Invalid(key, "too_many", key + " has too many items");
  std::vector<std::string> out;
  for (const Json& item : *it) {
    if (!item.is_string()) {
      return Status::Invalid(key, "wrong_type", key + " must contain only strings");
    }
    std::string v = text::Trim(item.get<std::string>());
    JB_RETURN_IF_ERROR(CheckText(key, v, max_chars));
    out.push_back(std::move(v));
  }
  return Out(std::move(out));
}

Result<std::string> RequiredSecret(const Json& obj, const std::string& key, bool allow_empty) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string() || (!allow_empty && it->get<std::string>().empty())) {
    return Status::Invalid(key, "required", key + " is required");
  }
  return it->get<std::string>();
}

Result<PageRequest> ParsePage(const Request& req) {
  PageRequest p;
  auto parse = [&req](const std::string& name, int def, int max, int* out) -> Status {
    const std::string v = req.Query(name);
    if (v.empty()) {
      *out = def;
      return Status::Ok();
    }
    try {
      size_t pos = 0;
      const long n = std::stol(v, &pos);
      if (pos == v.size() && n >= 1 && n <= max) {
        *out = static_cast<int>(n);
        return Status::Ok();
      }
    } catch (const std::exception&) {
    }
    return Status::Invalid(name, "out_of_range",
                           name + " must be a number from 1 to " + std::to_string(max));
  };
  JB_RETURN_IF_ERROR(parse("page", 1, 1000000, &p.page));
  JB_RETURN_IF_ERROR(parse("page_size", 20, 100, &p.page_size));
  return p;
}

}  // namespace jianbao::http
