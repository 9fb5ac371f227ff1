// Copyright 2026 The Jianbao Authors.

#include "members/model.h"

#include <algorithm>

namespace jianbao::members {

const std::vector<std::string>& ReportStatuses() {
  static const std::vector<std::string> kList = {"resumed", "partial", "not_yet"};
  return kList;
}

const std::vector<std::string>& DifficultyCategories() {
  static const std::vector<std::string> kList = {"supplies", "staff",  "funding", "logistics",
                                                 "orders",   "policy", "other"};
  return kList;
}

const std::vector<std::string>& NeedKinds() {
  static const std::vector<std::string> kList = {
      "masks", "disinfectant", "funding", "policy_help", "legal_help", "transport", "other"};
  return kList;
}

bool OneOf(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const std::vector<SupplyItem>& SupplyItems() {
  static const std::vector<SupplyItem> kItems = {
      {"masks", "pcs"},        {"n95_masks", "pcs"},    {"disinfectant", "litre"},
      {"sanitizer", "bottle"}, {"gloves", "pair"},      {"protective_suits", "set"},
      {"goggles", "pcs"},      {"thermometers", "pcs"}, {"cash", "yuan"},
  };
  return kItems;
}

const SupplyItem* FindSupplyItem(const std::string& code) {
  for (const SupplyItem& i : SupplyItems()) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

}  // namespace jianbao::members
