#include "text/normalize.h"

#include <gtest/gtest.h>

namespace ponte::text {
namespace {

TEST(Normalize, FoldsCaseAndComposesAccents) {
  EXPECT_EQ(FoldForMatch("UNIVERSITÀ"), "università");
  // "a" + combining grave accent composes to the same "à".
  EXPECT_EQ(FoldForMatch("Universita\xCC\x80"), "università");
  EXPECT_EQ(FoldForMatch("Straße"), "strasse");
}

TEST(Normalize, FoldsFullwidthAndCompatibilityForms) {
  EXPECT_EQ(FoldForMatch("ＡＩ５Ｇ"), "ai5g");
  EXPECT_EQ(FoldForMatch("ﬁnanza"), "finanza");
  EXPECT_EQ(FoldForMatch("人工智能，机器人"), "人工智能,机器人");
}

TEST(Normalize, KeepsInvalidUtf8Safe) {
  const std::string folded = FoldForMatch(std::string("ab\xFF", 3));
  EXPECT_EQ(folded.substr(0, 2), "ab");
}

}  // namespace
}  // namespace ponte::text
