// Copyright 2026 The Jianbao Authors.
//
// SectionSources: what the composer can pull into an issue from other
// modules — adopted pieces (信息报送) and generated data sections (疫情动态,
// other modules' summaries).
// The bulletins module depends on this interface only; src/cli/wiring.cc
// implements it over the other modules' services.

#ifndef JIANBAO_BULLETINS_SOURCES_H_
#define JIANBAO_BULLETINS_SOURCES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/status.h"

namespace jianbao::bulletins {

// An issue that uses a piece in one of its sections ("已编入第N期").
struct PieceUse {
  int64_t issue_id = 0;
  int year = 0, number = 0;
  std::string status;  // the issue's state name (states.h)
};

struct SourcePiece {
  int64_t id = 0;
  std::string title;
  std::string org_code;
  std::string org_short_name;  // the "湖北行协" of "湖北行协·…"
  std::string body;            // CommonMark
  std::string adopted_at;
  std::vector<PieceUse> used_in;  // filled in by BulletinService, not by the sources
};

struct GeneratedSection {
  std::string title;  // "新型冠状病毒肺炎疫情动态（截至3月18日）"
  std::string body;   // CommonMark
};

// A summary another module offers for a period (信息报送采用情况 …).
struct SummaryKind {
  std::string key;                 // "submissions"
  std::string label_zh, label_en;  // for the composer's menu
};

class SectionSources {
 public:
  virtual ~SectionSources() = default;
  // Returns adopted pieces the actor may use, newest first, whose title
  // contains `text` ("" = all), at most `limit`.
  virtual Result<std::vector<SourcePiece>> AdoptedPieces(const Actor& actor,
                                                         const std::string& text, int limit) = 0;
  // Returns one adopted piece, or kNotFound.
  virtual Result<SourcePiece> AdoptedPiece(const Actor& actor, int64_t id) = 0;
  // Returns the epidemic dynamics section for a reporting day (with the
  // trend chart as an embedded PNG when `chart`), or kNotFound when that day
  // has no figures.
  virtual Result<GeneratedSection> EpidemicSection(const std::string& date, bool chart) = 0;
  // Returns the complaint desk's section for `region` (GB/T 2260 province
  // code, "" = all) over [from, to] ("" = open): aggregates only, in the
  // phrasing of the association's reports. kNotFound when no complaint desk
  // is wired in.
  virtual Result<GeneratedSection> ComplaintsSection(const std::string& region,
                                                     const std::string& from,
                                                     const std::string& to) {
    return Status::NotFound("source_unavailable", "no complaint desk");
  }
  // The summaries other modules offer.
  virtual std::vector<SummaryKind> SummaryKinds() = 0;
  // Returns summary `key` over [from, to] as the actor may see it; kNotFound
  // for an unknown key.
  virtual Result<GeneratedSection> Summary(const Actor& actor, const std::string& key,
                                           const std::string& from, const std::string& to) = 0;
};

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_SOURCES_H_
