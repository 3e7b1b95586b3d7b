// `ponte recommend` end to end, against the data files in testdata/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

struct PonteRun {
  int exit_code = -1;
  std::string out;
};

PonteRun RunPonte(const std::string& args) {
  PonteRun run;
  const std::string command = std::string(PONTE_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

const std::string kTestdata = std::string(PONTE_SOURCE_DIR) + "/src/match/testdata/";

TEST(RecommendCli, OneLinePerProfileBestFirst) {
  if (!std::filesystem::exists(PONTE_BINARY)) GTEST_SKIP() << "build the ponte target first";
  const PonteRun run =
      RunPonte("recommend --profiles " + kTestdata + "recommend_profiles.jsonl --top 2");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::istringstream lines(run.out);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0]["id"], "polimi");
  EXPECT_EQ(rows[0]["matches"][0]["id"], "catl");
  EXPECT_EQ(rows[1]["matches"][0]["id"], "polimi");
  for (const auto& row : rows) {
    double previous = 2;
    for (const auto& match : row["matches"]) {
      EXPECT_LE(match["score"].get<double>(), previous);
      previous = match["score"].get<double>();
      EXPECT_FALSE(match["why"].empty());
    }
  }
}

TEST(RecommendCli, MalformedLineNamesLineAndExitsTwo) {
  if (!std::filesystem::exists(PONTE_BINARY)) GTEST_SKIP() << "build the ponte target first";
  const PonteRun run =
      RunPonte("recommend --profiles " + kTestdata + "recommend_malformed.jsonl --top 2");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, ::testing::HasSubstr("recommend_malformed.jsonl:4: field 'languages'"));
}

TEST(RecommendCli, MissingFileExitsThree) {
  if (!std::filesystem::exists(PONTE_BINARY)) GTEST_SKIP() << "build the ponte target first";
  EXPECT_EQ(RunPonte("recommend --profiles /nonexistent.jsonl --top 2").exit_code, 3);
}

}  // namespace
