#include "schedule/dzn_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ponte::schedule {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSmall = R"(nBusiness = 3;
nMeetings = 3;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;   % two morning slots
requested = [|1, 2,3,
|1, 3,1,
|2, 3,2,
|];
meetingsxBusiness = [{1,2,3},{1,2,4},{1,3,4}];
nMeetingsBusiness = [2,2,2];
forbidden = [{0},{0,4},{0}];
fixed = [0,0,3];
precedences = [{},{1},{}];
)";

TEST(DznReader, ReadsSmallFileWithShiftsAndDummies) {
  Result<Problem> problem = ParseDzn(kSmall, "small.dzn");
  ASSERT_TRUE(problem.ok()) << problem.status().ToString();
  EXPECT_EQ(problem->participants.size(), 3u);
  ASSERT_EQ(problem->meetings.size(), 3u);
  EXPECT_EQ(problem->slots.size(), 4u);
  EXPECT_TRUE(problem->slots[1].morning);
  EXPECT_FALSE(problem->slots[2].morning);
  EXPECT_EQ(problem->sessions.at(0).tables, 2);
  EXPECT_EQ(problem->meetings[0].a, 0);
  EXPECT_EQ(problem->meetings[0].b, 1);
  EXPECT_EQ(problem->meetings[0].half_day, HalfDay::kAny);
  EXPECT_EQ(problem->meetings[1].half_day, HalfDay::kMorning);
  EXPECT_EQ(problem->meetings[2].half_day, HalfDay::kAfternoon);
  EXPECT_EQ(problem->participants[1].forbidden_slots, std::vector<SlotIndex>{3});
  EXPECT_TRUE(problem->participants[0].forbidden_slots.empty());
  EXPECT_EQ(problem->meetings[2].fixed_slot, std::optional<SlotIndex>(2));
  EXPECT_EQ(problem->meetings[1].after, std::vector<MeetingIndex>{0});
  EXPECT_TRUE(problem->require_all);
}

TEST(DznReader, ReportsLineAndColumn) {
  std::string text = kSmall;
  text.replace(text.find("|1, 3,1"), 7, "|1, 3,7");
  Result<Problem> problem = ParseDzn(text, "bad.dzn");
  ASSERT_FALSE(problem.ok());
  EXPECT_EQ(problem.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(problem.status().message(), HasSubstr("bad.dzn:7:7:"));
}

TEST(DznReader, RejectsUnshiftedMeetingsPerBusiness) {
  std::string text = kSmall;
  text.replace(text.find("{1,2,3},{1,2,4},{1,3,4}"), 23, "{1,2},{1,3},{2,3}");
  Result<Problem> problem = ParseDzn(text, "x.dzn");
  ASSERT_FALSE(problem.ok());
  EXPECT_THAT(problem.status().message(), HasSubstr("meetingsxBusiness"));
}

TEST(DznReader, ReportsMissingParameterAndSyntax) {
  Result<Problem> missing = ParseDzn("nBusiness = 1;", "m.dzn");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("nMeetings"));
  Result<Problem> syntax = ParseDzn("nBusiness = 1\nnMeetings = 2;", "s.dzn");
  ASSERT_FALSE(syntax.ok());
  EXPECT_THAT(syntax.status().message(), HasSubstr("s.dzn:2:1: expected ';'"));
}

TEST(DznReader, MissingFileIsNotFound) {
  Result<Problem> problem = ReadDznFile("/nonexistent/x.dzn");
  ASSERT_FALSE(problem.ok());
  EXPECT_EQ(problem.status().code(), StatusCode::kNotFound);
}

TEST(DznReader, ReadsEveryBenchmarkFile) {
  const std::string dir = std::string(PONTE_SHARED_DIR) + "/b2b_instances/jair2022/";
  for (const char* name : {"tic-12.original.dzn", "forum-13crafb.prec25.dzn",
                           "forumt-14.fixed040-Forb.dzn", "ticf-14crafa.forb0007.dzn"}) {
    Result<Problem> problem = ReadDznFile(dir + name);
    ASSERT_TRUE(problem.ok()) << problem.status().ToString();
    EXPECT_GT(problem->meetings.size(), 100u) << name;
  }
}

}  // namespace
}  // namespace ponte::schedule
