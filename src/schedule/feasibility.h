// Cheap infeasibility explanations (internal): counting arguments that show a
// problem with require_all has no schedule, in words a person can act on.
//
//   std::optional<std::string> why = ExplainInfeasible(problem, domains);
//   // "participant 17 has 12 meetings but only 10 allowed slots"
#pragma once

#include <optional>
#include <string>

#include "schedule/problem.h"

namespace ponte::schedule {

std::optional<std::string> ExplainInfeasible(const Problem& problem, const Domains& domains);

}  // namespace ponte::schedule
