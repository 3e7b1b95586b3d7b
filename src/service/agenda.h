// Personal agendas: the meetings of one organization (its delegates) or one
// interpreter in an event, with time, place, table, counterpart and
// interpreter, as the server returns them (JSON is built by the api from the
// structs), as an iCalendar feed and as a printable HTML page in it/en/zh.
//
//   PONTE_ASSIGN_OR_RETURN(Agenda a, LoadOrganizationAgenda(store, event, org));
//   std::string ics = AgendaToIcs(a, {.locale = "zh", .host = "ponte.example.org"});
//
// Calendar feeds are stable: every meeting has one UID for its whole life
// ("meeting-<id>@<host>"), SEQUENCE is the meeting's version, and a meeting
// that was cancelled or left the timetable stays in the feed with
// STATUS:CANCELLED, so calendar applications update or withdraw entries
// instead of duplicating them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/model.h"
#include "store/store.h"

namespace ponte::service {

struct AgendaEntry {
  Meeting meeting;
  Instant start;
  Instant end;
  std::string city;
  std::string venue;
  Organization counterpart;       // organization agendas: the other side
  std::vector<Person> delegates;  // the counterpart's people attending that session
                                  // (interpreter agendas: both sides' people)
  // Interpreter agendas: both sides.
  Organization side_a;
  Organization side_b;
  std::optional<Interpreter> interpreter;
};

struct Agenda {
  Event event;
  std::optional<Organization> organization;  // whose agenda (or)
  std::optional<Interpreter> interpreter;
  std::vector<AgendaEntry> entries;  // chronological; cancelled meetings included
};

Result<Agenda> LoadOrganizationAgenda(Store& store, const Event& event, OrganizationId org);
Result<Agenda> LoadInterpreterAgenda(Store& store, const Event& event, InterpreterId interpreter);

struct AgendaFormat {
  std::string locale = "en";         // it, en or zh: labels, dates and names
  std::string host = "ponte.local";  // UID domain
  // Viewer's zone when it differs from the event's: shown beside the event's times.
  std::string viewer_time_zone;
  // DTSTAMP of the feed; unset: the system clock's now (tests and ETags pass one).
  std::optional<Instant> stamp;
};

// RFC 5545, CRLF line endings, lines folded at 75 octets (UTF-8 safe), times
// in UTC; cancelled entries carry STATUS:CANCELLED.
std::string AgendaToIcs(const Agenda& agenda, const AgendaFormat& format);
// A self-contained printable page (inline CSS, print styles), escaped.
std::string AgendaToHtml(const Agenda& agenda, const AgendaFormat& format);

}  // namespace ponte::service
