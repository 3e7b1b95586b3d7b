// The exact MIP baseline for the benchmark: the same time assignment as a
// 0-1 model solved by COIN-OR CBC under a limit in CPU seconds (one thread;
// building the model counts against it).
//
//   CbcOutcome out = SolveWithCbc(problem, /*fairness=*/2, /*time_limit_s=*/5);
#pragma once

#include <string>

#include "schedule/problem.h"

namespace ponte::schedule {

struct CbcOutcome {
  int breaks = -1;     // best schedule found, -1 = none
  int bound = -1;      // best proven lower bound
  std::string status;  // optimal, feasible, infeasible, unknown
  double time_s = 0;   // wall clock
  double cpu_s = 0;    // CPU time of the calling thread (model building included)
};

CbcOutcome SolveWithCbc(const Problem& problem, int fairness, double time_limit_s);

}  // namespace ponte::schedule
