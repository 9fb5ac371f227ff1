// Copyright 2026 The Jianbao Authors.

#include "core/json_parse.h"

#include <set>
#include <string>
#include <vector>

namespace jianbao {
namespace {

// A SAX pass that builds nothing: it stops at the first level deeper than
// the limit or the first repeated key. nlohmann's SAX parser keeps its own
// state on the heap, so no input makes it recurse.
template <typename Json>
class Checker : public nlohmann::json_sax<Json> {
 public:
  explicit Checker(int max_depth) : max_depth_(max_depth) {}

  using number_integer_t = typename Json::number_integer_t;
  using number_unsigned_t = typename Json::number_unsigned_t;
  using number_float_t = typename Json::number_float_t;
  using string_t = typename Json::string_t;
  using binary_t = typename Json::binary_t;

  Status status() const { return status_; }

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return Deeper();
  }
  bool key(string_t& k) override {
    if (keys_.back().insert(k).second) return true;
    status_ = Status::Invalid(k, "duplicate_field", "duplicate field: " + k);
    return false;
  }
  bool end_object() override {
    keys_.pop_back();
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override { return Deeper(); }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    status_ = Status::Invalid("", "invalid_json",
                              "not valid JSON (at byte " + std::to_string(position) + ")");
    return false;
  }

 private:
  bool Deeper() {
    if (++depth_ <= max_depth_) return true;
    status_ = Status::Invalid(
        "", "json_too_deep",
        "JSON nests arrays and objects more than " + std::to_string(max_depth_) + " levels deep");
    return false;
  }

  int max_depth_;
  int depth_ = 0;
  std::vector<std::set<std::string>> keys_;  // one per open object
  Status status_;
};

template <typename Json>
Result<Json> Parse(std::string_view text, int max_depth) {
  Checker<Json> checker(max_depth);
  if (!Json::sax_parse(text, &checker)) {
    Status st = checker.status();
    if (st.ok()) st = Status::Invalid("", "invalid_json", "not valid JSON");
    return st;
  }
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return Status::Invalid("", "invalid_json", "not valid JSON");
  return value;
}

}  // namespace

Result<nlohmann::json> ParseJson(std::string_view text, int max_depth) {
  return Parse<nlohmann::json>(text, max_depth);
}

Result<nlohmann::ordered_json> ParseOrderedJson(std::string_view text, int max_depth) {
  return Parse<nlohmann::ordered_json>(text, max_depth);
}

}  // namespace jianbao
