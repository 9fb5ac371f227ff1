// Copyright 2026 The Jianbao Authors.

#include "search/tokenizer.h"

#include <gtest/gtest.h>

namespace jianbao::search {
namespace {

// Renders tokens as "text@position" ("+" before a colocated one).
std::string Show(std::string_view text) {
  std::string out;
  for (const Token& t : TokenizeAll(text)) {
    if (!out.empty()) out += ' ';
    if (t.colocated) out += '+';
    out += t.text + "@" + std::to_string(t.position);
  }
  return out;
}

TEST(TokenizerTest, CjkBigramsAndTheLastCharacterOfARun) {
  EXPECT_EQ(Show("网络安全"), "网络@0 络安@1 安全@2 +全@2");
  EXPECT_EQ(Show("网"), "网@0");
  EXPECT_EQ(Show("网络"), "网络@0 +络@0");
}

TEST(TokenizerTest, LatinWordsAndNumbersAreLowerCased) {
  EXPECT_EQ(Show("Hello, World 2026"), "hello@0 world@1 2026@2");
  EXPECT_EQ(Show("5G网络"), "5g@0 网络@1 +络@1");
}

TEST(TokenizerTest, FullWidthFoldsToHalfWidth) {
  EXPECT_EQ(Show("ＡＢＣ１２３"), "abc123@0");
  EXPECT_EQ(Fold("ＡＢＣ１２３"), "abc123");
}

TEST(TokenizerTest, TraditionalBecomesSimplified) {
  EXPECT_EQ(Fold("網絡安全"), "网络安全");
  EXPECT_EQ(QueryPhrases("網絡"), QueryPhrases("网络"));
}

TEST(TokenizerTest, SentencePunctuationAndLineBreaksLeaveAGap) {
  EXPECT_EQ(Show("北京。上海"), "北京@0 +京@0 .@1 上海@2 +海@2");
  EXPECT_EQ(Show("北京！上海"), Show("北京。上海"));
  EXPECT_EQ(Show("北京；上海"), Show("北京。上海"));
  EXPECT_EQ(Show("北京？\n\n上海"), Show("北京。上海"));
  // A comma only separates runs: no bigram across it, no gap.
  EXPECT_EQ(Show("北京，上海"), "北京@0 +京@0 上海@1 +海@1");
  // No gap token before the first or after the last token.
  EXPECT_EQ(Show("。北京。"), "北京@0 +京@0");
}

TEST(TokenizerTest, OffsetsPointIntoTheSource) {
  const std::string text = "ab 网络";
  std::vector<Token> tokens = TokenizeAll(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "ab");
  EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "网络");
  EXPECT_EQ(text.substr(tokens[2].start, tokens[2].end - tokens[2].start), "络");
}

TEST(TokenizerTest, QueryPhrasesAreOneTokenPerPosition) {
  using Phrases = std::vector<std::vector<std::string>>;
  EXPECT_EQ(QueryPhrases("网络安全"), (Phrases{{"网络", "络安", "安全"}}));
  EXPECT_EQ(QueryPhrases("网"), (Phrases{{"网"}}));
  EXPECT_EQ(QueryPhrases("安全。网络"), (Phrases{{"安全"}, {"网络"}}));
  EXPECT_EQ(QueryPhrases("5G 网络"), (Phrases{{"5g", "网络"}}));
  EXPECT_TRUE(QueryPhrases("，。!").empty());
  EXPECT_TRUE(IsSingleCjk("网"));
  EXPECT_FALSE(IsSingleCjk("网络"));
  EXPECT_FALSE(IsSingleCjk("a"));
  EXPECT_TRUE(EndsWithWord("网络 netw"));
  EXPECT_FALSE(EndsWithWord("netw 网络"));
}

TEST(TokenizerTest, InvalidUtf8SeparatesRuns) {
  EXPECT_EQ(Show(std::string("ab\xff") + "cd"), "ab@0 cd@1");
}

TEST(TokenizerTest, LongWordsAreCut) {
  std::vector<Token> tokens = TokenizeAll(std::string(500, 'a'));
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text.size(), kMaxWordBytes);
}

}  // namespace
}  // namespace jianbao::search
