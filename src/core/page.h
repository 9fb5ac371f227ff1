// Copyright 2026 The Jianbao Authors.
//
// Paging, one definition for every module. A list request names a page
// (1-based) and a page size; a list answer holds that page's rows and the
// total number of rows the caller may page through — the total counts only
// what the caller is allowed to see, so pages and total always agree.

#ifndef JIANBAO_CORE_PAGE_H_
#define JIANBAO_CORE_PAGE_H_

#include <cstdint>
#include <vector>

namespace jianbao {

// Which page a caller asks for. The HTTP layer fills it from ?page= and
// ?page_size= (http::ParsePage) and checks the bounds (page ≥ 1, size 1..100).
struct PageRequest {
  int page = 1;
  int page_size = 20;
  // Returns the number of rows before this page.
  int offset() const { return (page - 1) * page_size; }
};

// One page of a list: its rows and the total the caller may page through.
template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

}  // namespace jianbao

#endif  // JIANBAO_CORE_PAGE_H_
