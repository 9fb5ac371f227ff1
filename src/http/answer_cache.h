// Copyright 2026 The Jianbao Authors.
//
// AnswerCache: answers (and resolved sessions) kept while the database has not
// changed.
//
// An entry is stored with the database's data version (store::Database::
// DataVersion) read BEFORE the answer was computed, and found only while the
// version is still the same and the entry is younger than the time to live.
// Any commit, by this process or another, changes the version, so a hit is
// always what the handler would compute now from the database; the time to
// live bounds answers that also depend on the clock (deadlines, "overdue",
// session expiry) to that many milliseconds late. A handler that writes while
// answering a GET (a read receipt) changes the version itself, so its answer
// is never found. Versions only grow: the first lookup or store at a newer
// version drops every entry, so the cache holds only answers of the current
// data and its memory follows the working set between two writes. The least
// recently used entries go first when the entries' bytes pass the limit.
//
// Thread safety: every method may be called from any thread.

#ifndef JIANBAO_HTTP_ANSWER_CACHE_H_
#define JIANBAO_HTTP_ANSWER_CACHE_H_

#include <chrono>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace jianbao::http {

template <typename Value>
class AnswerCache {
 public:
  using Clock = std::chrono::steady_clock;

  // `max_bytes` bounds the keys' and values' sizes as `size_of` counts them;
  // a zero `ttl` or `max_bytes` keeps nothing.
  AnswerCache(size_t max_bytes, std::chrono::milliseconds ttl, size_t (*size_of)(const Value&))
      : max_bytes_(max_bytes), ttl_(ttl), size_of_(size_of) {}
  AnswerCache(const AnswerCache&) = delete;
  AnswerCache& operator=(const AnswerCache&) = delete;

  bool enabled() const { return max_bytes_ > 0 && ttl_.count() > 0; }

  // Returns a copy of the entry for `key` stored at data version `version`
  // and younger than the time to live, or nullopt.
  std::optional<Value> Find(const std::string& key, uint64_t version) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!Current(version)) return std::nullopt;
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    Entry& e = *it->second;
    if (e.version != version || Clock::now() - e.stored > ttl_) {
      Erase(it);
      return std::nullopt;
    }
    lru_.splice(lru_.begin(), lru_, it->second);
    return e.value;
  }

  // Keeps `value` for `key`, computed from data version `version`; replaces
  // an older entry. A value larger than a quarter of the limit is not kept.
  void Store(const std::string& key, uint64_t version, Value value) {
    if (!enabled()) return;
    const size_t bytes = key.size() + size_of_(value) + kOverhead;
    if (bytes > max_bytes_ / 4) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (!Current(version)) return;
    if (auto it = index_.find(key); it != index_.end()) Erase(it);
    lru_.push_front(Entry{key, version, Clock::now(), bytes, std::move(value)});
    index_.emplace(key, lru_.begin());
    bytes_ += bytes;
    while (bytes_ > max_bytes_ && !lru_.empty()) Erase(index_.find(lru_.back().key));
  }

  // Returns how many entries are kept (for tests).
  size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return lru_.size();
  }

 private:
  static constexpr size_t kOverhead = 128;  // list node, map slot, key copy
  struct Entry {
    std::string key;
    uint64_t version;
    Clock::time_point stored;
    size_t bytes;
    Value value;
  };
  using Lru = std::list<Entry>;

  // Returns whether `version` is the newest seen. A newer one drops every
  // entry (none can be found again: the data version only grows); an older
  // one (a request that read it before a commit) may neither find nor store.
  // REQUIRES: mu_ held.
  bool Current(uint64_t version) {
    if (version < newest_) return false;
    if (version > newest_) {
      lru_.clear();
      index_.clear();
      bytes_ = 0;
      newest_ = version;
    }
    return true;
  }

  void Erase(typename std::unordered_map<std::string, typename Lru::iterator>::iterator it) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }

  const size_t max_bytes_;
  const std::chrono::milliseconds ttl_;
  size_t (*const size_of_)(const Value&);
  std::mutex mu_;
  Lru lru_;  // most recently used first
  std::unordered_map<std::string, typename Lru::iterator> index_;
  size_t bytes_ = 0;
  uint64_t newest_ = 0;  // the newest data version seen
};

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_ANSWER_CACHE_H_
