// Copyright 2026 The Jianbao Authors.
//
// A SOCI backend for SQLite that keeps prepared statements. SOCI prepares
// every statement anew (sqlite3_prepare_v2, then sqlite3_finalize when the
// soci::statement ends); on a short request that parsing is most of the CPU.
// Sessions made by CachingSqliteFactory() behave exactly like SOCI's own
// sqlite3 sessions (same backend name "sqlite3", same statements, same
// errors) but, when a statement ends, reset it, clear its bindings and keep
// it by its SQL text; the next statement with the same text on that session
// takes it instead of preparing again. Only SQLite's public API is used
// (sqlite3_reset, sqlite3_clear_bindings, sqlite3_finalize).
//
// A kept statement is reset, so it holds no read transaction and no locks.
// SQLite re-prepares it by itself after a schema change. At most
// kMaxCachedStatements are kept per session; beyond that a finishing
// statement is finalized as before. Two statements with the same text alive
// at once on one session each get their own sqlite3_stmt.
//
// Thread safety: like soci::session, one thread at a time per session (the
// store's pools guarantee it).

#ifndef JIANBAO_STORE_STATEMENT_CACHE_H_
#define JIANBAO_STORE_STATEMENT_CACHE_H_

#include <cstddef>

namespace soci {
class backend_factory;
}

namespace jianbao::store {

inline constexpr size_t kMaxCachedStatements = 200;

// Returns the factory for sqlite3 sessions with a statement cache; pass it
// to soci::session's constructor with the usual sqlite3 connect string.
const soci::backend_factory& CachingSqliteFactory();

// Returns how many statements were taken from a cache (not prepared) by
// this process so far; for tests.
size_t CachedStatementHits();

}  // namespace jianbao::store

#endif  // JIANBAO_STORE_STATEMENT_CACHE_H_
