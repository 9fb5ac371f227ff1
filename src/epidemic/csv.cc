// Copyright 2026 The Jianbao Authors.

#include "epidemic/csv.h"

namespace jianbao::epidemic {

CsvReader::CsvReader(std::string_view content) : in_(content) {
  if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  // Skip blank lines.
  while (pos_ < in_.size() && (in_[pos_] == '\n' || in_[pos_] == '\r')) {
    if (in_[pos_] == '\n') ++next_line_;
    ++pos_;
  }
  if (pos_ >= in_.size()) return false;
  record_line_ = next_line_;
  std::string cur;
  while (true) {
    if (pos_ < in_.size() && in_[pos_] == '"') {
      ++pos_;
      while (true) {
        if (pos_ >= in_.size()) {
          const std::string where = "line " + std::to_string(record_line_);
          error_ = Status::Invalid(where, "csv_quote", where + ": " + std::string(kUnclosedQuote));
          error_.set_detail("line", record_line_);
          return false;
        }
        char c = in_[pos_++];
        if (c == '"') {
          if (pos_ < in_.size() && in_[pos_] == '"') {
            cur += '"';
            ++pos_;
            continue;
          }
          break;
        }
        if (c == '\n') ++next_line_;
        cur += c;
      }
    }
    size_t end = in_.find_first_of(",\n", pos_);
    if (end == std::string_view::npos) end = in_.size();
    std::string_view rest = in_.substr(pos_, end - pos_);
    if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
    cur.append(rest);
    fields->push_back(std::move(cur));
    cur.clear();
    pos_ = end;
    if (pos_ >= in_.size()) return true;
    if (in_[pos_++] == '\n') {
      ++next_line_;
      return true;
    }
  }
}

bool ParseInt64(std::string_view s, int64_t* out) {
  bool neg = false;
  if (!s.empty() && s[0] == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 15) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = neg ? -v : v;
  return true;
}

}  // namespace jianbao::epidemic
