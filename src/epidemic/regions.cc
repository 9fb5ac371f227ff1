// Copyright 2026 The Jianbao Authors.

#include "epidemic/regions.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace jianbao::epidemic {

namespace {

Region P(const char* code, const char* name, const char* short_name) {
  return Region{code, name, short_name, RegionLevel::kProvince, std::string(kMainland)};
}
Region C(const char* code, const char* name, const char* short_name) {
  return Region{code, name, short_name, RegionLevel::kCity, std::string(kHubei)};
}
Region S(const char* code, const char* name, const char* short_name) {
  return Region{code, name, short_name, RegionLevel::kSpecial, std::string(kNational)};
}

std::vector<Region> MakeRegions() {
  return {
      {"000000", "全国（31个省和新疆生产建设兵团）", "全国", RegionLevel::kMainland, ""},
      {"100000", "全国（含港澳台）", "全国（含港澳台）", RegionLevel::kNational, ""},
      P("110000", "北京市", "北京"),
      P("120000", "天津市", "天津"),
      P("130000", "河北省", "河北"),
      P("140000", "山西省", "山西"),
      P("150000", "内蒙古自治区", "内蒙古"),
      P("210000", "辽宁省", "辽宁"),
      P("220000", "吉林省", "吉林"),
      P("230000", "黑龙江省", "黑龙江"),
      P("310000", "上海市", "上海"),
      P("320000", "江苏省", "江苏"),
      P("330000", "浙江省", "浙江"),
      P("340000", "安徽省", "安徽"),
      P("350000", "福建省", "福建"),
      P("360000", "江西省", "江西"),
      P("370000", "山东省", "山东"),
      P("410000", "河南省", "河南"),
      P("420000", "湖北省", "湖北"),
      P("430000", "湖南省", "湖南"),
      P("440000", "广东省", "广东"),
      P("450000", "广西壮族自治区", "广西"),
      P("460000", "海南省", "海南"),
      P("500000", "重庆市", "重庆"),
      P("510000", "四川省", "四川"),
      P("520000", "贵州省", "贵州"),
      P("530000", "云南省", "云南"),
      P("540000", "西藏自治区", "西藏"),
      P("610000", "陕西省", "陕西"),
      P("620000", "甘肃省", "甘肃"),
      P("630000", "青海省", "青海"),
      P("640000", "宁夏回族自治区", "宁夏"),
      P("650000", "新疆维吾尔自治区", "新疆"),
      P("660000", "新疆生产建设兵团", "新疆生产建设兵团"),
      S("810000", "香港特别行政区", "香港特别行政区"),
      S("820000", "澳门特别行政区", "澳门特别行政区"),
      S("710000", "台湾省", "台湾地区"),
      C("420100", "武汉市", "武汉"),
      C("420200", "黄石市", "黄石"),
      C("420300", "十堰市", "十堰"),
      C("420500", "宜昌市", "宜昌"),
      C("420600", "襄阳市", "襄阳"),
      C("420700", "鄂州市", "鄂州"),
      C("420800", "荆门市", "荆门"),
      C("420900", "孝感市", "孝感"),
      C("421000", "荆州市", "荆州"),
      C("421100", "黄冈市", "黄冈"),
      C("421200", "咸宁市", "咸宁"),
      C("421300", "随州市", "随州"),
      C("422800", "恩施土家族苗族自治州", "恩施州"),
      C("429004", "仙桃市", "仙桃"),
      C("429005", "潜江市", "潜江"),
      C("429006", "天门市", "天门"),
      C("429021", "神农架林区", "神农架林区"),
  };
}

}  // namespace

const std::vector<Region>& BuiltinRegions() {
  static const std::vector<Region> kRegions = MakeRegions();
  return kRegions;
}

const Region* FindBuiltinRegion(std::string_view code) {
  static const auto* const kByCode = [] {
    auto m = std::make_unique<std::unordered_map<std::string_view, const Region*>>();
    for (const Region& r : BuiltinRegions()) (*m)[r.code] = &r;
    return m.release();  // never destroyed: used during static destruction too
  }();
  auto it = kByCode->find(code);
  return it == kByCode->end() ? nullptr : it->second;
}

bool IsMainlandUnit(std::string_view code) {
  const Region* r = FindBuiltinRegion(code);
  return r != nullptr && r->level == RegionLevel::kProvince;
}

bool IsHkMacauTaiwan(std::string_view code) {
  return code == kHongKong || code == kMacau || code == kTaiwan;
}

const std::vector<std::string_view>& HkMacauTaiwanOrder() {
  static const std::vector<std::string_view> kOrder = {kHongKong, kMacau, kTaiwan};
  return kOrder;
}

bool IsDivisionCode(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace jianbao::epidemic
