// Copyright 2026 The Jianbao Authors.
//
// Complaint cases as a kind of search document (search/document.h): the case
// number and category as the title, the consumer's description as the body,
// the date of receipt. Only complaint staff find them: the desk of the case's
// region and the national secretariat's administrators
// (ComplaintService::SearchReaders); operator liaisons and everybody else do
// not. A case whose personal data was erased (Purge) leaves the index. The
// repository tells the index of every change (InsertCase, UpdateCase and
// PurgeBefore call store::NotifyChanged(s, "complaint", id)).

#ifndef JIANBAO_COMPLAINTS_SEARCH_KIND_H_
#define JIANBAO_COMPLAINTS_SEARCH_KIND_H_

#include "complaints/service.h"
#include "search/document.h"

namespace jianbao::complaints {

// Returns the kind "complaint". `svc` must outlive the search service.
search::Kind ComplaintSearchKind(ComplaintService* svc);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_SEARCH_KIND_H_
