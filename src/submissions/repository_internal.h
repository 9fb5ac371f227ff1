// Copyright 2026 The Jianbao Authors.
//
// Internal to repository*.cc: the piece row mapping and a binder for
// statements whose WHERE clause is assembled from optional filters. Only
// fixed SQL fragments and int64 ids formatted here go into the text; every
// value from outside is a bound parameter.

#ifndef JIANBAO_SUBMISSIONS_REPOSITORY_INTERNAL_H_
#define JIANBAO_SUBMISSIONS_REPOSITORY_INTERNAL_H_

#include <soci/soci.h>

#include <deque>
#include <string>
#include <vector>

#include "submissions/model.h"

namespace jianbao::submissions::repo::internal {

// Collects named parameters; deques keep the bound values at stable addresses.
class Binder {
 public:
  std::string Text(const std::string& value) {
    const std::string name = "p" + std::to_string(count_++);
    texts_.emplace_back(name, value);
    return ":" + name;
  }
  std::string Int(long long value) {
    const std::string name = "p" + std::to_string(count_++);
    ints_.emplace_back(name, value);
    return ":" + name;
  }
  void Bind(soci::statement& st) {
    for (auto& [name, v] : texts_) st.exchange(soci::use(v, name));
    for (auto& [name, v] : ints_) st.exchange(soci::use(v, name));
  }

 private:
  int count_ = 0;
  std::deque<std::pair<std::string, std::string>> texts_;
  std::deque<std::pair<std::string, long long>> ints_;
};

// Returns "1,2,3" ("0" when empty) for an IN list of ids.
std::string IdList(const std::vector<int64_t>& ids);

// The columns of a piece row, in PieceRow order; `with_body` selects the body.
std::string PieceColumns(bool with_body);

struct PieceRow {
  long long id = 0, owner = 0, target = 0, commission = 0, created_by = 0;
  int version = 0;
  long long edit_version = 1;
  std::string edit_by, edit_at;
  std::string title, body, authors, contact, tags, state, login, name, created_at, updated_at,
      first_submitted_at, submitted_at, reviewed_at, adopted_at, reason, deadline_at;
  void Bind(soci::statement& st);
  Piece ToPiece() const;
};

// Runs a SELECT of PieceColumns() with `binder`'s parameters and returns its rows.
std::vector<Piece> FetchPieces(soci::session& s, const std::string& sql, Binder& binder);
// Runs a COUNT(*) query with `binder`'s parameters.
int64_t FetchCount(soci::session& s, const std::string& sql, Binder& binder);

}  // namespace jianbao::submissions::repo::internal

#endif  // JIANBAO_SUBMISSIONS_REPOSITORY_INTERNAL_H_
