// Copyright 2026 The Jianbao Authors.
//
// Change observers: how a module learns, inside the writer's transaction,
// that a record of another module was written, without depending on it.
//
// A repository that writes a record others may index calls
//   store::NotifyChanged(s, "piece", id);
// right after its INSERT or UPDATE, on the same session. Every observer runs
// there and then, inside the same transaction: an observer that throws makes
// the repository call throw, so the transaction rolls back and the record and
// what the observer wrote (the search index) never disagree.
//
// The search module (src/search) is the one observer today: it reloads the
// record through the kind that module registered and rewrites its index entry.

#ifndef JIANBAO_STORE_CHANGES_H_
#define JIANBAO_STORE_CHANGES_H_

#include <cstdint>
#include <functional>
#include <string>

namespace soci {
class session;
}

namespace jianbao::store {

// Called with the writer's session, the record's kind ("piece", "issue") and id.
using ChangeObserver = std::function<void(soci::session& s, const std::string& kind, int64_t id)>;

// Adds an observer for the whole process and returns its handle for
// RemoveChangeObserver. Thread safety: callable from any thread.
int AddChangeObserver(ChangeObserver observer);

// Removes the observer `handle` (a no-op for an unknown handle).
void RemoveChangeObserver(int handle);

// Tells every observer that record (`kind`, `id`) was written in the
// transaction of `s`. Throws what an observer throws.
// REQUIRES: inside Database::Write on `s`.
void NotifyChanged(soci::session& s, const std::string& kind, int64_t id);

}  // namespace jianbao::store

#endif  // JIANBAO_STORE_CHANGES_H_
