// Copyright 2026 The Jianbao Authors.
//
// Pieces as a kind of search document (search/document.h): title, body and
// authors, the owner organisation, the date of the last change, and the
// readers of SubmissionService::SearchReadersOf. The repository tells the
// index of every change (InsertPiece, UpdateContent, UpdateWorkflow call
// store::NotifyChanged(s, "piece", id)).

#ifndef JIANBAO_SUBMISSIONS_SEARCH_KIND_H_
#define JIANBAO_SUBMISSIONS_SEARCH_KIND_H_

#include "search/document.h"
#include "submissions/service.h"

namespace jianbao::submissions {

// Returns the kind "piece". `svc` must outlive the search service.
search::Kind PieceSearchKind(SubmissionService* svc);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_SEARCH_KIND_H_
