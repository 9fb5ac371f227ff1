// Copyright 2026 The Jianbao Authors.

#include "complaints/challenge.h"

#include <gtest/gtest.h>

namespace jianbao::complaints {
namespace {

std::string Solve(const Challenge& c) {
  for (int i = 0;; ++i) {
    const std::string s = std::to_string(i);
    if (LeadingZeroBits(c.token + ":" + s) >= c.difficulty) return s;
  }
}

TEST(ChallengeTest, SolvedChallengeVerifies) {
  const Challenge c = IssueChallenge("secret", 1000, 60, 8);
  const std::string solution = Solve(c);
  auto ok = VerifyChallenge("secret", c.token, solution, 1010, 8);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->nonce.size(), 32u);
  EXPECT_EQ(ok->expires_at, 1060);
}

TEST(ChallengeTest, RefusesForgedExpiredEasyAndWrong) {
  const Challenge c = IssueChallenge("secret", 1000, 60, 8);
  const std::string solution = Solve(c);
  EXPECT_EQ(VerifyChallenge("other", c.token, solution, 1010, 8).status().key(),
            "challenge_failed");
  EXPECT_FALSE(VerifyChallenge("secret", c.token, solution, 2000, 8).ok());   // expired
  EXPECT_FALSE(VerifyChallenge("secret", c.token, solution, 1010, 12).ok());  // too easy
  EXPECT_FALSE(VerifyChallenge("secret", "a.b.c.d", solution, 1010, 8).ok());
  EXPECT_FALSE(
      VerifyChallenge("secret", std::string(32, 'a') + ".1.999999999999.x", solution, 1010, 8)
          .ok());  // no overflow on a huge difficulty
  std::string tampered = c.token;
  tampered[40] = tampered[40] == '1' ? '2' : '1';
  EXPECT_FALSE(VerifyChallenge("secret", tampered, solution, 1010, 8).ok());
  // Some solution fails: find one.
  for (int i = 0; i < 1000; ++i) {
    if (LeadingZeroBits(c.token + ":x" + std::to_string(i)) < 8) {
      auto r = VerifyChallenge("secret", c.token, "x" + std::to_string(i), 1010, 8);
      EXPECT_EQ(r.status().field(), "solution");
      break;
    }
  }
}

TEST(ChallengeTest, LeadingZeroBits) {
  // SHA-256("") = e3b0…: 0xe3 has no leading zero bit.
  EXPECT_EQ(LeadingZeroBits(""), 0);
}

}  // namespace
}  // namespace jianbao::complaints
