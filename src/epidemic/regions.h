// Copyright 2026 The Jianbao Authors.
//
// The built-in regions. Codes are GB/T 2260 six-digit division codes, plus
// three that the standard does not define, used as the NHC counts:
//   000000  mainland: the 31 provinces and 新疆生产建设兵团 (NHC "全国")
//   100000  China including Hong Kong, Macau and Taiwan (a source total)
//   660000  新疆生产建设兵团 (XPCC), reported beside the provinces
// Cities other than Hubei's are created by imports that name them.

#ifndef JIANBAO_EPIDEMIC_REGIONS_H_
#define JIANBAO_EPIDEMIC_REGIONS_H_

#include <string_view>
#include <vector>

#include "epidemic/model.h"

namespace jianbao::epidemic {

inline constexpr std::string_view kMainland = "000000";
inline constexpr std::string_view kNational = "100000";
inline constexpr std::string_view kXpcc = "660000";
inline constexpr std::string_view kHubei = "420000";
inline constexpr std::string_view kWuhan = "420100";
inline constexpr std::string_view kHongKong = "810000";
inline constexpr std::string_view kMacau = "820000";
inline constexpr std::string_view kTaiwan = "710000";

// Returns the built-in regions: mainland, national, 31 provinces, XPCC,
// Hong Kong, Macau, Taiwan and the 17 units of Hubei.
const std::vector<Region>& BuiltinRegions();

// Returns the built-in region with `code`, or nullptr.
const Region* FindBuiltinRegion(std::string_view code);

// Returns true for the 31 mainland provinces and XPCC: the units whose sum is the mainland.
bool IsMainlandUnit(std::string_view code);

// Returns true for Hong Kong, Macau and Taiwan.
bool IsHkMacauTaiwan(std::string_view code);

// Returns the HK/Macau/Taiwan codes in NHC order (Hong Kong, Macau, Taiwan).
const std::vector<std::string_view>& HkMacauTaiwanOrder();

// Returns true when `code` is six ASCII digits.
bool IsDivisionCode(std::string_view code);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_REGIONS_H_
