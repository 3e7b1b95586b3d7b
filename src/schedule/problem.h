// The B2B meeting-scheduling problem and its solution as plain structs.
//
//   schedule::Problem problem;                       // or ReadDzn(path)
//   problem.sessions.push_back({.day = 0, .tables = 10});
//   problem.slots.assign(8, schedule::Slot{.session = 0});
//   problem.participants.resize(2);
//   problem.meetings.push_back({.a = 0, .b = 1});
//
// Everything is indexed from 0 (participants, meetings, slots, sessions, tables,
// interpreters); the .dzn reader and the JSON writer convert from and to the
// 1-based ids of the files. Slots are numbered in chronological order over the
// whole event, so "slot s before slot t" means s < t. A Problem is a value:
// copy it freely; nothing here is thread-safe to mutate concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ponte::schedule {

// 0-based indices into the vectors of a Problem.
using ParticipantIndex = int;
using MeetingIndex = int;
using SlotIndex = int;
using SessionIndex = int;
using TableIndex = int;
using InterpreterIndex = int;
using CityIndex = int;
using DayIndex = int;

inline constexpr SlotIndex kUnscheduled = -1;
inline constexpr TableIndex kNoTable = -1;
inline constexpr InterpreterIndex kNoInterpreter = -1;
inline constexpr CityIndex kAnyCity = -1;
inline constexpr CityIndex kAbsent = -2;

// Priority of a meeting request; the weight used by the objective comes from
// Meeting::weight, which defaults to WeightOf(priority).
enum class Priority { kMust, kWant, kNice };
int WeightOf(Priority priority);

// A restriction to one half of a day (the .dzn `requested` third column).
enum class HalfDay { kAny, kMorning, kAfternoon };

// A participant: one company or one delegation, counted as one side.
struct Participant {
  std::string name;
  std::vector<SlotIndex> forbidden_slots;  // slots the participant cannot meet in
  std::vector<std::string> languages;      // empty = no language constraint
  // City the participant is in on each day (index = DayIndex); kAnyCity = any,
  // kAbsent = not at the event that day. Empty = kAnyCity on every day.
  std::vector<CityIndex> city_by_day;
};

struct Meeting {
  std::string label;
  ParticipantIndex a = 0;
  ParticipantIndex b = 0;
  Priority priority = Priority::kMust;
  int weight = 0;                              // 0 = WeightOf(priority)
  std::optional<SlotIndex> fixed_slot;         // the meeting must take this slot
  HalfDay half_day = HalfDay::kAny;            // morning/afternoon only
  std::vector<SessionIndex> allowed_sessions;  // empty = any session
  std::vector<MeetingIndex> after;             // meetings that must take an earlier slot
  bool cancelled = false;  // kept for the record (and stable indices), never scheduled
};

// A session is one half-day or day at one venue: its slots share a table count.
struct Session {
  std::string name;
  DayIndex day = 0;
  CityIndex city = 0;
  int tables = 1;  // meetings that can run at the same time
};

struct Slot {
  SessionIndex session = 0;
  bool morning = true;  // for HalfDay restrictions
  std::string label;    // "Mon 09:00" (display only)
};

// An interpreter covers meetings whose sides share no language when one side
// speaks `first` and the other `second` of one of the pairs.
struct LanguagePair {
  std::string first;
  std::string second;
};

struct Interpreter {
  std::string name;
  std::vector<LanguagePair> pairs;
  std::vector<SlotIndex> unavailable_slots;
};

struct Problem {
  std::string name;
  std::vector<Participant> participants;
  std::vector<Meeting> meetings;
  std::vector<Session> sessions;
  std::vector<Slot> slots;
  std::vector<Interpreter> interpreters;
  // True for the JAIR benchmark: every meeting must be scheduled (hard).
  bool require_all = false;

  int days() const;
  int MeetingWeight(MeetingIndex m) const;
};

// Where one meeting takes place.
struct Assignment {
  SlotIndex slot = kUnscheduled;
  TableIndex table = kNoTable;                    // within the slot's session
  InterpreterIndex interpreter = kNoInterpreter;  // set iff the meeting needs one
  bool scheduled() const { return slot != kUnscheduled; }
};

struct Solution {
  std::vector<Assignment> meetings;  // one per Problem::meetings
};

// Derived, read-only facts about a Problem that the checker and the solvers share.
struct Domains {
  // allowed[m][t]: meeting m may take slot t (forbidden slots, city, session,
  // half-day and fixed restrictions; not precedences, capacities).
  std::vector<std::vector<char>> allowed;
  std::vector<char> needs_interpreter;                       // per meeting
  std::vector<std::vector<InterpreterIndex>> can_interpret;  // per meeting
  std::vector<std::vector<char>> interpreter_available;      // [interpreter][slot]
  std::vector<std::vector<MeetingIndex>> meetings_of;        // per participant
  std::vector<DayIndex> day_of_slot;
};
Domains ComputeDomains(const Problem& problem);

}  // namespace ponte::schedule
