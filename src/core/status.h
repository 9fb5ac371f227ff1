// Copyright 2026 The Jianbao Authors.
//
// Status and Result<T>: how services report failure across module lines.
// A Status is a code, a message key (stable, English, snake_case, used by the
// UI to pick a translation), a human message and optionally the name of the
// input field that was wrong. Exceptions never cross module boundaries.

#ifndef JIANBAO_CORE_STATUS_H_
#define JIANBAO_CORE_STATUS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jianbao {

enum class Code {
  kOk = 0,
  kInvalidArgument,       // the input is wrong; field() names it.
  kUnauthenticated,       // no or expired session.
  kPermissionDenied,      // signed in, but the role or organisation does not allow it.
  kNotFound,
  kConflict,              // duplicate, or wrong workflow state.
  kPreconditionFailed,    // the client edited a version that is no longer current.
  kPayloadTooLarge,
  kUnsupportedMediaType,  // a body of the wrong Content-Type.
  kTooManyRequests,       // throttled; retry_after_seconds() says when.
  kUnavailable,           // database busy or down.
  kInternal,              // a bug or an unexpected library failure.
};

class Status {
 public:
  // Returns an OK status.
  Status() = default;
  Status(Code code, std::string key, std::string message, std::string field = "")
      : code_(code), key_(std::move(key)), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return Status(); }
  static Status Invalid(std::string field, std::string key, std::string message) {
    return Status(Code::kInvalidArgument, std::move(key), std::move(message), std::move(field));
  }
  static Status NotFound(std::string key, std::string message) {
    return Status(Code::kNotFound, std::move(key), std::move(message));
  }
  static Status Denied(std::string message) {
    return Status(Code::kPermissionDenied, "permission_denied", std::move(message));
  }
  static Status Conflict(std::string key, std::string message, std::string field = "") {
    return Status(Code::kConflict, std::move(key), std::move(message), std::move(field));
  }
  static Status Internal(std::string message) {
    return Status(Code::kInternal, "internal", std::move(message));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& key() const { return key_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  int retry_after_seconds() const { return retry_after_; }
  Status& set_retry_after_seconds(int s) {
    retry_after_ = s;
    return *this;
  }
  // Structured details a client can act on without parsing the message, such
  // as the line and column of an import error ({"line": 3, "column": 7}).
  // The HTTP layer renders them as "details" in the error body.
  const std::map<std::string, int64_t>& details() const { return details_; }
  Status& set_detail(const std::string& name, int64_t value) {
    details_[name] = value;
    return *this;
  }
  // Text details, such as who saved the newer version of a record
  // ({"by": "陈静"}). Rendered with details() in the error body and usable
  // as "{name}" placeholders in catalogue messages.
  const std::map<std::string, std::string>& texts() const { return texts_; }
  Status& set_text(const std::string& name, std::string value) {
    texts_[name] = std::move(value);
    return *this;
  }
  // Returns "code_name: message" for logs and CLI output.
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string key_;
  std::string message_;
  std::string field_;
  int retry_after_ = 0;
  std::map<std::string, int64_t> details_;
  std::map<std::string, std::string> texts_;
};

// Returns the lower-case name of a code ("invalid_argument").
const char* CodeName(Code code);

// A value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design.
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: REQUIRES: !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: ok()
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T* operator->() const { return &std::get<T>(v_); }
  T* operator->() { return &std::get<T>(v_); }
  const T& operator*() const& { return value(); }
  // Returns the error, or OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace jianbao

#define JB_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::jianbao::Status _st = (expr);         \
    if (!_st.ok()) return _st;              \
  } while (0)

#define JB_CONCAT_INNER(a, b) a##b
#define JB_CONCAT(a, b) JB_CONCAT_INNER(a, b)
#define JB_ASSIGN_OR_RETURN(lhs, expr) JB_ASSIGN_OR_RETURN_IMPL(JB_CONCAT(_res_, __LINE__), lhs, expr)
#define JB_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()

#endif  // JIANBAO_CORE_STATUS_H_
