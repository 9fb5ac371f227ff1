// Copyright 2026 The Jianbao Authors.
//
// Notices as JSON: request bodies in, answers out (docs/api.md, 通知).

#ifndef JIANBAO_MEMBERS_JSON_NOTICES_H_
#define JIANBAO_MEMBERS_JSON_NOTICES_H_

#include <nlohmann/json.hpp>
#include <string>

#include "members/notices.h"

namespace jianbao::members {

// Reads {"title","kind","body","recipients":[codes],"groups":[ids],"version"}.
// Errors: kInvalidArgument naming the field (missing title/kind/body, wrong types).
Result<NoticeInput> ReadNoticeInput(const std::string& body);
// Reads {"name","orgs":[codes]}.
Result<GroupInput> ReadGroupInput(const std::string& body);

// {"id","kind","title","body","status","sender":{code,name},"recipients":[{code,name}],
//  "body_html" (the body rendered as pieces are),
//  "author","created_at","updated_at","sent_at","version","recipient","read_at",
//  "acknowledged_at","unit_counts":{total,read,acknowledged}}.
nlohmann::json NoticeJson(const Notice& n);
// {"notice_id","units":[…],"unit_counts","people":[…],"total","read","acknowledged"}.
nlohmann::json NoticeReceiptsJson(const NoticeReceipts& r);
// {"id","name","orgs":[{code,name}],"created_at"}.
nlohmann::json GroupJson(const RecipientGroup& g);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_JSON_NOTICES_H_
