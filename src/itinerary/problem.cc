#include "itinerary/problem.h"

#include <cmath>
#include <numbers>
#include <set>
#include <string>

namespace ponte::itinerary {
namespace {

constexpr double kEarthRadiusKm = 6371.0;
constexpr double kMinutesPerHour = 60.0;
// EuclideanTravel rounds coordinates to 1/kCoordinateScale before squaring.
constexpr std::int64_t kCoordinateScale = 1000;

std::int64_t IntegerSqrtFloor(std::int64_t x) {
  if (x <= 0) return 0;
  auto r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(x)));
  while (r * r > x) --r;
  while ((r + 1) * (r + 1) <= x) ++r;
  return r;
}

std::int64_t ScaledCoordinate(double v) {
  return static_cast<std::int64_t>(std::llround(v * static_cast<double>(kCoordinateScale)));
}

Point NodeLocation(const Problem& p, int node) {
  const int n = static_cast<int>(p.visits.size());
  return node < n ? p.visits[static_cast<std::size_t>(node)].location
                  : p.bases[static_cast<std::size_t>(node - n)].location;
}

int NodeRegion(const Problem& p, int node) {
  const int n = static_cast<int>(p.visits.size());
  return node < n ? p.visits[static_cast<std::size_t>(node)].region
                  : p.bases[static_cast<std::size_t>(node - n)].region;
}

}  // namespace

double HaversineKm(Point a, Point b) {
  const double to_rad = std::numbers::pi / 180.0;
  const double lat1 = a.y * to_rad;
  const double lat2 = b.y * to_rad;
  const double dlat = lat2 - lat1;
  const double dlon = (b.x - a.x) * to_rad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

Status Validate(const Problem& problem) {
  const auto n_bases = static_cast<int>(problem.bases.size());
  if (problem.ticks_per_unit <= 0) return InvalidArgumentError("ticks_per_unit must be positive");
  std::set<std::string> ids;
  for (std::size_t v = 0; v < problem.visits.size(); ++v) {
    const Visit& visit = problem.visits[v];
    const std::string where = "visit '" + visit.id + "' (#" + std::to_string(v) + ")";
    if (!ids.insert(visit.id).second) return InvalidArgumentError(where + ": duplicate id");
    if (visit.service < 0) return InvalidArgumentError(where + ": negative service duration");
    if (visit.value < 0) return InvalidArgumentError(where + ": negative value");
    if (visit.windows.empty()) return InvalidArgumentError(where + ": no opening window");
    for (std::size_t w = 0; w < visit.windows.size(); ++w) {
      if (visit.windows[w].open > visit.windows[w].close) {
        return InvalidArgumentError(where + ": window " + std::to_string(w) +
                                    " opens after it closes");
      }
      if (w > 0 && visit.windows[w].open <= visit.windows[w - 1].close) {
        return InvalidArgumentError(where + ": windows must be sorted and disjoint");
      }
    }
  }
  for (std::size_t t = 0; t < problem.tours.size(); ++t) {
    const Tour& tour = problem.tours[t];
    const std::string where = "tour '" + tour.label + "' (#" + std::to_string(t) + ")";
    if (tour.start_base < 0 || tour.start_base >= n_bases || tour.end_base < 0 ||
        tour.end_base >= n_bases) {
      return InvalidArgumentError(where + ": base index out of range");
    }
    if (tour.start > tour.end) return InvalidArgumentError(where + ": starts after its end");
  }
  if (problem.lunch && problem.lunch->open > problem.lunch->close) {
    return InvalidArgumentError("lunch break ends before it starts");
  }
  if (const auto* m = std::get_if<MatrixTravel>(&problem.travel)) {
    const std::size_t nodes = problem.visits.size() + problem.bases.size();
    if (m->ticks.size() != nodes) {
      return InvalidArgumentError("travel matrix has " + std::to_string(m->ticks.size()) +
                                  " rows, expected " + std::to_string(nodes) +
                                  " (visits then bases)");
    }
    for (std::size_t r = 0; r < nodes; ++r) {
      if (m->ticks[r].size() != nodes) {
        return InvalidArgumentError("travel matrix row " + std::to_string(r) + " has " +
                                    std::to_string(m->ticks[r].size()) + " columns, expected " +
                                    std::to_string(nodes));
      }
      for (Ticks t : m->ticks[r]) {
        if (t < 0)
          return InvalidArgumentError("travel matrix row " + std::to_string(r) + ": negative time");
      }
    }
  }
  return OkStatus();
}

std::vector<std::vector<Ticks>> TravelMatrix(const Problem& problem) {
  if (const auto* m = std::get_if<MatrixTravel>(&problem.travel)) return m->ticks;
  const int nodes = static_cast<int>(problem.visits.size() + problem.bases.size());
  std::vector<std::vector<Ticks>> ticks(static_cast<std::size_t>(nodes),
                                        std::vector<Ticks>(static_cast<std::size_t>(nodes), 0));
  for (int a = 0; a < nodes; ++a) {
    for (int b = 0; b < nodes; ++b) {
      if (a == b) continue;
      const Point pa = NodeLocation(problem, a);
      const Point pb = NodeLocation(problem, b);
      Ticks t = 0;
      if (std::holds_alternative<EuclideanTravel>(problem.travel)) {
        // floor(ticks_per_unit * sqrt(d2) / scale) == isqrt(floor(d2 * tpu^2 / scale^2)).
        const std::int64_t dx = ScaledCoordinate(pa.x) - ScaledCoordinate(pb.x);
        const std::int64_t dy = ScaledCoordinate(pa.y) - ScaledCoordinate(pb.y);
        const std::int64_t d2 = dx * dx + dy * dy;
        const std::int64_t tpu = problem.ticks_per_unit;
        t = IntegerSqrtFloor(d2 * tpu * tpu / (kCoordinateScale * kCoordinateScale));
      } else {
        const auto& gc = std::get<GreatCircleTravel>(problem.travel);
        const int ra = NodeRegion(problem, a);
        const int rb = NodeRegion(problem, b);
        double speed = gc.default_speed_km_per_hour;
        if (ra >= 0 && ra == rb &&
            static_cast<std::size_t>(ra) < gc.speed_km_per_hour_by_region.size()) {
          speed = gc.speed_km_per_hour_by_region[static_cast<std::size_t>(ra)];
        }
        const double km = HaversineKm(pa, pb);
        t = gc.overhead + static_cast<Ticks>(std::ceil(km / speed * kMinutesPerHour));
      }
      ticks[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] = t;
    }
  }
  return ticks;
}

bool Compatible(const Problem& problem, int visit, int tour) {
  const int rv = problem.visits[static_cast<std::size_t>(visit)].region;
  const int rt = problem.tours[static_cast<std::size_t>(tour)].region;
  return rv < 0 || rt < 0 || rv == rt;
}

std::vector<TimeWindow> CutBreak(const std::vector<TimeWindow>& windows, Ticks service,
                                 TimeWindow brk) {
  // A zero-length visit inside the break does not overlap it.
  if (service == 0) return windows;
  std::vector<TimeWindow> out;
  for (const TimeWindow& w : windows) {
    const TimeWindow before{w.open, std::min(w.close, brk.open - service)};
    const TimeWindow after{std::max(w.open, brk.close), w.close};
    if (before.open <= before.close) out.push_back(before);
    if (after.open <= after.close) out.push_back(after);
  }
  return out;
}

std::vector<TimeWindow> EffectiveWindows(const Problem& problem, int visit) {
  const Visit& v = problem.visits[static_cast<std::size_t>(visit)];
  if (!problem.lunch) return v.windows;
  return CutBreak(v.windows, v.service, *problem.lunch);
}

}  // namespace ponte::itinerary
