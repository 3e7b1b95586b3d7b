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

// Version 2: the server. Accounts and roles per event, credentials (sessions,
// API tokens, calendar feeds) kept as hashes, one-time tokens, login
// throttling, the organizers' audit log, the mail outbox, background jobs,
// feedback after meetings; consent to a public profile; request expiry; and
// the indexes of the agenda read path.
constexpr std::string_view kV2 = R"sql(
ALTER TABLE organizations ADD COLUMN public_profile INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meeting_requests ADD COLUMN expires_at INTEGER;
CREATE INDEX meeting_requests_from ON meeting_requests(event_id, from_org);
CREATE INDEX meeting_requests_pending ON meeting_requests(status, expires_at);
CREATE INDEX meetings_org_a ON meetings(event_id, org_a);
CREATE INDEX meetings_org_b ON meetings(event_id, org_b);
CREATE INDEX meetings_interpreter ON meetings(event_id, interpreter_id);
CREATE INDEX meetings_request ON meetings(request_id);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL DEFAULT '',
  locale TEXT NOT NULL DEFAULT 'en',
  verified INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE memberships (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  interpreter_id INTEGER REFERENCES interpreters(id) ON DELETE SET NULL,
  validated INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, event_id, role)
);
CREATE INDEX memberships_event ON memberships(event_id);
CREATE TABLE credentials (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  csrf_token TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE one_time_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  email TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'participant',
  organization_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
  interpreter_id INTEGER REFERENCES interpreters(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER,
  event_id INTEGER,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_event ON audit_log(event_id, id);
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  sent_at INTEGER
);
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  parameters TEXT NOT NULL DEFAULT '{}',
  progress TEXT NOT NULL DEFAULT '{}',
  result TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  worker TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX jobs_state ON jobs(state, id);
CREATE TABLE feedback (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  follow_up INTEGER NOT NULL DEFAULT 0,
  comment TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, organization_id)
);
)sql";

// Version 3: what came of the meetings. Outcomes on the follow-up ladder with
// their organizations, originating meetings or expression of interest and the
// support office's review; follow-up request mails sent once per
// organization and round (the event's follow_up_days); news items and the
// images they show (bytes in the database, so every server can serve them).
// The version-1 outcome tables were never written and are replaced.
constexpr std::string_view kV3 = R"sql(
ALTER TABLE events ADD COLUMN follow_up_days TEXT NOT NULL DEFAULT '[28,91,182]';
DROP TABLE outcome_organizations;
DROP TABLE outcomes;
CREATE TABLE outcomes (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  request_id INTEGER REFERENCES meeting_requests(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL,
  end_date TEXT,
  value REAL,
  currency TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  review TEXT NOT NULL DEFAULT 'reported',
  review_note TEXT NOT NULL DEFAULT '',
  reported_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  reported_for INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  reviewed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX outcomes_event ON outcomes(event_id, review);
CREATE TABLE outcome_organizations (
  outcome_id INTEGER NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  PRIMARY KEY (outcome_id, organization_id)
);
CREATE INDEX outcome_organizations_org ON outcome_organizations(organization_id);
CREATE TABLE outcome_meetings (
  outcome_id INTEGER NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  PRIMARY KEY (outcome_id, meeting_id)
);
CREATE TABLE follow_ups (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (event_id, organization_id, round)
);
CREATE TABLE images (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  file_name TEXT NOT NULL DEFAULT '',
  uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE news (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '{}',
  body TEXT NOT NULL DEFAULT '{}',
  date TEXT NOT NULL,
  status TEXT NOT NULL,
  images TEXT NOT NULL DEFAULT '[]',
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX news_published ON news(status, date);
)sql";

// Version 4: PostgreSQL's change stamp (postgres_migrations.cc). SQLite has
// one built in (PRAGMA data_version), so nothing changes here; the version is
// kept in step so that both backends share one numbering.
constexpr std::string_view kV4 = R"sql(
SELECT 1;
)sql";

// Reminders of pending requests are claimed in the row (one per request,
// however many servers sweep).
constexpr std::string_view kV5 = R"sql(
ALTER TABLE meeting_requests ADD COLUMN reminded_at INTEGER;
)sql";

constexpr std::array<Migration, 5> kMigrations{{
    {1, "programme registry, events, requests, meetings, roadshows, outcomes", kV1},
    {2, "accounts, roles, credentials, audit log, outbox, jobs, feedback", kV2},
    {3, "outcomes, follow-ups, news and images", kV3},
    {4, "change stamp (PostgreSQL only)", kV4},
    {5, "reminders of pending requests claimed once (reminded_at)", kV5},
}};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace ponte::store_internal
