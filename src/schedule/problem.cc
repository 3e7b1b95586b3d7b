#include "schedule/problem.h"

#include <algorithm>
#include <map>

namespace ponte::schedule {
namespace {

// Weights of the priorities: one "must" outweighs any number of lower ones in
// practice (events have far fewer than 10 nice requests per must).
constexpr int kMustWeight = 100;
constexpr int kWantWeight = 10;
constexpr int kNiceWeight = 1;

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool ShareLanguage(const Participant& a, const Participant& b) {
  if (a.languages.empty() || b.languages.empty()) return true;
  for (const std::string& language : a.languages) {
    if (Contains(b.languages, language)) return true;
  }
  return false;
}

bool Covers(const Interpreter& interpreter, const Participant& a, const Participant& b) {
  for (const LanguagePair& pair : interpreter.pairs) {
    if (Contains(a.languages, pair.first) && Contains(b.languages, pair.second)) return true;
    if (Contains(a.languages, pair.second) && Contains(b.languages, pair.first)) return true;
  }
  return false;
}

bool InCity(const Participant& participant, DayIndex day, CityIndex city) {
  if (participant.city_by_day.empty()) return true;
  if (day < 0 || static_cast<std::size_t>(day) >= participant.city_by_day.size()) return true;
  const CityIndex where = participant.city_by_day[static_cast<std::size_t>(day)];
  return where == kAnyCity || where == city;
}

}  // namespace

int WeightOf(Priority priority) {
  switch (priority) {
    case Priority::kMust:
      return kMustWeight;
    case Priority::kWant:
      return kWantWeight;
    case Priority::kNice:
      return kNiceWeight;
  }
  return kNiceWeight;
}

int Problem::days() const {
  int result = 0;
  for (const Session& session : sessions) result = std::max(result, session.day + 1);
  return result;
}

int Problem::MeetingWeight(MeetingIndex m) const {
  const Meeting& meeting = meetings[static_cast<std::size_t>(m)];
  return meeting.weight > 0 ? meeting.weight : WeightOf(meeting.priority);
}

Domains ComputeDomains(const Problem& problem) {
  Domains d;
  const std::size_t slot_count = problem.slots.size();
  const std::size_t participant_count = problem.participants.size();
  d.day_of_slot.resize(slot_count, 0);
  for (std::size_t t = 0; t < slot_count; ++t) {
    const SessionIndex session = problem.slots[t].session;
    if (session >= 0 && static_cast<std::size_t>(session) < problem.sessions.size()) {
      d.day_of_slot[t] = problem.sessions[static_cast<std::size_t>(session)].day;
    }
  }
  d.interpreter_available.assign(problem.interpreters.size(), std::vector<char>(slot_count, 1));
  for (std::size_t i = 0; i < problem.interpreters.size(); ++i) {
    for (SlotIndex t : problem.interpreters[i].unavailable_slots) {
      if (t >= 0 && static_cast<std::size_t>(t) < slot_count) {
        d.interpreter_available[i][static_cast<std::size_t>(t)] = 0;
      }
    }
  }
  // Per participant: slots they can meet in.
  std::vector<std::vector<char>> free(participant_count, std::vector<char>(slot_count, 1));
  for (std::size_t p = 0; p < participant_count; ++p) {
    const Participant& participant = problem.participants[p];
    for (SlotIndex t : participant.forbidden_slots) {
      if (t >= 0 && static_cast<std::size_t>(t) < slot_count)
        free[p][static_cast<std::size_t>(t)] = 0;
    }
    for (std::size_t t = 0; t < slot_count; ++t) {
      const SessionIndex session = problem.slots[t].session;
      if (session < 0 || static_cast<std::size_t>(session) >= problem.sessions.size()) {
        free[p][t] = 0;
        continue;
      }
      const Session& s = problem.sessions[static_cast<std::size_t>(session)];
      if (!InCity(participant, s.day, s.city)) free[p][t] = 0;
    }
  }
  d.meetings_of.assign(participant_count, {});
  const std::size_t meeting_count = problem.meetings.size();
  d.allowed.assign(meeting_count, std::vector<char>(slot_count, 0));
  d.needs_interpreter.assign(meeting_count, 0);
  d.can_interpret.assign(meeting_count, {});
  std::map<std::pair<std::vector<std::string>, std::vector<std::string>>,
           std::vector<InterpreterIndex>>
      interpreters_for;
  for (std::size_t m = 0; m < meeting_count; ++m) {
    const Meeting& meeting = problem.meetings[m];
    const bool valid_sides = meeting.a >= 0 && meeting.b >= 0 &&
                             static_cast<std::size_t>(meeting.a) < participant_count &&
                             static_cast<std::size_t>(meeting.b) < participant_count &&
                             meeting.a != meeting.b;
    if (!valid_sides || meeting.cancelled) continue;
    const auto a = static_cast<std::size_t>(meeting.a);
    const auto b = static_cast<std::size_t>(meeting.b);
    d.meetings_of[a].push_back(static_cast<MeetingIndex>(m));
    d.meetings_of[b].push_back(static_cast<MeetingIndex>(m));
    const Participant& pa = problem.participants[a];
    const Participant& pb = problem.participants[b];
    if (!ShareLanguage(pa, pb)) {
      d.needs_interpreter[m] = 1;
      // Many meetings share their sides' languages: compute each pair of
      // language lists once (a large event has tens of thousands of meetings).
      std::pair<std::vector<std::string>, std::vector<std::string>> key(pa.languages, pb.languages);
      auto [it, added] = interpreters_for.try_emplace(std::move(key));
      if (added) {
        for (std::size_t i = 0; i < problem.interpreters.size(); ++i) {
          if (Covers(problem.interpreters[i], pa, pb)) {
            it->second.push_back(static_cast<InterpreterIndex>(i));
          }
        }
      }
      d.can_interpret[m] = it->second;
    }
    for (std::size_t t = 0; t < slot_count; ++t) {
      if (!free[a][t] || !free[b][t]) continue;
      const Slot& slot = problem.slots[t];
      if (meeting.half_day == HalfDay::kMorning && !slot.morning) continue;
      if (meeting.half_day == HalfDay::kAfternoon && slot.morning) continue;
      if (!meeting.allowed_sessions.empty() &&
          std::find(meeting.allowed_sessions.begin(), meeting.allowed_sessions.end(),
                    slot.session) == meeting.allowed_sessions.end()) {
        continue;
      }
      if (meeting.fixed_slot && *meeting.fixed_slot != static_cast<SlotIndex>(t)) continue;
      if (d.needs_interpreter[m]) {
        bool any = false;
        for (InterpreterIndex i : d.can_interpret[m]) {
          if (d.interpreter_available[static_cast<std::size_t>(i)][t]) {
            any = true;
            break;
          }
        }
        if (!any) continue;
      }
      d.allowed[m][t] = 1;
    }
  }
  return d;
}

}  // namespace ponte::schedule
