// Copyright 2026 The Jianbao Authors.
//
// JSON forms of the bulletins module's values, and the decoding of every
// request body and query the handlers take: the API and the stored content
// columns use the same shapes. Handlers decode with a Read* function, call
// one BulletinService method and encode with a *Json function.
//
// Thread safety: pure functions; callable from any thread.

#ifndef JIANBAO_BULLETINS_JSON_H_
#define JIANBAO_BULLETINS_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bulletins/legacy.h"
#include "bulletins/model.h"
#include "bulletins/sources.h"
#include "core/status.h"
#include "http/request.h"

namespace jianbao::bulletins {

// ---- values (the API and the stored content columns use the same shapes) ----

nlohmann::json DistributionJson(const std::vector<DistributionLine>& lines);
// Parses [{"label","to":[codes]}]. Returns kInvalidArgument naming `field`.
Result<std::vector<DistributionLine>> ParseDistribution(const nlohmann::json& j,
                                                        const std::string& field);

nlohmann::json SectionsJson(const std::vector<SectionSpec>& sections);
// Parses [{"kind","piece_id"?,"data_date"?,"title","org"?,"body"}] with limits.
Result<std::vector<SectionSpec>> ParseSections(const nlohmann::json& j);

nlohmann::json SeriesJson(const Series& s);
// Returns the API form of an issue; `files` and `with_content` control the size.
nlohmann::json IssueJson(const IssueRecord& issue, const Series& series,
                         const std::vector<FileInfo>& files, bool with_content);
nlohmann::json ReceiptJson(const Receipt& r);
nlohmann::json InboxJson(const InboxItem& item);

// ---- request bodies and queries: each returns kInvalidArgument naming the
// offending field (http::ParseObject's and the typed getters' errors) ----

// POST /bulletins/series: a Series without id ("code", "title", "owner"
// required; "numbering" defaults to yearly).
Result<Series> ReadSeries(const std::string& body);
// POST /bulletins/issues: {"series", "date", "supplement"?}.
Result<NewIssue> ReadNewIssue(const std::string& body);
// PUT /bulletins/issues/{id}: {"date", "sections"?, "closing_note"?,
// "distribution"? (absent: keep the issue's), "copies"?, "revision_note"?}.
Result<IssueContent> ReadIssueContent(const std::string& body);
// POST …/reopen {"reason"} and …/corrections {"note"}: the one required
// text `field` (at most 500 characters).
Result<std::string> ReadReason(const std::string& body, const std::string& field);
// Reads {"comment"} (required, at most 2000 characters).
Result<std::string> ReadComment(const std::string& body);
// Reads the optional body of 签发: {"content_hash"?} (or nothing).
Result<std::optional<std::string>> ReadApproval(const std::string& body);

// POST /bulletins/import: {"series", "text", "number"?, "date"?}.
struct ImportInput {
  std::string series_code, text;
  LegacyOptions options;
};
Result<ImportInput> ReadImport(const std::string& body);

// The body of PUT /api/v1/bulletins/government-recipients.
struct GovernmentRecipientsInput {
  std::string association;
  std::vector<std::string> orgs;
};
// Parses {"association": CODE, "orgs": [CODE…]} (both required, at most 200 codes).
Result<GovernmentRecipientsInput> ReadGovernmentRecipients(const std::string& body);

// GET /bulletins/issues?series=&year=&status=&page=&page_size=: the year
// 1900..2999, the status a comma-separated list of states (states.h).
Result<IssueQuery> ReadIssueQuery(const http::Request& req);
// ?dpi= of a preview: 24..150, 48 when absent.
Result<int> ReadDpi(const http::Request& req);
// ?chart= of an epidemic section: 1/true or 0/false, false when absent.
Result<bool> ReadChart(const http::Request& req);

// ---- answers ----

// {"items": [Series]}.
nlohmann::json SeriesListJson(const std::vector<Series>& all);
// An issue with its content and files.
nlohmann::json IssueViewJson(const IssueView& v);
// {"items": [Issue without content], "total", "page", "page_size"}.
nlohmann::json IssuePageJson(const Page<IssueView>& page, const PageRequest& request);
// {"pages": [PNG data URIs], "section_pages"}.
nlohmann::json PreviewJson(const Preview& p);
// {"items": [{"id","kind","body","author":{"login","name"},"created_at"}]}
nlohmann::json CommentsJson(const std::vector<IssueComment>& thread);
nlohmann::json CommentJson(const IssueComment& c);
// {"items": [Receipt], "total", "read", "acknowledged", "mail_enabled", "mail",
//  "units": [receipts::UnitJson], "unit_counts"}.
nlohmann::json ReceiptsJson(const ReceiptSummary& r);
// {"items": [InboxItem], "total", "unread", "page", "page_size"}.
nlohmann::json InboxPageJson(const Inbox& inbox, const PageRequest& request);
// {"items": [{"id","title","org":{"code","short_name"},"adopted_at","used_in"}]}.
nlohmann::json PiecesJson(const std::vector<SourcePiece>& pieces);
// [{"issue_id","year","number","status"}]: the issues using a piece.
nlohmann::json PieceUsesJson(const std::vector<PieceUse>& uses);
// {"items": [{"key","label":{"zh","en"}}]}.
nlohmann::json SummaryKindsJson(const std::vector<SummaryKind>& kinds);
// One ready section.
nlohmann::json SectionJson(const SectionSpec& section);
// {"issue": Issue, "recognised", "problems"}.
nlohmann::json ImportResultJson(const ImportResult& r);
// {"association", "allowed": [{"code","name"}…], "available": […]}.
nlohmann::json GovernmentRecipientsJson(const GovernmentRecipients& r);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_JSON_H_
