// Per-participant lower bounds on breaks (internal).
//
//   std::vector<int> bounds = ParticipantBreakBounds(problem, domains, include);
//   RaiseForFairness(problem, domains, include, 2, &bounds);
//
// A participant whose meetings all fall on one day needs at least r - 1 breaks
// when no set of busy slots made of r runs admits a matching of its meetings
// to slots (forbidden slots, half-day restrictions and the partners' forbidden
// slots cut its day into pieces). Sound for every schedule that holds all the
// included meetings; cheap (a bounded enumeration per participant).
#pragma once

#include <vector>

#include "schedule/problem.h"

namespace ponte::schedule {

// include: meetings every schedule holds (empty = every meeting not cancelled).
std::vector<int> ParticipantBreakBounds(const Problem& problem, const Domains& domains,
                                        const std::vector<char>& include);

// With a fairness bound d: if someone needs at least L breaks, everyone with
// two or more included meetings needs at least L - d.
void RaiseForFairness(const Problem& problem, const Domains& domains,
                      const std::vector<char>& include, int fairness, std::vector<int>* bounds);

}  // namespace ponte::schedule
