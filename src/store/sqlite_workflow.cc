// The SQLite backend, part 2: the meeting workflow — requests, meetings and
// their versions, organizations edited by their participants, feedback.
#include <algorithm>

#include "store/meeting_carry_over.h"
#include "store/sqlite_store.h"

namespace ponte::store_internal {
namespace {

constexpr std::string_view kMeetingColumns =
    "SELECT m.id, m.event_id, m.request_id, m.org_a, m.org_b, m.session_id, m.slot, m.table_no, "
    "m.interpreter_id, m.status, m.version FROM meetings m JOIN sessions s ON s.id = m.session_id ";

Meeting ReadMeeting(const Statement& stmt) {
  Meeting m;
  m.id = MeetingId(stmt.Int(0));
  m.event = EventId(stmt.Int(1));
  m.request = MeetingRequestId(stmt.IsNull(2) ? 0 : stmt.Int(2));
  m.a = OrganizationId(stmt.Int(3));
  m.b = OrganizationId(stmt.Int(4));
  m.session = SessionId(stmt.Int(5));
  m.slot = static_cast<int>(stmt.Int(6));
  m.table = static_cast<int>(stmt.Int(7));
  m.interpreter = InterpreterId(stmt.IsNull(8) ? 0 : stmt.Int(8));
  m.status = ParseMeetingStatus(stmt.Text(9)).value_or(MeetingStatus::kScheduled);
  m.version = static_cast<int>(stmt.Int(10));
  return m;
}

// The columns ReadRequest reads, in its order.
constexpr std::string_view kRequestFields =
    "id, event_id, key, from_org, to_org, requested_by, preference, status, message, created_at, "
    "updated_at, expires_at, version";

MeetingRequest ReadRequest(const Statement& stmt) {
  MeetingRequest r;
  r.id = MeetingRequestId(stmt.Int(0));
  r.event = EventId(stmt.Int(1));
  r.key = stmt.Text(2);
  r.from = OrganizationId(stmt.Int(3));
  r.to = OrganizationId(stmt.Int(4));
  r.requested_by = PersonId(stmt.IsNull(5) ? 0 : stmt.Int(5));
  r.preference = ParsePreference(stmt.Text(6)).value_or(Preference::kWant);
  r.status = ParseRequestStatus(stmt.Text(7)).value_or(RequestStatus::kPending);
  r.message = stmt.Text(8);
  r.created_at = FromEpochSeconds(stmt.Int(9));
  r.updated_at = FromEpochSeconds(stmt.Int(10));
  if (!stmt.IsNull(11)) r.expires_at = FromEpochSeconds(stmt.Int(11));
  r.version = static_cast<int>(stmt.Int(12));
  return r;
}

// `update`, an UPDATE of meeting_requests without a RETURNING clause, as a
// statement that also gives back the rows it changes (see ChangedRequests).
std::string ReturningRequests(std::string_view update) {
  return std::string(update) + " RETURNING " + std::string(kRequestFields);
}

// Runs a statement made by ReturningRequests and gives back the requests it
// changed as they are after it, in order of id: one statement, however many
// rows it changes.
Result<std::vector<MeetingRequest>> ChangedRequests(Statement& stmt) {
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> out,
                         Collect<MeetingRequest>(stmt, [&] { return ReadRequest(stmt); }));
  std::sort(out.begin(), out.end(),
            [](const MeetingRequest& x, const MeetingRequest& y) { return x.id < y.id; });
  return out;
}

}  // namespace

Result<Statement*> SqliteStore::Cached(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    PONTE_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(sql));
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(std::move(stmt))).first;
  }
  it->second->Reset();
  return it->second.get();
}

Result<std::vector<Meeting>> SqliteStore::QueryMeetings(std::string_view where, std::int64_t a,
                                                        std::int64_t b) {
  PONTE_ASSIGN_OR_RETURN(Statement * stmt,
                         Cached(std::string(kMeetingColumns) + std::string(where) +
                                " ORDER BY s.start_at, m.slot, m.table_no, m.id"));
  stmt->Bind(1, a);
  if (b != 0) stmt->Bind(2, b);
  auto out = Collect<Meeting>(*stmt, [&] { return ReadMeeting(*stmt); });
  stmt->Reset();
  return out;
}

Result<std::vector<MeetingRequest>> SqliteStore::QueryRequests(std::string_view where,
                                                               std::int64_t a, std::int64_t b) {
  PONTE_ASSIGN_OR_RETURN(
      Statement * stmt, Cached("SELECT " + std::string(kRequestFields) + " FROM meeting_requests " +
                               std::string(where) + " ORDER BY id"));
  stmt->Bind(1, a);
  if (b != 0) stmt->Bind(2, b);
  auto out = Collect<MeetingRequest>(*stmt, [&] { return ReadRequest(*stmt); });
  stmt->Reset();
  return out;
}

// PRAGMA data_version changes when another connection commits; the total of
// this connection's own changes covers the rest.
std::optional<std::uint64_t> SqliteStore::ChangeStamp() {
  auto stmt = Cached("PRAGMA data_version");
  if (!stmt.ok()) return std::nullopt;
  auto row = (*stmt)->Step();
  if (!row.ok() || !*row) return std::nullopt;
  const auto version = static_cast<std::uint64_t>((*stmt)->Int(0));
  (*stmt)->Reset();
  const auto own = static_cast<std::uint64_t>(sqlite3_total_changes64(db_->get()));
  return (version << 40) ^ own;
}

// ---- requests ----------------------------------------------------------------

Result<std::vector<MeetingRequest>> SqliteStore::ListRequests(EventId event) {
  return QueryRequests("WHERE event_id = ?1", event.value(), 0);
}

Result<std::vector<MeetingRequest>> SqliteStore::ListRequestsOf(EventId event, OrganizationId org) {
  return QueryRequests("WHERE event_id = ?1 AND (from_org = ?2 OR to_org = ?2)", event.value(),
                       org.value());
}

Result<MeetingRequest> SqliteStore::GetRequest(MeetingRequestId id) {
  PONTE_ASSIGN_OR_RETURN(auto rows, QueryRequests("WHERE id = ?1", id.value(), 0));
  if (rows.empty()) return NotFoundError("no meeting request " + std::to_string(id.value()));
  return std::move(rows.front());
}

Status SqliteStore::UpdateRequest(MeetingRequest& r, int expected_version) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE meeting_requests SET preference = ?1, status = ?2, message = ?3, "
                   "updated_at = ?4, expires_at = ?5, version = version + 1 WHERE id = ?6 AND "
                   "version = ?7 RETURNING version"));
  stmt.Bind(1, ToCode(r.preference)).Bind(2, ToCode(r.status)).Bind(3, r.message);
  stmt.Bind(4, EpochSeconds(r.updated_at));
  if (r.expires_at) {
    stmt.Bind(5, EpochSeconds(*r.expires_at));
  } else {
    stmt.BindNull(5);
  }
  stmt.Bind(6, r.id.value()).Bind(7, expected_version);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    PONTE_ASSIGN_OR_RETURN(MeetingRequest now, GetRequest(r.id));
    return StaleError("meeting request", r.id.value(), expected_version, now.version);
  }
  r.version = static_cast<int>(stmt.Int(0));
  return OkStatus();
}

Result<std::vector<MeetingRequest>> SqliteStore::ExpireRequests(Instant now) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(ReturningRequests(
          "UPDATE meeting_requests SET status = 'expired', updated_at = ?1, version = version + "
          "1 WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ?1")));
  stmt.Bind(1, EpochSeconds(now));
  return ChangedRequests(stmt);
}

Result<std::vector<MeetingRequest>> SqliteStore::ClaimReminders(Instant after, Instant now,
                                                                Seconds before) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(ReturningRequests(
          "UPDATE meeting_requests SET reminded_at = ?1 WHERE status = 'pending' AND "
          "reminded_at IS NULL AND expires_at IS NOT NULL AND expires_at - ?3 > ?2 AND "
          "expires_at - ?3 <= ?1")));
  stmt.Bind(1, EpochSeconds(now));
  stmt.Bind(2, EpochSeconds(after));
  stmt.Bind(3, static_cast<std::int64_t>(before.count()));
  return ChangedRequests(stmt);
}

// ---- meetings ----------------------------------------------------------------

Result<std::vector<Meeting>> SqliteStore::ListMeetings(EventId event) {
  return QueryMeetings("WHERE m.event_id = ?1", event.value(), 0);
}

Result<std::vector<Meeting>> SqliteStore::ListMeetingsOf(EventId event, OrganizationId org) {
  // Two index lookups instead of a scan of the event's meetings.
  return QueryMeetings(
      "WHERE m.id IN (SELECT id FROM meetings WHERE event_id = ?1 AND org_a = ?2 UNION ALL "
      "SELECT id FROM meetings WHERE event_id = ?1 AND org_b = ?2)",
      event.value(), org.value());
}

Result<std::vector<Meeting>> SqliteStore::ListMeetingsOfInterpreter(EventId event,
                                                                    InterpreterId interpreter) {
  return QueryMeetings("WHERE m.event_id = ?1 AND m.interpreter_id = ?2", event.value(),
                       interpreter.value());
}

Result<Meeting> SqliteStore::GetMeeting(MeetingId id) {
  PONTE_ASSIGN_OR_RETURN(auto rows, QueryMeetings("WHERE m.id = ?1", id.value(), 0));
  if (rows.empty()) return NotFoundError("no meeting " + std::to_string(id.value()));
  return std::move(rows.front());
}

namespace {

// Seats make the database refuse an organization in two live meetings of one
// slot; the partial unique index on meetings refuses two at one table.
Status TakeSeats(Database& db, const Meeting& m) {
  if (!Live(m.status)) return OkStatus();
  PONTE_ASSIGN_OR_RETURN(Statement seat,
                         db.Prepare("INSERT INTO meeting_seats(meeting_id, organization_id, "
                                    "session_id, slot) VALUES(?1, ?2, ?3, ?4)"));
  for (OrganizationId org : {m.a, m.b}) {
    Status s = seat.Bind(1, m.id.value())
                   .Bind(2, org.value())
                   .Bind(3, m.session.value())
                   .Bind(4, m.slot)
                   .Run();
    if (!s.ok()) {
      return AbortedError("organization " + std::to_string(org.value()) +
                          " would be in two meetings in slot " + std::to_string(m.slot + 1) +
                          " of session " + std::to_string(m.session.value()));
    }
    seat.Reset();
  }
  return OkStatus();
}

Status TableTaken(const Status& s, const Meeting& m) {
  if (s.code() != StatusCode::kAborted) return s;
  return AbortedError("table " + std::to_string(m.table) + " is taken twice in slot " +
                      std::to_string(m.slot + 1) + " of session " +
                      std::to_string(m.session.value()));
}

Status InsertMeeting(Database& db, EventId event, Meeting& m) {
  PONTE_ASSIGN_OR_RETURN(
      Statement insert,
      db.Prepare("INSERT INTO meetings(event_id, request_id, org_a, org_b, session_id, slot, "
                 "table_no, interpreter_id, status, version) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                 "?8, ?9, ?10) RETURNING id"));
  if (m.version <= 0) m.version = 1;
  insert.Bind(1, event.value()).BindOptionalId(2, m.request.value()).Bind(3, m.a.value());
  insert.Bind(4, m.b.value()).Bind(5, m.session.value()).Bind(6, m.slot).Bind(7, m.table);
  insert.BindOptionalId(8, m.interpreter.value()).Bind(9, ToCode(m.status)).Bind(10, m.version);
  auto row = insert.Step();
  if (!row.ok()) return TableTaken(row.status(), m);
  m.id = MeetingId(insert.Int(0));
  m.event = event;
  return TakeSeats(db, m);
}

}  // namespace

Status SqliteStore::AddMeeting(Meeting& meeting) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  meeting.version = 1;
  PONTE_RETURN_IF_ERROR(InsertMeeting(*db_, meeting.event, meeting));
  return tx.Commit();
}

Status SqliteStore::UpdateMeeting(Meeting& m, int expected_version) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(Meeting old, GetMeeting(m.id));
  if (old.version != expected_version) {
    return StaleError("meeting", m.id.value(), expected_version, old.version);
  }
  PONTE_ASSIGN_OR_RETURN(Statement clear,
                         db_->Prepare("DELETE FROM meeting_seats WHERE meeting_id = ?1"));
  PONTE_RETURN_IF_ERROR(clear.Bind(1, m.id.value()).Run());
  PONTE_ASSIGN_OR_RETURN(
      Statement update,
      db_->Prepare("UPDATE meetings SET session_id = ?1, slot = ?2, table_no = ?3, "
                   "interpreter_id = ?4, status = ?5, version = version + 1 WHERE id = ?6 "
                   "RETURNING version"));
  update.Bind(1, m.session.value()).Bind(2, m.slot).Bind(3, m.table);
  update.BindOptionalId(4, m.interpreter.value()).Bind(5, ToCode(m.status)).Bind(6, m.id.value());
  auto row = update.Step();
  if (!row.ok()) return TableTaken(row.status(), m);
  m.version = static_cast<int>(update.Int(0));
  m.a = old.a;
  m.b = old.b;
  m.event = old.event;
  m.request = old.request;
  update.Reset();
  PONTE_RETURN_IF_ERROR(TakeSeats(*db_, m));
  return tx.Commit();
}

Status SqliteStore::ApplyMeetingChanges(EventId event, std::vector<Meeting>& added,
                                        std::vector<Meeting>& moved) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());  // IMMEDIATE: writers of the file go one at a time
  // Every moved meeting steps aside first (seats freed, parked as cancelled,
  // which the table index ignores), so that meetings can trade places.
  std::vector<Meeting> old;
  PONTE_ASSIGN_OR_RETURN(Statement clear,
                         db_->Prepare("DELETE FROM meeting_seats WHERE meeting_id = ?1"));
  PONTE_ASSIGN_OR_RETURN(Statement park,
                         db_->Prepare("UPDATE meetings SET status = 'cancelled' WHERE id = ?1"));
  for (const Meeting& m : moved) {
    PONTE_ASSIGN_OR_RETURN(Meeting before, GetMeeting(m.id));
    if (before.event != event) return NotFoundError("no meeting " + std::to_string(m.id.value()));
    if (before.version != m.version) {
      return StaleError("meeting", m.id.value(), m.version, before.version);
    }
    PONTE_RETURN_IF_ERROR(clear.Bind(1, m.id.value()).Run());
    clear.Reset();
    PONTE_RETURN_IF_ERROR(park.Bind(1, m.id.value()).Run());
    park.Reset();
    old.push_back(std::move(before));
  }
  PONTE_ASSIGN_OR_RETURN(
      Statement update,
      db_->Prepare("UPDATE meetings SET session_id = ?1, slot = ?2, table_no = ?3, "
                   "interpreter_id = ?4, status = ?5, version = version + 1 WHERE id = ?6 "
                   "RETURNING version"));
  for (std::size_t i = 0; i < moved.size(); ++i) {
    Meeting& m = moved[i];
    m.a = old[i].a;
    m.b = old[i].b;
    m.event = event;
    m.request = old[i].request;
    m.status = old[i].status;
    update.Bind(1, m.session.value()).Bind(2, m.slot).Bind(3, m.table);
    update.BindOptionalId(4, m.interpreter.value()).Bind(5, ToCode(m.status)).Bind(6, m.id.value());
    auto row = update.Step();
    if (!row.ok()) return TableTaken(row.status(), m);
    m.version = static_cast<int>(update.Int(0));
    update.Reset();
    PONTE_RETURN_IF_ERROR(TakeSeats(*db_, m));
  }
  for (Meeting& m : added) {
    m.version = 1;
    PONTE_RETURN_IF_ERROR(InsertMeeting(*db_, event, m));
  }
  // Interpreters have no index of their own: one query per written meeting.
  PONTE_ASSIGN_OR_RETURN(
      Statement busy,
      db_->Prepare("SELECT id FROM meetings WHERE session_id = ?1 AND slot = ?2 AND "
                   "interpreter_id = ?3 AND status <> 'cancelled' AND id <> ?4 LIMIT 1"));
  for (const std::vector<Meeting>* written : {&moved, &added}) {
    for (const Meeting& m : *written) {
      if (!m.interpreter.valid() || !Live(m.status)) continue;
      busy.Bind(1, m.session.value()).Bind(2, m.slot).Bind(3, m.interpreter.value());
      busy.Bind(4, m.id.value());
      PONTE_ASSIGN_OR_RETURN(bool found, busy.Step());
      busy.Reset();
      if (found) {
        return AbortedError("interpreter " + std::to_string(m.interpreter.value()) +
                            " would be in two meetings in slot " + std::to_string(m.slot + 1) +
                            " of session " + std::to_string(m.session.value()));
      }
    }
  }
  return tx.Commit();
}

Status SqliteStore::ReplaceMeetings(EventId event, std::vector<Meeting>& meetings) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> old, ListMeetings(event));
  // Everything steps aside first, so that meetings can trade places.
  PONTE_ASSIGN_OR_RETURN(
      Statement clear,
      db_->Prepare("DELETE FROM meeting_seats WHERE meeting_id IN (SELECT id FROM meetings WHERE "
                   "event_id = ?1)"));
  PONTE_RETURN_IF_ERROR(clear.Bind(1, event.value()).Run());
  PONTE_ASSIGN_OR_RETURN(
      Statement park, db_->Prepare("UPDATE meetings SET status = 'cancelled' WHERE event_id = ?1"));
  PONTE_RETURN_IF_ERROR(park.Bind(1, event.value()).Run());

  const MeetingCarryOver carry = CarryOver(old, meetings);
  PONTE_ASSIGN_OR_RETURN(
      Statement update,
      db_->Prepare("UPDATE meetings SET session_id = ?1, slot = ?2, table_no = ?3, "
                   "interpreter_id = ?4, status = ?5, version = ?6 WHERE id = ?7"));
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    Meeting& m = meetings[i];
    if (!carry.continues[i]) {
      m.version = 1;
      PONTE_RETURN_IF_ERROR(InsertMeeting(*db_, event, m));
      continue;
    }
    ContinueMeeting(old[*carry.continues[i]], event, m);
    update.Bind(1, m.session.value()).Bind(2, m.slot).Bind(3, m.table);
    update.BindOptionalId(4, m.interpreter.value()).Bind(5, ToCode(m.status));
    update.Bind(6, m.version).Bind(7, m.id.value());
    Status s = update.Run();
    update.Reset();
    if (!s.ok()) return TableTaken(s, m);
    PONTE_RETURN_IF_ERROR(TakeSeats(*db_, m));
  }
  // Meetings that left the timetable are withdrawn, with a new version when
  // they were live, so that calendars remove them.
  PONTE_ASSIGN_OR_RETURN(Statement bump,
                         db_->Prepare("UPDATE meetings SET version = version + 1 WHERE id = ?1"));
  for (std::size_t i = 0; i < old.size(); ++i) {
    if (carry.kept[i] || !Live(old[i].status)) continue;
    PONTE_RETURN_IF_ERROR(bump.Bind(1, old[i].id.value()).Run());
    bump.Reset();
  }
  return tx.Commit();
}

// ---- organizations, profiles, feedback ----------------------------------------

Result<Organization> SqliteStore::GetOrganization(OrganizationId id) {
  PONTE_ASSIGN_OR_RETURN(Statement * stmt,
                         Cached(std::string(kOrganizationColumns) + "WHERE id = ?1"));
  stmt->Bind(1, id.value());
  PONTE_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return NotFoundError("no organization " + std::to_string(id.value()));
  Organization o = ReadOrganization(*stmt);
  stmt->Reset();
  return o;
}

Status SqliteStore::UpdateOrganization(Organization& o, int expected_version) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE organizations SET name = ?1, type = ?2, country = ?3, region = ?4, "
                   "city = ?5, website = ?6, public_profile = ?7, version = version + 1 WHERE id "
                   "= ?8 AND version = ?9 RETURNING version"));
  stmt.Bind(1, ToJson(o.name)).Bind(2, ToCode(o.type)).Bind(3, o.country).Bind(4, o.region);
  stmt.Bind(5, o.city).Bind(6, o.website).Bind(7, o.public_profile ? 1 : 0);
  stmt.Bind(8, o.id.value()).Bind(9, expected_version);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    PONTE_ASSIGN_OR_RETURN(Organization now, GetOrganization(o.id));
    return StaleError("organization", o.id.value(), expected_version, now.version);
  }
  o.version = static_cast<int>(stmt.Int(0));
  return OkStatus();
}

Result<std::vector<Profile>> SqliteStore::ListProfilesOf(OrganizationId org) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Profile> all, ListProfiles());
  std::erase_if(all, [&](const Profile& p) { return p.organization != org; });
  return all;
}

Result<std::vector<Person>> SqliteStore::ListPeopleOf(OrganizationId org) {
  PONTE_ASSIGN_OR_RETURN(
      Statement * stmt,
      Cached(std::string(kPersonColumns) + "FROM people WHERE organization_id = ?1 ORDER BY id"));
  stmt->Bind(1, org.value());
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> out,
                         Collect<Person>(*stmt, [&] { return ReadPerson(*stmt); }));
  stmt->Reset();
  PONTE_ASSIGN_OR_RETURN(
      Statement * sessions,
      Cached("SELECT ps.person_id, ps.session_id FROM person_sessions ps JOIN people p ON p.id = "
             "ps.person_id WHERE p.organization_id = ?1 ORDER BY ps.person_id, ps.session_id"));
  sessions->Bind(1, org.value());
  PONTE_RETURN_IF_ERROR(AttachSessions(*sessions, out));
  sessions->Reset();
  return out;
}

Status SqliteStore::PutFeedback(const Feedback& f) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(
          "INSERT INTO feedback(meeting_id, organization_id, user_id, rating, follow_up, "
          "comment, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(meeting_id, "
          "organization_id) DO UPDATE SET user_id = excluded.user_id, rating = "
          "excluded.rating, follow_up = excluded.follow_up, comment = excluded.comment, "
          "created_at = excluded.created_at"));
  stmt.Bind(1, f.meeting.value()).Bind(2, f.organization.value());
  stmt.BindOptionalId(3, f.user.value()).Bind(4, f.rating).Bind(5, f.follow_up ? 1 : 0);
  stmt.Bind(6, f.comment).Bind(7, EpochSeconds(f.created_at));
  return stmt.Run();
}

Result<std::vector<Feedback>> SqliteStore::ListFeedback(EventId event) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT f.meeting_id, f.organization_id, f.user_id, f.rating, f.follow_up, "
                   "f.comment, f.created_at FROM feedback f JOIN meetings m ON m.id = "
                   "f.meeting_id WHERE m.event_id = ?1 ORDER BY f.meeting_id, f.organization_id"));
  stmt.Bind(1, event.value());
  return Collect<Feedback>(stmt, [&] {
    Feedback f;
    f.meeting = MeetingId(stmt.Int(0));
    f.organization = OrganizationId(stmt.Int(1));
    f.user = UserId(stmt.IsNull(2) ? 0 : stmt.Int(2));
    f.rating = static_cast<int>(stmt.Int(3));
    f.follow_up = stmt.Int(4) != 0;
    f.comment = stmt.Text(5);
    f.created_at = FromEpochSeconds(stmt.Int(6));
    return f;
  });
}

}  // namespace ponte::store_internal
