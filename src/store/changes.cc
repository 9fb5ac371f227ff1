// Copyright 2026 The Jianbao Authors.

#include "store/changes.h"

#include <map>
#include <mutex>
#include <vector>

namespace jianbao::store {
namespace {

struct Observers {
  std::mutex mu;
  int next = 1;
  std::map<int, ChangeObserver> list;
};

Observers& Get() {
  static Observers* observers = new Observers();  // never destroyed: used at exit
  return *observers;
}

}  // namespace

int AddChangeObserver(ChangeObserver observer) {
  Observers& o = Get();
  std::lock_guard<std::mutex> lock(o.mu);
  const int handle = o.next++;
  o.list.emplace(handle, std::move(observer));
  return handle;
}

void RemoveChangeObserver(int handle) {
  Observers& o = Get();
  std::lock_guard<std::mutex> lock(o.mu);
  o.list.erase(handle);
}

void NotifyChanged(soci::session& s, const std::string& kind, int64_t id) {
  std::vector<ChangeObserver> copy;
  {
    Observers& o = Get();
    std::lock_guard<std::mutex> lock(o.mu);
    for (const auto& [handle, observer] : o.list) copy.push_back(observer);
  }
  for (const ChangeObserver& observer : copy) observer(s, kind, id);
}

}  // namespace jianbao::store
