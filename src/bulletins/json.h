// Copyright 2026 The Jianbao Authors.
//
// JSON forms of the bulletins module's values: the API and the stored
// content columns use the same shapes.

#ifndef JIANBAO_BULLETINS_JSON_H_
#define JIANBAO_BULLETINS_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bulletins/model.h"
#include "core/status.h"

namespace jianbao::bulletins {

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
// Returns {"association", "allowed": [{"code","name"}…], "available": […]}.
nlohmann::json GovernmentRecipientsJson(const GovernmentRecipients& r);

// The body of PUT /api/v1/bulletins/government-recipients.
struct GovernmentRecipientsInput {
  std::string association;
  std::vector<std::string> orgs;
};
// Parses {"association": CODE, "orgs": [CODE…]} (both required, at most 200
// codes). Returns kInvalidArgument naming the field (http::ParseObject's errors).
Result<GovernmentRecipientsInput> ReadGovernmentRecipients(const std::string& body);

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_JSON_H_
