// Fast regression over the 20 original JAIR 2022 instances (d = 2) with a
// small time limit: every schedule is valid, never below the known optimum,
// the lower bound never above it and never above the breaks, an `optimal`
// status only at the known optimum, and where the per-participant bounds
// (computed before any timed phase, so independent of the machine's speed)
// already prove the optimum, the reported bound reaches it. The full
// benchmark is bench/schedule.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "schedule/dzn_reader.h"
#include "schedule/schedule.h"

namespace ponte::schedule {
namespace {

constexpr double kTimeLimitSeconds = 0.8;
constexpr int kFairness = 2;

struct Instance {
  std::string name;
  int optimum;
};

// Instances where the per-participant bounds alone equal the optimum.
bool BoundIsTightByCounting(const std::string& name) {
  return name == "forum-14" || name == "forumt-14" || name == "forumt-14crafc" ||
         name == "forumt-14crafd";
}

std::vector<Instance> Originals() {
  std::ifstream in(std::string(PONTE_SHARED_DIR) + "/b2b_instances/known_optima.csv");
  std::vector<Instance> instances;
  std::string line;
  std::getline(in, line);  // header; opt_breaks_d2 is the 7th column
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string cell;
    std::vector<std::string> cells;
    while (std::getline(row, cell, ',')) cells.push_back(cell);
    if (cells.size() > 6) instances.push_back({cells[0], std::stoi(cells[6])});
  }
  return instances;
}

TEST(ScheduleRegression, OriginalsAreValidAndBounded) {
  const std::vector<Instance> instances = Originals();
  ASSERT_EQ(instances.size(), 20u);
  for (const Instance& instance : instances) {
    SCOPED_TRACE(instance.name);
    Result<Problem> problem =
        ReadDznFile(std::string(PONTE_SHARED_DIR) + "/b2b_instances/jair2022/" + instance.name +
                    ".original.dzn");
    ASSERT_TRUE(problem.ok()) << problem.status().ToString();
    SolveOptions options;
    options.time_limit_s = kTimeLimitSeconds;
    options.fairness = kFairness;
    const SolveResult result = Solve(*problem, options);
    ASSERT_TRUE(result.status == SolveStatus::kOptimal || result.status == SolveStatus::kFeasible)
        << SolveStatusName(result.status);
    CheckOptions check;
    check.fairness = kFairness;
    const CheckReport report = Check(*problem, result.solution, check);
    EXPECT_TRUE(report.valid()) << report.violations.front();
    EXPECT_GE(result.objective.breaks, instance.optimum);
    EXPECT_LE(result.lower_bound, instance.optimum);
    EXPECT_LE(result.lower_bound, result.objective.breaks);
    if (BoundIsTightByCounting(instance.name)) {
      EXPECT_EQ(result.lower_bound, instance.optimum);
    }
    if (result.status == SolveStatus::kOptimal) {
      EXPECT_EQ(result.objective.breaks, instance.optimum);
    }
  }
}

}  // namespace
}  // namespace ponte::schedule
