// The PostgreSQL backend, part 1: opening and migrations, the registry,
// import and export, roadshows.
#include "store/postgres_store.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/columns.h"
#include "store/dataset_export.h"
#include "store/import_keys.h"
#include "store/roadshow_columns.h"

namespace ponte::store_internal {
namespace {

// Transaction-scoped advisory locks (pg_advisory_xact_lock keys). Migrations
// run once when several servers start together; imports and publications of
// a timetable, which delete and rewrite many rows, run one at a time.
constexpr std::int64_t kMigrationLock = 0x706f6e7465'01;  // "ponte" 1
constexpr std::int64_t kTimetableLock = 0x706f6e7465'02;

// SQLSTATE of a write in a read-only transaction (a store opened read_only).
constexpr std::string_view kReadOnlyTransaction = "25006";

std::string TrimMessage(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// key -> id for one table (optionally within an event).
KeyIds KeyMap(pqxx::transaction_base& tx, const std::string& table, std::int64_t event_id = 0) {
  KeyIds out;
  const pqxx::result rows =
      event_id == 0
          ? tx.exec("SELECT key, id FROM " + table)
          : tx.exec_params("SELECT key, id FROM " + table + " WHERE event_id = $1", event_id);
  for (const auto& row : rows) out.emplace(Text(row[0]), Int(row[1]));
  return out;
}

// Runs one statement of an import and names the record when it fails.
template <typename... Args>
Result<pqxx::result> ExecAt(pqxx::transaction_base& tx, const SourceLocation& where,
                            const std::string& sql, Args&&... args) {
  try {
    return tx.exec_params(sql, std::forward<Args>(args)...);
  } catch (const std::exception& e) {
    return FromException(e).WithContext(where.ToString());
  }
}

std::optional<double> Latitude(const std::optional<GeoPoint>& p) {
  return p ? std::optional<double>(p->latitude) : std::nullopt;
}
std::optional<double> Longitude(const std::optional<GeoPoint>& p) {
  return p ? std::optional<double>(p->longitude) : std::nullopt;
}
// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db", for
// messages and logs.
std::string Redacted(const std::string& uri) {
  const auto scheme = uri.find("://");
  const auto at = uri.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return uri;
  const auto colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

}  // namespace

Organization ReadOrganization(const pqxx::row& row) {
  Organization o;
  o.id = OrganizationId(Int(row[0]));
  o.key = Text(row[1]);
  o.name = LocalizedFromJson(Text(row[2]));
  o.type = ParseOrganizationType(Text(row[3])).value_or(OrganizationType::kOther);
  o.country = Text(row[4]);
  o.region = Text(row[5]);
  o.city = Text(row[6]);
  o.website = Text(row[7]);
  o.location = Location(row[8], row[9]);
  o.public_profile = Int(row[10]) != 0;
  o.version = static_cast<int>(Int(row[11]));
  return o;
}

Status MissedVersion(pqxx::transaction_base& tx, std::string_view table, std::string_view what,
                     std::int64_t id, int expected_version) {
  const pqxx::result now =
      tx.exec_params("SELECT version FROM " + std::string(table) + " WHERE id = $1", id);
  if (now.empty()) return NotFoundError("no " + std::string(what) + " " + std::to_string(id));
  return StaleError(what, id, expected_version, static_cast<int>(Int(now[0][0])));
}

Status DeleteVersioned(pqxx::transaction_base& tx, std::string_view table, std::string_view what,
                       std::int64_t id, int expected_version) {
  const pqxx::result rows = tx.exec_params(
      "DELETE FROM " + std::string(table) + " WHERE id = $1 AND version = $2 RETURNING id", id,
      expected_version);
  if (rows.empty()) return MissedVersion(tx, table, what, id, expected_version);
  return OkStatus();
}

Status FromException(const std::exception& e) {
  const std::string what = TrimMessage(e.what());
  if (dynamic_cast<const pqxx::integrity_constraint_violation*>(&e) != nullptr) {
    return AbortedError("constraint violated: " + what);
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr ||
      dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return UnavailableError("lost the connection to PostgreSQL: " + what);
  }
  const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
  if (sql != nullptr && sql->sqlstate() == kReadOnlyTransaction) {
    return PermissionDeniedError("database is read-only: " + what);
  }
  if (dynamic_cast<const pqxx::transaction_rollback*>(&e) != nullptr) {
    return UnavailableError("database busy (serialization failure or deadlock): " + what);
  }
  return InternalError("PostgreSQL: " + what);
}

// ---- import ------------------------------------------------------------------

Result<ImportReport> PostgresStore::Import(const Dataset& data, const ImportOptions& options) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<ImportReport> {
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kTimetableLock);
    ImportReport report;
    PONTE_RETURN_IF_ERROR(ImportAll(tx, data, options, report));
    if (options.dry_run) {
      tx.abort();
    } else {
      tx.commit();
    }
    return report;
  });
}

Status PostgresStore::ImportAll(pqxx::transaction_base& tx, const Dataset& data,
                                const ImportOptions& options, ImportReport& report) {
  // 1. The event the event-scoped records belong to.
  std::int64_t event_id = 0;
  if (data.event) {
    const Event& e = *data.event;
    const KeyIds events = KeyMap(tx, "events");
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO events(key, name, time_zone, start_date, end_date, themes, venues, "
        "follow_up_days) VALUES($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT(key) DO UPDATE SET "
        "name = excluded.name, time_zone = excluded.time_zone, start_date = excluded.start_date, "
        "end_date = excluded.end_date, themes = excluded.themes, venues = excluded.venues, "
        "follow_up_days = excluded.follow_up_days, version = events.version + 1 RETURNING id",
        e.key, ToJson(e.name), e.time_zone, FormatDate(e.start_date), FormatDate(e.end_date),
        ToJson(e.themes), VenuesToJson(e.venues), Json(e.follow_up_days).dump());
    event_id = Int(row[0]);
    Count(report.events, events.contains(e.key));
  } else if (!options.event_key.empty()) {
    const KeyIds events = KeyMap(tx, "events");
    auto it = events.find(options.event_key);
    if (it == events.end()) {
      return NotFoundError("no event with key '" + options.event_key + "' in the database");
    }
    event_id = it->second;
  } else if (data.HasEventScopedRecords()) {
    return InvalidArgumentError(
        "sessions, interpreters, requests and meetings belong to an event: give --event KEY or "
        "include an event.json");
  }

  // 2. Organizations.
  KeyIds orgs = KeyMap(tx, "organizations");
  for (const OrganizationRecord& rec : data.organizations) {
    const Organization& o = rec.organization;
    PONTE_ASSIGN_OR_RETURN(
        pqxx::result r,
        ExecAt(tx, rec.where,
               "INSERT INTO organizations(key, name, type, country, region, city, website, "
               "latitude, longitude) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT(key) "
               "DO UPDATE SET name = excluded.name, type = excluded.type, country = "
               "excluded.country, region = excluded.region, city = excluded.city, website = "
               "excluded.website, latitude = excluded.latitude, longitude = excluded.longitude, "
               "version = organizations.version + 1 RETURNING id",
               o.key, ToJson(o.name), std::string(ToCode(o.type)), o.country, o.region, o.city,
               o.website, Latitude(o.location), Longitude(o.location)));
    Count(report.organizations, orgs.contains(o.key));
    orgs[o.key] = Int(r[0][0]);
  }

  // 3. Sessions (people and interpreters refer to them).
  KeyIds sessions;
  if (event_id != 0) {
    sessions = KeyMap(tx, "sessions", event_id);
    for (const SessionRecord& rec : data.sessions) {
      const Session& s = rec.session;
      Json breaks = Json::array();
      for (const Interval& br : s.breaks) {
        breaks.push_back({EpochSeconds(br.start), EpochSeconds(br.end)});
      }
      PONTE_ASSIGN_OR_RETURN(
          pqxx::result r,
          ExecAt(tx, rec.where,
                 "INSERT INTO sessions(event_id, key, city, venue, date, start_at, end_at, "
                 "slot_minutes, tables, breaks) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                 "ON CONFLICT(event_id, key) DO UPDATE SET city = excluded.city, venue = "
                 "excluded.venue, date = excluded.date, start_at = excluded.start_at, end_at = "
                 "excluded.end_at, slot_minutes = excluded.slot_minutes, tables = "
                 "excluded.tables, breaks = excluded.breaks, version = sessions.version + 1 "
                 "RETURNING id",
                 event_id, s.key, s.city, s.venue, FormatDate(s.date), EpochSeconds(s.start),
                 EpochSeconds(s.end), static_cast<std::int64_t>(s.slot_length.count()), s.tables,
                 breaks.dump()));
      Count(report.sessions, sessions.contains(s.key));
      sessions[s.key] = Int(r[0][0]);
    }
  }

  // 4. People.
  KeyIds people = KeyMap(tx, "people");
  for (const PersonRecord& rec : data.people) {
    const Person& p = rec.person;
    PONTE_ASSIGN_OR_RETURN(std::int64_t org_id, Resolve(orgs, rec.where, "organization",
                                                        "organization", rec.organization_key));
    PONTE_ASSIGN_OR_RETURN(
        pqxx::result r,
        ExecAt(tx, rec.where,
               "INSERT INTO people(key, organization_id, given_name, family_name, name_latin, "
               "role, email, languages, needs_interpreter) VALUES($1, $2, $3, $4, $5, $6, $7, $8, "
               "$9) ON CONFLICT(key) DO UPDATE SET organization_id = excluded.organization_id, "
               "given_name = excluded.given_name, family_name = excluded.family_name, "
               "name_latin = excluded.name_latin, role = excluded.role, email = excluded.email, "
               "languages = excluded.languages, needs_interpreter = excluded.needs_interpreter, "
               "version = people.version + 1 RETURNING id",
               p.key, org_id, p.given_name, p.family_name, p.name_latin, p.role, p.email,
               ToJson(p.languages), p.needs_interpreter ? 1 : 0));
    const std::int64_t person_id = Int(r[0][0]);
    Count(report.people, people.contains(p.key));
    people[p.key] = person_id;
    if (event_id == 0) {
      if (!rec.session_keys.empty()) {
        return InvalidArgumentError(rec.where.ToString() +
                                    ": column 'sessions': give --event KEY to attach people to "
                                    "an event's sessions");
      }
      continue;
    }
    tx.exec_params(
        "DELETE FROM person_sessions WHERE person_id = $1 AND session_id IN (SELECT id FROM "
        "sessions WHERE event_id = $2)",
        person_id, event_id);
    for (const std::string& key : rec.session_keys) {
      PONTE_ASSIGN_OR_RETURN(std::int64_t sid,
                             Resolve(sessions, rec.where, "sessions", "session", key));
      tx.exec_params(
          "INSERT INTO person_sessions(person_id, session_id) VALUES($1, $2) ON CONFLICT DO "
          "NOTHING",
          person_id, sid);
    }
  }

  // 5. Profiles.
  {
    const KeyIds profiles = KeyMap(tx, "profiles");
    for (const ProfileRecord& rec : data.profiles) {
      const Profile& p = rec.profile;
      PONTE_ASSIGN_OR_RETURN(std::int64_t org_id, Resolve(orgs, rec.where, "organization",
                                                          "organization", rec.organization_key));
      std::vector<std::string> cooperation;
      for (CooperationType c : p.cooperation) cooperation.emplace_back(ToCode(c));
      PONTE_RETURN_IF_ERROR(
          ExecAt(tx, rec.where,
                 "INSERT INTO profiles(key, organization_id, kind, title, text, themes, keywords, "
                 "cooperation) VALUES($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT(key) DO UPDATE "
                 "SET organization_id = excluded.organization_id, kind = excluded.kind, title = "
                 "excluded.title, text = excluded.text, themes = excluded.themes, keywords = "
                 "excluded.keywords, cooperation = excluded.cooperation, version = "
                 "profiles.version + 1",
                 p.key, org_id, std::string(ToCode(p.kind)), ToJson(p.title), ToJson(p.text),
                 ToJson(p.themes), ToJson(p.keywords), ToJson(cooperation))
              .status());
      Count(report.profiles, profiles.contains(p.key));
    }
  }

  if (event_id == 0) return OkStatus();

  // 6. Interpreters.
  KeyIds interpreters = KeyMap(tx, "interpreters", event_id);
  for (const InterpreterRecord& rec : data.interpreters) {
    const Interpreter& it = rec.interpreter;
    std::vector<std::string> pairs;
    for (const LanguagePair& p : it.pairs) pairs.push_back(p.a + "-" + p.b);
    PONTE_ASSIGN_OR_RETURN(
        pqxx::result r,
        ExecAt(tx, rec.where,
               "INSERT INTO interpreters(event_id, key, name, pairs) VALUES($1, $2, $3, $4) ON "
               "CONFLICT(event_id, key) DO UPDATE SET name = excluded.name, pairs = "
               "excluded.pairs, version = interpreters.version + 1 RETURNING id",
               event_id, it.key, it.name, ToJson(pairs)));
    const std::int64_t id = Int(r[0][0]);
    Count(report.interpreters, interpreters.contains(it.key));
    interpreters[it.key] = id;
    tx.exec_params("DELETE FROM interpreter_sessions WHERE interpreter_id = $1", id);
    for (const std::string& key : rec.session_keys) {
      PONTE_ASSIGN_OR_RETURN(std::int64_t sid,
                             Resolve(sessions, rec.where, "sessions", "session", key));
      tx.exec_params(
          "INSERT INTO interpreter_sessions(interpreter_id, session_id) VALUES($1, $2) ON "
          "CONFLICT DO NOTHING",
          id, sid);
    }
  }

  // 7. Meeting requests.
  KeyIds requests = KeyMap(tx, "meeting_requests", event_id);
  for (const RequestRecord& rec : data.requests) {
    const MeetingRequest& r = rec.request;
    PONTE_ASSIGN_OR_RETURN(std::int64_t from,
                           Resolve(orgs, rec.where, "from", "organization", rec.from_key));
    PONTE_ASSIGN_OR_RETURN(std::int64_t to,
                           Resolve(orgs, rec.where, "to", "organization", rec.to_key));
    std::int64_t by = 0;
    if (!rec.requested_by_key.empty()) {
      PONTE_ASSIGN_OR_RETURN(
          by, Resolve(people, rec.where, "requested_by", "person", rec.requested_by_key));
    }
    PONTE_ASSIGN_OR_RETURN(
        pqxx::result row,
        ExecAt(tx, rec.where,
               "INSERT INTO meeting_requests(event_id, key, from_org, to_org, requested_by, "
               "preference, status, message, created_at, updated_at, expires_at) VALUES($1, $2, "
               "$3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT(event_id, key) DO UPDATE SET "
               "from_org = excluded.from_org, to_org = excluded.to_org, requested_by = "
               "excluded.requested_by, preference = excluded.preference, status = "
               "excluded.status, message = excluded.message, created_at = excluded.created_at, "
               "updated_at = excluded.updated_at, version = meeting_requests.version + 1 "
               "RETURNING id",
               event_id, r.key, from, to, OptionalId(by), std::string(ToCode(r.preference)),
               std::string(ToCode(r.status)), r.message, EpochSeconds(r.created_at),
               EpochSeconds(r.updated_at), OptionalInstant(r.expires_at)));
    Count(report.requests, requests.contains(r.key));
    requests[r.key] = Int(row[0][0]);
  }

  // 8. Meetings (an imported timetable replaces the event's meetings).
  if (data.meetings.empty()) return OkStatus();
  std::vector<Meeting> meetings;
  for (const MeetingRecord& rec : data.meetings) {
    PONTE_ASSIGN_OR_RETURN(Meeting m, ResolveMeeting(rec, orgs, sessions, requests, interpreters));
    meetings.push_back(m);
    Count(report.meetings, false);
  }
  tx.exec_params("DELETE FROM meetings WHERE event_id = $1", event_id);
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    const Meeting& m = meetings[i];
    const SourceLocation& where = data.meetings[i].where;
    auto inserted =
        ExecAt(tx, where,
               "INSERT INTO meetings(event_id, request_id, org_a, org_b, session_id, "
               "slot, table_no, interpreter_id, status) VALUES($1, $2, $3, $4, $5, "
               "$6, $7, $8, $9) RETURNING id",
               event_id, OptionalId(m.request.value()), m.a.value(), m.b.value(), m.session.value(),
               m.slot, m.table, OptionalId(m.interpreter.value()), std::string(ToCode(m.status)));
    if (!inserted.ok()) {
      if (inserted.status().code() != StatusCode::kAborted) return inserted.status();
      return AbortedError(where.ToString() + ": two meetings at the same table and slot");
    }
    const std::int64_t mid = Int((*inserted)[0][0]);
    if (m.status == MeetingStatus::kCancelled) continue;
    for (OrganizationId org : {m.a, m.b}) {
      auto seat = ExecAt(tx, where,
                         "INSERT INTO meeting_seats(meeting_id, organization_id, session_id, "
                         "slot) VALUES($1, $2, $3, $4)",
                         mid, org.value(), m.session.value(), m.slot);
      if (!seat.ok()) {
        if (seat.status().code() != StatusCode::kAborted) return seat.status();
        return AbortedError(where.ToString() +
                            ": an organization would be in two meetings in the same slot");
      }
    }
  }
  return OkStatus();
}

Status PostgresStore::AddRequests(EventId event, std::vector<MeetingRequest>& requests) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    for (MeetingRequest& r : requests) {
      try {
        const pqxx::row row = tx.exec_params1(
            "INSERT INTO meeting_requests(event_id, key, from_org, to_org, requested_by, "
            "preference, status, message, created_at, updated_at, expires_at) VALUES($1, $2, $3, "
            "$4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            event.value(), r.key, r.from.value(), r.to.value(), OptionalId(r.requested_by.value()),
            std::string(ToCode(r.preference)), std::string(ToCode(r.status)), r.message,
            EpochSeconds(r.created_at), EpochSeconds(r.updated_at), OptionalInstant(r.expires_at));
        r.id = MeetingRequestId(Int(row[0]));
      } catch (const pqxx::unique_violation&) {
        return AlreadyExistsError("a meeting request with key '" + r.key + "' already exists");
      }
      r.event = event;
      if (r.version == 0) r.version = 1;
    }
    tx.commit();
    return OkStatus();
  });
}

// ---- queries -------------------------------------------------------------------

Result<std::vector<Event>> PostgresStore::QueryEvents(pqxx::transaction_base& tx,
                                                      const std::string& where,
                                                      const std::string& key) {
  const std::string sql =
      "SELECT id, key, name, time_zone, start_date, end_date, themes, venues, follow_up_days FROM "
      "events " +
      where + " ORDER BY start_date, id";
  const pqxx::result rows = key.empty() ? tx.exec(sql) : Prepared(tx, sql, key);
  std::vector<Event> out;
  for (const auto& row : rows) {
    Event e;
    e.id = EventId(Int(row[0]));
    e.key = Text(row[1]);
    e.name = LocalizedFromJson(Text(row[2]));
    e.time_zone = Text(row[3]);
    e.start_date = ParseDate(Text(row[4])).value_or(CivilDate{});
    e.end_date = ParseDate(Text(row[5])).value_or(CivilDate{});
    e.themes = ListFromJson(Text(row[6]));
    e.venues = VenuesFromJson(Text(row[7]));
    e.follow_up_days = DaysFromJson(Text(row[8]));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<Event>> PostgresStore::ListEvents() {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<std::vector<Event>> {
    return QueryEvents(tx, "", "");
  });
}

Result<Event> PostgresStore::GetEvent(std::string_view key) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<Event> {
    PONTE_ASSIGN_OR_RETURN(auto events, QueryEvents(tx, "WHERE key = $1", std::string(key)));
    if (events.empty()) return NotFoundError("no event with key '" + std::string(key) + "'");
    return std::move(events.front());
  });
}

Result<std::vector<Organization>> PostgresStore::ListOrganizations() {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Organization>> {
        const pqxx::result rows = tx.exec("SELECT " + std::string(kOrganizationFields) +
                                          " FROM organizations ORDER BY id");
        std::vector<Organization> out;
        out.reserve(rows.size());
        for (const auto& row : rows) out.push_back(ReadOrganization(row));
        return out;
      });
}

namespace {

// Reads people rows (id, key, organization_id, given_name, family_name,
// name_latin, role, email, languages, needs_interpreter) and attaches their
// sessions from (person_id, session_id) rows.
// Ids from a string_agg(id::text, ',') column (NULL: none).
template <typename Id>
std::vector<Id> IdList(const pqxx::field& f) {
  std::vector<Id> out;
  if (f.is_null()) return out;
  std::string_view text(f.c_str());
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    std::int64_t value = 0;
    std::from_chars(item.data(), item.data() + item.size(), value);
    out.emplace_back(value);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<Person> ReadPeople(const pqxx::result& rows, const pqxx::result& sessions) {
  std::vector<Person> out;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (const auto& row : rows) {
    Person p;
    p.id = PersonId(Int(row[0]));
    p.key = Text(row[1]);
    p.organization = OrganizationId(Int(row[2]));
    p.given_name = Text(row[3]);
    p.family_name = Text(row[4]);
    p.name_latin = Text(row[5]);
    p.role = Text(row[6]);
    p.email = Text(row[7]);
    p.languages = ListFromJson(Text(row[8]));
    p.needs_interpreter = Int(row[9]) != 0;
    index[p.id.value()] = out.size();
    out.push_back(std::move(p));
  }
  for (const auto& row : sessions) {
    auto it = index.find(Int(row[0]));
    if (it != index.end()) out[it->second].sessions.emplace_back(Int(row[1]));
  }
  return out;
}

}  // namespace

Result<std::vector<Person>> PostgresStore::ListPeople() {
  return RunIn<pqxx::read_transaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Person>> {
        const pqxx::result rows = tx.exec(
            "SELECT id, key, organization_id, given_name, family_name, name_latin, role, email, "
            "languages, needs_interpreter FROM people ORDER BY id");
        const pqxx::result sessions = tx.exec(
            "SELECT person_id, session_id FROM person_sessions ORDER BY person_id, session_id");
        return ReadPeople(rows, sessions);
      });
}

Result<std::vector<Person>> PostgresStore::ListPeopleOf(OrganizationId org) {
  // One statement, prepared, with the sessions aggregated: an agenda asks
  // for the people of every counterpart, so this is a hot read and a round
  // trip here is one per meeting.
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Person>> {
        const pqxx::result rows = Prepared(
            tx,
            "SELECT p.id, p.key, p.organization_id, p.given_name, p.family_name, p.name_latin, "
            "p.role, p.email, p.languages, p.needs_interpreter, (SELECT "
            "string_agg(ps.session_id::text, "
            "',' ORDER BY ps.session_id) FROM person_sessions ps WHERE ps.person_id = p.id) FROM "
            "people p WHERE p.organization_id = $1 ORDER BY p.id",
            org.value());
        std::vector<Person> out = ReadPeople(rows, pqxx::result());
        for (std::size_t i = 0; i < out.size(); ++i) {
          out[i].sessions = IdList<SessionId>(rows[static_cast<pqxx::result::size_type>(i)][10]);
        }
        return out;
      });
}

Result<std::vector<Profile>> PostgresStore::ListProfiles() {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<Profile>> {
    const pqxx::result rows = tx.exec(
        "SELECT id, key, organization_id, kind, title, text, themes, keywords, cooperation FROM "
        "profiles ORDER BY id");
    std::vector<Profile> out;
    for (const auto& row : rows) {
      Profile p;
      p.id = ProfileId(Int(row[0]));
      p.key = Text(row[1]);
      p.organization = OrganizationId(Int(row[2]));
      p.kind = ParseProfileKind(Text(row[3])).value_or(ProfileKind::kOffer);
      p.title = LocalizedFromJson(Text(row[4]));
      p.text = LocalizedFromJson(Text(row[5]));
      p.themes = ListFromJson(Text(row[6]));
      p.keywords = ListFromJson(Text(row[7]));
      for (const std::string& c : ListFromJson(Text(row[8]))) {
        p.cooperation.push_back(ParseCooperationType(c).value_or(CooperationType::kOther));
      }
      out.push_back(std::move(p));
    }
    return out;
  });
}

Result<std::vector<Profile>> PostgresStore::ListProfilesOf(OrganizationId org) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Profile> all, ListProfiles());
  std::erase_if(all, [&](const Profile& p) { return p.organization != org; });
  return all;
}

Result<std::vector<Session>> PostgresStore::ListSessions(EventId event) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<Session>> {
    const pqxx::result rows = Prepared(
        tx,
        "SELECT id, key, city, venue, date, start_at, end_at, slot_minutes, tables, breaks FROM "
        "sessions WHERE event_id = $1 ORDER BY start_at, id",
        event.value());
    std::vector<Session> out;
    for (const auto& row : rows) {
      Session s;
      s.id = SessionId(Int(row[0]));
      s.key = Text(row[1]);
      s.event = event;
      s.city = Text(row[2]);
      s.venue = Text(row[3]);
      s.date = ParseDate(Text(row[4])).value_or(CivilDate{});
      s.start = FromEpochSeconds(Int(row[5]));
      s.end = FromEpochSeconds(Int(row[6]));
      s.slot_length = Minutes(Int(row[7]));
      s.tables = static_cast<int>(Int(row[8]));
      const Json breaks = Json::parse(Text(row[9]), nullptr, false);
      if (breaks.is_array()) {
        for (const Json& br : breaks) {
          s.breaks.push_back({FromEpochSeconds(br[0].get<std::int64_t>()),
                              FromEpochSeconds(br[1].get<std::int64_t>())});
        }
      }
      out.push_back(std::move(s));
    }
    return out;
  });
}

Result<std::vector<Interpreter>> PostgresStore::ListInterpreters(EventId event) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<Interpreter>> {
    const pqxx::result rows = Prepared(
        tx,
        "SELECT i.id, i.key, i.name, i.pairs, (SELECT string_agg(s.session_id::text, ',' ORDER BY "
        "s.session_id) FROM interpreter_sessions s WHERE s.interpreter_id = i.id) FROM "
        "interpreters i WHERE i.event_id = $1 ORDER BY i.id",
        event.value());
    std::vector<Interpreter> out;
    for (const auto& row : rows) {
      Interpreter it;
      it.id = InterpreterId(Int(row[0]));
      it.key = Text(row[1]);
      it.event = event;
      it.name = Text(row[2]);
      for (const std::string& pair : ListFromJson(Text(row[3]))) {
        const auto dash = pair.find('-');
        if (dash != std::string::npos) {
          it.pairs.push_back({pair.substr(0, dash), pair.substr(dash + 1)});
        }
      }
      it.sessions = IdList<SessionId>(row[4]);
      out.push_back(std::move(it));
    }
    return out;
  });
}

// ---- roadshows ---------------------------------------------------------------

Status PostgresStore::PutRoadshow(Roadshow& r) {
  const RoadshowColumns columns = EncodeRoadshow(r);
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO roadshows(key, name, settings, stages, travel, plan) VALUES($1, $2, $3, $4, "
        "$5, $6) ON CONFLICT(key) DO UPDATE SET name = excluded.name, settings = "
        "excluded.settings, stages = excluded.stages, travel = excluded.travel, plan = "
        "excluded.plan, version = roadshows.version + 1 RETURNING id",
        r.key, ToJson(r.name), columns.settings, columns.stages, columns.travel, r.plan);
    r.id = RoadshowId(Int(row[0]));
    tx.exec_params("DELETE FROM roadshow_visits WHERE roadshow_id = $1", r.id.value());
    for (RoadshowVisit& v : r.visits) {
      Json windows = Json::array();
      for (const VisitWindow& w : v.windows) {
        windows.push_back({FormatDate(w.date), w.open.count(), w.close.count()});
      }
      try {
        const pqxx::row vrow = tx.exec_params1(
            "INSERT INTO roadshow_visits(roadshow_id, key, host_org, name, city, kind, address, "
            "notes, latitude, longitude, duration_minutes, windows, value, mandatory) VALUES($1, "
            "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
            r.id.value(), v.key, OptionalId(v.host.value()), ToJson(v.name), v.city, v.kind,
            v.address, v.notes, Latitude(v.location), Longitude(v.location),
            static_cast<std::int64_t>(v.duration.count()), windows.dump(), v.value,
            v.mandatory ? 1 : 0);
        v.id = VisitId(Int(vrow[0]));
      } catch (const std::exception& e) {
        return FromException(e).WithContext("visit '" + v.key + "'");
      }
    }
    tx.commit();
    return OkStatus();
  });
}

Result<Roadshow> PostgresStore::GetRoadshow(std::string_view key) {
  return RunIn<pqxx::read_transaction>([&](pqxx::transaction_base& tx) -> Result<Roadshow> {
    const pqxx::result rows = tx.exec_params(
        "SELECT id, key, name, settings, stages, travel, plan FROM roadshows WHERE key = $1",
        std::string(key));
    if (rows.empty()) return NotFoundError("no roadshow with key '" + std::string(key) + "'");
    const pqxx::row row = rows[0];
    Roadshow r;
    r.id = RoadshowId(Int(row[0]));
    r.key = Text(row[1]);
    r.name = LocalizedFromJson(Text(row[2]));
    DecodeRoadshow(Text(row[3]), Text(row[4]), Text(row[5]), r);
    r.plan = Text(row[6]);
    const pqxx::result visits = tx.exec_params(
        "SELECT id, key, host_org, name, city, kind, address, notes, latitude, longitude, "
        "duration_minutes, windows, value, mandatory FROM roadshow_visits WHERE roadshow_id = $1 "
        "ORDER BY id",
        r.id.value());
    for (const auto& vrow : visits) {
      RoadshowVisit v;
      v.id = VisitId(Int(vrow[0]));
      v.key = Text(vrow[1]);
      v.host = OrganizationId(IdOrZero(vrow[2]));
      v.name = LocalizedFromJson(Text(vrow[3]));
      v.city = Text(vrow[4]);
      v.kind = Text(vrow[5]);
      v.address = Text(vrow[6]);
      v.notes = Text(vrow[7]);
      v.location = Location(vrow[8], vrow[9]);
      v.duration = Minutes(Int(vrow[10]));
      for (const Json& w : Json::parse(Text(vrow[11]), nullptr, false)) {
        v.windows.push_back({ParseDate(w[0].get<std::string>()).value_or(CivilDate{}),
                             Minutes(w[1].get<std::int64_t>()), Minutes(w[2].get<std::int64_t>())});
      }
      v.value = vrow[12].as<double>();
      v.mandatory = Int(vrow[13]) != 0;
      r.visits.push_back(std::move(v));
    }
    return r;
  });
}

Result<StoreSummary> PostgresStore::Summary() {
  return RunIn<pqxx::read_transaction>([&](pqxx::transaction_base& tx) -> Result<StoreSummary> {
    const pqxx::row row = tx.exec1(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM organizations), (SELECT "
        "count(*) FROM people), (SELECT count(*) FROM profiles), (SELECT count(*) FROM "
        "meeting_requests), (SELECT count(*) FROM meetings)");
    return StoreSummary{static_cast<int>(Int(row[0])), static_cast<int>(Int(row[1])),
                        static_cast<int>(Int(row[2])), static_cast<int>(Int(row[3])),
                        static_cast<int>(Int(row[4])), static_cast<int>(Int(row[5]))};
  });
}

Status PostgresStore::Transact(TransactEnd end, const std::function<Status()>& body) {
  if (batch_ != nullptr) return FailedPreconditionError("Store::Transact does not nest");
  PONTE_RETURN_IF_ERROR(Run([&]() -> Status {
    batch_ = std::make_unique<pqxx::work>(*conn_);
    return OkStatus();
  }));
  const Status status = body();
  const Status ended = Guard([&]() -> Status {
    if (status.ok() && end == TransactEnd::kCommit) {
      batch_->commit();
    } else {
      batch_->abort();
    }
    return OkStatus();
  });
  batch_.reset();
  if (conn_ != nullptr && !conn_->is_open()) conn_.reset();
  return status.ok() ? ended : status;
}

Status PostgresStore::RestoreVersion(VersionedKind kind, std::int64_t id, int version) {
  if (version < 1) return InvalidArgumentError("version: expected 1 or more");
  const std::string table(VersionedTable(kind));
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::result rows = tx.exec_params(
        "UPDATE " + table + " SET version = $1 WHERE id = $2 RETURNING id", version, id);
    if (rows.empty()) return NotFoundError("no row " + std::to_string(id) + " in " + table);
    tx.commit();
    return OkStatus();
  });
}

// ---- export ------------------------------------------------------------------

Result<Dataset> PostgresStore::Export(const ExportOptions& options) {
  return ExportDataset(*this, options);
}

// ---- opening and migrations --------------------------------------------------

namespace {

// 0 for an empty database (no tables in the current schema).
Result<int> ReadSchemaVersion(pqxx::transaction_base& tx, const std::string& where) {
  const pqxx::row meta = tx.exec1("SELECT to_regclass('ponte_meta') IS NOT NULL");
  if (!meta[0].as<bool>()) {
    const pqxx::row tables = tx.exec1(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
    if (Int(tables[0]) == 0) return 0;
    return FailedPreconditionError("'" + where +
                                   "' is a PostgreSQL database but not a ponte database; refusing "
                                   "to touch it");
  }
  const pqxx::result version = tx.exec("SELECT value FROM ponte_meta WHERE key = 'schema_version'");
  if (version.empty()) {
    return FailedPreconditionError("'" + where + "': ponte_meta has no schema_version");
  }
  return std::stoi(Text(version[0][0]));
}

void Migrate(pqxx::transaction_base& tx, int from) {
  if (from == 0) {
    tx.exec(
        "CREATE TABLE ponte_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO ponte_meta VALUES ('application', 'ponte'), ('schema_version', '0');");
  }
  for (const Migration& m : PostgresMigrations()) {
    if (m.version <= from) continue;
    tx.exec(std::string(m.sql));
    tx.exec_params("UPDATE ponte_meta SET value = $1 WHERE key = 'schema_version'",
                   std::to_string(m.version));
  }
  // Every table, including those a migration just added, bumps the change
  // stamp (migration 4).
  tx.exec("SELECT ponte_track_changes()");
}

}  // namespace

std::unique_ptr<pqxx::connection> Connect(const std::string& uri, bool read_only) {
  auto conn = std::make_unique<pqxx::connection>(uri);
  // Through set_variable, which libpqxx also restores if it reconnects by
  // itself.
  conn->set_variable("client_encoding", "UTF8");
  if (read_only) conn->set_variable("default_transaction_read_only", "on");
  return conn;
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 const OpenOptions& options) {
  const std::string where = Redacted(uri);
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = Connect(uri, options.read_only);
  } catch (const std::exception& e) {
    return UnavailableError("cannot connect to PostgreSQL at '" + where +
                            "': " + TrimMessage(e.what()));
  }
  auto version = Guard([&]() -> Result<int> {
    pqxx::work tx(*conn);
    // Servers starting together migrate one after the other; the later ones
    // find the schema current. Read-only opens never migrate (and may be on a
    // standby), so they do not wait.
    if (!options.read_only) tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    PONTE_ASSIGN_OR_RETURN(int found, ReadSchemaVersion(tx, where));
    const int current = Store::CurrentSchemaVersion();
    if (found > current) {
      return FailedPreconditionError("database '" + where + "' has schema version " +
                                     std::to_string(found) + ", written by a newer ponte; this " +
                                     "ponte understands up to version " + std::to_string(current) +
                                     ": upgrade ponte (nothing was changed)");
    }
    if (found == 0 && !options.create_if_missing) {
      return NotFoundError("database '" + where +
                           "' has no ponte schema yet (create it with: ponte init --db " + where +
                           ")");
    }
    if (found < current) {
      if (options.read_only) {
        return FailedPreconditionError("database '" + where + "' has schema version " +
                                       std::to_string(found) + " and needs migrating to " +
                                       std::to_string(current) + ": open it once read-write");
      }
      Migrate(tx, found);
      tx.commit();
    }
    return current;
  });
  if (!version.ok()) return version.status();
  return std::unique_ptr<Store>(
      std::make_unique<PostgresStore>(uri, options.read_only, std::move(conn), *version));
}

// Exact across servers: every statement that changes rows bumps a shard of
// ponte_changes in its own transaction, so the sum grows with every commit
// that changed anything, on any connection, and with nothing else. A caller
// reads the stamp before its data, in separate statements under READ
// COMMITTED: whatever commit the stamp includes, the later data reads see
// too. A write that commits between the two reads is either seen by the data
// (newer data cached under an older stamp: the next stamp differs, so it is
// recomputed) or not yet committed (its bump is not in this stamp, so it
// changes the next one). Either way no result is kept under a stamp that
// includes a write the result misses. (Reads from a hot standby would break
// this: the store always reads from the primary.) nullopt when the database
// cannot be reached: callers then compute afresh.
std::optional<std::uint64_t> PostgresStore::ChangeStamp() {
  auto stamp =
      RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<std::uint64_t> {
        const pqxx::result rows = Prepared(tx, "SELECT sum(n) FROM ponte_changes");
        if (rows.empty() || rows[0][0].is_null()) return InternalError("ponte_changes is empty");
        return static_cast<std::uint64_t>(Int(rows[0][0]));
      });
  if (!stamp.ok()) return std::nullopt;
  return *stamp;
}

}  // namespace ponte::store_internal
