#include <algorithm>
#include <string>

#include "itinerary/solution.h"

namespace ponte::itinerary {
namespace {

std::string Where(const Problem& p, std::size_t tour, std::size_t pos) {
  return "tour " + std::to_string(tour) + " ('" + p.tours[tour].label + "') stop " +
         std::to_string(pos);
}

// First effective window whose close is >= `arrive`, or nullptr.
const TimeWindow* FirstWindowFrom(const std::vector<TimeWindow>& windows, Ticks arrive) {
  for (const TimeWindow& w : windows) {
    if (w.close >= arrive) return &w;
  }
  return nullptr;
}

}  // namespace

CheckReport Check(const Problem& problem, const Solution& solution) {
  CheckReport report;
  auto fail = [&report](std::string message) {
    report.feasible = false;
    report.violations.push_back(std::move(message));
  };
  if (Status s = Validate(problem); !s.ok()) {
    fail("invalid problem: " + s.message());
    return report;
  }
  if (solution.tours.size() != problem.tours.size()) {
    fail("solution has " + std::to_string(solution.tours.size()) + " tours, problem has " +
         std::to_string(problem.tours.size()));
    return report;
  }
  const auto matrix = TravelMatrix(problem);
  const auto n = static_cast<int>(problem.visits.size());
  std::vector<int> seen_on(static_cast<std::size_t>(n), -1);
  for (std::size_t t = 0; t < solution.tours.size(); ++t) {
    const Tour& tour = problem.tours[t];
    int prev_node = BaseNode(problem, tour.start_base);
    Ticks prev_leave = tour.start;
    for (std::size_t pos = 0; pos < solution.tours[t].size(); ++pos) {
      const Stop& stop = solution.tours[t][pos];
      const std::string where = Where(problem, t, pos);
      if (stop.visit < 0 || stop.visit >= n) {
        fail(where + ": visit index " + std::to_string(stop.visit) + " out of range");
        return report;
      }
      const auto vi = static_cast<std::size_t>(stop.visit);
      const Visit& visit = problem.visits[vi];
      const std::string what = where + " ('" + visit.id + "')";
      if (seen_on[vi] >= 0) {
        fail(what + ": visited more than once (also on tour " + std::to_string(seen_on[vi]) + ")");
      } else {
        seen_on[vi] = static_cast<int>(t);
        report.value += visit.value;
      }
      if (!Compatible(problem, stop.visit, static_cast<int>(t))) {
        fail(what + ": region " + std::to_string(visit.region) + " differs from the tour's " +
             std::to_string(tour.region));
      }
      const Ticks travel = matrix[static_cast<std::size_t>(prev_node)][vi];
      if (stop.arrive < prev_leave + travel) {
        fail(what + ": arrives at " + std::to_string(stop.arrive) + " but cannot be there before " +
             std::to_string(prev_leave + travel));
      }
      if (stop.start < stop.arrive) fail(what + ": starts before it arrives");
      const auto windows = EffectiveWindows(problem, stop.visit);
      const bool in_window = std::any_of(windows.begin(), windows.end(), [&](const TimeWindow& w) {
        return w.open <= stop.start && stop.start <= w.close;
      });
      if (!in_window) {
        fail(what + ": service starts at " + std::to_string(stop.start) +
             " outside every opening window" + (problem.lunch ? " (lunch break excluded)" : ""));
      }
      if (stop.leave != stop.start + visit.service) {
        fail(what + ": leaves at " + std::to_string(stop.leave) +
             ", expected start + service = " + std::to_string(stop.start + visit.service));
      }
      prev_node = VisitNode(stop.visit);
      prev_leave = stop.leave;
    }
    // A team that does not go out needs no time to come back.
    if (solution.tours[t].empty()) continue;
    const int end_node = BaseNode(problem, tour.end_base);
    const Ticks back =
        prev_leave +
        matrix[static_cast<std::size_t>(prev_node)][static_cast<std::size_t>(end_node)];
    if (back > tour.end) {
      fail("tour " + std::to_string(t) + " ('" + tour.label + "'): back at base at " +
           std::to_string(back) + ", after its end " + std::to_string(tour.end));
    }
  }
  for (int v = 0; v < n; ++v) {
    const Visit& visit = problem.visits[static_cast<std::size_t>(v)];
    if (visit.mandatory && seen_on[static_cast<std::size_t>(v)] < 0) {
      fail("mandatory visit '" + visit.id + "' is not planned");
    }
  }
  return report;
}

Solution Schedule(const Problem& problem, const std::vector<std::vector<int>>& orders) {
  Solution solution;
  const auto matrix = TravelMatrix(problem);
  for (std::size_t t = 0; t < orders.size() && t < problem.tours.size(); ++t) {
    const Tour& tour = problem.tours[t];
    int prev_node = BaseNode(problem, tour.start_base);
    Ticks time = tour.start;
    std::vector<Stop> stops;
    for (int v : orders[t]) {
      Stop stop;
      stop.visit = v;
      stop.arrive = time + matrix[static_cast<std::size_t>(prev_node)][static_cast<std::size_t>(v)];
      const auto windows = EffectiveWindows(problem, v);
      const TimeWindow* w = FirstWindowFrom(windows, stop.arrive);
      stop.start = w ? std::max(stop.arrive, w->open) : stop.arrive;
      stop.leave = stop.start + problem.visits[static_cast<std::size_t>(v)].service;
      time = stop.leave;
      prev_node = VisitNode(v);
      stops.push_back(stop);
    }
    solution.tours.push_back(std::move(stops));
  }
  solution.tours.resize(problem.tours.size());
  return solution;
}

Value TotalValue(const Problem& problem, const Solution& solution) {
  Value total = 0;
  for (const auto& tour : solution.tours) {
    for (const Stop& s : tour) total += problem.visits[static_cast<std::size_t>(s.visit)].value;
  }
  return total;
}

}  // namespace ponte::itinerary
