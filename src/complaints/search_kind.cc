// Copyright 2026 The Jianbao Authors.

#include "complaints/search_kind.h"

#include "complaints/messages.h"
#include "complaints/repository.h"

namespace jianbao::complaints {
namespace {

// The Chinese name of a category (from this module's catalogue, so that the
// CLI's reindex, which adds no catalogues, indexes the same title).
std::string CategoryName(const std::string& category) {
  const std::string key = "complaints.category." + category;
  for (const messages::Message& m : Messages().messages) {
    if (key == m.key) return m.zh;
  }
  return category;
}

}  // namespace

search::Kind ComplaintSearchKind(ComplaintService* svc) {
  search::Kind k;
  k.name = "complaint";
  k.load = [](soci::session& s, int64_t id) -> std::optional<search::Document> {
    std::optional<Complaint> c = repo::FindCase(s, id);
    if (!c || !c->purged_at.empty()) return std::nullopt;
    search::Document d;
    d.kind = "complaint";
    d.id = c->id;
    d.title = c->number + " " + CategoryName(c->category);
    d.body = c->description;
    d.date = c->received_on;
    d.state = c->status;
    d.readers = {ComplaintService::SearchReaderOf(*c)};
    return d;
  };
  k.ids = [](soci::session& s) { return repo::ListCaseIds(s); };
  k.readers_of = [svc](const Actor& actor) { return svc->SearchReaders(actor); };
  return k;
}

}  // namespace jianbao::complaints
