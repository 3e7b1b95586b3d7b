#include "itinerary/solver.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>

#include "core/rng.h"
#include "itinerary/moves.h"
#include "itinerary/route.h"

namespace ponte::itinerary {
namespace {

using internal::Instance;
using internal::State;

// Removal size: between 1 and this share of the planned visits (at least
// kMinMaxRemoval, at most kMaxRemoval).
constexpr double kRemovalShare = 0.3;
constexpr int kMinMaxRemoval = 3;
constexpr int kMaxRemoval = 40;
// Simulated annealing temperatures, in mean visit values (a loss of one mean
// value is accepted with probability e^-0.5 at the start of a cycle).
constexpr double kStartTemperature = 2.0;
constexpr double kEndTemperature = 0.5;
// Cycle length without a deadline (iterations), and cycles per time budget.
constexpr double kCycleIterations = 20000;
constexpr int kTimedCycles = 5;
constexpr double kForever = 1e17;  // Deadline::Never().Remaining() is 1e18
// Local search only on candidates within this many mean visit values of the current.
constexpr double kPolishWithin = 1.0;
// Share of iterations whose repair first leaves out the visits just removed.
constexpr double kBlockRemovedShare = 0.3;
constexpr double kNoiseLevels[] = {0.0, 0.1, 0.3, 0.6};
constexpr int kDeadlineCheckEvery = 16;

Solution ToSolution(const State& s) {
  Solution out;
  for (const internal::Route& r : s.routes) {
    std::vector<Stop> stops;
    for (int p = 0; p < r.size(); ++p) {
      Stop stop;
      stop.visit = r.seq()[static_cast<std::size_t>(p)];
      stop.arrive = r.arrive(p);
      stop.start = r.start(p);
      stops.push_back(stop);
    }
    out.tours.push_back(std::move(stops));
  }
  return out;
}

void LocalSearch(const Instance& inst, Rng& rng, State* s) {
  // Shorter tours and replacements free time; refill after each.
  const bool tails = inst.m > 1 && internal::ExchangeTails(inst, s);
  if (internal::ShortenTours(inst, s) || tails) internal::GreedyInsert(inst, {}, rng, s);
  while (internal::ImproveByReplacement(inst, s)) {
    internal::GreedyInsert(inst, {}, rng, s);
  }
}

}  // namespace

Value UpperBound(const Problem& problem) {
  const Instance inst = Instance::Build(problem);
  struct Item {
    double value;
    double weight;
  };
  std::vector<Item> items;
  Value all = 0;
  for (int v = 0; v < inst.n; ++v) {
    bool fits = false;
    for (int t = 0; t < inst.m; ++t) fits = fits || inst.Usable(t, v);
    if (!fits) continue;
    all += inst.value[static_cast<std::size_t>(v)];
    // Cheapest way to arrive at v: from another visit or from a start base.
    Ticks leg = std::numeric_limits<Ticks>::max();
    for (int u = 0; u < inst.n; ++u) {
      if (u != v) leg = std::min(leg, inst.T(u, v));
    }
    for (int t = 0; t < inst.m; ++t)
      leg = std::min(leg, inst.T(inst.start_node[static_cast<std::size_t>(t)], v));
    items.push_back({static_cast<double>(inst.value[static_cast<std::size_t>(v)]),
                     static_cast<double>(inst.service[static_cast<std::size_t>(v)] + leg)});
  }
  double capacity = 0;
  for (int t = 0; t < inst.m; ++t) {
    capacity += static_cast<double>(inst.tour_end[static_cast<std::size_t>(t)] -
                                    inst.tour_start[static_cast<std::size_t>(t)]);
  }
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.value * b.weight > b.value * a.weight; });
  double bound = 0;
  for (const Item& item : items) {
    if (item.weight <= capacity) {
      bound += item.value;
      capacity -= item.weight;
    } else {
      bound += item.value * capacity / item.weight;
      break;
    }
  }
  // Values are integers, so the bound rounds down (with a guard for rounding noise).
  const auto knapsack = static_cast<Value>(bound + 1e-6);
  return std::min(all, knapsack);
}

Result<SolveResult> Solve(const Problem& problem, const SolveOptions& options,
                          const Deadline& deadline) {
  PONTE_RETURN_IF_ERROR(Validate(problem));
  Stopwatch watch;
  const Instance inst = Instance::Build(problem);
  SolveResult result;
  result.upper_bound = UpperBound(problem);
  Rng rng(options.seed);

  State current = State::Empty(inst);
  internal::GreedyInsert(inst, {}, rng, &current);
  LocalSearch(inst, rng, &current);
  State best = current;
  // Simulated annealing on the value, in cycles: within each cycle the
  // temperature falls geometrically from kStartTemperature to kEndTemperature
  // mean visit values, then the next cycle restarts from the best.
  double mean_value = 0;
  for (Value v : inst.value) mean_value += static_cast<double>(v);
  mean_value = inst.n > 0 ? std::max(1.0, mean_value / inst.n) : 1.0;
  const double t_start = kStartTemperature * mean_value;
  const double t_end = kEndTemperature * mean_value;
  // With a finite deadline the cycles split the time budget (so big instances
  // cool down too); otherwise they count iterations (deterministic).
  const double budget = deadline.Remaining();
  const bool timed = options.max_iterations == 0 && budget < kForever;
  const int cycles = kTimedCycles;
  const auto cycle = static_cast<std::int64_t>(kCycleIterations);
  double temperature = t_start;
  int cycle_index = 0;
  std::int64_t it = 0;
  auto done = [&] {
    if (options.stop_at_bound && best.value() >= result.upper_bound) return true;
    if (options.max_iterations > 0 && it >= options.max_iterations) return true;
    return it % kDeadlineCheckEvery == 0 && deadline.Expired();
  };
  while (!done()) {
    ++it;
    State candidate = current;
    const int planned = candidate.routed();
    const int max_remove =
        std::clamp(static_cast<int>(kRemovalShare * planned), kMinMaxRemoval, kMaxRemoval);
    const int count = 1 + static_cast<int>(rng.Index(static_cast<std::size_t>(max_remove)));
    switch (rng.Index(4)) {
      case 0:
        internal::RemoveRandom(inst, count, rng, &candidate);
        break;
      case 1:
        internal::RemoveSegment(inst, count, rng, &candidate);
        break;
      case 2:
        internal::RemoveRelated(inst, count, rng, &candidate);
        break;
      default:
        internal::RemoveWorst(inst, count, rng, &candidate);
        break;
    }
    internal::InsertOptions insert;
    insert.noise = kNoiseLevels[rng.Index(std::size(kNoiseLevels))];
    insert.squared_value = rng.Bernoulli(0.5);
    std::vector<char> removed(static_cast<std::size_t>(inst.n), 0);
    const bool block = rng.Bernoulli(kBlockRemovedShare);
    if (block) {
      for (int v = 0; v < inst.n; ++v) {
        const auto uv = static_cast<std::size_t>(v);
        removed[uv] = current.tour_of[uv] >= 0 && candidate.tour_of[uv] < 0 ? 1 : 0;
      }
      insert.blocked = &removed;
      internal::GreedyInsert(inst, insert, rng, &candidate);
      insert.blocked = nullptr;
    }
    internal::GreedyInsert(inst, insert, rng, &candidate);
    // Polishing costs more than a destroy/repair step: spend it only on
    // candidates that are close to the current solution.
    if (static_cast<double>(candidate.value()) >=
        static_cast<double>(current.value()) - kPolishWithin * mean_value) {
      LocalSearch(inst, rng, &candidate);
    }

    if (candidate.BetterThan(best)) best = candidate;
    const double loss = static_cast<double>(current.value() - candidate.value());
    if (candidate.BetterThan(current) || loss <= 0 ||
        rng.UniformReal() < std::exp(-loss / temperature)) {
      current = std::move(candidate);
    }
    double progress = 0;  // position in the current cycle, 0..1
    if (timed) {
      const double elapsed = (budget - deadline.Remaining()) / budget * cycles;
      const int index = std::min(cycles - 1, static_cast<int>(elapsed));
      if (index != cycle_index) {
        cycle_index = index;
        current = best;
      }
      progress = std::min(1.0, elapsed - index);
    } else {
      if (it % cycle == 0) current = best;
      progress = static_cast<double>(it % cycle) / static_cast<double>(cycle);
    }
    temperature = t_start * std::pow(t_end / t_start, progress);
  }
  result.solution = ToSolution(best);
  for (auto& tour : result.solution.tours) {
    for (Stop& stop : tour)
      stop.leave = stop.start + problem.visits[static_cast<std::size_t>(stop.visit)].service;
  }
  result.value = best.value();
  result.iterations = it;
  result.seconds = watch.Seconds();
  for (int v = 0; v < inst.n; ++v) {
    if (best.tour_of[static_cast<std::size_t>(v)] < 0) result.unvisited.push_back(v);
  }
  return result;
}

}  // namespace ponte::itinerary
