// `ponte plan-tour` end to end on a few benchmark files: the JSON contract of
// issue 5, re-checked with the library's checker.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "itinerary/solution.h"
#include "itinerary/toptw_reader.h"

namespace ponte::itinerary {
namespace {

const std::string kShared = PONTE_SHARED_DIR;
const std::string kBinary = PONTE_BINARY;

int RunCommand(const std::string& command, std::string* output) {
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output->append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Case {
  const char* file;
  int tours;
};

TEST(PlanTourCli, WritesACheckablePlan) {
  const Case cases[] = {{"solomon/c101.txt", 1},
                        {"solomon/r205.txt", 2},
                        {"solomon/rc108.txt", 3},
                        {"cordeau/pr01.txt", 4},
                        {"cordeau/pr13.txt", 2}};
  for (const Case& c : cases) {
    const std::string path = kShared + "/toptw_instances/" + c.file;
    std::string out;
    const int code = RunCommand(kBinary + " plan-tour --toptw " + path + " --tours " +
                                    std::to_string(c.tours) + " --time-limit 0.2 --seed 3",
                                &out);
    ASSERT_EQ(code, 0) << c.file << ": " << out;
    const nlohmann::json json = nlohmann::json::parse(out);
    Result<Problem> problem = ReadToptwFile(path, c.tours);
    ASSERT_TRUE(problem.ok());
    ASSERT_EQ(json["tours"].size(), static_cast<std::size_t>(c.tours)) << c.file;
    Solution solution;
    const auto scale = static_cast<double>(problem->ticks_per_unit);
    for (const auto& tour : json["tours"]) {
      std::vector<Stop> stops;
      for (const auto& stop : tour) {
        Stop s;
        s.visit = stop["node"].get<int>() - 1;  // vertex i is visit i - 1
        s.arrive = static_cast<Ticks>(std::llround(stop["arrive"].get<double>() * scale));
        s.start = static_cast<Ticks>(std::llround(stop["start"].get<double>() * scale));
        s.leave = static_cast<Ticks>(std::llround(stop["leave"].get<double>() * scale));
        stops.push_back(s);
      }
      solution.tours.push_back(std::move(stops));
    }
    const CheckReport check = Check(*problem, solution);
    EXPECT_TRUE(check.feasible) << c.file << ": " << check.violations.front();
    EXPECT_EQ(json["score"].get<Value>(), check.value) << c.file;
    EXPECT_GT(check.value, 0) << c.file;
  }
}

TEST(PlanTourCli, ReportsBadInputWithExitCodes) {
  std::string out;
  EXPECT_EQ(RunCommand(kBinary + " plan-tour --toptw /nonexistent.txt --tours 1 2>&1", &out), 3);
  const std::string bad = ::testing::TempDir() + "/bad_toptw.txt";
  std::ofstream(bad) << "4 1 1 1\n0 200\n 0 0 0 0 0 0 0 0 100\n 1 3 x 10 7 1 1 1 0 50\n";
  out.clear();
  EXPECT_EQ(RunCommand(kBinary + " plan-tour --toptw " + bad + " --tours 1 2>&1", &out), 2);
  EXPECT_NE(out.find("bad_toptw.txt:4"), std::string::npos) << out;
}

TEST(PlanTourCli, PlansTheDemoRoadshow) {
  std::string out;
  const std::string dir = std::string(PONTE_DATA_DIR) + "/demo/roadshow";
  ASSERT_EQ(RunCommand(kBinary + " plan-tour --roadshow-dir " + dir + " --time-limit 0.3", &out), 0)
      << out;
  EXPECT_NE(out.find("== 2026-09-14 Mon =="), std::string::npos) << out;
  EXPECT_NE(out.find("Consulate General of Italy in Shanghai"), std::string::npos);
}

}  // namespace
}  // namespace ponte::itinerary
