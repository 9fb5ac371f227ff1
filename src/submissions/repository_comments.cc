// Copyright 2026 The Jianbao Authors.
//
// SQL of piece comments.

#include <soci/soci.h>

#include "submissions/repository.h"
#include "submissions/repository_internal.h"

namespace jianbao::submissions::repo {

int64_t InsertComment(soci::session& s, const Comment& c) {
  long long id = 0, piece = c.piece_id, author = c.author_id;
  s << "INSERT INTO piece_comments (piece_id, author_id, author_login, author_name, "
       "author_org_code, body, created_at) VALUES (:piece, :author, :login, :name, :org, :body, "
       ":at) RETURNING id",
      soci::use(piece), soci::use(author), soci::use(c.author_login), soci::use(c.author_name),
      soci::use(c.author_org_code), soci::use(c.body), soci::use(c.created_at), soci::into(id);
  return id;
}

std::vector<Comment> ListComments(soci::session& s, int64_t piece_id) {
  std::vector<Comment> out;
  long long piece = piece_id, id = 0, author = 0;
  Comment c;
  soci::statement st =
      (s.prepare << "SELECT id, author_id, author_login, author_name, author_org_code, body, "
                    "created_at FROM piece_comments WHERE piece_id = :piece ORDER BY id",
       soci::use(piece), soci::into(id), soci::into(author), soci::into(c.author_login),
       soci::into(c.author_name), soci::into(c.author_org_code), soci::into(c.body),
       soci::into(c.created_at));
  st.execute();
  while (st.fetch()) {
    c.id = id;
    c.piece_id = piece_id;
    c.author_id = author;
    out.push_back(c);
  }
  return out;
}

}  // namespace jianbao::submissions::repo
