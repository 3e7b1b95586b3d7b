// Phase 2 (internal): tables and interpreters for a fixed time assignment.
//
//   if (!AssignTablesAndInterpreters(problem, domains, &solution)) ...;  // capacity broken
//
// Slots are processed in time order; a meeting takes, when free, the table one
// of its sides sat at last in the same session (the side with more meetings
// first), so hosts tend to keep one table (Bofill et al., CP 2014, phase 2);
// other meetings take tables nobody will come back to. Interpreters are
// matched per slot. Returns false if some slot cannot be served.
#pragma once

#include "schedule/problem.h"

namespace ponte::schedule {

// `keep` (optional, e.g. a published schedule): a meeting in the same slot as
// there keeps its table when that table is free.
bool AssignTablesAndInterpreters(const Problem& problem, const Domains& domains, Solution* solution,
                                 const Solution* keep = nullptr);

}  // namespace ponte::schedule
