// Copyright 2026 The Jianbao Authors.

#include "search/result_cache.h"

#include "search/service.h"

namespace jianbao::search {
namespace {

size_t BytesOf(const std::string& key, const CachedAnswer& a) {
  size_t n = key.size() + sizeof(CachedAnswer) + 64;
  for (const auto& [kind, count] : a.kinds) n += kind.size() + 48;
  for (const SearchItem& it : a.items) {
    n += sizeof(SearchItem) + it.kind.size() + it.title.size() + it.snippet.size() +
         it.date.size() + it.org.size();
  }
  return n;
}

}  // namespace

ResultCache::ResultCache(size_t max_bytes) : max_bytes_(max_bytes) {}
ResultCache::~ResultCache() = default;

std::shared_ptr<const CachedAnswer> ResultCache::Get(const std::string& key, int64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = generation == generation_ ? index_.find(key) : index_.end();
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->answer;
}

void ResultCache::Put(const std::string& key, int64_t generation,
                      std::shared_ptr<const CachedAnswer> answer) {
  std::lock_guard<std::mutex> lock(mu_);
  if (max_bytes_ == 0 || generation < generation_) return;
  if (generation > generation_) {
    lru_.clear();
    index_.clear();
    bytes_ = 0;
    generation_ = generation;
  }
  const size_t bytes = BytesOf(key, *answer);
  if (bytes > max_bytes_) return;
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front(Entry{key, std::move(answer), bytes});
  index_[key] = lru_.begin();
  bytes_ += bytes;
  EvictLocked();
}

void ResultCache::set_max_bytes(size_t max_bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  max_bytes_ = max_bytes;
  EvictLocked();
}

void ResultCache::EvictLocked() {
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

int64_t ResultCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

int64_t ResultCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

}  // namespace jianbao::search
