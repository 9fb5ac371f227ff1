// Copyright 2026 The Jianbao Authors.
//
// A small RFC 4180 CSV reader: comma-separated, optional double-quoted fields
// ("" inside quotes is a quote), LF or CRLF line ends, an optional UTF-8 BOM.

#ifndef JIANBAO_EPIDEMIC_CSV_H_
#define JIANBAO_EPIDEMIC_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jianbao::epidemic {

// The reason of the reader's one error (key "csv_quote").
inline constexpr std::string_view kUnclosedQuote = "a quoted field is not closed";

class CsvReader {
 public:
  // `content` must outlive the reader.
  explicit CsvReader(std::string_view content);

  // Reads the next record into `fields`. Returns false at the end of input or
  // on malformed quoting; then error() says which (OK at a clean end; else
  // InvalidArgument "csv_quote" with detail "line").
  // Blank lines are skipped.
  bool Next(std::vector<std::string>* fields);

  // Returns the 1-based line on which the last record started.
  int line() const { return record_line_; }
  const Status& error() const { return error_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  int next_line_ = 1;
  int record_line_ = 0;
  Status error_;
};

// Parses a whole decimal integer with an optional leading '-'. Returns false
// on anything else, including empty input and values beyond ±10^15.
bool ParseInt64(std::string_view s, int64_t* out);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_CSV_H_
