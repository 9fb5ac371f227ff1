// Copyright 2026 The Jianbao Authors.

#include "submissions/search_kind.h"

#include <cstdio>
#include <ctime>

#include "core/clock.h"
#include "submissions/repository.h"

namespace jianbao::submissions {
namespace {

// Returns the Asia/Shanghai date of a UTC ISO-8601 time ("" when unreadable).
std::string ShanghaiDateOf(const std::string& iso) {
  std::tm tm{};
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3) {
    return "";
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return clock::ShanghaiDate(static_cast<int64_t>(timegm(&tm)));
}

}  // namespace

search::Kind PieceSearchKind(SubmissionService* svc) {
  search::Kind k;
  k.name = "piece";
  k.load = [](soci::session& s, int64_t id) -> std::optional<search::Document> {
    std::optional<Piece> p = repo::FindPiece(s, id);
    if (!p) return std::nullopt;
    search::Document d;
    d.kind = "piece";
    d.id = p->id;
    d.title = p->title;
    d.body = p->body;
    std::string authors;
    for (const std::string& a : p->authors) authors += (authors.empty() ? "" : "、") + a;
    if (!authors.empty()) d.body += "\n" + authors;
    d.org = repo::OrgCode(s, p->owner_org_id);
    d.date = ShanghaiDateOf(p->updated_at.empty() ? p->created_at : p->updated_at);
    d.state = p->state;
    d.readers = SubmissionService::SearchReadersOf(*p);
    return d;
  };
  k.ids = [](soci::session& s) { return repo::ListPieceIds(s); };
  k.readers_of = [svc](const Actor& actor) { return svc->SearchReaders(actor); };
  return k;
}

}  // namespace jianbao::submissions
