// Copyright 2026 The Jianbao Authors.
//
// The closed lists a case is filed against: categories, operators and
// province-level regions (GB/T 2260). The public form, the validation and the
// statistics use these lists; their labels are in the module's catalogue
// (messages.cc) for categories and operators, here for regions.
//
// Thread safety: immutable data; callable from any thread.

#ifndef JIANBAO_COMPLAINTS_OPTIONS_H_
#define JIANBAO_COMPLAINTS_OPTIONS_H_

#include <string>
#include <vector>

namespace jianbao::complaints {

struct RegionInfo {
  const char* code;      // "420000"
  const char* zh;        // "湖北省"
  const char* en;        // "Hubei"
  const char* short_zh;  // "湖北"
};

// Returns the categories: billing, network_quality, number_portability,
// epidemic_service, service_attitude, value_added, other.
const std::vector<std::string>& Categories();
// Returns the operators: cmcc, ctcc, cucc, cbn, mvno.
const std::vector<std::string>& Operators();
// Returns the 31 mainland provinces, autonomous regions and municipalities.
const std::vector<RegionInfo>& Regions();

bool IsCategory(const std::string& s);
bool IsOperator(const std::string& s);
// Returns the region with `code`, or nullptr.
const RegionInfo* FindRegion(const std::string& code);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_OPTIONS_H_
