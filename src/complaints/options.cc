// Copyright 2026 The Jianbao Authors.

#include "complaints/options.h"

#include <algorithm>

namespace jianbao::complaints {

const std::vector<std::string>& Categories() {
  static const std::vector<std::string> k = {"billing",
                                             "network_quality",
                                             "number_portability",
                                             "epidemic_service",
                                             "service_attitude",
                                             "value_added",
                                             "other"};
  return k;
}

const std::vector<std::string>& Operators() {
  static const std::vector<std::string> k = {"cmcc", "ctcc", "cucc", "cbn", "mvno"};
  return k;
}

const std::vector<RegionInfo>& Regions() {
  static const std::vector<RegionInfo> k = {
      {"110000", "北京市", "Beijing", "北京"},
      {"120000", "天津市", "Tianjin", "天津"},
      {"130000", "河北省", "Hebei", "河北"},
      {"140000", "山西省", "Shanxi", "山西"},
      {"150000", "内蒙古自治区", "Inner Mongolia", "内蒙古"},
      {"210000", "辽宁省", "Liaoning", "辽宁"},
      {"220000", "吉林省", "Jilin", "吉林"},
      {"230000", "黑龙江省", "Heilongjiang", "黑龙江"},
      {"310000", "上海市", "Shanghai", "上海"},
      {"320000", "江苏省", "Jiangsu", "江苏"},
      {"330000", "浙江省", "Zhejiang", "浙江"},
      {"340000", "安徽省", "Anhui", "安徽"},
      {"350000", "福建省", "Fujian", "福建"},
      {"360000", "江西省", "Jiangxi", "江西"},
      {"370000", "山东省", "Shandong", "山东"},
      {"410000", "河南省", "Henan", "河南"},
      {"420000", "湖北省", "Hubei", "湖北"},
      {"430000", "湖南省", "Hunan", "湖南"},
      {"440000", "广东省", "Guangdong", "广东"},
      {"450000", "广西壮族自治区", "Guangxi", "广西"},
      {"460000", "海南省", "Hainan", "海南"},
      {"500000", "重庆市", "Chongqing", "重庆"},
      {"510000", "四川省", "Sichuan", "四川"},
      {"520000", "贵州省", "Guizhou", "贵州"},
      {"530000", "云南省", "Yunnan", "云南"},
      {"540000", "西藏自治区", "Tibet", "西藏"},
      {"610000", "陕西省", "Shaanxi", "陕西"},
      {"620000", "甘肃省", "Gansu", "甘肃"},
      {"630000", "青海省", "Qinghai", "青海"},
      {"640000", "宁夏回族自治区", "Ningxia", "宁夏"},
      {"650000", "新疆维吾尔自治区", "Xinjiang", "新疆"},
  };
  return k;
}

bool IsCategory(const std::string& s) {
  const auto& k = Categories();
  return std::find(k.begin(), k.end(), s) != k.end();
}

bool IsOperator(const std::string& s) {
  const auto& k = Operators();
  return std::find(k.begin(), k.end(), s) != k.end();
}

const RegionInfo* FindRegion(const std::string& code) {
  for (const RegionInfo& r : Regions()) {
    if (code == r.code) return &r;
  }
  return nullptr;
}

}  // namespace jianbao::complaints
