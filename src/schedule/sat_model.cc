#include "schedule/sat_model.h"

#include <algorithm>
#include <cadical.hpp>
#include <functional>

namespace ponte::schedule {
namespace {

using Lit = int;

// Loose slots of sessions with at least this many tables count them on the
// busy participants (2 x tables) rather than on the meetings.
constexpr int kBusyTablesFrom = 20;
// A model with a slot whose no-break pressure (below) reaches this share of
// 2 x tables counts the tables of every lazy slot on the busy sides
// (forum-13crafb, ticf-13crafb: 0.86-0.96; the other loose originals <= 0.43).
constexpr double kPressedShare = 0.75;

// True if the meetings `mine` can be matched to distinct slots of
// [first, first + k) among their x variables (Kuhn's augmenting paths; k is
// one participant's meeting count, so this is cheap).
bool BlockFits(const std::vector<std::vector<Lit>>& x, const std::vector<std::size_t>& mine,
               std::size_t first, std::size_t k) {
  std::vector<int> owner(k, -1);  // slot offset -> position in mine
  std::vector<char> seen(k, 0);
  std::function<bool(std::size_t)> augment = [&](std::size_t i) {
    for (std::size_t offset = 0; offset < k; ++offset) {
      if (seen[offset] || x[mine[i]][first + offset] == 0) continue;
      seen[offset] = 1;
      if (owner[offset] < 0 || augment(static_cast<std::size_t>(owner[offset]))) {
        owner[offset] = static_cast<int>(i);
        return true;
      }
    }
    return false;
  };
  for (std::size_t i = 0; i < mine.size(); ++i) {
    std::fill(seen.begin(), seen.end(), 0);
    if (!augment(i)) return false;
  }
  return true;
}

}  // namespace

class DeadlineTerminatorImpl final : public CaDiCaL::Terminator {
 public:
  explicit DeadlineTerminatorImpl(const Deadline& deadline) : deadline_(deadline) {}
  bool terminate() override { return deadline_.Expired(); }

 private:
  const Deadline& deadline_;
};

// Clause and counter builder over the model's solver (variables numbered from 1).
class SatCnf {
 public:
  explicit SatCnf(CaDiCaL::Solver& solver) : solver_(solver) {}
  Lit NewVar() { return ++variables_; }
  int variables() const { return variables_; }
  void Add(std::initializer_list<Lit> clause) {
    for (Lit lit : clause) solver_.add(lit);
    solver_.add(0);
  }
  void Add(const std::vector<Lit>& clause) {
    for (Lit lit : clause) solver_.add(lit);
    solver_.add(0);
  }

  // Sequential counter (Sinz 2005): at most k of `lits` are true.
  void AtMostK(const std::vector<Lit>& lits, int k) {
    const std::size_t n = lits.size();
    if (static_cast<int>(n) <= k) return;
    if (k == 0) {
      for (Lit lit : lits) Add({-lit});
      return;
    }
    if (k == 1 && n <= 6) {
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) Add({-lits[i], -lits[j]});
      }
      return;
    }
    const auto kk = static_cast<std::size_t>(k);
    std::vector<Lit> previous(kk), current(kk);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < kk; ++j) current[j] = NewVar();
      Add({-lits[i], current[0]});
      if (i == 0) {
        for (std::size_t j = 1; j < kk; ++j) Add({-current[j]});
      } else {
        Add({-previous[0], current[0]});
        for (std::size_t j = 1; j < kk; ++j) {
          Add({-lits[i], -previous[j - 1], current[j]});
          Add({-previous[j], current[j]});
        }
        Add({-lits[i], -previous[kk - 1]});
      }
      std::swap(previous, current);
    }
  }

  // Totalizer (Bailleux & Boufkhad 2003) truncated at `cap`: returns o with
  // o[j] true if at least j+1 inputs are true (upward clauses); with `exact`
  // also the downward clauses, so o[j] false implies fewer than j+1.
  std::vector<Lit> Totalizer(const std::vector<Lit>& inputs, std::size_t cap, bool exact) {
    std::vector<std::vector<Lit>> parts;
    for (Lit lit : inputs) parts.push_back({lit});
    return Sum(parts, 0, parts.size(), cap, exact);
  }

  // The same tree over unary numbers (each part a counter as returned above).
  std::vector<Lit> Sum(const std::vector<std::vector<Lit>>& parts, std::size_t begin,
                       std::size_t end, std::size_t cap, bool exact) {
    if (begin >= end) return {};
    if (end - begin == 1) {
      const std::vector<Lit>& part = parts[begin];
      return {part.begin(), part.begin() + static_cast<std::ptrdiff_t>(std::min(cap, part.size()))};
    }
    const std::size_t middle = begin + (end - begin) / 2;
    return Merge(Sum(parts, begin, middle, cap, exact), Sum(parts, middle, end, cap, exact), cap,
                 exact);
  }

  std::vector<Lit> Merge(const std::vector<Lit>& left, const std::vector<Lit>& right,
                         std::size_t cap, bool exact) {
    if (left.empty()) return right;
    if (right.empty()) return left;
    const std::size_t size = std::min(cap, left.size() + right.size());
    std::vector<Lit> out(size);
    for (Lit& lit : out) lit = NewVar();
    for (std::size_t i = 0; i <= left.size(); ++i) {
      for (std::size_t j = 0; j <= right.size(); ++j) {
        if (i + j == 0) continue;
        const std::size_t target = std::min(i + j, size);  // count i+j (1-based)
        std::vector<Lit> clause;
        if (i > 0) clause.push_back(-left[i - 1]);
        if (j > 0) clause.push_back(-right[j - 1]);
        clause.push_back(out[target - 1]);
        Add(clause);
      }
    }
    if (exact) {
      // ¬left[i] ∧ ¬right[j] → ¬out[i+j] (counts: fewer than i+1 and j+1).
      for (std::size_t i = 0; i <= left.size(); ++i) {
        for (std::size_t j = 0; j <= right.size(); ++j) {
          const std::size_t target = i + j;  // out index (count i+j+1)
          if (target >= size) continue;
          std::vector<Lit> clause;
          if (i < left.size()) clause.push_back(left[i]);
          if (j < right.size()) clause.push_back(right[j]);
          clause.push_back(-out[target]);
          Add(clause);
        }
      }
    }
    return out;
  }

 private:
  CaDiCaL::Solver& solver_;
  int variables_ = 0;
};

SatModel::SatModel(const Deadline& deadline)
    : deadline_(deadline),
      solver_(std::make_unique<CaDiCaL::Solver>()),
      terminator_(std::make_unique<DeadlineTerminatorImpl>(deadline)) {
  solver_->set("quiet", 1);
  solver_->connect_terminator(terminator_.get());
}

SatModel::~SatModel() { solver_->disconnect_terminator(); }

std::unique_ptr<SatModel> SatModel::Build(const Problem& problem, const Domains& domains,
                                          const SatModelOptions& options,
                                          const Deadline& deadline) {
  const std::size_t meeting_count = problem.meetings.size();
  const std::size_t slot_count = problem.slots.size();
  const std::size_t participant_count = problem.participants.size();
  auto included = [&](std::size_t m) {
    return !problem.meetings[m].cancelled && (options.include.empty() || options.include[m]);
  };

  // Size estimate: x variables plus the table counters (n * tables per slot).
  std::size_t estimate = participant_count * slot_count * 4;
  std::vector<std::size_t> per_slot(slot_count, 0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (!included(m)) continue;
    for (std::size_t t = 0; t < slot_count; ++t) per_slot[t] += domains.allowed[m][t] ? 1u : 0u;
  }
  for (std::size_t t = 0; t < slot_count; ++t) {
    const auto tables = static_cast<std::size_t>(
        problem.sessions[static_cast<std::size_t>(problem.slots[t].session)].tables);
    estimate += per_slot[t] * (1 + (per_slot[t] > tables ? tables : 0));
  }
  if (estimate > options.max_variables) return nullptr;

  std::unique_ptr<SatModel> model(new SatModel(deadline));
  CaDiCaL::Solver& solver = *model->solver_;
  // Loose tables: the calls mostly have to find a schedule, and CaDiCaL's
  // stable-mode-only "sat" configuration finds these faster; tight tables
  // need refutations, where the default alternation is better.
  if (!options.busy_per_slot) solver.configure("sat");
  model->cnf_ = std::make_unique<SatCnf>(solver);
  SatCnf& cnf = *model->cnf_;
  auto& x = model->x_;
  x.assign(meeting_count, std::vector<Lit>(slot_count, 0));
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (!included(m)) continue;
    std::vector<Lit> options_m;
    for (std::size_t t = 0; t < slot_count; ++t) {
      if (!domains.allowed[m][t]) continue;
      x[m][t] = cnf.NewVar();
      options_m.push_back(x[m][t]);
    }
    cnf.Add(options_m);  // empty clause if no slot: the model is UNSAT
    cnf.AtMostK(options_m, 1);
  }
  if (deadline.Expired()) return nullptr;
  // u[p][t] <-> OR x, at most one meeting per participant and slot.
  std::vector<std::vector<Lit>> u(participant_count, std::vector<Lit>(slot_count, 0));
  std::vector<int> meetings_included(participant_count, 0);
  for (std::size_t p = 0; p < participant_count; ++p) {
    for (MeetingIndex m : domains.meetings_of[p]) {
      meetings_included[p] += included(static_cast<std::size_t>(m)) ? 1 : 0;
    }
    for (std::size_t t = 0; t < slot_count; ++t) {
      std::vector<Lit> here;
      for (MeetingIndex m : domains.meetings_of[p]) {
        const Lit lit = x[static_cast<std::size_t>(m)][t];
        if (lit != 0) here.push_back(lit);
      }
      if (here.empty()) continue;
      cnf.AtMostK(here, 1);
      u[p][t] = cnf.NewVar();
      std::vector<Lit> any = {-u[p][t]};
      for (Lit lit : here) {
        cnf.Add({-lit, u[p][t]});
        any.push_back(lit);
      }
      cnf.Add(any);
    }
    // Redundant: p is busy in exactly as many slots as it has meetings. Without
    // it CDCL needs pigeonhole refutations whenever a gap squeezes p's window.
    std::vector<Lit> busy;
    for (std::size_t t = 0; t < slot_count; ++t) {
      if (u[p][t] != 0) busy.push_back(u[p][t]);
    }
    const auto need = static_cast<std::size_t>(meetings_included[p]);
    if (need >= 2 && busy.size() > need) {
      const std::vector<Lit> count = cnf.Totalizer(busy, need + 1, /*exact=*/true);
      cnf.Add({count[need - 1]});
      if (count.size() > need) cnf.Add({-count[need]});
    }
  }
  // No-break pressure: per slot, how many participants every break-free day
  // keeps busy there (the slots that all their possible blocks share; a block
  // is possible when p's meetings match its slots). In forum-13crafb and
  // ticf-13crafb, participants with morning-only and afternoon-only meetings
  // fill 24-27 of the 28 busy places at noon; elsewhere, among the loose
  // originals, at most 43 %. Only lazy counters depend on it, so tight
  // tables skip it.
  std::vector<int> pressure(slot_count, 0);
  // [first, end) of the slots p's possible blocks share (empty: none).
  std::vector<std::pair<std::size_t, std::size_t>> shared(participant_count, {0, 0});
  for (std::size_t p = 0; p < participant_count && !options.busy_per_slot; ++p) {
    const auto k = static_cast<std::size_t>(meetings_included[p]);
    if (k < 2 || k > slot_count) continue;
    std::vector<std::size_t> mine;
    for (MeetingIndex m : domains.meetings_of[p]) {
      if (included(static_cast<std::size_t>(m))) mine.push_back(static_cast<std::size_t>(m));
    }
    std::size_t latest_start = 0;
    std::size_t earliest_end = 0;
    for (std::size_t first = 0; first + k <= slot_count; ++first) {
      if (domains.day_of_slot[first] != domains.day_of_slot[first + k - 1]) continue;
      if (!BlockFits(x, mine, first, k)) continue;
      if (earliest_end == 0) earliest_end = first + k;
      latest_start = first;
    }
    for (std::size_t t = latest_start; t < earliest_end; ++t) ++pressure[t];
    if (latest_start < earliest_end) shared[p] = {latest_start, earliest_end};
  }
  for (std::size_t t = 0; t < slot_count; ++t) {
    const int tables = problem.sessions[static_cast<std::size_t>(problem.slots[t].session)].tables;
    if (pressure[t] >= kPressedShare * 2 * tables) model->lazy_on_busy_ = true;
  }
  // Tables per slot.
  bool distinct_sides = true;
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (included(m) && problem.meetings[m].a == problem.meetings[m].b) distinct_sides = false;
  }
  model->lazy_on_busy_ = model->lazy_on_busy_ && distinct_sides;
  for (std::size_t t = 0; t < slot_count; ++t) {
    std::vector<Lit> here;
    for (std::size_t m = 0; m < meeting_count; ++m) {
      if (x[m][t] != 0) here.push_back(x[m][t]);
    }
    const SessionIndex s = problem.slots[t].session;
    const int tables = problem.sessions[static_cast<std::size_t>(s)].tables;
    // Each meeting has two distinct busy sides and each busy side is in one
    // meeting, so "at most 2 x tables busy participants" is the table count
    // itself. On the busy sides it is smaller and goes along with the no-break
    // blocks: tight sessions (tic-13crafc, forumt-14crafe) and loose ones with
    // many tables (forum-14, ticf-14crafa: optimal in 1.4-3.2 s instead of
    // 5k-110k conflicts after lazy counters on x) prove faster. Loose slots
    // with few tables keep lazy counters on x: there the busy count costs the
    // proofs of forum-13crafc and ticf-13crafc, up front or lazily. Unless some
    // slot is under no-break pressure (above): then the lazy counters count
    // the busy sides (forum-13crafb: bound 6, against 5 on x).
    const bool on_busy = distinct_sides && (options.busy_per_slot || tables >= kBusyTablesFrom);
    if (on_busy) {
      std::vector<Lit> busy;
      for (std::size_t p = 0; p < participant_count; ++p) {
        if (u[p][t] != 0) busy.push_back(u[p][t]);
      }
      const auto most = static_cast<std::size_t>(2 * tables);
      if (busy.size() > most) {
        const std::vector<Lit> count = cnf.Totalizer(busy, most + 1, /*exact=*/false);
        cnf.Add({-count[most]});
      }
    } else if (options.busy_per_slot) {
      cnf.AtMostK(here, tables);
    } else if (static_cast<int>(here.size()) > tables) {
      // Loose tables: the counter is added when a model first overfills the slot.
      std::vector<Lit> busy;
      for (std::size_t p = 0; p < participant_count; ++p) {
        if (u[p][t] != 0) busy.push_back(u[p][t]);
      }
      model->lazy_tables_.push_back({std::move(here), std::move(busy), tables});
    }
  }
  if (deadline.Expired()) return nullptr;
  // Interpreters: z[m][t][i], each interpreter serves at most one meeting per slot.
  if (!problem.interpreters.empty()) {
    for (std::size_t t = 0; t < slot_count; ++t) {
      std::vector<std::vector<Lit>> serving(problem.interpreters.size());
      for (std::size_t m = 0; m < meeting_count; ++m) {
        if (x[m][t] == 0 || !domains.needs_interpreter[m]) continue;
        std::vector<Lit> choice = {-x[m][t]};
        for (InterpreterIndex i : domains.can_interpret[m]) {
          if (!domains.interpreter_available[static_cast<std::size_t>(i)][t]) continue;
          const Lit z = cnf.NewVar();
          cnf.Add({-z, x[m][t]});
          choice.push_back(z);
          serving[static_cast<std::size_t>(i)].push_back(z);
        }
        cnf.Add(choice);
      }
      for (const auto& lits : serving) cnf.AtMostK(lits, 1);
    }
  }
  // Precedences: `before` strictly earlier than m.
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (!included(m)) continue;
    for (MeetingIndex before : problem.meetings[m].after) {
      const auto bi = static_cast<std::size_t>(before);
      if (before < 0 || bi >= meeting_count || !included(bi)) continue;
      for (std::size_t t = 0; t < slot_count; ++t) {
        if (x[m][t] == 0) continue;
        for (std::size_t s = t; s < slot_count; ++s) {
          if (x[bi][s] != 0) cnf.Add({-x[m][t], -x[bi][s]});
        }
      }
    }
  }
  // Breaks: b[p][t] <-> u[t-1] & !u[t] & a[t+1], a[t] <-> u[t] | a[t+1] within a day.
  std::vector<std::vector<Lit>> breaks_of(participant_count);
  std::vector<Lit> all_breaks;
  for (std::size_t p = 0; p < participant_count; ++p) {
    if (meetings_included[p] < 2) continue;
    std::size_t start = 0;
    while (start < slot_count) {
      std::size_t end = start;
      while (end < slot_count && domains.day_of_slot[end] == domains.day_of_slot[start]) ++end;
      std::vector<Lit> a(end - start + 1, 0);  // a[k] for slot start+k; a[end-start] = false
      for (std::size_t t = end; t-- > start;) {
        const std::size_t k = t - start;
        const Lit here = u[p][t];
        const Lit later = a[k + 1];
        if (here == 0) {
          a[k] = later;
        } else if (later == 0) {
          a[k] = here;
        } else {
          a[k] = cnf.NewVar();
          cnf.Add({-here, a[k]});
          cnf.Add({-later, a[k]});
          cnf.Add({-a[k], here, later});
        }
      }
      for (std::size_t t = start + 1; t + 1 < end; ++t) {
        const Lit before = u[p][t - 1];
        const Lit later = a[t - start + 1];
        if (before == 0 || later == 0) continue;
        const Lit here = u[p][t];
        const Lit b = cnf.NewVar();
        if (here == 0) {
          cnf.Add({-before, -later, b});
        } else {
          cnf.Add({-before, here, -later, b});
          cnf.Add({-b, -here});
        }
        cnf.Add({-b, before});
        cnf.Add({-b, later});
        breaks_of[p].push_back(b);
        all_breaks.push_back(b);
      }
      start = end;
    }
  }
  if (deadline.Expired()) return nullptr;
  // Breaks per participant (exact counters: fairness, cores and the total use them).
  std::vector<std::vector<Lit>> counts(participant_count);
  std::size_t max_count = 0;
  for (std::size_t p = 0; p < participant_count; ++p) {
    counts[p] = cnf.Totalizer(breaks_of[p], breaks_of[p].size(), /*exact=*/true);
    max_count = std::max(max_count, counts[p].size());
  }
  // Redundant: busy at t and at t' >= t + k on one day (k = p's meetings) leaves
  // an idle slot between them, so p has a break. Under "no break for p" these
  // are binary clauses that confine p's block as soon as one meeting is placed.
  for (std::size_t p = 0; p < participant_count; ++p) {
    if (counts[p].empty()) continue;
    const auto k = static_cast<std::size_t>(meetings_included[p]);
    for (std::size_t t = 0; t < slot_count; ++t) {
      if (u[p][t] == 0) continue;
      for (std::size_t later = t + k; later < slot_count; ++later) {
        if (domains.day_of_slot[later] != domains.day_of_slot[t]) break;
        if (u[p][later] != 0) cnf.Add({-u[p][t], -u[p][later], counts[p][0]});
      }
    }
  }
  // Under no-break pressure: p without a break is busy in the slots all its
  // possible blocks share. Unit propagation would not see this through the
  // disjunction of block starts below, and the busy-side table counters need
  // it (forum-13crafb at 5 s: 9 breaks instead of 11, ticf-13crafb 5 instead
  // of 8). Without pressure these clauses slowed the proofs.
  if (model->lazy_on_busy_) {
    for (std::size_t p = 0; p < participant_count; ++p) {
      if (counts[p].empty()) continue;
      for (std::size_t t = shared[p].first; t < shared[p].second; ++t) {
        if (u[p][t] != 0) cnf.Add({counts[p][0], u[p][t]});
      }
    }
  }
  // Block starts: st = "p is busy exactly in [s, s + k)", i.e. p without a
  // break. Deciding one places p's whole day; most participants of a good
  // schedule have no break, so these are the decisions that pay.
  for (std::size_t p = 0; p < participant_count; ++p) {
    if (counts[p].empty()) continue;
    // Only for a participant whose meetings all fall on one day.
    int day = -1;
    bool one_day = true;
    for (std::size_t t = 0; t < slot_count && one_day; ++t) {
      if (u[p][t] == 0) continue;
      if (day >= 0 && domains.day_of_slot[t] != day) one_day = false;
      day = domains.day_of_slot[t];
    }
    if (!one_day) continue;
    const auto k = static_cast<std::size_t>(meetings_included[p]);
    std::vector<Lit> starts;
    std::vector<std::vector<Lit>> covering(slot_count);
    for (std::size_t s0 = 0; s0 + k <= slot_count; ++s0) {
      bool ok = domains.day_of_slot[s0] == domains.day_of_slot[s0 + k - 1];
      for (std::size_t t = s0; ok && t < s0 + k; ++t) ok = u[p][t] != 0;
      if (!ok) continue;
      const Lit st = cnf.NewVar();
      starts.push_back(st);
      for (std::size_t t = s0; t < s0 + k; ++t) {
        cnf.Add({-st, u[p][t]});
        covering[t].push_back(st);
      }
      cnf.Add({-st, -counts[p][0]});
    }
    std::vector<Lit> some = starts;
    some.push_back(counts[p][0]);
    cnf.Add(some);
    for (std::size_t t = 0; t < slot_count; ++t) {
      if (u[p][t] == 0) continue;
      std::vector<Lit> clause = covering[t];
      clause.push_back(counts[p][0]);
      clause.push_back(-u[p][t]);
      cnf.Add(clause);
    }
  }
  // Fairness: if some participant has >= c + d + 1 breaks, every one has >= c + 1.
  if (options.fairness) {
    const auto d = static_cast<std::size_t>(*options.fairness);
    std::vector<Lit> someone(max_count);
    for (Lit& lit : someone) lit = cnf.NewVar();
    for (std::size_t p = 0; p < participant_count; ++p) {
      for (std::size_t j = 0; j < counts[p].size(); ++j) cnf.Add({-counts[p][j], someone[j]});
    }
    for (std::size_t c = 0; c + d < max_count; ++c) {
      const Lit high = someone[c + d];
      for (std::size_t q = 0; q < participant_count; ++q) {
        if (c < counts[q].size()) {
          cnf.Add({-high, counts[q][c]});
        } else {
          cnf.Add({-high});
          break;
        }
      }
    }
  }
  // Proven per-participant bounds become facts; the rest is what the cores may raise.
  model->core_bound_ = 0;
  for (std::size_t p = 0; p < participant_count; ++p) {
    const auto floor = p < options.participant_bounds.size()
                           ? static_cast<std::size_t>(std::max(0, options.participant_bounds[p]))
                           : std::size_t{0};
    if (floor > counts[p].size()) {
      cnf.Add(std::vector<Lit>{});  // more breaks than p can have: no schedule
      continue;
    }
    if (floor > 0) cnf.Add({counts[p][floor - 1]});
    model->core_bound_ += static_cast<int>(floor);
    if (floor < counts[p].size()) model->softs_.push_back({counts[p], floor});
  }
  const std::size_t cap =
      std::min(all_breaks.size(), static_cast<std::size_t>(std::max(options.cap, 0)) + 1);
  model->total_ = cnf.Sum(counts, 0, counts.size(), std::max<std::size_t>(cap, 1), false);
  if (deadline.Expired()) return nullptr;
  return model;
}

int SatModel::Run(const std::vector<int>& assumptions, long conflict_limit) {
  for (;;) {
    for (Lit lit : assumptions) solver_->assume(lit);
    if (conflict_limit >= 0) solver_->limit("conflicts", static_cast<int>(conflict_limit));
    const int result = solver_->solve();
    if (result != 10) return result;
    // A model that overfills a loose slot: add that slot's counter and go on.
    // (Read every value first: adding a clause ends the satisfied state.)
    std::vector<LazyTables*> overfilled;
    for (LazyTables& slot : lazy_tables_) {
      if (slot.literals.empty()) continue;
      int used = 0;
      for (Lit lit : slot.literals) used += solver_->val(lit) > 0 ? 1 : 0;
      if (used > slot.tables) overfilled.push_back(&slot);
    }
    if (overfilled.empty()) return result;
    for (LazyTables* slot : overfilled) {
      const auto most = static_cast<std::size_t>(2 * slot->tables);
      if (lazy_on_busy_ && slot->busy.size() > most) {
        // The same count on the busy sides (this session has distinct sides).
        const std::vector<Lit> count = cnf_->Totalizer(slot->busy, most + 1, /*exact=*/false);
        cnf_->Add({-count[most]});
      } else {
        cnf_->AtMostK(slot->literals, slot->tables);
      }
      slot->literals.clear();
    }
  }
}

SatModel::Answer SatModel::Solve(int bound,
                                 const std::vector<std::pair<MeetingIndex, SlotIndex>>& fixed,
                                 long conflict_limit) {
  bound_used_ = false;
  bound_literal_ = 0;
  if (deadline_.Expired()) return Answer::kUnknown;
  std::vector<Lit> assumptions;
  if (bound >= 0 && static_cast<std::size_t>(bound) < total_.size()) {
    bound_literal_ = -total_[static_cast<std::size_t>(bound)];
    assumptions.push_back(bound_literal_);
  }
  for (const auto& [m, t] : fixed) {
    const Lit lit = x_[static_cast<std::size_t>(m)][static_cast<std::size_t>(t)];
    if (lit != 0) assumptions.push_back(lit);
  }
  const int result = Run(assumptions, conflict_limit);
  if (result == 10) return Answer::kSat;
  if (result == 20) {
    bound_used_ = bound_literal_ != 0 && solver_->failed(bound_literal_);
    return Answer::kUnsat;
  }
  return Answer::kUnknown;
}

SatModel::Answer SatModel::SolveCores(long conflict_limit) {
  bound_used_ = false;
  if (deadline_.Expired()) return Answer::kUnknown;
  std::vector<Lit> assumptions;
  for (const Soft& soft : softs_) assumptions.push_back(-soft.counter[soft.level]);
  const int result = Run(assumptions, conflict_limit);
  if (result == 10) return Answer::kSat;
  if (result != 20) return Answer::kUnknown;
  // The failed assumptions form a core: at least one of them is violated.
  std::vector<Lit> violated;
  std::vector<Soft> kept;
  for (Soft& soft : softs_) {
    const Lit lit = soft.counter[soft.level];
    if (!solver_->failed(-lit)) {
      kept.push_back(std::move(soft));
      continue;
    }
    violated.push_back(lit);
    ++soft.level;  // the next unit of this counter is a soft of its own
    if (soft.level < soft.counter.size()) kept.push_back(std::move(soft));
  }
  if (violated.empty()) return Answer::kUnsat;  // the constraints alone
  bound_used_ = true;
  ++core_bound_;
  if (violated.size() > 1) {
    // One of them is paid for; a second one costs one more.
    std::vector<Lit> sum = cnf_->Totalizer(violated, violated.size(), /*exact=*/false);
    cnf_->Add({sum[0]});
    kept.push_back({std::move(sum), 1});
  }
  softs_ = std::move(kept);
  return Answer::kUnsat;
}

Solution SatModel::Extract() const {
  Solution solution;
  solution.meetings.resize(x_.size());
  for (std::size_t m = 0; m < x_.size(); ++m) {
    for (std::size_t t = 0; t < x_[m].size(); ++t) {
      if (x_[m][t] != 0 && solver_->val(x_[m][t]) > 0) {
        solution.meetings[m].slot = static_cast<SlotIndex>(t);
        break;
      }
    }
  }
  return solution;
}

}  // namespace ponte::schedule
