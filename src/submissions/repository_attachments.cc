// Copyright 2026 The Jianbao Authors.
//
// SQL of piece attachments (bytes stored base64 in a TEXT column).

#include <soci/soci.h>

#include "core/bytes.h"
#include "submissions/repository.h"
#include "submissions/repository_internal.h"

namespace jianbao::submissions::repo {

int64_t InsertAttachment(soci::session& s, const Attachment& a, int64_t user_id,
                         const std::string& now) {
  long long id = 0, piece = a.piece_id, size = a.size, by = user_id;
  const std::string data = bytes::Base64Encode(a.data);
  s << "INSERT INTO piece_attachments (piece_id, name, mime, size, sha256, data_base64, "
       "created_by, created_at) VALUES (:piece, :name, :mime, :size, :sha, :data, :by, :at) "
       "RETURNING id",
      soci::use(piece), soci::use(a.name), soci::use(a.mime), soci::use(size), soci::use(a.sha256),
      soci::use(data), soci::use(by), soci::use(now), soci::into(id);
  return id;
}

std::vector<Attachment> ListAttachments(soci::session& s, int64_t piece_id) {
  std::vector<Attachment> out;
  long long piece = piece_id, id = 0, size = 0;
  Attachment a;
  soci::statement st =
      (s.prepare << "SELECT id, name, mime, size, sha256, created_at FROM piece_attachments "
                    "WHERE piece_id = :piece ORDER BY id",
       soci::use(piece), soci::into(id), soci::into(a.name), soci::into(a.mime), soci::into(size),
       soci::into(a.sha256), soci::into(a.created_at));
  st.execute();
  while (st.fetch()) {
    a.id = id;
    a.piece_id = piece_id;
    a.size = size;
    out.push_back(a);
  }
  return out;
}

std::optional<Attachment> FindAttachment(soci::session& s, int64_t piece_id, int64_t id) {
  long long piece = piece_id, aid = id, size = 0;
  Attachment a;
  std::string data;
  s << "SELECT name, mime, size, sha256, created_at, data_base64 FROM piece_attachments WHERE "
       "piece_id = :piece AND id = :id",
      soci::use(piece), soci::use(aid), soci::into(a.name), soci::into(a.mime), soci::into(size),
      soci::into(a.sha256), soci::into(a.created_at), soci::into(data);
  if (!s.got_data()) return std::nullopt;
  a.id = id;
  a.piece_id = piece_id;
  a.size = size;
  a.data = bytes::Base64Decode(data).value_or("");
  return a;
}

void DeleteAttachment(soci::session& s, int64_t piece_id, int64_t id) {
  long long piece = piece_id, aid = id;
  s << "DELETE FROM piece_attachments WHERE piece_id = :piece AND id = :id", soci::use(piece),
      soci::use(aid);
}

}  // namespace jianbao::submissions::repo
