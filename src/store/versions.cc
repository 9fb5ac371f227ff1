// Copyright 2026 The Jianbao Authors.

#include "store/versions.h"

#include <soci/soci.h>

namespace jianbao::store {

std::optional<EditStamp> ReadStamp(soci::session& s, VersionedTable t, int64_t id) {
  long long key = id, version = 0;
  EditStamp stamp;
  s << std::string("SELECT ") + t.version + ", " + t.by + ", " + t.at + " FROM " + t.table +
           " WHERE " + t.key + " = :id",
      soci::use(key), soci::into(version), soci::into(stamp.by), soci::into(stamp.at);
  if (!s.got_data()) return std::nullopt;
  stamp.version = version;
  return stamp;
}

Status ClaimVersion(soci::session& s, VersionedTable t, int64_t id,
                    const std::optional<int64_t>& expected, const std::string& by,
                    const std::string& at) {
  long long key = id, want = expected.value_or(0);
  const int any = expected ? 0 : 1;
  soci::statement st =
      (s.prepare << std::string("UPDATE ") + t.table + " SET " + t.version + " = " + t.version +
                        " + 1, " + t.by + " = :by, " + t.at + " = :at WHERE " + t.key +
                        " = :id AND (" + t.version + " = :v OR 1 = :any)",
       soci::use(by), soci::use(at), soci::use(key), soci::use(want), soci::use(any));
  st.execute(true);
  if (st.get_affected_rows() == 1) return Status::Ok();
  std::optional<EditStamp> now = ReadStamp(s, t, id);
  if (!now) return Status::NotFound("not_found", "the record no longer exists");
  return EditConflict(*now);
}

}  // namespace jianbao::store
