// Copyright 2026 The Jianbao Authors.
//
// ResultCache: answers of the search kept for as long as the index stays
// the same (repo::ReadGeneration). An entry is stored under the generation
// its answer was computed in and found only under that same generation, so
// an answer from the cache is exactly the answer the index would give (a
// write of any entry, on any server sharing the database, moves the
// generation on in its own transaction). The first entry of a newer
// generation drops every older one.
//
// Thread safety: every method may be called from any thread.

#ifndef JIANBAO_SEARCH_RESULT_CACHE_H_
#define JIANBAO_SEARCH_RESULT_CACHE_H_

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace jianbao::search {

struct SearchItem;

// One search's answer before paging: the facet counts and the ranked items,
// the first `items.size()` of the whole order.
struct CachedAnswer {
  std::map<std::string, int64_t> kinds;
  std::vector<SearchItem> items;
};

class ResultCache {
 public:
  // Keeps entries of about `max_bytes` in all (0: keeps nothing).
  explicit ResultCache(size_t max_bytes);
  ~ResultCache();
  ResultCache(const ResultCache&) = delete;
  ResultCache& operator=(const ResultCache&) = delete;

  // Returns the answer stored under `key` in `generation`, or null.
  std::shared_ptr<const CachedAnswer> Get(const std::string& key, int64_t generation);

  // Stores `answer` under `key` for `generation`: drops every entry of an
  // older generation first, ignores an older generation than the newest seen,
  // and forgets the least recently used entries beyond the byte budget.
  void Put(const std::string& key, int64_t generation, std::shared_ptr<const CachedAnswer> answer);

  // Changes the byte budget (0 empties the cache and keeps nothing).
  void set_max_bytes(size_t max_bytes);

  // How many lookups found an answer, and how many did not, so far.
  int64_t hits() const;
  int64_t misses() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedAnswer> answer;
    size_t bytes = 0;
  };
  void EvictLocked();

  mutable std::mutex mu_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  int64_t generation_ = -1;
  int64_t hits_ = 0, misses_ = 0;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace jianbao::search

#endif  // JIANBAO_SEARCH_RESULT_CACHE_H_
