// Copyright 2026 The Jianbao Authors.
//
// JSON forms of the submissions module's values, as the API sends them
// (docs/submissions.md describes each).

#ifndef JIANBAO_SUBMISSIONS_JSON_H_
#define JIANBAO_SUBMISSIONS_JSON_H_

#include <nlohmann/json.hpp>

#include "submissions/model.h"
#include "submissions/service.h"

namespace jianbao::submissions {

// Returns a piece; `with_body` adds "body".
nlohmann::json PieceJson(const Piece& p, bool with_body);
// Returns a piece with body, body_html, actions, events and attachments.
nlohmann::json PieceViewJson(const PieceView& v);
nlohmann::json VersionJson(const Version& v, bool with_body);
nlohmann::json DiffJson(const VersionDiff& d);
nlohmann::json EventJson(const Event& e);
nlohmann::json CommentJson(const Comment& c);
nlohmann::json AttachmentJson(const Attachment& a);
nlohmann::json CommissionJson(const Commission& c);
nlohmann::json StatsJson(const Stats& s);
// Returns the workflow table: states, actions and transitions.
nlohmann::json WorkflowJson();

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_JSON_H_
