#include "core/utf8.h"

#include <gtest/gtest.h>

namespace ponte {
namespace {

TEST(Utf8, AcceptsChineseAndAccents) {
  EXPECT_TRUE(IsValidUtf8("Università di Bologna — 北京理工大学"));
  EXPECT_EQ(CountCodePoints("città"), 5u);
  EXPECT_EQ(CountCodePoints("成都"), 2u);
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), std::optional<std::size_t>(2));
  EXPECT_EQ(FindInvalidUtf8("abc\xFFxyz"), std::optional<std::size_t>(3));
  EXPECT_EQ(FindInvalidUtf8("\xC0\x80"), std::optional<std::size_t>(0));      // overlong
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), std::optional<std::size_t>(0));  // surrogate
}

TEST(Utf8, SplitKeepsEmptyPieces) {
  EXPECT_EQ(Split("it;en;;zh", ';'), (std::vector<std::string>{"it", "en", "", "zh"}));
  EXPECT_EQ(Split("", ';'), std::vector<std::string>{""});
  EXPECT_EQ(Split("成都|重庆", '|'), (std::vector<std::string>{"成都", "重庆"}));
}

TEST(Utf8, StripsBomAndTrims) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFid"), "id");
  EXPECT_EQ(Trim("  x y \r\n"), "x y");
  EXPECT_EQ(AsciiLower("IT-Università"), "it-università");
}

}  // namespace
TEST(EscapeHtmlTest, EscapesMarkupAndQuotesKeepsUtf8) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">Bologna & 成都 l'anno</a>"),
            "&lt;a href=&quot;x&quot;&gt;Bologna &amp; 成都 l&#39;anno&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml(""), "");
}

}  // namespace ponte
