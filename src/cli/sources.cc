// Copyright 2026 The Jianbao Authors.

#include "cli/sources.h"

#include "core/bytes.h"
#include "epidemic/narrative.h"
#include "members/export.h"
#include "submissions/summary.h"
#include "typeset/typeset.h"

namespace jianbao::cli {

std::string ModuleSources::InlineImages(const Actor& actor, const submissions::Piece& p) {
  const std::string prefix = "](/api/v1/submissions/" + std::to_string(p.id) + "/attachments/";
  std::string body = p.body;
  for (size_t pos = body.find(prefix); pos != std::string::npos; pos = body.find(prefix, pos + 1)) {
    const size_t id_start = pos + prefix.size();
    const size_t close = body.find(')', id_start);
    if (close == std::string::npos) break;
    const std::string id = body.substr(id_start, close - id_start);
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    auto a = submissions_->GetAttachment(actor, p.id, std::stoll(id));
    // Anything but a readable PNG or JPEG stays a link; the typesetter then
    // names the section and the image it cannot set.
    if (!a.ok() || (a->mime != "image/png" && a->mime != "image/jpeg")) continue;
    // Reduced once here to what an issue prints, so the issue stays small;
    // an image the typesetter refuses (a bomb) is kept as it is and refused
    // by name when the issue is rendered.
    auto reduced = typeset::ReduceImageForPrint(a->data);
    const std::string& data = reduced.ok() ? *reduced : a->data;
    const std::string uri = "](data:" + a->mime + ";base64," + bytes::Base64Encode(data) + ")";
    body.replace(pos, close + 1 - pos, uri);
  }
  return body;
}

Result<bulletins::SourcePiece> ModuleSources::ToSource(const Actor& actor,
                                                       const submissions::Piece& p) {
  JB_ASSIGN_OR_RETURN(auto orgs, orgs_->ListOrgs(actor));
  bulletins::SourcePiece out{p.id, p.title, p.owner_org_code, "", p.body, p.adopted_at, {}};
  for (const auto& o : orgs) {
    if (o.code == p.owner_org_code)
      out.org_short_name = o.short_name.empty() ? o.name : o.short_name;
  }
  return out;
}

Result<std::vector<bulletins::SourcePiece>> ModuleSources::AdoptedPieces(const Actor& actor,
                                                                         const std::string& text,
                                                                         int limit) {
  submissions::PieceFilter f;
  f.states = {"adopted"};
  f.text = text;
  f.limit = limit;
  JB_ASSIGN_OR_RETURN(auto page, submissions_->List(actor, f));
  std::vector<bulletins::SourcePiece> out;
  for (const auto& p : page.items) {
    JB_ASSIGN_OR_RETURN(bulletins::SourcePiece s, ToSource(actor, p));
    out.push_back(std::move(s));
  }
  return out;
}

Result<bulletins::SourcePiece> ModuleSources::AdoptedPiece(const Actor& actor, int64_t id) {
  JB_ASSIGN_OR_RETURN(auto view, submissions_->Get(actor, id));
  if (view.piece.state != "adopted") {
    return Status::Conflict("not_adopted", "only adopted pieces can go into a bulletin");
  }
  JB_ASSIGN_OR_RETURN(bulletins::SourcePiece out, ToSource(actor, view.piece));
  out.body = InlineImages(actor, view.piece);
  return out;
}

Result<bulletins::GeneratedSection> ModuleSources::EpidemicSection(const std::string& date,
                                                                   bool chart) {
  // The plain phrasing: the default template keeps the seed's extraction
  // artefacts (spaces around numbers, a paragraph break inside a sentence),
  // which the typesetter's own CJK–Latin spacing makes unnecessary.
  JB_ASSIGN_OR_RETURN(epidemic::Narrative n,
                      epidemic_->NarrativeFor(date, epidemic::PlainTemplate(), {.chart = chart}));
  return bulletins::GeneratedSection{n.title, n.body};
}

Result<bulletins::GeneratedSection> ModuleSources::ComplaintsSection(const std::string& region,
                                                                     const std::string& from,
                                                                     const std::string& to) {
  if (!complaints_) return bulletins::SectionSources::ComplaintsSection(region, from, to);
  JB_ASSIGN_OR_RETURN(complaints::Section s, complaints_->BulletinSection(region, from, to));
  return bulletins::GeneratedSection{s.title, s.body};
}

std::vector<bulletins::SummaryKind> ModuleSources::SummaryKinds() {
  return {{"submissions", "信息报送采用情况", "Reporting and adoption summary"},
          {"supplies", "防疫物资捐赠与发放情况", "Supplies and donations summary"}};
}

Result<bulletins::GeneratedSection> ModuleSources::Summary(const Actor& actor,
                                                           const std::string& key,
                                                           const std::string& from,
                                                           const std::string& to) {
  if (key == "supplies") {
    JB_ASSIGN_OR_RETURN(members::SupplySummary summary, members_->SummaryOf(actor, from, to));
    members::SupplySection s = members::SummarySection(summary);
    return bulletins::GeneratedSection{s.title, s.body};
  }
  if (key != "submissions") return Status::NotFound("summary_not_found", "no such summary: " + key);
  JB_ASSIGN_OR_RETURN(submissions::Stats stats,
                      submissions_->Statistics(actor, from + ".." + to, ""));
  submissions::SummarySection s = submissions::SummaryOf(stats);
  return bulletins::GeneratedSection{s.title, s.body};
}

}  // namespace jianbao::cli
