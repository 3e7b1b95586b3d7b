// Destroy moves of the LNS. Each picks visits, then removes them through
// State::TryRemove (which keeps mandatory visits and feasibility).
#include <algorithm>
#include <cmath>

#include "itinerary/moves.h"

namespace ponte::itinerary::internal {
namespace {

// Bias of the randomized ranking in related/worst removal: the k-th pick is
// taken at rank floor(u^kRankPower * size), favouring the top of the list.
constexpr double kRankPower = 3.0;

struct Planned {
  int tour;
  int visit;
  double key;
};

std::vector<Planned> AllPlanned(const State& s) {
  std::vector<Planned> out;
  for (const Route& r : s.routes) {
    for (int v : r.seq()) out.push_back({r.tour(), v, 0});
  }
  return out;
}

void RemoveVisit(const Instance& inst, int tour, int visit, State* s) {
  const auto& seq = s->routes[static_cast<std::size_t>(tour)].seq();
  const auto it = std::find(seq.begin(), seq.end(), visit);
  if (it != seq.end()) s->TryRemove(inst, tour, static_cast<int>(it - seq.begin()));
}

// Removes up to `count` entries of `ranked` (sorted best-to-remove first),
// picking ranks with a random bias toward the front.
void RemoveRanked(const Instance& inst, std::vector<Planned> ranked, int count, Rng& rng,
                  State* s) {
  for (int k = 0; k < count && !ranked.empty(); ++k) {
    const double u = std::pow(rng.UniformReal(), kRankPower);
    const auto idx = std::min(ranked.size() - 1,
                              static_cast<std::size_t>(u * static_cast<double>(ranked.size())));
    RemoveVisit(inst, ranked[idx].tour, ranked[idx].visit, s);
    ranked.erase(ranked.begin() + static_cast<std::ptrdiff_t>(idx));
  }
}

}  // namespace

void RemoveRandom(const Instance& inst, int count, Rng& rng, State* state) {
  std::vector<Planned> planned = AllPlanned(*state);
  rng.Shuffle(planned);
  for (int k = 0; k < count && k < static_cast<int>(planned.size()); ++k) {
    RemoveVisit(inst, planned[static_cast<std::size_t>(k)].tour,
                planned[static_cast<std::size_t>(k)].visit, state);
  }
}

void RemoveSegment(const Instance& inst, int count, Rng& rng, State* state) {
  std::vector<int> tours;
  for (const Route& r : state->routes) {
    if (r.size() > 0) tours.push_back(r.tour());
  }
  if (tours.empty()) return;
  const int t = rng.Pick(tours);
  Route& r = state->routes[static_cast<std::size_t>(t)];
  const int len = std::min(count, r.size());
  const int first = static_cast<int>(rng.Index(static_cast<std::size_t>(r.size() - len + 1)));
  // Remove from the back of the run so positions stay valid.
  for (int p = first + len - 1; p >= first; --p) state->TryRemove(inst, t, p);
}

void RemoveRelated(const Instance& inst, int count, Rng& rng, State* state) {
  std::vector<Planned> planned = AllPlanned(*state);
  if (planned.empty()) return;
  const Planned seed = rng.Pick(planned);
  auto start_of = [&](int tour, int visit) {
    const Route& r = state->routes[static_cast<std::size_t>(tour)];
    const auto& seq = r.seq();
    const auto p = static_cast<int>(std::find(seq.begin(), seq.end(), visit) - seq.begin());
    return r.start(p);
  };
  const Ticks seed_start = start_of(seed.tour, seed.visit);
  for (Planned& p : planned) {
    p.key = static_cast<double>(inst.T(seed.visit, p.visit) + inst.T(p.visit, seed.visit)) +
            std::abs(static_cast<double>(start_of(p.tour, p.visit) - seed_start));
  }
  std::sort(planned.begin(), planned.end(),
            [](const Planned& a, const Planned& b) { return a.key < b.key; });
  RemoveRanked(inst, std::move(planned), count, rng, state);
}

void RemoveWorst(const Instance& inst, int count, Rng& rng, State* state) {
  std::vector<Planned> planned;
  for (const Route& r : state->routes) {
    const auto t = static_cast<std::size_t>(r.tour());
    for (int p = 0; p < r.size(); ++p) {
      const int v = r.seq()[static_cast<std::size_t>(p)];
      const int prev = p == 0 ? inst.start_node[t] : r.seq()[static_cast<std::size_t>(p - 1)];
      const int next =
          p + 1 == r.size() ? inst.end_node[t] : r.seq()[static_cast<std::size_t>(p + 1)];
      const Ticks cost = inst.T(prev, v) + inst.service[static_cast<std::size_t>(v)] +
                         (r.start(p) - r.arrive(p)) + inst.T(v, next) - inst.T(prev, next);
      const double value = static_cast<double>(inst.value[static_cast<std::size_t>(v)]);
      planned.push_back(
          {r.tour(), v, value / (static_cast<double>(std::max<Ticks>(cost, 0)) + 1.0)});
    }
  }
  std::sort(planned.begin(), planned.end(),
            [](const Planned& a, const Planned& b) { return a.key < b.key; });
  RemoveRanked(inst, std::move(planned), count, rng, state);
}

}  // namespace ponte::itinerary::internal
