#include "store/migrations.h"

#include <array>

namespace ponte::store_internal {
namespace {

// Conventions: instants are INTEGER seconds since the Unix epoch (UTC);
// localized text and lists are JSON text; every mutable row has a `version`
// for optimistic concurrency (ETags).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  themes TEXT NOT NULL DEFAULT '[]',
  venues TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  given_name TEXT NOT NULL DEFAULT '',
  family_name TEXT NOT NULL DEFAULT '',
  name_latin TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '[]',
  needs_interpreter INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_organization ON people(organization_id);
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '{}',
  text TEXT NOT NULL DEFAULT '{}',
  themes TEXT NOT NULL DEFAULT '[]',
  keywords TEXT NOT NULL DEFAULT '[]',
  cooperation TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX profiles_organization ON profiles(organization_id);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  city TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  slot_minutes INTEGER NOT NULL,
  tables INTEGER NOT NULL,
  breaks TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (event_id, key)
);
CREATE TABLE person_sessions (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  PRIMARY KEY (person_id, session_id)
);
CREATE TABLE interpreters (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  pairs TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (event_id, key)
);
CREATE TABLE interpreter_sessions (
  interpreter_id INTEGER NOT NULL REFERENCES interpreters(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  PRIMARY KEY (interpreter_id, session_id)
);
CREATE TABLE meeting_requests (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  from_org INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  to_org INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  requested_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  preference TEXT NOT NULL,
  status TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (event_id, key),
  CHECK (from_org <> to_org)
);
CREATE INDEX meeting_requests_to ON meeting_requests(event_id, to_org);
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  request_id INTEGER REFERENCES meeting_requests(id) ON DELETE SET NULL,
  org_a INTEGER NOT NULL REFERENCES organizations(id),
  org_b INTEGER NOT NULL REFERENCES organizations(id),
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  slot INTEGER NOT NULL,
  table_no INTEGER NOT NULL,
  interpreter_id INTEGER REFERENCES interpreters(id) ON DELETE SET NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (org_a <> org_b)
);
-- The database itself refuses double bookings: one live meeting per table and
-- slot, and (below) one live meeting per organization and slot.
CREATE UNIQUE INDEX meetings_table_slot ON meetings(session_id, slot, table_no)
  WHERE status <> 'cancelled';
CREATE TABLE meeting_seats (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  session_id INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, organization_id)
);
CREATE UNIQUE INDEX meeting_seats_busy ON meeting_seats(organization_id, session_id, slot);
CREATE TABLE roadshows (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  stages TEXT NOT NULL DEFAULT '[]',
  travel TEXT NOT NULL DEFAULT '[]',
  plan TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE roadshow_visits (
  id INTEGER PRIMARY KEY,
  roadshow_id INTEGER NOT NULL REFERENCES roadshows(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  host_org INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  name TEXT NOT NULL DEFAULT '{}',
  city TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  duration_minutes INTEGER NOT NULL,
  windows TEXT NOT NULL DEFAULT '[]',
  value REAL NOT NULL DEFAULT 1,
  mandatory INTEGER NOT NULL DEFAULT 0,
  UNIQUE (roadshow_id, key)
);
CREATE TABLE outcomes (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  date TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE outcome_organizations (
  outcome_id INTEGER NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  PRIMARY KEY (outcome_id, organization_id)
);
)sql";

constexpr std::array<Migration, 1> kMigrations{{
    {1, "programme registry, events, requests, meetings, roadshows, outcomes", kV1},
}};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace ponte::store_internal
