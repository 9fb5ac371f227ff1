// Copyright 2026 The Jianbao Authors.

#include "bulletins/search_kind.h"

#include "bulletins/repository.h"
#include "bulletins/states.h"

namespace jianbao::bulletins {

search::Kind IssueSearchKind(BulletinService* svc) {
  search::Kind k;
  k.name = "issue";
  k.load = [](soci::session& s, int64_t id) -> std::optional<search::Document> {
    std::optional<IssueRecord> issue = repo::FindIssue(s, id);
    if (!issue) return std::nullopt;
    std::optional<Series> series = repo::FindSeriesById(s, issue->series_id);
    if (!series) return std::nullopt;
    search::Document d;
    d.kind = "issue";
    d.id = issue->id;
    std::string title = series->title;
    for (char& c : title) {
      if (c == '\n') c = ' ';
    }
    d.title = title + " " + std::to_string(issue->year) + "年" + (issue->supplement ? "增刊" : "") +
              "第" + std::to_string(issue->number) + "期";
    for (const SectionSpec& sec : issue->sections) {
      if (!sec.title.empty()) d.body += sec.title + "\n";
      if (!sec.body.empty()) d.body += sec.body + "\n";
    }
    if (!issue->closing_note.empty()) d.body += issue->closing_note + "\n";
    if (!issue->revision_note.empty()) d.body += issue->revision_note + "\n";
    d.org = series->owner_org;
    d.date = issue->date;
    d.series = series->code;
    d.state = StateName(issue->status);
    const std::vector<Receipt> receipts =
        series->is_public ? std::vector<Receipt>{} : repo::ListReceipts(s, id);
    d.readers = BulletinService::SearchReadersOf(*issue, *series, receipts);
    return d;
  };
  k.ids = [](soci::session& s) { return repo::ListIssueIds(s); };
  k.readers_of = [svc](const Actor& actor) { return svc->SearchReaders(actor); };
  return k;
}

}  // namespace jianbao::bulletins
