// The CLI contract of issue 3: `ponte schedule` writes the documented JSON and
// `ponte check-schedule` accepts it, and rejects a broken one with exit code 2.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace ponte::schedule {
namespace {

int RunCommand(const std::string& command) {
  const int status = std::system((command + " > /dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class ScheduleCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(PONTE_BINARY)) GTEST_SKIP() << "build the ponte target first";
    dir_ = std::filesystem::temp_directory_path() /
           ("ponte_schedule_cli_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::filesystem::path dir_;
  const std::string dzn_ =
      std::string(PONTE_SHARED_DIR) + "/b2b_instances/jair2022/tic-12.original.dzn";
};

TEST_F(ScheduleCli, ScheduleThenCheck) {
  const std::string out = (dir_ / "tic12.json").string();
  ASSERT_EQ(RunCommand(std::string(PONTE_BINARY) + " schedule --dzn " + dzn_ +
                       " --fairness 2 --time-limit 5 --seed 1 --out " + out),
            0);
  std::ifstream in(out);
  const nlohmann::json json = nlohmann::json::parse(in);
  EXPECT_EQ(json["status"], "optimal");
  EXPECT_EQ(json["breaks"], 0);
  EXPECT_EQ(json["lower_bound"], 0);
  EXPECT_TRUE(json["time_s"].is_number());
  ASSERT_EQ(json["meetings"].size(), 125u);
  EXPECT_EQ(json["meetings"][0]["meeting"], 1);
  for (const auto& row : json["meetings"]) {
    EXPECT_GE(row["slot"].get<int>(), 1);
    EXPECT_LE(row["slot"].get<int>(), 8);
    EXPECT_GE(row["table"].get<int>(), 1);
    EXPECT_LE(row["table"].get<int>(), 21);
  }
  EXPECT_EQ(RunCommand(std::string(PONTE_BINARY) + " check-schedule --dzn " + dzn_ +
                       " --schedule " + out + " --fairness 2"),
            0);

  // Meetings 1 and 2 share participant 1: the same slot is a violation.
  nlohmann::json broken = json;
  broken["meetings"][1]["slot"] = broken["meetings"][0]["slot"];
  const std::string bad = (dir_ / "broken.json").string();
  std::ofstream(bad) << broken.dump();
  EXPECT_EQ(RunCommand(std::string(PONTE_BINARY) + " check-schedule --dzn " + dzn_ +
                       " --schedule " + bad),
            2);
}

TEST_F(ScheduleCli, ErrorsAndExitCodes) {
  EXPECT_EQ(RunCommand(std::string(PONTE_BINARY) + " schedule"), 1);  // --dzn is required
  EXPECT_EQ(RunCommand(std::string(PONTE_BINARY) + " schedule --dzn /nonexistent.dzn"), 3);
  const std::string bad = (dir_ / "bad.dzn").string();
  std::ofstream(bad) << "nBusiness = 2;\nnMeetings = x;\n";
  EXPECT_EQ(RunCommand(std::string(PONTE_BINARY) + " schedule --dzn " + bad), 2);
}

}  // namespace
}  // namespace ponte::schedule
