// Copyright 2026 The Jianbao Authors.

#include "orgs/tree.h"

#include <gtest/gtest.h>

namespace jianbao::orgs {
namespace {

Org Make(int64_t id, const std::string& code, const std::string& parent) {
  Org o;
  o.id = id;
  o.code = code;
  o.parent_code = parent;
  return o;
}

OrgTree Sample() {
  return OrgTree({Make(1, "ccea", ""), Make(2, "ccea-sec", "ccea"), Make(3, "hubei", "ccea"),
                  Make(4, "hubei-ctc", "hubei"), Make(5, "miit", "")});
}

TEST(OrgTreeTest, AtOrBelow) {
  const OrgTree t = Sample();
  EXPECT_TRUE(t.IsAtOrBelow("hubei-ctc", "ccea"));
  EXPECT_TRUE(t.IsAtOrBelow("hubei", "hubei"));
  EXPECT_FALSE(t.IsAtOrBelow("hubei", "hubei-ctc"));
  EXPECT_FALSE(t.IsAtOrBelow("miit", "ccea"));
  EXPECT_FALSE(t.IsAtOrBelow("nobody", "ccea"));
}

TEST(OrgTreeTest, SubtreeCodes) {
  const OrgTree t = Sample();
  EXPECT_EQ(t.SubtreeCodes("hubei"), (std::vector<std::string>{"hubei", "hubei-ctc"}));
  EXPECT_EQ(t.SubtreeCodes("ccea").size(), 4u);
  EXPECT_TRUE(t.SubtreeCodes("nobody").empty());
}

TEST(OrgTreeTest, SubtreeIds) {
  const OrgTree t = Sample();
  const int64_t hubei = t.Find("hubei")->id;
  EXPECT_EQ(t.SubtreeIds(hubei), (std::vector<int64_t>{hubei, t.Find("hubei-ctc")->id}));
  EXPECT_EQ(t.SubtreeIds(t.Find("ccea")->id).size(), 4u);
  EXPECT_TRUE(t.IsIdAtOrBelow(t.Find("hubei-ctc")->id, t.Find("ccea")->id));
  EXPECT_FALSE(t.IsIdAtOrBelow(t.Find("ccea")->id, hubei));
}

TEST(OrgTreeTest, CycleInDataEnds) {
  const OrgTree t({Make(1, "a", "b"), Make(2, "b", "a")});
  EXPECT_FALSE(t.IsAtOrBelow("a", "c"));
  EXPECT_EQ(t.SubtreeCodes("a").size(), 2u);
}

TEST(OrgTreeTest, FindId) {
  const OrgTree t = Sample();
  ASSERT_NE(t.FindId(4), nullptr);
  EXPECT_EQ(t.FindId(4)->code, "hubei-ctc");
  EXPECT_EQ(t.FindId(99), nullptr);
}

TEST(OrgTreeTest, WideTreeOfMemberUnits) {
  // A provincial association with 5,000 member units: every question is
  // answered from the indexes (the old scans were quadratic here).
  std::vector<Org> orgs = {Make(1, "ccea", ""), Make(2, "hubei", "ccea")};
  orgs[1].parent_id = 1;
  for (int i = 0; i < 5000; ++i) {
    Org o = Make(3 + i, "m" + std::to_string(i), "hubei");
    o.parent_id = 2;
    orgs.push_back(o);
  }
  const OrgTree t(std::move(orgs));
  EXPECT_EQ(t.SubtreeCodes("hubei").size(), 5001u);
  EXPECT_EQ(t.SubtreeIds(1).size(), 5002u);
  EXPECT_TRUE(t.IsIdAtOrBelow(5002, 1));
  EXPECT_FALSE(t.IsIdAtOrBelow(1, 5002));
}

}  // namespace
}  // namespace jianbao::orgs
