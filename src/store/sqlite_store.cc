#include "store/sqlite_store.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/dataset_export.h"
#include "store/import_keys.h"
#include "store/migrations.h"
#include "store/roadshow_columns.h"

namespace ponte::store_internal {
namespace {

// key -> id for one table (optionally within an event).
Result<std::unordered_map<std::string, std::int64_t>> KeyMap(Database& db, std::string_view table,
                                                             std::int64_t event_id = 0) {
  std::string sql = "SELECT key, id FROM " + std::string(table);
  if (event_id != 0) sql += " WHERE event_id = ?1";
  PONTE_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql));
  if (event_id != 0) stmt.Bind(1, event_id);
  std::unordered_map<std::string, std::int64_t> out;
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.emplace(stmt.Text(0), stmt.Int(1));
  }
  return out;
}

}  // namespace

// ---- import ------------------------------------------------------------------

Result<std::int64_t> SqliteStore::UpsertEvent(const Event& e, ImportReport& report) {
  PONTE_ASSIGN_OR_RETURN(auto events, KeyMap(*db_, "events"));
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO events(key, name, time_zone, start_date, end_date, themes, venues, "
                   "follow_up_days) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(key) DO "
                   "UPDATE SET name = excluded.name, time_zone = excluded.time_zone, start_date = "
                   "excluded.start_date, end_date = excluded.end_date, themes = excluded.themes, "
                   "venues = excluded.venues, follow_up_days = excluded.follow_up_days, version = "
                   "version + 1 RETURNING id"));
  stmt.Bind(1, e.key)
      .Bind(2, ToJson(e.name))
      .Bind(3, e.time_zone)
      .Bind(4, FormatDate(e.start_date));
  stmt.Bind(5, FormatDate(e.end_date)).Bind(6, ToJson(e.themes)).Bind(7, VenuesToJson(e.venues));
  stmt.Bind(8, Json(e.follow_up_days).dump());
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return InternalError("upsert of event returned no id");
  Count(report.events, events.contains(e.key));
  return stmt.Int(0);
}

Status SqliteStore::ImportAll(const Dataset& data, const ImportOptions& options,
                              ImportReport& report) {
  // 1. The event the event-scoped records belong to.
  std::int64_t event_id = 0;
  if (data.event) {
    PONTE_ASSIGN_OR_RETURN(event_id, UpsertEvent(*data.event, report));
  } else if (!options.event_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(auto events, KeyMap(*db_, "events"));
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
  PONTE_ASSIGN_OR_RETURN(auto orgs, KeyMap(*db_, "organizations"));
  {
    PONTE_ASSIGN_OR_RETURN(
        Statement stmt,
        db_->Prepare("INSERT INTO organizations(key, name, type, country, region, city, website, "
                     "latitude, longitude) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                     "ON CONFLICT(key) DO UPDATE SET name = excluded.name, type = excluded.type, "
                     "country = excluded.country, region = excluded.region, city = excluded.city, "
                     "website = excluded.website, latitude = excluded.latitude, longitude = "
                     "excluded.longitude, version = version + 1 RETURNING id"));
    for (const OrganizationRecord& rec : data.organizations) {
      const Organization& o = rec.organization;
      stmt.Bind(1, o.key).Bind(2, ToJson(o.name)).Bind(3, ToCode(o.type)).Bind(4, o.country);
      stmt.Bind(5, o.region).Bind(6, o.city).Bind(7, o.website);
      if (o.location) {
        stmt.Bind(8, o.location->latitude).Bind(9, o.location->longitude);
      } else {
        stmt.BindNull(8).BindNull(9);
      }
      auto row = stmt.Step();
      if (!row.ok()) return row.status().WithContext(rec.where.ToString());
      Count(report.organizations, orgs.contains(o.key));
      orgs[o.key] = stmt.Int(0);
      stmt.Reset();
    }
  }

  // 3. Sessions (people and interpreters refer to them).
  std::unordered_map<std::string, std::int64_t> sessions;
  if (event_id != 0) {
    PONTE_ASSIGN_OR_RETURN(sessions, KeyMap(*db_, "sessions", event_id));
    PONTE_ASSIGN_OR_RETURN(
        Statement stmt,
        db_->Prepare(
            "INSERT INTO sessions(event_id, key, city, venue, date, start_at, end_at, "
            "slot_minutes, tables, breaks) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
            "ON CONFLICT(event_id, key) DO UPDATE SET city = excluded.city, venue = "
            "excluded.venue, date = excluded.date, start_at = excluded.start_at, end_at = "
            "excluded.end_at, slot_minutes = excluded.slot_minutes, tables = "
            "excluded.tables, breaks = excluded.breaks, version = version + 1 RETURNING id"));
    for (const SessionRecord& rec : data.sessions) {
      const Session& s = rec.session;
      Json breaks = Json::array();
      for (const Interval& br : s.breaks)
        breaks.push_back({EpochSeconds(br.start), EpochSeconds(br.end)});
      stmt.Bind(1, event_id).Bind(2, s.key).Bind(3, s.city).Bind(4, s.venue);
      stmt.Bind(5, FormatDate(s.date)).Bind(6, EpochSeconds(s.start)).Bind(7, EpochSeconds(s.end));
      stmt.Bind(8, static_cast<std::int64_t>(s.slot_length.count())).Bind(9, s.tables);
      stmt.Bind(10, breaks.dump());
      auto row = stmt.Step();
      if (!row.ok()) return row.status().WithContext(rec.where.ToString());
      Count(report.sessions, sessions.contains(s.key));
      sessions[s.key] = stmt.Int(0);
      stmt.Reset();
    }
  }

  // 4. People.
  PONTE_ASSIGN_OR_RETURN(auto people, KeyMap(*db_, "people"));
  {
    PONTE_ASSIGN_OR_RETURN(
        Statement stmt,
        db_->Prepare("INSERT INTO people(key, organization_id, given_name, family_name, "
                     "name_latin, role, email, languages, needs_interpreter) VALUES(?1, ?2, ?3, "
                     "?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(key) DO UPDATE SET organization_id = "
                     "excluded.organization_id, given_name = excluded.given_name, family_name = "
                     "excluded.family_name, name_latin = excluded.name_latin, role = "
                     "excluded.role, email = excluded.email, languages = excluded.languages, "
                     "needs_interpreter = excluded.needs_interpreter, version = version + 1 "
                     "RETURNING id"));
    PONTE_ASSIGN_OR_RETURN(
        Statement clear,
        db_->Prepare("DELETE FROM person_sessions WHERE person_id = ?1 AND session_id IN "
                     "(SELECT id FROM sessions WHERE event_id = ?2)"));
    PONTE_ASSIGN_OR_RETURN(
        Statement attend,
        db_->Prepare(
            "INSERT OR IGNORE INTO person_sessions(person_id, session_id) VALUES(?1, ?2)"));
    for (const PersonRecord& rec : data.people) {
      const Person& p = rec.person;
      PONTE_ASSIGN_OR_RETURN(std::int64_t org_id, Resolve(orgs, rec.where, "organization",
                                                          "organization", rec.organization_key));
      stmt.Bind(1, p.key).Bind(2, org_id).Bind(3, p.given_name).Bind(4, p.family_name);
      stmt.Bind(5, p.name_latin).Bind(6, p.role).Bind(7, p.email).Bind(8, ToJson(p.languages));
      stmt.Bind(9, p.needs_interpreter ? 1 : 0);
      auto row = stmt.Step();
      if (!row.ok()) return row.status().WithContext(rec.where.ToString());
      const std::int64_t person_id = stmt.Int(0);
      Count(report.people, people.contains(p.key));
      people[p.key] = person_id;
      stmt.Reset();
      if (event_id == 0) {
        if (!rec.session_keys.empty()) {
          return InvalidArgumentError(rec.where.ToString() +
                                      ": column 'sessions': give --event KEY to attach people to "
                                      "an event's sessions");
        }
        continue;
      }
      PONTE_RETURN_IF_ERROR(clear.Bind(1, person_id).Bind(2, event_id).Run());
      for (const std::string& key : rec.session_keys) {
        PONTE_ASSIGN_OR_RETURN(std::int64_t sid,
                               Resolve(sessions, rec.where, "sessions", "session", key));
        PONTE_RETURN_IF_ERROR(attend.Bind(1, person_id).Bind(2, sid).Run());
      }
    }
  }

  // 5. Profiles.
  {
    PONTE_ASSIGN_OR_RETURN(auto profiles, KeyMap(*db_, "profiles"));
    PONTE_ASSIGN_OR_RETURN(
        Statement stmt,
        db_->Prepare("INSERT INTO profiles(key, organization_id, kind, title, text, themes, "
                     "keywords, cooperation) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON "
                     "CONFLICT(key) DO UPDATE SET organization_id = excluded.organization_id, kind "
                     "= excluded.kind, title = excluded.title, text = excluded.text, themes = "
                     "excluded.themes, keywords = excluded.keywords, cooperation = "
                     "excluded.cooperation, version = version + 1"));
    for (const ProfileRecord& rec : data.profiles) {
      const Profile& p = rec.profile;
      PONTE_ASSIGN_OR_RETURN(std::int64_t org_id, Resolve(orgs, rec.where, "organization",
                                                          "organization", rec.organization_key));
      std::vector<std::string> cooperation;
      for (CooperationType c : p.cooperation) cooperation.emplace_back(ToCode(c));
      stmt.Bind(1, p.key).Bind(2, org_id).Bind(3, ToCode(p.kind)).Bind(4, ToJson(p.title));
      stmt.Bind(5, ToJson(p.text)).Bind(6, ToJson(p.themes)).Bind(7, ToJson(p.keywords));
      stmt.Bind(8, ToJson(cooperation));
      Status s = stmt.Run();
      if (!s.ok()) return s.WithContext(rec.where.ToString());
      Count(report.profiles, profiles.contains(p.key));
    }
  }

  if (event_id == 0) return OkStatus();

  // 6. Interpreters.
  PONTE_ASSIGN_OR_RETURN(auto interpreters, KeyMap(*db_, "interpreters", event_id));
  {
    PONTE_ASSIGN_OR_RETURN(
        Statement stmt,
        db_->Prepare("INSERT INTO interpreters(event_id, key, name, pairs) VALUES(?1, ?2, ?3, ?4) "
                     "ON CONFLICT(event_id, key) DO UPDATE SET name = excluded.name, pairs = "
                     "excluded.pairs, version = version + 1 RETURNING id"));
    PONTE_ASSIGN_OR_RETURN(
        Statement clear,
        db_->Prepare("DELETE FROM interpreter_sessions WHERE interpreter_id = ?1"));
    PONTE_ASSIGN_OR_RETURN(
        Statement attend,
        db_->Prepare("INSERT OR IGNORE INTO interpreter_sessions(interpreter_id, session_id) "
                     "VALUES(?1, ?2)"));
    for (const InterpreterRecord& rec : data.interpreters) {
      const Interpreter& it = rec.interpreter;
      std::vector<std::string> pairs;
      for (const LanguagePair& p : it.pairs) pairs.push_back(p.a + "-" + p.b);
      stmt.Bind(1, event_id).Bind(2, it.key).Bind(3, it.name).Bind(4, ToJson(pairs));
      auto row = stmt.Step();
      if (!row.ok()) return row.status().WithContext(rec.where.ToString());
      const std::int64_t id = stmt.Int(0);
      Count(report.interpreters, interpreters.contains(it.key));
      interpreters[it.key] = id;
      stmt.Reset();
      PONTE_RETURN_IF_ERROR(clear.Bind(1, id).Run());
      for (const std::string& key : rec.session_keys) {
        PONTE_ASSIGN_OR_RETURN(std::int64_t sid,
                               Resolve(sessions, rec.where, "sessions", "session", key));
        PONTE_RETURN_IF_ERROR(attend.Bind(1, id).Bind(2, sid).Run());
      }
    }
  }

  // 7. Meeting requests.
  PONTE_ASSIGN_OR_RETURN(auto requests, KeyMap(*db_, "meeting_requests", event_id));
  for (const RequestRecord& rec : data.requests) {
    MeetingRequest r = rec.request;
    PONTE_ASSIGN_OR_RETURN(std::int64_t from,
                           Resolve(orgs, rec.where, "from", "organization", rec.from_key));
    PONTE_ASSIGN_OR_RETURN(std::int64_t to,
                           Resolve(orgs, rec.where, "to", "organization", rec.to_key));
    r.from = OrganizationId(from);
    r.to = OrganizationId(to);
    if (!rec.requested_by_key.empty()) {
      PONTE_ASSIGN_OR_RETURN(std::int64_t by, Resolve(people, rec.where, "requested_by", "person",
                                                      rec.requested_by_key));
      r.requested_by = PersonId(by);
    }
    Status s = InsertRequest(event_id, r, /*upsert=*/true);
    if (!s.ok()) return s.WithContext(rec.where.ToString());
    Count(report.requests, requests.contains(r.key));
    requests[r.key] = r.id.value();
  }

  // 8. Meetings (an imported timetable).
  if (!data.meetings.empty()) {
    std::vector<Meeting> meetings;
    for (const MeetingRecord& rec : data.meetings) {
      PONTE_ASSIGN_OR_RETURN(Meeting m,
                             ResolveMeeting(rec, orgs, sessions, requests, interpreters));
      meetings.push_back(m);
      Count(report.meetings, false);
    }
    PONTE_RETURN_IF_ERROR(
        db_->Exec("DELETE FROM meetings WHERE event_id = " + std::to_string(event_id)));
    PONTE_ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO meetings(event_id, request_id, org_a, org_b, session_id, "
                     "slot, table_no, interpreter_id, status) VALUES(?1, ?2, ?3, ?4, ?5, "
                     "?6, ?7, ?8, ?9)"));
    PONTE_ASSIGN_OR_RETURN(Statement seat,
                           db_->Prepare("INSERT INTO meeting_seats(meeting_id, organization_id, "
                                        "session_id, slot) VALUES(?1, ?2, ?3, ?4)"));
    for (std::size_t i = 0; i < meetings.size(); ++i) {
      Meeting& m = meetings[i];
      insert.Bind(1, event_id).BindOptionalId(2, m.request.value()).Bind(3, m.a.value());
      insert.Bind(4, m.b.value()).Bind(5, m.session.value()).Bind(6, m.slot).Bind(7, m.table);
      insert.BindOptionalId(8, m.interpreter.value()).Bind(9, ToCode(m.status));
      Status s = insert.Run();
      if (!s.ok()) {
        return AbortedError(data.meetings[i].where.ToString() +
                            ": two meetings at the same table and slot");
      }
      const std::int64_t mid = db_->LastInsertId();
      if (m.status == MeetingStatus::kCancelled) continue;
      for (OrganizationId org : {m.a, m.b}) {
        Status busy =
            seat.Bind(1, mid).Bind(2, org.value()).Bind(3, m.session.value()).Bind(4, m.slot).Run();
        if (!busy.ok()) {
          return AbortedError(data.meetings[i].where.ToString() +
                              ": an organization would be in two meetings in the same slot");
        }
      }
    }
  }
  return OkStatus();
}

Status SqliteStore::InsertRequest(std::int64_t event_id, MeetingRequest& r, bool upsert) {
  std::string sql =
      "INSERT INTO meeting_requests(event_id, key, from_org, to_org, requested_by, preference, "
      "status, message, created_at, updated_at, expires_at) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
  if (upsert) {
    sql +=
        " ON CONFLICT(event_id, key) DO UPDATE SET from_org = excluded.from_org, to_org = "
        "excluded.to_org, requested_by = excluded.requested_by, preference = excluded.preference, "
        "status = excluded.status, message = excluded.message, created_at = excluded.created_at, "
        "updated_at = excluded.updated_at, version = version + 1";
  }
  sql += " RETURNING id";
  PONTE_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(sql));
  stmt.Bind(1, event_id).Bind(2, r.key).Bind(3, r.from.value()).Bind(4, r.to.value());
  stmt.BindOptionalId(5, r.requested_by.value()).Bind(6, ToCode(r.preference));
  stmt.Bind(7, ToCode(r.status)).Bind(8, r.message).Bind(9, EpochSeconds(r.created_at));
  stmt.Bind(10, EpochSeconds(r.updated_at));
  if (r.expires_at) {
    stmt.Bind(11, EpochSeconds(*r.expires_at));
  } else {
    stmt.BindNull(11);
  }
  auto row = stmt.Step();
  if (!row.ok()) {
    if (row.status().code() == StatusCode::kAborted) {
      return AlreadyExistsError("a meeting request with key '" + r.key + "' already exists");
    }
    return row.status();
  }
  r.id = MeetingRequestId(stmt.Int(0));
  r.event = EventId(event_id);
  if (r.version == 0) r.version = 1;
  return OkStatus();
}

Status SqliteStore::AddRequests(EventId event, std::vector<MeetingRequest>& requests) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  for (MeetingRequest& r : requests) PONTE_RETURN_IF_ERROR(InsertRequest(event.value(), r, false));
  return tx.Commit();
}

// ---- queries -------------------------------------------------------------------

Result<std::vector<Event>> SqliteStore::QueryEvents(std::string_view where, std::string_view key) {
  PONTE_ASSIGN_OR_RETURN(
      Statement * stmt_cached,
      Cached("SELECT id, key, name, time_zone, start_date, end_date, themes, venues, "
             "follow_up_days FROM events " +
             std::string(where) + " ORDER BY start_date, id"));
  Statement& stmt = *stmt_cached;
  if (!key.empty()) stmt.Bind(1, key);
  return Collect<Event>(stmt, [&] {
    Event e;
    e.id = EventId(stmt.Int(0));
    e.key = stmt.Text(1);
    e.name = LocalizedFromJson(stmt.Text(2));
    e.time_zone = stmt.Text(3);
    e.start_date = ParseDate(stmt.Text(4)).value_or(CivilDate{});
    e.end_date = ParseDate(stmt.Text(5)).value_or(CivilDate{});
    e.themes = ListFromJson(stmt.Text(6));
    e.venues = VenuesFromJson(stmt.Text(7));
    e.follow_up_days = DaysFromJson(stmt.Text(8));
    return e;
  });
}

Result<std::vector<Event>> SqliteStore::ListEvents() { return QueryEvents("", ""); }

Result<Event> SqliteStore::GetEvent(std::string_view key) {
  PONTE_ASSIGN_OR_RETURN(auto events, QueryEvents("WHERE key = ?1", key));
  if (events.empty()) return NotFoundError("no event with key '" + std::string(key) + "'");
  return std::move(events.front());
}

Result<std::vector<Organization>> SqliteStore::ListOrganizations() {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare(std::string(kOrganizationColumns) + "ORDER BY id"));
  return Collect<Organization>(stmt, [&] { return ReadOrganization(stmt); });
}

Result<std::vector<Person>> SqliteStore::ListPeople() {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare(std::string(kPersonColumns) + "FROM people ORDER BY id"));
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> out,
                         Collect<Person>(stmt, [&] { return ReadPerson(stmt); }));
  PONTE_ASSIGN_OR_RETURN(
      Statement sessions,
      db_->Prepare(
          "SELECT person_id, session_id FROM person_sessions ORDER BY person_id, session_id"));
  PONTE_RETURN_IF_ERROR(AttachSessions(sessions, out));
  return out;
}

Result<std::vector<Profile>> SqliteStore::ListProfiles() {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT id, key, organization_id, kind, title, text, themes, keywords, "
                   "cooperation FROM profiles ORDER BY id"));
  return Collect<Profile>(stmt, [&] {
    Profile p;
    p.id = ProfileId(stmt.Int(0));
    p.key = stmt.Text(1);
    p.organization = OrganizationId(stmt.Int(2));
    p.kind = ParseProfileKind(stmt.Text(3)).value_or(ProfileKind::kOffer);
    p.title = LocalizedFromJson(stmt.Text(4));
    p.text = LocalizedFromJson(stmt.Text(5));
    p.themes = ListFromJson(stmt.Text(6));
    p.keywords = ListFromJson(stmt.Text(7));
    for (const std::string& c : ListFromJson(stmt.Text(8))) {
      p.cooperation.push_back(ParseCooperationType(c).value_or(CooperationType::kOther));
    }
    return p;
  });
}

Result<std::vector<Session>> SqliteStore::ListSessions(EventId event) {
  PONTE_ASSIGN_OR_RETURN(
      Statement * stmt_cached,
      Cached("SELECT id, key, city, venue, date, start_at, end_at, slot_minutes, tables, "
             "breaks FROM sessions WHERE event_id = ?1 ORDER BY start_at, id"));
  Statement& stmt = *stmt_cached;
  stmt.Bind(1, event.value());
  return Collect<Session>(stmt, [&] {
    Session s;
    s.id = SessionId(stmt.Int(0));
    s.key = stmt.Text(1);
    s.event = event;
    s.city = stmt.Text(2);
    s.venue = stmt.Text(3);
    s.date = ParseDate(stmt.Text(4)).value_or(CivilDate{});
    s.start = FromEpochSeconds(stmt.Int(5));
    s.end = FromEpochSeconds(stmt.Int(6));
    s.slot_length = Minutes(stmt.Int(7));
    s.tables = static_cast<int>(stmt.Int(8));
    Json breaks = Json::parse(stmt.Text(9), nullptr, false);
    if (breaks.is_array()) {
      for (const Json& br : breaks) {
        s.breaks.push_back({FromEpochSeconds(br[0].get<std::int64_t>()),
                            FromEpochSeconds(br[1].get<std::int64_t>())});
      }
    }
    return s;
  });
}

Result<std::vector<Interpreter>> SqliteStore::ListInterpreters(EventId event) {
  PONTE_ASSIGN_OR_RETURN(
      Statement * stmt_cached,
      Cached("SELECT id, key, name, pairs FROM interpreters WHERE event_id = ?1 ORDER BY id"));
  Statement& stmt = *stmt_cached;
  stmt.Bind(1, event.value());
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> out, Collect<Interpreter>(stmt, [&] {
                           Interpreter it;
                           it.id = InterpreterId(stmt.Int(0));
                           it.key = stmt.Text(1);
                           it.event = event;
                           it.name = stmt.Text(2);
                           for (const std::string& pair : ListFromJson(stmt.Text(3))) {
                             const auto dash = pair.find('-');
                             if (dash != std::string::npos)
                               it.pairs.push_back({pair.substr(0, dash), pair.substr(dash + 1)});
                           }
                           return it;
                         }));
  PONTE_ASSIGN_OR_RETURN(
      Statement * sessions_cached,
      Cached("SELECT s.interpreter_id, s.session_id FROM interpreter_sessions s JOIN "
             "interpreters i ON i.id = s.interpreter_id WHERE i.event_id = ?1 "
             "ORDER BY s.interpreter_id, s.session_id"));
  Statement& sessions = *sessions_cached;
  sessions.Bind(1, event.value());
  PONTE_RETURN_IF_ERROR(AttachSessions(sessions, out));
  return out;
}

Status SqliteStore::PutRoadshow(Roadshow& r) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  const RoadshowColumns columns = EncodeRoadshow(r);
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(
          "INSERT INTO roadshows(key, name, settings, stages, travel, plan) VALUES(?1, ?2, "
          "?3, ?4, ?5, ?6) ON CONFLICT(key) DO UPDATE SET name = excluded.name, settings = "
          "excluded.settings, stages = excluded.stages, travel = excluded.travel, plan = "
          "excluded.plan, version = version + 1 RETURNING id"));
  stmt.Bind(1, r.key).Bind(2, ToJson(r.name)).Bind(3, columns.settings).Bind(4, columns.stages);
  stmt.Bind(5, columns.travel).Bind(6, r.plan);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return InternalError("roadshow upsert returned no id");
  r.id = RoadshowId(stmt.Int(0));
  stmt.Reset();
  PONTE_ASSIGN_OR_RETURN(Statement clear,
                         db_->Prepare("DELETE FROM roadshow_visits WHERE roadshow_id = ?1"));
  PONTE_RETURN_IF_ERROR(clear.Bind(1, r.id.value()).Run());
  PONTE_ASSIGN_OR_RETURN(
      Statement visit,
      db_->Prepare("INSERT INTO roadshow_visits(roadshow_id, key, host_org, name, city, kind, "
                   "address, notes, latitude, longitude, duration_minutes, windows, value, "
                   "mandatory) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                   "RETURNING id"));
  for (RoadshowVisit& v : r.visits) {
    Json windows = Json::array();
    for (const VisitWindow& w : v.windows) {
      windows.push_back({FormatDate(w.date), w.open.count(), w.close.count()});
    }
    visit.Bind(1, r.id.value()).Bind(2, v.key).BindOptionalId(3, v.host.value());
    visit.Bind(4, ToJson(v.name)).Bind(5, v.city).Bind(6, v.kind).Bind(7, v.address);
    visit.Bind(8, v.notes);
    if (v.location) {
      visit.Bind(9, v.location->latitude).Bind(10, v.location->longitude);
    } else {
      visit.BindNull(9).BindNull(10);
    }
    visit.Bind(11, static_cast<std::int64_t>(v.duration.count())).Bind(12, windows.dump());
    visit.Bind(13, v.value).Bind(14, v.mandatory ? 1 : 0);
    auto vrow = visit.Step();
    if (!vrow.ok()) return vrow.status().WithContext("visit '" + v.key + "'");
    v.id = VisitId(visit.Int(0));
    visit.Reset();
  }
  return tx.Commit();
}

Result<Roadshow> SqliteStore::GetRoadshow(std::string_view key) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT id, key, name, settings, stages, travel, plan FROM roadshows WHERE "
                   "key = ?1"));
  stmt.Bind(1, key);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no roadshow with key '" + std::string(key) + "'");
  Roadshow r;
  r.id = RoadshowId(stmt.Int(0));
  r.key = stmt.Text(1);
  r.name = LocalizedFromJson(stmt.Text(2));
  DecodeRoadshow(stmt.Text(3), stmt.Text(4), stmt.Text(5), r);
  r.plan = stmt.Text(6);
  stmt.Reset();
  PONTE_ASSIGN_OR_RETURN(
      Statement visits,
      db_->Prepare("SELECT id, key, host_org, name, city, kind, address, notes, latitude, "
                   "longitude, duration_minutes, windows, value, mandatory FROM roadshow_visits "
                   "WHERE roadshow_id = ?1 ORDER BY id"));
  visits.Bind(1, r.id.value());
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool vrow, visits.Step());
    if (!vrow) break;
    RoadshowVisit v;
    v.id = VisitId(visits.Int(0));
    v.key = visits.Text(1);
    v.host = OrganizationId(visits.IsNull(2) ? 0 : visits.Int(2));
    v.name = LocalizedFromJson(visits.Text(3));
    v.city = visits.Text(4);
    v.kind = visits.Text(5);
    v.address = visits.Text(6);
    v.notes = visits.Text(7);
    if (!visits.IsNull(8)) v.location = GeoPoint{visits.Double(8), visits.Double(9)};
    v.duration = Minutes(visits.Int(10));
    for (const Json& w : Json::parse(visits.Text(11), nullptr, false)) {
      v.windows.push_back({ParseDate(w[0].get<std::string>()).value_or(CivilDate{}),
                           Minutes(w[1].get<std::int64_t>()), Minutes(w[2].get<std::int64_t>())});
    }
    v.value = visits.Double(12);
    v.mandatory = visits.Int(13) != 0;
    r.visits.push_back(std::move(v));
  }
  return r;
}

Result<StoreSummary> SqliteStore::Summary() {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM organizations), "
                   "(SELECT count(*) FROM people), (SELECT count(*) FROM profiles), "
                   "(SELECT count(*) FROM meeting_requests), (SELECT count(*) FROM meetings)"));
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return InternalError("summary query returned nothing");
  return StoreSummary{static_cast<int>(stmt.Int(0)), static_cast<int>(stmt.Int(1)),
                      static_cast<int>(stmt.Int(2)), static_cast<int>(stmt.Int(3)),
                      static_cast<int>(stmt.Int(4)), static_cast<int>(stmt.Int(5))};
}

Status SqliteStore::Transact(TransactEnd end, const std::function<Status()>& body) {
  if (db_->InTransaction()) return FailedPreconditionError("Store::Transact does not nest");
  // BEGIN IMMEDIATE takes the write lock now rather than at the first write,
  // so that the body never meets SQLITE_BUSY half-way.
  PONTE_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  const Status status = body();
  if (!status.ok() || end == TransactEnd::kRollBack) {
    if (db_->InTransaction()) (void)db_->Exec("ROLLBACK");
    return status;
  }
  Status committed = db_->Exec("COMMIT");
  if (!committed.ok() && db_->InTransaction()) (void)db_->Exec("ROLLBACK");
  return committed;
}

Status SqliteStore::RestoreVersion(VersionedKind kind, std::int64_t id, int version) {
  if (version < 1) return InvalidArgumentError("version: expected 1 or more");
  const std::string table(VersionedTable(kind));
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE " + table + " SET version = ?1 WHERE id = ?2 RETURNING id"));
  stmt.Bind(1, version).Bind(2, id);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no row " + std::to_string(id) + " in " + table);
  return OkStatus();
}

// ---- export ------------------------------------------------------------------

Result<Dataset> SqliteStore::Export(const ExportOptions& options) {
  return ExportDataset(*this, options);
}

namespace {

// ---- opening and migrations --------------------------------------------------

Result<int> ReadSchemaVersion(Database& db, const std::string& path) {
  auto meta = db.Prepare("SELECT value FROM ponte_meta WHERE key = 'schema_version'");
  if (!meta.ok()) {
    // No ponte_meta: an empty database is new; anything else is not ours.
    auto tables = db.Prepare("SELECT count(*) FROM sqlite_master");
    if (!tables.ok()) {
      return FailedPreconditionError("'" + path + "' is not a ponte database (" +
                                     tables.status().message() + ")");
    }
    PONTE_ASSIGN_OR_RETURN(bool row, tables->Step());
    if (row && tables->Int(0) == 0) return 0;
    return FailedPreconditionError("'" + path +
                                   "' is an SQLite database but not a ponte database; refusing to "
                                   "touch it");
  }
  PONTE_ASSIGN_OR_RETURN(bool row, meta->Step());
  if (!row) return FailedPreconditionError("'" + path + "': ponte_meta has no schema_version");
  return std::stoi(meta->Text(0));
}

Status Migrate(Database& db, int from) {
  PONTE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status status = [&]() -> Status {
    if (from == 0) {
      PONTE_RETURN_IF_ERROR(db.Exec(
          "CREATE TABLE ponte_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
          "INSERT INTO ponte_meta VALUES ('application', 'ponte'), ('schema_version', '0');"));
    }
    for (const Migration& m : SqliteMigrations()) {
      if (m.version <= from) continue;
      PONTE_RETURN_IF_ERROR(db.Exec(m.sql).WithContext("migration " + std::to_string(m.version) +
                                                       " (" + std::string(m.description) + ")"));
      PONTE_RETURN_IF_ERROR(db.Exec("UPDATE ponte_meta SET value = '" + std::to_string(m.version) +
                                    "' WHERE key = 'schema_version'"));
    }
    return OkStatus();
  }();
  if (!status.ok()) {
    (void)db.Exec("ROLLBACK");
    return status;
  }
  return db.Exec("COMMIT");
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const OpenOptions& options) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && !options.create_if_missing) {
    return NotFoundError("database '" + path +
                         "' does not exist (create it with: ponte init --db " + path + ")");
  }
  const int flags =
      options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  PONTE_ASSIGN_OR_RETURN(auto db, Database::Open(path, flags));
  PONTE_ASSIGN_OR_RETURN(int version, ReadSchemaVersion(*db, path));
  const int current = Store::CurrentSchemaVersion();
  if (version > current) {
    return FailedPreconditionError("database '" + path + "' has schema version " +
                                   std::to_string(version) + ", written by a newer ponte; this " +
                                   "ponte understands up to version " + std::to_string(current) +
                                   ": upgrade ponte (nothing was changed)");
  }
  PONTE_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  if (!options.read_only) {
    PONTE_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
    PONTE_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = NORMAL"));
    if (version < current) {
      PONTE_RETURN_IF_ERROR(Migrate(*db, version));
      version = current;
    }
  } else if (version < current) {
    return FailedPreconditionError("database '" + path + "' has schema version " +
                                   std::to_string(version) + " and needs migrating to " +
                                   std::to_string(current) + ": open it once read-write");
  }
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db), version));
}

}  // namespace ponte::store_internal
