// Scheduling an event from the registry: the bridge between the store's
// domain model and the schedule engine, used by `ponte schedule --event`,
// `ponte demo` and (later) the server's scheduling job.
//
//   PONTE_ASSIGN_OR_RETURN(EventData data, LoadEventData(store, "icstiw-2026"));
//   EventSchedule plan = ScheduleEvent(data, {.time_limit_s = 5});
//   PONTE_RETURN_IF_ERROR(PublishSchedule(store, data, plan));
//
// Mapping: each organization with an accepted request is one participant (its
// delegation counts as one side); it may meet only in the sessions its people
// attend; it speaks every language one of its delegates speaks. Accepted
// requests become meetings (must / want / otherwise nice; a pair requested
// both ways is one meeting). Slots come from the sessions in time order;
// interpreters are available in the sessions they are booked for.
// Functions are pure except Load/Publish, which use the store.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "model/model.h"
#include "schedule/schedule.h"
#include "store/store.h"

namespace ponte::service {

// Everything of an event the scheduler needs, as stored.
struct EventData {
  Event event;
  std::vector<Session> sessions;
  std::vector<Organization> organizations;
  std::vector<Person> people;
  std::vector<MeetingRequest> requests;
  std::vector<Interpreter> interpreters;
};

Result<EventData> LoadEventData(Store& store, std::string_view event_key);

// Where each index of the engine's problem comes from.
struct ProblemMapping {
  std::vector<OrganizationId> participant_organization;
  std::vector<MeetingRequestId> meeting_request;
  std::vector<std::pair<std::size_t, int>> slot_session;  // (index in EventData::sessions, slot)
  std::vector<InterpreterId> interpreter;
};

// `also`: organizations that become participants even without an accepted
// request (the sides of published meetings and walk-ins, for a repair).
schedule::Problem BuildScheduleProblem(const EventData& data, ProblemMapping& mapping,
                                       const std::vector<OrganizationId>& also = {});

struct DayStatistics {
  CivilDate date;
  std::string city;
  int slots = 0;
  int meetings = 0;
  int participants = 0;         // organizations with at least one meeting that day
  int breaks = 0;               // summed over participants
  int peak_tables = 0;          // most tables in use in one slot
  int tables = 0;               // tables available in that slot's session
  int interpreted = 0;          // meetings with an interpreter
  double interpreter_load = 0;  // interpreted meetings / interpreter-slots available
};

struct EventSchedule {
  schedule::Problem problem;
  ProblemMapping mapping;
  schedule::SolveResult result;
  std::vector<Meeting> meetings;  // the timetable in the model's terms
  std::vector<DayStatistics> days;
};

EventSchedule ScheduleEvent(const EventData& data, const schedule::SolveOptions& options);

// Replaces the event's timetable in the store (one transaction).
Status PublishSchedule(Store& store, const EventData& data, EventSchedule& schedule);

}  // namespace ponte::service
