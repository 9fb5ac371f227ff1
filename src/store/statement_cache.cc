// Copyright 2026 The Jianbao Authors.

#include "store/statement_cache.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>

namespace jianbao::store {
namespace {

std::atomic<size_t> g_hits{0};

using soci::details::statement_backend;
using ::sqlite_api::sqlite3_stmt;

// SOCI's sqlite3 backend classes are not exported from its shared library,
// so the cache wraps them (forwarding every call) rather than deriving from
// them. The wrapped objects are made by SOCI's own factory; their public
// fields (stmt_, databaseReady_) are what SOCI's header declares.
class CachingSession : public soci::details::session_backend {
 public:
  explicit CachingSession(soci::sqlite3_session_backend* inner) : inner_(inner) {}
  ~CachingSession() override {
    for (auto& [query, st] : kept_) ::sqlite_api::sqlite3_finalize(st);
    kept_.clear();
  }

  // Returns a kept statement for `query` (now owned by the caller), or null.
  sqlite3_stmt* Take(const std::string& query) {
    auto it = kept_.find(query);
    if (it == kept_.end()) return nullptr;
    sqlite3_stmt* st = it->second;
    kept_.erase(it);
    ++g_hits;
    return st;
  }

  // Keeps `st` (prepared from `query`, reset, bindings cleared), or
  // finalizes it when the cache is full or already has one for `query`.
  void Give(const std::string& query, sqlite3_stmt* st) {
    if (kept_.size() >= kMaxCachedStatements || !kept_.emplace(query, st).second) {
      ::sqlite_api::sqlite3_finalize(st);
    }
  }

  bool is_connected() override { return inner_->is_connected(); }
  void begin() override { inner_->begin(); }
  void commit() override { inner_->commit(); }
  void rollback() override { inner_->rollback(); }
  bool get_next_sequence_value(soci::session& s, const std::string& seq,
                               long long& value) override {
    return inner_->get_next_sequence_value(s, seq, value);
  }
  bool get_last_insert_id(soci::session& s, const std::string& table, long long& value) override {
    return inner_->get_last_insert_id(s, table, value);
  }
  std::string get_table_names_query() const override { return inner_->get_table_names_query(); }
  std::string get_column_descriptions_query() const override {
    return inner_->get_column_descriptions_query();
  }
  std::string create_table(const std::string& t) override { return inner_->create_table(t); }
  std::string drop_table(const std::string& t) override { return inner_->drop_table(t); }
  std::string truncate_table(const std::string& t) override { return inner_->truncate_table(t); }
  std::string create_column_type(soci::data_type dt, int precision, int scale) override {
    return inner_->create_column_type(dt, precision, scale);
  }
  std::string add_column(const std::string& t, const std::string& c, soci::data_type dt,
                         int precision, int scale) override {
    return inner_->add_column(t, c, dt, precision, scale);
  }
  std::string alter_column(const std::string& t, const std::string& c, soci::data_type dt,
                           int precision, int scale) override {
    return inner_->alter_column(t, c, dt, precision, scale);
  }
  std::string drop_column(const std::string& t, const std::string& c) override {
    return inner_->drop_column(t, c);
  }
  std::string constraint_unique(const std::string& n, const std::string& c) override {
    return inner_->constraint_unique(n, c);
  }
  std::string constraint_primary_key(const std::string& n, const std::string& c) override {
    return inner_->constraint_primary_key(n, c);
  }
  std::string constraint_foreign_key(const std::string& n, const std::string& c,
                                     const std::string& rt, const std::string& rc) override {
    return inner_->constraint_foreign_key(n, c, rt, rc);
  }
  std::string empty_blob() override { return inner_->empty_blob(); }
  std::string nvl() override { return inner_->nvl(); }
  std::string get_dummy_from_table() const override { return inner_->get_dummy_from_table(); }
  std::string get_backend_name() const override { return inner_->get_backend_name(); }
  statement_backend* make_statement_backend() override;
  soci::details::rowid_backend* make_rowid_backend() override {
    return inner_->make_rowid_backend();
  }
  soci::details::blob_backend* make_blob_backend() override { return inner_->make_blob_backend(); }

 private:
  std::unordered_map<std::string, sqlite3_stmt*> kept_;
  std::unique_ptr<soci::sqlite3_session_backend> inner_;  // destroyed after kept_ is finalized
};

class CachingStatement : public statement_backend {
 public:
  CachingStatement(CachingSession& owner, soci::sqlite3_statement_backend* inner)
      : owner_(owner), inner_(inner) {}
  ~CachingStatement() override { clean_up(); }

  void alloc() override { inner_->alloc(); }
  void prepare(const std::string& query, soci::details::statement_type type) override {
    clean_up();
    query_ = query;
    if (sqlite3_stmt* st = owner_.Take(query)) {
      inner_->stmt_ = st;
      inner_->databaseReady_ = true;
      return;
    }
    inner_->prepare(query, type);  // throws on an SQL error
  }
  void clean_up() override {
    sqlite3_stmt* st = inner_->stmt_;
    inner_->stmt_ = nullptr;
    inner_->clean_up();  // its other state; nothing left to finalize
    if (st == nullptr) return;
    // SOCI bound text without copying it (SQLITE_STATIC): the buffers die
    // with this statement, so the bindings go before the statement is kept.
    ::sqlite_api::sqlite3_reset(st);
    ::sqlite_api::sqlite3_clear_bindings(st);
    owner_.Give(query_, st);
  }
  exec_fetch_result execute(int number) override { return inner_->execute(number); }
  exec_fetch_result fetch(int number) override { return inner_->fetch(number); }
  long long get_affected_rows() override { return inner_->get_affected_rows(); }
  int get_number_of_rows() override { return inner_->get_number_of_rows(); }
  std::string get_parameter_name(int index) const override {
    return inner_->get_parameter_name(index);
  }
  std::string rewrite_for_procedure_call(const std::string& query) override {
    return inner_->rewrite_for_procedure_call(query);
  }
  int prepare_for_describe() override { return inner_->prepare_for_describe(); }
  void describe_column(int col, soci::data_type& type, std::string& name) override {
    inner_->describe_column(col, type, name);
  }
  soci::details::standard_into_type_backend* make_into_type_backend() override {
    return inner_->make_into_type_backend();
  }
  soci::details::standard_use_type_backend* make_use_type_backend() override {
    return inner_->make_use_type_backend();
  }
  soci::details::vector_into_type_backend* make_vector_into_type_backend() override {
    return inner_->make_vector_into_type_backend();
  }
  soci::details::vector_use_type_backend* make_vector_use_type_backend() override {
    return inner_->make_vector_use_type_backend();
  }

 private:
  CachingSession& owner_;
  std::unique_ptr<soci::sqlite3_statement_backend> inner_;
  std::string query_;
};

statement_backend* CachingSession::make_statement_backend() {
  return new CachingStatement(
      *this, static_cast<soci::sqlite3_statement_backend*>(inner_->make_statement_backend()));
}

class CachingFactory : public soci::backend_factory {
 public:
  soci::details::session_backend* make_session(
      const soci::connection_parameters& parameters) const override {
    return new CachingSession(static_cast<soci::sqlite3_session_backend*>(
        soci::factory_sqlite3()->make_session(parameters)));
  }
};

}  // namespace

const soci::backend_factory& CachingSqliteFactory() {
  static const CachingFactory factory;
  return factory;
}

size_t CachedStatementHits() { return g_hits.load(); }

}  // namespace jianbao::store
