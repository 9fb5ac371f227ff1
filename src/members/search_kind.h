// Copyright 2026 The Jianbao Authors.
//
// Notices and policies as kinds of search document (search/document.h).
//
// Notice: the title, the body, the sending association as the organisation,
// the day it was sent (a draft: the day it was last saved), its status
// (draft | sent) as the state. Its readers are exactly those whom
// NoticeService::Get lets open it: the sending association's staff (drafts
// and sent notices) and, once sent, every user of a recipient organisation.
// The system actor finds every notice.
//
// Policy: the title; issuer, document number, tags and summary as the body;
// the owning association as the organisation; the issue date. Every
// signed-in user reads every policy (LibraryService::GetPolicy and
// ListPolicies restrict by nothing), so they all find every policy.
//
// The repositories tell the index of every change inside the writing
// transaction: repository_notices.cc (InsertNotice, UpdateNotice,
// MarkNoticeSent, SetNoticeRecipients) and library_repository.cc
// (InsertPolicy, UpdatePolicy, DeletePolicy) call store::NotifyChanged.

#ifndef JIANBAO_MEMBERS_SEARCH_KIND_H_
#define JIANBAO_MEMBERS_SEARCH_KIND_H_

#include "search/document.h"
#include "store/database.h"

namespace jianbao::members {

// Returns the kind "notice". `db` (for the reader's organisation scope) must
// outlive the search service.
search::Kind NoticeSearchKind(store::Database* db);

// Returns the kind "policy".
search::Kind PolicySearchKind();

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_SEARCH_KIND_H_
