#include "service/schedule_event.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace ponte::service {
namespace {

constexpr int kAfternoonHour = 13;  // slots starting at or after 13:00 are "afternoon"

schedule::Priority PriorityOf(Preference p) {
  switch (p) {
    case Preference::kMust:
      return schedule::Priority::kMust;
    case Preference::kWant:
      return schedule::Priority::kWant;
    case Preference::kNoThanks:
      return schedule::Priority::kNice;
  }
  return schedule::Priority::kNice;
}

}  // namespace

Result<EventData> LoadEventData(Store& store, std::string_view event_key) {
  EventData data;
  PONTE_ASSIGN_OR_RETURN(data.event, store.GetEvent(event_key));
  PONTE_ASSIGN_OR_RETURN(data.sessions, store.ListSessions(data.event.id));
  PONTE_ASSIGN_OR_RETURN(data.organizations, store.ListOrganizations());
  PONTE_ASSIGN_OR_RETURN(data.people, store.ListPeople());
  PONTE_ASSIGN_OR_RETURN(data.requests, store.ListRequests(data.event.id));
  PONTE_ASSIGN_OR_RETURN(data.interpreters, store.ListInterpreters(data.event.id));
  return data;
}

schedule::Problem BuildScheduleProblem(const EventData& data, ProblemMapping& mapping,
                                       const std::vector<OrganizationId>& also) {
  schedule::Problem problem;
  problem.name = data.event.key;
  mapping = {};

  // Sessions in time order; days and cities by first appearance.
  std::vector<std::size_t> order(data.sessions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return data.sessions[a].start < data.sessions[b].start;
  });
  std::vector<CivilDate> days;
  std::vector<std::string> cities;
  std::unordered_map<std::int64_t, std::size_t> session_pos;  // session id -> index in problem
  std::vector<std::vector<schedule::SlotIndex>> slots_of_session(data.sessions.size());
  for (std::size_t idx : order) {
    const Session& s = data.sessions[idx];
    auto day = std::find(days.begin(), days.end(), s.date);
    if (day == days.end()) day = days.insert(days.end(), s.date);
    auto city = std::find(cities.begin(), cities.end(), s.city);
    if (city == cities.end()) city = cities.insert(cities.end(), s.city);
    const auto session_index = static_cast<schedule::SessionIndex>(problem.sessions.size());
    problem.sessions.push_back({.name = s.key,
                                .day = static_cast<schedule::DayIndex>(day - days.begin()),
                                .city = static_cast<schedule::CityIndex>(city - cities.begin()),
                                .tables = s.tables});
    session_pos[s.id.value()] = idx;
    for (const ponte::Slot& slot : SlotsOf(s)) {
      auto civil = ToCivil(slot.start, data.event.time_zone);
      slots_of_session[idx].push_back(static_cast<schedule::SlotIndex>(problem.slots.size()));
      problem.slots.push_back({.session = session_index,
                               .morning = civil.ok() && civil->hour < kAfternoonHour,
                               .label = s.city + " " + FormatCivil(*civil)});
      mapping.slot_session.emplace_back(idx, slot.index);
    }
  }

  // Participants: organizations with an accepted request.
  std::unordered_map<std::int64_t, const Organization*> org_by_id;
  for (const Organization& o : data.organizations) org_by_id[o.id.value()] = &o;
  std::map<std::int64_t, schedule::ParticipantIndex> participant_of;
  auto participant = [&](OrganizationId org) {
    auto [it, inserted] = participant_of.emplace(org.value(), 0);
    if (inserted) {
      it->second = static_cast<schedule::ParticipantIndex>(problem.participants.size());
      const Organization* o = org_by_id[org.value()];
      problem.participants.push_back({.name = o != nullptr ? o->key : std::to_string(org.value())});
      mapping.participant_organization.push_back(org);
    }
    return it->second;
  };

  // Meetings: accepted requests, one per unordered pair, highest priority kept.
  std::map<std::pair<std::int64_t, std::int64_t>, schedule::MeetingIndex> meeting_of_pair;
  for (const MeetingRequest& r : data.requests) {
    if (r.status != RequestStatus::kAccepted) continue;
    const std::pair<std::int64_t, std::int64_t> key{std::min(r.from.value(), r.to.value()),
                                                    std::max(r.from.value(), r.to.value())};
    auto found = meeting_of_pair.find(key);
    if (found != meeting_of_pair.end()) {
      schedule::Meeting& m = problem.meetings[static_cast<std::size_t>(found->second)];
      m.priority = std::min(m.priority, PriorityOf(r.preference));
      continue;
    }
    const schedule::ParticipantIndex a = participant(r.from);
    const schedule::ParticipantIndex b = participant(r.to);
    meeting_of_pair[key] = static_cast<schedule::MeetingIndex>(problem.meetings.size());
    problem.meetings.push_back(
        {.label = r.key, .a = a, .b = b, .priority = PriorityOf(r.preference)});
    mapping.meeting_request.push_back(r.id);
  }

  for (OrganizationId org : also) participant(org);

  // Attendance and languages from the delegates.
  std::vector<std::set<std::size_t>> attends(problem.participants.size());
  std::vector<std::set<std::string>> speaks(problem.participants.size());
  for (const Person& p : data.people) {
    auto it = participant_of.find(p.organization.value());
    if (it == participant_of.end()) continue;
    const auto pi = static_cast<std::size_t>(it->second);
    if (p.sessions.empty()) {
      for (std::size_t s = 0; s < data.sessions.size(); ++s) attends[pi].insert(s);
    }
    for (SessionId sid : p.sessions) {
      auto pos = session_pos.find(sid.value());
      if (pos != session_pos.end()) attends[pi].insert(pos->second);
    }
    speaks[pi].insert(p.languages.begin(), p.languages.end());
  }
  for (std::size_t pi = 0; pi < problem.participants.size(); ++pi) {
    schedule::Participant& part = problem.participants[pi];
    part.languages.assign(speaks[pi].begin(), speaks[pi].end());
    // An organization nobody registered for sessions is assumed present throughout.
    const bool everywhere = attends[pi].empty();
    part.city_by_day.assign(days.size(), schedule::kAbsent);
    for (std::size_t s = 0; s < data.sessions.size(); ++s) {
      if (everywhere || attends[pi].contains(s)) {
        // The session's day and city (looked up through its first slot).
        for (schedule::SlotIndex t : slots_of_session[s]) {
          const schedule::Session& ps = problem.sessions[static_cast<std::size_t>(
              problem.slots[static_cast<std::size_t>(t)].session)];
          auto& city = part.city_by_day[static_cast<std::size_t>(ps.day)];
          city = (city == schedule::kAbsent || city == ps.city) ? ps.city : schedule::kAnyCity;
          break;
        }
      } else {
        for (schedule::SlotIndex t : slots_of_session[s]) part.forbidden_slots.push_back(t);
      }
    }
    std::sort(part.forbidden_slots.begin(), part.forbidden_slots.end());
  }

  // Interpreters: available in their booked sessions (all when none are listed).
  for (const Interpreter& it : data.interpreters) {
    schedule::Interpreter interp{.name = it.name};
    for (const LanguagePair& p : it.pairs) interp.pairs.push_back({p.a, p.b});
    if (!it.sessions.empty()) {
      std::set<std::size_t> booked;
      for (SessionId sid : it.sessions) {
        auto pos = session_pos.find(sid.value());
        if (pos != session_pos.end()) booked.insert(pos->second);
      }
      for (std::size_t s = 0; s < data.sessions.size(); ++s) {
        if (booked.contains(s)) continue;
        for (schedule::SlotIndex t : slots_of_session[s]) interp.unavailable_slots.push_back(t);
      }
      std::sort(interp.unavailable_slots.begin(), interp.unavailable_slots.end());
    }
    problem.interpreters.push_back(std::move(interp));
    mapping.interpreter.push_back(it.id);
  }
  return problem;
}

EventSchedule ScheduleEvent(const EventData& data, const schedule::SolveOptions& options) {
  EventSchedule out;
  out.problem = BuildScheduleProblem(data, out.mapping);
  out.result = schedule::Solve(out.problem, options);
  const schedule::Problem& problem = out.problem;
  const auto& assignments = out.result.solution.meetings;

  // The timetable in model terms.
  for (std::size_t m = 0; m < assignments.size(); ++m) {
    const schedule::Assignment& a = assignments[m];
    if (!a.scheduled()) continue;
    const auto [session_idx, slot_in_session] =
        out.mapping.slot_session[static_cast<std::size_t>(a.slot)];
    const schedule::Meeting& pm = problem.meetings[m];
    Meeting meeting;
    meeting.event = data.event.id;
    meeting.request = out.mapping.meeting_request[m];
    meeting.a = out.mapping.participant_organization[static_cast<std::size_t>(pm.a)];
    meeting.b = out.mapping.participant_organization[static_cast<std::size_t>(pm.b)];
    meeting.session = data.sessions[session_idx].id;
    meeting.slot = slot_in_session;
    meeting.table = a.table + 1;
    if (a.interpreter != schedule::kNoInterpreter) {
      meeting.interpreter = out.mapping.interpreter[static_cast<std::size_t>(a.interpreter)];
    }
    out.meetings.push_back(meeting);
  }

  // Per-day statistics from the engine, with the day's date and cities.
  for (const schedule::DayStatistics& day :
       schedule::StatisticsPerDay(problem, out.result.solution)) {
    DayStatistics d;
    d.meetings = day.meetings;
    d.participants = day.participants;
    d.breaks = day.breaks;
    d.peak_tables = day.tables_used;
    d.tables = day.tables_available;
    d.interpreted = day.interpreted;
    d.interpreter_load = day.interpreter_slots > 0
                             ? static_cast<double>(day.interpreted) / day.interpreter_slots
                             : 0;
    for (std::size_t t = 0; t < problem.slots.size(); ++t) {
      const schedule::Session& ps =
          problem.sessions[static_cast<std::size_t>(problem.slots[t].session)];
      if (ps.day != day.day) continue;
      const Session& session = data.sessions[out.mapping.slot_session[t].first];
      d.date = session.date;
      ++d.slots;
      if (d.city.find(session.city) == std::string::npos) {
        d.city += (d.city.empty() ? "" : "/") + session.city;
      }
    }
    out.days.push_back(std::move(d));
  }
  return out;
}

Status PublishSchedule(Store& store, const EventData& data, EventSchedule& schedule) {
  return store.ReplaceMeetings(data.event.id, schedule.meetings);
}

}  // namespace ponte::service
