// Forms that set up an event and its people, one record at a time: a
// participant's delegates (names, languages in order of fluency, the sessions
// they attend) and the organizers' set-up (venues, days, themes, sessions,
// interpreters). The portal posts what was typed; the checks live here, so
// that every front end refuses the same things with the same field errors.
//
//   std::vector<FieldError> errors;
//   auto version = SavePerson(store, clock, actor, event, draft, errors);
//   if (!version.ok() && !errors.empty()) ... show each error beside errors[i].field
//
// Errors: InvalidArgument with `errors` filled (one entry per wrong field),
// PermissionDenied (not your organization / not an organizer), NotFound,
// FailedPrecondition (the person changed since the form was read: reload).
// Writes are single transactions (the sessions, interpreters and the event
// go through Store::Import).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "model/model.h"
#include "model/taxonomy.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte::service {

// One refused field of a form. `code` is stable (the portal's message key is
// "field_" + code); `value` is the offending input, `detail` English text for
// logs and the API.
struct FieldError {
  std::string field;
  std::string code;
  std::string value;
  std::string detail;
};

// Every `code` a FieldError may carry (front ends keep a message for each).
inline constexpr std::string_view kFieldErrorCodes[] = {"name_required",
                                                        "too_long",
                                                        "email",
                                                        "language",
                                                        "language_twice",
                                                        "language_required",
                                                        "too_many",
                                                        "unknown_session",
                                                        "date",
                                                        "date_outside",
                                                        "required",
                                                        "city_unknown",
                                                        "venue_unknown",
                                                        "clock",
                                                        "end_before_start",
                                                        "slot",
                                                        "slot_longer",
                                                        "tables",
                                                        "break",
                                                        "break_outside",
                                                        "key",
                                                        "key_taken",
                                                        "pair",
                                                        "pair_required",
                                                        "zone",
                                                        "zone_in_use",
                                                        "venue_line",
                                                        "theme",
                                                        "session_outside",
                                                        "city_in_use"};

// "email: must look like name@example.org; start: ..." for a Status message.
std::string DescribeFieldErrors(const std::vector<FieldError>& errors);

// --- delegates -------------------------------------------------------------

struct PersonDraft {
  PersonId id;      // 0: a new person
  int version = 0;  // the version the form was read at (If-Match); 0 for a new one
  OrganizationId organization;
  std::string given_name;
  std::string family_name;
  std::string name_latin;
  std::string role;
  std::string email;
  std::vector<std::string> languages;  // ISO 639-1, most fluent first; blanks are skipped
  bool needs_interpreter = false;
  std::vector<SessionId> sessions;  // of this event; empty = every session
};

// A person of the organization with the version the form must carry.
struct VersionedPerson {
  Person person;
  int version = 0;
};
// The organization's people (its own participants and staff only).
Result<std::vector<VersionedPerson>> DelegatesOf(Store& store, const Actor& actor,
                                                 const Event& event, OrganizationId org);
// Adds (id 0) or changes a person of `draft.organization`. Returns the new
// version.
Result<int> SavePerson(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                       const PersonDraft& draft, std::vector<FieldError>& errors);
Status RemovePerson(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                    OrganizationId org, PersonId id, int version);

// --- the organizers' set-up --------------------------------------------------

struct SessionDraft {
  std::string key;     // empty: made from the date and city; an existing key changes that session
  bool is_new = true;  // refuse a key that is taken
  std::string date;    // "2026-06-10", in the event's zone
  std::string city;
  std::string venue;
  std::string start;  // "09:30"
  std::string end;
  std::string slot_minutes;
  std::string tables;
  std::string breaks;  // "12:30-14:00, 16:00-16:15"
};
// Returns the session's key.
Result<std::string> SaveSession(Store& store, const Clock& clock, const Actor& organizer,
                                const Event& event, const SessionDraft& draft,
                                std::vector<FieldError>& errors);

struct InterpreterDraft {
  std::string key;  // empty: made from the name
  bool is_new = true;
  std::string name;
  std::string pairs;                // "it-zh, en-zh"
  std::vector<SessionId> sessions;  // empty = every session
};
Result<std::string> SaveInterpreter(Store& store, const Clock& clock, const Actor& organizer,
                                    const Event& event, const InterpreterDraft& draft,
                                    std::vector<FieldError>& errors);

// Removes a session. Aborted while meetings are in it (cancelled ones too)
// or while someone attends it and no other session of the event (their
// choice would become "every session"): the message names them.
Status RemoveSession(Store& store, const Clock& clock, const Actor& organizer, const Event& event,
                     std::string_view key);
// Removes an interpreter; Aborted while meetings not cancelled have them.
Status RemoveInterpreter(Store& store, const Clock& clock, const Actor& organizer,
                         const Event& event, std::string_view key);

struct EventDraft {
  std::string start_date;
  std::string end_date;
  std::string time_zone;
  std::string venues;               // one a line: "City; Venue name"
  std::vector<std::string> themes;  // theme codes
};
Status SaveEventSetup(Store& store, const Clock& clock, const Actor& organizer, const Event& event,
                      const Taxonomy& taxonomy, const EventDraft& draft,
                      std::vector<FieldError>& errors);

}  // namespace ponte::service
