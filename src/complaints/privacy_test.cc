// Copyright 2026 The Jianbao Authors.

#include "complaints/privacy.h"

#include <gtest/gtest.h>

namespace jianbao::complaints {
namespace {

TEST(PrivacyTest, MasksNameAndPhone) {
  Complaint c;
  c.name = "张三";
  c.phone = "13812341234";
  Complaint m = MaskPersonalData(c, Privacy::kMasked);
  EXPECT_EQ(m.name, "张*");
  EXPECT_EQ(m.phone, "138****1234");
  EXPECT_TRUE(m.personal_data_masked);
  Complaint full = MaskPersonalData(c, Privacy::kFull);
  EXPECT_EQ(full.phone, "13812341234");
  EXPECT_FALSE(full.personal_data_masked);
  c.name.clear();
  c.phone.clear();  // erased personal data stays empty
  EXPECT_EQ(MaskPersonalData(c, Privacy::kMasked).phone, "");
}

TEST(PrivacyTest, PhoneNumbers) {
  EXPECT_EQ(NormalizePhone("138-1234 1234"), "13812341234");
  EXPECT_EQ(NormalizePhone("027-87654321"), "02787654321");
  EXPECT_EQ(NormalizePhone("12812341234"), "");
  EXPECT_EQ(NormalizePhone("1381234123"), "");
  EXPECT_EQ(NormalizePhone("+8613812341234"), "");
  EXPECT_EQ(NormalizePhone("abc"), "");
}

TEST(PrivacyTest, Markup) {
  EXPECT_TRUE(HasMarkup("<script>alert(1)</script>"));
  EXPECT_TRUE(HasMarkup("看这里<img src=x onerror=alert(1)>"));
  EXPECT_TRUE(HasMarkup("JavaScript:alert(1)"));
  EXPECT_TRUE(HasMarkup("<!-- x -->"));
  EXPECT_FALSE(HasMarkup("套餐费用 < 50 元，> 30 元"));
  EXPECT_FALSE(HasMarkup("《电信条例》"));
}

}  // namespace
}  // namespace jianbao::complaints
