#include "generator.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/rng.h"

namespace ponte::schedule {
namespace {

constexpr double kItalianShare = 0.45;
constexpr double kZipfExponent = 0.8;
constexpr double kLateArrivalShare = 0.2;
constexpr double kEarlyDepartureShare = 0.2;
constexpr double kEnglishItalian = 0.6;
constexpr double kEnglishChinese = 0.5;
constexpr double kHalfDayRestricted = 0.05;
constexpr double kInterpreterSlack = 1.15;
constexpr int kMaxMeetingShare = 75;  // % of a participant's free slots

std::size_t Idx(int i) { return static_cast<std::size_t>(i); }

// Index drawn with probability proportional to `weights` (cumulative sums given).
int Draw(const std::vector<double>& cumulative, Rng& rng) {
  const double x = rng.UniformReal() * cumulative.back();
  return static_cast<int>(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                          cumulative.begin());
}

}  // namespace

Problem GenerateItalyChinaEvent(const GeneratorOptions& options) {
  Rng rng(options.seed);
  Problem problem;
  problem.name = "italy-china-" + std::to_string(options.meetings);
  const int participants =
      options.participants > 0 ? options.participants : std::max(4, options.meetings / 6);
  const int total_slots = options.days * options.slots_per_day;
  const int tables = static_cast<int>(
      std::ceil(options.table_slack * options.meetings / std::max(1, total_slots)));
  for (int day = 0; day < options.days; ++day) {
    problem.sessions.push_back(Session{"day " + std::to_string(day + 1), day, 0, tables});
    for (int k = 0; k < options.slots_per_day; ++k) {
      problem.slots.push_back(Slot{day, k < options.slots_per_day / 2,
                                   "d" + std::to_string(day + 1) + "s" + std::to_string(k + 1)});
    }
  }
  const int italians = std::max(2, static_cast<int>(participants * kItalianShare));
  std::vector<int> free_slots(Idx(participants), total_slots);
  for (int p = 0; p < participants; ++p) {
    Participant participant;
    const bool italian = p < italians;
    participant.name = (italian ? "IT-" : "CN-") + std::to_string(p + 1);
    participant.languages = {italian ? "it" : "zh"};
    if (rng.Bernoulli(italian ? kEnglishItalian : kEnglishChinese))
      participant.languages.push_back("en");
    if (rng.Bernoulli(kLateArrivalShare)) {
      const int late = static_cast<int>(rng.UniformInt(1, options.slots_per_day / 2));
      for (int t = 0; t < late; ++t) participant.forbidden_slots.push_back(t);
    }
    if (rng.Bernoulli(kEarlyDepartureShare)) {
      const int early = static_cast<int>(rng.UniformInt(1, options.slots_per_day / 2));
      for (int t = total_slots - early; t < total_slots; ++t)
        participant.forbidden_slots.push_back(t);
    }
    free_slots[Idx(p)] = total_slots - static_cast<int>(participant.forbidden_slots.size());
    problem.participants.push_back(std::move(participant));
  }
  // Zipf-like popularity on each side.
  auto cumulative = [&](int from, int to) {
    std::vector<double> c;
    double sum = 0;
    for (int p = from; p < to; ++p) {
      sum += 1.0 / std::pow(static_cast<double>(p - from + 1), kZipfExponent);
      c.push_back(sum);
    }
    return c;
  };
  std::vector<int> it_order(Idx(italians)), cn_order(Idx(participants - italians));
  for (int i = 0; i < italians; ++i) it_order[Idx(i)] = i;
  for (int i = 0; i < participants - italians; ++i) cn_order[Idx(i)] = italians + i;
  rng.Shuffle(it_order);
  rng.Shuffle(cn_order);
  const std::vector<double> it_weights = cumulative(0, italians);
  const std::vector<double> cn_weights = cumulative(italians, participants);
  std::vector<int> load(Idx(participants), 0);
  std::set<std::pair<int, int>> pairs;
  int attempts = 0;
  const int max_attempts = options.meetings * 50;
  while (static_cast<int>(problem.meetings.size()) < options.meetings &&
         attempts++ < max_attempts) {
    const int a = it_order[Idx(Draw(it_weights, rng))];
    const int b = cn_order[Idx(Draw(cn_weights, rng))];
    if (load[Idx(a)] * 100 >= free_slots[Idx(a)] * kMaxMeetingShare) continue;
    if (load[Idx(b)] * 100 >= free_slots[Idx(b)] * kMaxMeetingShare) continue;
    if (!pairs.emplace(a, b).second) continue;
    ++load[Idx(a)];
    ++load[Idx(b)];
    Meeting meeting;
    meeting.label = std::to_string(problem.meetings.size() + 1);
    meeting.a = a;
    meeting.b = b;
    const double r = rng.UniformReal();
    meeting.priority = r < 0.6 ? Priority::kMust : r < 0.9 ? Priority::kWant : Priority::kNice;
    if (rng.Bernoulli(kHalfDayRestricted)) {
      meeting.half_day = rng.Bernoulli(0.5) ? HalfDay::kMorning : HalfDay::kAfternoon;
    }
    problem.meetings.push_back(std::move(meeting));
  }
  // Interpreters: just enough for the meetings without a shared language.
  const Domains domains = ComputeDomains(problem);
  int needing = 0;
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    const Participant& a = problem.participants[Idx(problem.meetings[m].a)];
    const Participant& b = problem.participants[Idx(problem.meetings[m].b)];
    bool shared = false;
    for (const auto& l : a.languages)
      shared = shared || std::count(b.languages.begin(), b.languages.end(), l) > 0;
    needing += shared ? 0 : 1;
  }
  const int interpreters =
      static_cast<int>(std::ceil(kInterpreterSlack * needing / std::max(1, total_slots)));
  for (int i = 0; i < interpreters; ++i) {
    Interpreter interpreter;
    interpreter.name = "interpreter " + std::to_string(i + 1);
    interpreter.pairs.push_back({"it", "zh"});
    if (i % 2 == 0) interpreter.pairs.push_back({"en", "zh"});
    if (rng.Bernoulli(0.3)) {
      const int day = static_cast<int>(rng.UniformInt(0, options.days - 1));
      for (int k = 0; k < options.slots_per_day / 4; ++k) {
        interpreter.unavailable_slots.push_back(day * options.slots_per_day + k);
      }
    }
    problem.interpreters.push_back(std::move(interpreter));
  }
  return problem;
}

}  // namespace ponte::schedule
