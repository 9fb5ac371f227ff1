// Copyright 2026 The Jianbao Authors.
//
// The submissions API's JSON, both ways: Read* decode a request (body or
// query) into the service's input types, checking types and lengths only —
// business rules stay in the service; *Json encode the service's values as
// the API sends them (docs/submissions.md describes each).
//
// Thread safety: every function is pure (the workflow labels are looked up
// in the message catalogues, which are read-only after start-up).

#ifndef JIANBAO_SUBMISSIONS_JSON_H_
#define JIANBAO_SUBMISSIONS_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/json_io.h"
#include "http/request.h"
#include "submissions/model.h"
#include "submissions/service.h"

namespace jianbao::submissions {

// --- Requests. Each returns kInvalidArgument naming the offending field
// (http::ParseObject and the typed getters of http/json_io.h).

// Reads ?page=&page_size= (http::ParsePage's checks).
Result<PageRequest> ReadPage(const http::Request& req);

// A workflow action on one piece: {"action", "reason"}.
struct ActionInput {
  std::string action, reason;
};
// The same action on many pieces: {"ids", "action", "reason"}.
struct BulkInput {
  std::vector<int64_t> ids;
  std::string action, reason;
};
// A file to import (?format=docx|txt&target=&commission_id=) and its bytes' metadata.
struct ImportRequest {
  std::string format;
  PieceInput meta;
};

// Reads a piece body: title, body, authors, contact, tags, target, note, and
// commission_id when `creating`. Unknown fields are errors.
Result<PieceInput> ReadPieceInput(const std::string& body, bool creating);
// Reads ?state=&org=&q=&from=&to=&commission=&page=&page_size=; "wrong_type"
// for a commission that is no number. States and dates are checked by the service.
Result<PieceQuery> ReadPieceQuery(const http::Request& req);
// Reads {"action", "reason"}; action required.
Result<ActionInput> ReadActionInput(const std::string& body);
// Reads {"ids", "action", "reason"}; ids an array of integers ("required",
// "wrong_type"); the service limits how many.
Result<BulkInput> ReadBulkInput(const std::string& body);
// Reads ?from=&to= of a diff: two version numbers ("required" otherwise).
Result<std::pair<int, int>> ReadVersionRange(const http::Request& req);
// Reads {"body"} of a comment (required, at most 5000 characters).
Result<std::string> ReadCommentBody(const std::string& body);
// Reads {"body"} of a preview (optional, at most 4 MiB).
Result<std::string> ReadPreviewBody(const std::string& body);
// Reads ?format= of an import or conversion: "invalid_format" unless docx or txt.
Result<std::string> ReadFileFormat(const http::Request& req);
// Reads ?format=&target=&commission_id= of an import ("wrong_type" for an id).
Result<ImportRequest> ReadImportRequest(const http::Request& req);
// Reads {"topic", "description", "org", "deadline"} of a new commission.
Result<NewCommission> ReadNewCommission(const std::string& body);

// --- Responses.

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
// Returns the workflow table: states, actions and transitions, each state and
// action with its "zh" and "en" label.
nlohmann::json WorkflowJson();
// Returns {"items", "total", "page", "page_size"} of a page of pieces (no bodies).
nlohmann::json PiecePageJson(const Page<Piece>& p, const PageRequest& page);
// Returns {"items", "total", "page", "page_size"} of a page of commissions.
nlohmann::json CommissionPageJson(const Page<Commission>& p, const PageRequest& page);
// Returns a commission with "pieces" (no bodies).
nlohmann::json CommissionViewJson(const CommissionView& v);
// Returns {"items": [ {id, code, name, kind} ]} of the associations a piece may go to.
nlohmann::json TargetsJson(const std::vector<orgs::Org>& orgs);
// Returns {"items": [...]} of versions (no bodies) / of comments.
nlohmann::json VersionListJson(const std::vector<Version>& versions);
nlohmann::json CommentListJson(const std::vector<Comment>& comments);
// Returns a version with its body and "body_html".
nlohmann::json VersionWithHtmlJson(const Version& v);
// Returns a converted file: {"title", "body", "images": [{ref, mime, size}]}.
nlohmann::json ImportedJson(const Imported& doc);
// Returns {"results", "succeeded", "failed"} of a bulk action; each failure
// carries an error object whose message is in `lang`.
nlohmann::json BulkJson(const std::vector<BulkResult>& results, const std::string& lang);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_JSON_H_
