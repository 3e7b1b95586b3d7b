// The domain model: the programme's vocabulary, shared by every engine, the
// store, the importers and the server. Plain value types, no behaviour beyond
// small derived helpers; validation lives in validate.h.
//
//   Organization org;
//   org.key = "it-unibo";
//   org.name.Set("it", "Alma Mater Studiorum – Università di Bologna");
//   org.type = OrganizationType::kUniversity;
//   org.country = "IT";
//
// Every stored entity has a row `id` (0 until stored) and an organizer-chosen
// external `key`, stable across exports and imports. Instants are UTC; civil
// times appear only as dates of sessions (in the event's zone).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/time.h"
#include "model/enums.h"
#include "model/localized_text.h"

namespace ponte {

struct GeoPoint {
  double latitude = 0;   // degrees, WGS84
  double longitude = 0;  // degrees, WGS84
  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

// A time interval [start, end) in UTC.
struct Interval {
  Instant start;
  Instant end;
  friend bool operator==(const Interval&, const Interval&) = default;
};

struct Programme {
  ProgrammeId id;
  std::string key;
  LocalizedText name;
};

struct Venue {
  VenueId id;
  std::string key;
  std::string city;
  std::string name;
  std::optional<GeoPoint> location;
  friend bool operator==(const Venue&, const Venue&) = default;
};

// One edition of the Week.
struct Event {
  EventId id;
  std::string key;
  LocalizedText name;
  std::string time_zone = "UTC";  // IANA name: civil times of this event are in it
  CivilDate start_date;
  CivilDate end_date;
  std::vector<std::string> themes;  // theme codes
  std::vector<Venue> venues;
  // Days after the event's end when participants who have not reported an
  // outcome are asked again (one follow-up round per entry, ascending).
  std::vector<int> follow_up_days{28, 91, 182};
};

// A block of meeting slots on one day in one city/venue.
struct Session {
  SessionId id;
  std::string key;
  EventId event;
  std::string city;
  std::string venue;
  CivilDate date;  // in the event's zone
  Instant start;
  Instant end;
  Minutes slot_length{30};
  std::vector<Interval> breaks;  // no meetings start or run inside these
  int tables = 0;
  friend bool operator==(const Session&, const Session&) = default;
};

// A meeting slot, derived from a session: [start, start + slot_length).
struct Slot {
  SessionId session;
  int index = 0;  // 0-based within the session
  Instant start;
  Instant end;
};

// The slots of a session, skipping those that overlap a break.
std::vector<Slot> SlotsOf(const Session& session);

struct Organization {
  OrganizationId id;
  std::string key;
  LocalizedText name;
  OrganizationType type = OrganizationType::kOther;
  std::string country;  // ISO 3166-1 alpha-2
  std::string region;
  std::string city;
  std::string website;
  std::optional<GeoPoint> location;
  // Whether other participants may see the organization and its profiles in
  // the catalogue and recommendations (organizers always do).
  bool public_profile = true;
  int version = 0;  // optimistic concurrency; set by the store
  friend bool operator==(const Organization&, const Organization&) = default;
};

struct Person {
  PersonId id;
  std::string key;
  OrganizationId organization;
  std::string given_name;
  std::string family_name;
  std::string name_latin;
  std::string role;
  std::string email;
  std::vector<std::string> languages;  // ISO 639-1, in order of fluency
  bool needs_interpreter = false;
  std::vector<SessionId> sessions;  // empty = every session of the event
  friend bool operator==(const Person&, const Person&) = default;
};

// One opportunity of an organization: what it offers, seeks or proposes.
struct Profile {
  ProfileId id;
  std::string key;
  OrganizationId organization;
  ProfileKind kind = ProfileKind::kOffer;
  LocalizedText title;
  LocalizedText text;
  std::vector<std::string> themes;    // theme codes
  std::vector<std::string> keywords;  // free, any language
  std::vector<CooperationType> cooperation;
  friend bool operator==(const Profile&, const Profile&) = default;
};

struct LanguagePair {
  std::string a;  // ISO 639-1, a < b
  std::string b;
  friend auto operator<=>(const LanguagePair&, const LanguagePair&) = default;
};

struct Interpreter {
  InterpreterId id;
  std::string key;
  EventId event;
  std::string name;
  std::vector<LanguagePair> pairs;
  std::vector<SessionId> sessions;  // empty = every session
  friend bool operator==(const Interpreter&, const Interpreter&) = default;
};

// A request for a one-to-one meeting between two organizations' delegations.
struct MeetingRequest {
  MeetingRequestId id;
  std::string key;
  EventId event;
  OrganizationId from;
  OrganizationId to;
  PersonId requested_by;  // optional
  Preference preference = Preference::kWant;
  RequestStatus status = RequestStatus::kPending;
  std::string message;
  Instant created_at;
  Instant updated_at;
  // Pending requests past this instant expire so they never hold a slot for
  // ever; unset: no expiry.
  std::optional<Instant> expires_at;
  int version = 0;  // optimistic concurrency; set by the store
  friend bool operator==(const MeetingRequest&, const MeetingRequest&) = default;
};

struct Meeting {
  MeetingId id;
  EventId event;
  MeetingRequestId request;  // optional (walk-ins have none)
  OrganizationId a;
  OrganizationId b;
  SessionId session;
  int slot = 0;               // index within the session (Slot::index)
  int table = 0;              // 1-based table number
  InterpreterId interpreter;  // optional
  MeetingStatus status = MeetingStatus::kScheduled;
  // Bumped by the store whenever slot, table, interpreter or status change:
  // the iCalendar SEQUENCE and the ETag.
  int version = 0;
  friend bool operator==(const Meeting&, const Meeting&) = default;
};

// Roadshows and missions: a delegation touring cities.
struct VisitWindow {
  CivilDate date;
  Minutes open;   // minutes after local midnight
  Minutes close;  // the visit must be over by then
  friend bool operator==(const VisitWindow&, const VisitWindow&) = default;
};

struct RoadshowStage {
  std::string city;
  CivilDate first_day;
  CivilDate last_day;
  std::string base_name;  // hotel where each day starts and ends
  std::optional<GeoPoint> base;
  int teams = 1;                  // sub-teams the delegation may split into on a day
  double speed_km_per_hour = 20;  // door to door, over the straight-line distance
  std::string time_zone = "Asia/Shanghai";
  friend bool operator==(const RoadshowStage&, const RoadshowStage&) = default;
};

// An inter-city trip; the day's visits in both cities shrink around it.
struct RoadshowTravel {
  CivilDate date;
  std::string from_city;
  std::string to_city;
  std::string mode;  // "high-speed train G1234"
  Minutes depart;    // minutes after local midnight
  Minutes arrive;
  friend bool operator==(const RoadshowTravel&, const RoadshowTravel&) = default;
};

struct RoadshowVisit {
  VisitId id;
  std::string key;
  OrganizationId host;  // optional
  LocalizedText name;
  std::string city;
  std::string kind;  // "university", "science park", ...
  std::string address;
  std::string notes;
  std::optional<GeoPoint> location;
  Minutes duration{60};
  std::vector<VisitWindow> windows;  // when the host can receive the delegation
  double value = 1.0;
  bool mandatory = false;
  friend bool operator==(const RoadshowVisit&, const RoadshowVisit&) = default;
};

struct Roadshow {
  RoadshowId id;
  std::string key;
  LocalizedText name;
  Minutes day_start{8 * 60 + 30};  // minutes after local midnight
  Minutes day_end{18 * 60 + 30};
  Minutes lunch_start{12 * 60};
  Minutes lunch_end{13 * 60 + 30};
  Minutes travel_overhead{10};  // per leg between visits
  Minutes transfer{60};         // base <-> station or airport on travel days
  std::vector<RoadshowStage> stages;
  std::vector<RoadshowVisit> visits;
  std::vector<RoadshowTravel> travel;
  // The last published plan, as JSON written by the planning service (empty
  // until planned).
  std::string plan;
};

}  // namespace ponte
