// Copyright 2026 The Jianbao Authors.
//
// Internals shared by the ComplaintService source files. Not a public header.

#ifndef JIANBAO_COMPLAINTS_SERVICE_INTERNAL_H_
#define JIANBAO_COMPLAINTS_SERVICE_INTERNAL_H_

#include <string>

#include "complaints/service.h"

namespace jianbao::complaints {

// What an actor may see and do on the desk.
struct ComplaintService::Scope {
  bool national = false;    // every region (national admin, system)
  std::string desk_region;  // complaint_handler of an association of this region
  std::string liaison_operator, liaison_province;  // operator_liaison of this operator org

  bool any() const { return national || !desk_region.empty() || !liaison_operator.empty(); }
  bool IsDesk(const Complaint& c) const { return !desk_region.empty() && c.region == desk_region; }
  bool IsLiaison(const Complaint& c) const {
    return !liaison_operator.empty() && c.operator_code == liaison_operator &&
           c.region == liaison_province && !c.forwarded_on.empty();
  }
  bool Sees(const Complaint& c) const { return national || IsDesk(c) || IsLiaison(c); }
};

namespace internal {

// Returns kNotFound "complaint_not_found".
Status NotFound();

}  // namespace internal
}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_SERVICE_INTERNAL_H_
