// Copyright 2026 The Jianbao Authors.
//
// Bulletin issues as a kind of search document (search/document.h): the
// series title with the issue number, every section (title and text) and the
// closing note; the series' owner; the issue date; the readers of
// BulletinService::SearchReadersOf. The repository tells the index of every
// change (InsertIssue and UpdateIssue call store::NotifyChanged(s, "issue",
// id); Publish once more after the deliveries).

#ifndef JIANBAO_BULLETINS_SEARCH_KIND_H_
#define JIANBAO_BULLETINS_SEARCH_KIND_H_

#include "bulletins/service.h"
#include "search/document.h"

namespace jianbao::bulletins {

// Returns the kind "issue". `svc` must outlive the search service.
search::Kind IssueSearchKind(BulletinService* svc);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_SEARCH_KIND_H_
