// Copyright 2026 The Jianbao Authors.
//
// ModuleSources: the bulletins composer's SectionSources over the
// information-reporting, epidemic and member-services modules' services; the
// information-reporting module offers its adoption summary, the member
// services their supplies and donations summary.

#ifndef JIANBAO_CLI_SOURCES_H_
#define JIANBAO_CLI_SOURCES_H_

#include "bulletins/sources.h"
#include "complaints/service.h"
#include "epidemic/service.h"
#include "members/service.h"
#include "orgs/service.h"
#include "submissions/service.h"

namespace jianbao::cli {

class ModuleSources : public bulletins::SectionSources {
 public:
  // REQUIRES: the services outlive this object.
  ModuleSources(orgs::OrgService* orgs, submissions::SubmissionService* submissions,
                epidemic::EpidemicService* epidemic, complaints::ComplaintService* complaints,
                members::MembersService* members)
      : orgs_(orgs),
        submissions_(submissions),
        epidemic_(epidemic),
        complaints_(complaints),
        members_(members) {}

  Result<std::vector<bulletins::SourcePiece>> AdoptedPieces(const Actor& actor,
                                                            const std::string& text,
                                                            int limit) override;
  Result<bulletins::SourcePiece> AdoptedPiece(const Actor& actor, int64_t id) override;
  Result<bulletins::GeneratedSection> EpidemicSection(const std::string& date, bool chart) override;
  Result<bulletins::GeneratedSection> ComplaintsSection(const std::string& region,
                                                        const std::string& from,
                                                        const std::string& to) override;
  std::vector<bulletins::SummaryKind> SummaryKinds() override;
  Result<bulletins::GeneratedSection> Summary(const Actor& actor, const std::string& key,
                                              const std::string& from,
                                              const std::string& to) override;

 private:
  Result<bulletins::SourcePiece> ToSource(const Actor& actor, const submissions::Piece& p);
  // Replaces the piece's own image links "](/api/v1/submissions/P/attachments/A)"
  // with PNG/JPEG data URIs, so the typesetter (which reads no files) can set them.
  std::string InlineImages(const Actor& actor, const submissions::Piece& p);

  orgs::OrgService* orgs_;
  submissions::SubmissionService* submissions_;
  epidemic::EpidemicService* epidemic_;
  complaints::ComplaintService* complaints_;  // may be null
  members::MembersService* members_;
};

}  // namespace jianbao::cli

#endif  // JIANBAO_CLI_SOURCES_H_
