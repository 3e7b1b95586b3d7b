// The PostgreSQL backend, part 2: the meeting workflow — requests, meetings
// and their versions, organizations edited by their participants, feedback.
#include <algorithm>

#include "store/columns.h"
#include "store/meeting_carry_over.h"
#include "store/postgres_store.h"

namespace ponte::store_internal {
namespace {

// Same advisory lock key as in postgres_store.cc: one timetable rewrite at a
// time.
constexpr std::int64_t kTimetableLock = 0x706f6e7465'02;

constexpr std::string_view kMeetingColumns =
    "SELECT m.id, m.event_id, m.request_id, m.org_a, m.org_b, m.session_id, m.slot, m.table_no, "
    "m.interpreter_id, m.status, m.version FROM meetings m JOIN sessions s ON s.id = m.session_id ";

Meeting ReadMeeting(const pqxx::row& row) {
  Meeting m;
  m.id = MeetingId(Int(row[0]));
  m.event = EventId(Int(row[1]));
  m.request = MeetingRequestId(IdOrZero(row[2]));
  m.a = OrganizationId(Int(row[3]));
  m.b = OrganizationId(Int(row[4]));
  m.session = SessionId(Int(row[5]));
  m.slot = static_cast<int>(Int(row[6]));
  m.table = static_cast<int>(Int(row[7]));
  m.interpreter = InterpreterId(IdOrZero(row[8]));
  m.status = ParseMeetingStatus(Text(row[9])).value_or(MeetingStatus::kScheduled);
  m.version = static_cast<int>(Int(row[10]));
  return m;
}

// The columns ReadRequest reads, in its order.
constexpr std::string_view kRequestFields =
    "id, event_id, key, from_org, to_org, requested_by, preference, status, message, created_at, "
    "updated_at, expires_at, version";

MeetingRequest ReadRequest(const pqxx::row& row) {
  MeetingRequest r;
  r.id = MeetingRequestId(Int(row[0]));
  r.event = EventId(Int(row[1]));
  r.key = Text(row[2]);
  r.from = OrganizationId(Int(row[3]));
  r.to = OrganizationId(Int(row[4]));
  r.requested_by = PersonId(IdOrZero(row[5]));
  r.preference = ParsePreference(Text(row[6])).value_or(Preference::kWant);
  r.status = ParseRequestStatus(Text(row[7])).value_or(RequestStatus::kPending);
  r.message = Text(row[8]);
  r.created_at = FromEpochSeconds(Int(row[9]));
  r.updated_at = FromEpochSeconds(Int(row[10]));
  if (!row[11].is_null()) r.expires_at = FromEpochSeconds(Int(row[11]));
  r.version = static_cast<int>(Int(row[12]));
  return r;
}

// Runs `update`, an UPDATE of meeting_requests without a RETURNING clause, and
// gives back the requests it changed as they are after it, in order of id:
// one statement, however many rows it changes.
template <typename... Args>
std::vector<MeetingRequest> UpdateRequestsReturning(pqxx::transaction_base& tx,
                                                    std::string_view update, Args&&... args) {
  const pqxx::result rows =
      tx.exec_params(std::string(update) + " RETURNING " + std::string(kRequestFields),
                     std::forward<Args>(args)...);
  std::vector<MeetingRequest> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(ReadRequest(row));
  std::sort(out.begin(), out.end(),
            [](const MeetingRequest& x, const MeetingRequest& y) { return x.id < y.id; });
  return out;
}

// Seats make the database refuse an organization in two live meetings of one
// slot; the partial unique index on meetings refuses two at one table. A
// violation ends the transaction, which the caller then drops.
Status TakeSeats(pqxx::transaction_base& tx, const Meeting& m) {
  if (!Live(m.status)) return OkStatus();
  for (OrganizationId org : {m.a, m.b}) {
    try {
      tx.exec_params(
          "INSERT INTO meeting_seats(meeting_id, organization_id, session_id, slot) VALUES($1, "
          "$2, $3, $4)",
          m.id.value(), org.value(), m.session.value(), m.slot);
    } catch (const pqxx::integrity_constraint_violation&) {
      return AbortedError("organization " + std::to_string(org.value()) +
                          " would be in two meetings in slot " + std::to_string(m.slot + 1) +
                          " of session " + std::to_string(m.session.value()));
    }
  }
  return OkStatus();
}

Status TableTaken(const Meeting& m) {
  return AbortedError("table " + std::to_string(m.table) + " is taken twice in slot " +
                      std::to_string(m.slot + 1) + " of session " +
                      std::to_string(m.session.value()));
}

Status InsertMeeting(pqxx::transaction_base& tx, EventId event, Meeting& m) {
  if (m.version <= 0) m.version = 1;
  try {
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO meetings(event_id, request_id, org_a, org_b, session_id, slot, table_no, "
        "interpreter_id, status, version) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "RETURNING id",
        event.value(), OptionalId(m.request.value()), m.a.value(), m.b.value(), m.session.value(),
        m.slot, m.table, OptionalId(m.interpreter.value()), std::string(ToCode(m.status)),
        m.version);
    m.id = MeetingId(Int(row[0]));
  } catch (const pqxx::unique_violation&) {
    return TableTaken(m);
  }
  m.event = event;
  return TakeSeats(tx, m);
}

// Writes `m`'s place (session, slot, table, interpreter, status) with the
// next version, which `m` takes; Aborted when the table is taken.
Status MoveMeeting(pqxx::transaction_base& tx, Meeting& m) {
  try {
    const pqxx::row row = tx.exec_params1(
        "UPDATE meetings SET session_id = $1, slot = $2, table_no = $3, interpreter_id = $4, "
        "status = $5, version = version + 1 WHERE id = $6 RETURNING version",
        m.session.value(), m.slot, m.table, OptionalId(m.interpreter.value()),
        std::string(ToCode(m.status)), m.id.value());
    m.version = static_cast<int>(Int(row[0]));
  } catch (const pqxx::unique_violation&) {
    return TableTaken(m);
  }
  return OkStatus();
}

}  // namespace

Result<std::vector<Meeting>> PostgresStore::QueryMeetings(pqxx::transaction_base& tx,
                                                          const std::string& where, std::int64_t a,
                                                          std::int64_t b) {
  const std::string sql =
      std::string(kMeetingColumns) + where + " ORDER BY s.start_at, m.slot, m.table_no, m.id";
  const pqxx::result rows = b != 0 ? Prepared(tx, sql, a, b) : Prepared(tx, sql, a);
  std::vector<Meeting> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(ReadMeeting(row));
  return out;
}

Result<std::vector<MeetingRequest>> PostgresStore::QueryRequests(pqxx::transaction_base& tx,
                                                                 const std::string& where,
                                                                 std::int64_t a, std::int64_t b) {
  const std::string sql =
      "SELECT " + std::string(kRequestFields) + " FROM meeting_requests " + where + " ORDER BY id";
  const pqxx::result rows = b != 0 ? Prepared(tx, sql, a, b) : Prepared(tx, sql, a);
  std::vector<MeetingRequest> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(ReadRequest(row));
  return out;
}

// ---- requests ----------------------------------------------------------------

Result<std::vector<MeetingRequest>> PostgresStore::ListRequests(EventId event) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<MeetingRequest>> {
        return QueryRequests(tx, "WHERE event_id = $1", event.value(), 0);
      });
}

Result<std::vector<MeetingRequest>> PostgresStore::ListRequestsOf(EventId event,
                                                                  OrganizationId org) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<MeetingRequest>> {
        return QueryRequests(tx, "WHERE event_id = $1 AND (from_org = $2 OR to_org = $2)",
                             event.value(), org.value());
      });
}

Result<MeetingRequest> PostgresStore::GetRequest(MeetingRequestId id) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<MeetingRequest> {
    PONTE_ASSIGN_OR_RETURN(auto rows, QueryRequests(tx, "WHERE id = $1", id.value(), 0));
    if (rows.empty()) return NotFoundError("no meeting request " + std::to_string(id.value()));
    return std::move(rows.front());
  });
}

Status PostgresStore::UpdateRequest(MeetingRequest& r, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    // Under READ COMMITTED a concurrent update makes this one re-check the
    // version on the new row: exactly one of two writers wins.
    const pqxx::result rows = tx.exec_params(
        "UPDATE meeting_requests SET preference = $1, status = $2, message = $3, updated_at = "
        "$4, expires_at = $5, version = version + 1 WHERE id = $6 AND version = $7 RETURNING "
        "version",
        std::string(ToCode(r.preference)), std::string(ToCode(r.status)), r.message,
        EpochSeconds(r.updated_at), OptionalInstant(r.expires_at), r.id.value(), expected_version);
    if (rows.empty()) {
      return MissedVersion(tx, "meeting_requests", "meeting request", r.id.value(),
                           expected_version);
    }
    r.version = static_cast<int>(Int(rows[0][0]));
    tx.commit();
    return OkStatus();
  });
}

Result<std::vector<MeetingRequest>> PostgresStore::ExpireRequests(Instant now) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<std::vector<MeetingRequest>> {
    std::vector<MeetingRequest> out = UpdateRequestsReturning(
        tx,
        "UPDATE meeting_requests SET status = 'expired', updated_at = $1, version = version + 1 "
        "WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= $1",
        EpochSeconds(now));
    tx.commit();
    return out;
  });
}

Result<std::vector<MeetingRequest>> PostgresStore::ClaimReminders(Instant after, Instant now,
                                                                  Seconds before) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<std::vector<MeetingRequest>> {
    std::vector<MeetingRequest> out = UpdateRequestsReturning(
        tx,
        "UPDATE meeting_requests SET reminded_at = $1 WHERE status = 'pending' AND "
        "reminded_at IS NULL AND expires_at IS NOT NULL AND expires_at - $3 > $2 AND "
        "expires_at - $3 <= $1",
        EpochSeconds(now), EpochSeconds(after), static_cast<std::int64_t>(before.count()));
    tx.commit();
    return out;
  });
}

// ---- meetings ----------------------------------------------------------------

Result<std::vector<Meeting>> PostgresStore::ListMeetings(EventId event) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Meeting>> {
        return QueryMeetings(tx, "WHERE m.event_id = $1", event.value(), 0);
      });
}

Result<std::vector<Meeting>> PostgresStore::ListMeetingsOf(EventId event, OrganizationId org) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Meeting>> {
        return QueryMeetings(tx, "WHERE m.event_id = $1 AND (m.org_a = $2 OR m.org_b = $2)",
                             event.value(), org.value());
      });
}

Result<std::vector<Meeting>> PostgresStore::ListMeetingsOfInterpreter(EventId event,
                                                                      InterpreterId interpreter) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Meeting>> {
        return QueryMeetings(tx, "WHERE m.event_id = $1 AND m.interpreter_id = $2", event.value(),
                             interpreter.value());
      });
}

Result<Meeting> PostgresStore::GetMeeting(MeetingId id) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<Meeting> {
    PONTE_ASSIGN_OR_RETURN(auto rows, QueryMeetings(tx, "WHERE m.id = $1", id.value(), 0));
    if (rows.empty()) return NotFoundError("no meeting " + std::to_string(id.value()));
    return std::move(rows.front());
  });
}

Status PostgresStore::AddMeeting(Meeting& meeting) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    meeting.version = 1;
    PONTE_RETURN_IF_ERROR(InsertMeeting(tx, meeting.event, meeting));
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::UpdateMeeting(Meeting& m, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    // The row lock makes a second writer wait and then see the new version.
    const pqxx::result lock =
        tx.exec_params("SELECT id FROM meetings WHERE id = $1 FOR UPDATE", m.id.value());
    if (lock.empty()) return NotFoundError("no meeting " + std::to_string(m.id.value()));
    PONTE_ASSIGN_OR_RETURN(auto rows, QueryMeetings(tx, "WHERE m.id = $1", m.id.value(), 0));
    if (rows.empty()) return NotFoundError("no meeting " + std::to_string(m.id.value()));
    const Meeting old = rows.front();
    if (old.version != expected_version) {
      return StaleError("meeting", m.id.value(), expected_version, old.version);
    }
    tx.exec_params("DELETE FROM meeting_seats WHERE meeting_id = $1", m.id.value());
    PONTE_RETURN_IF_ERROR(MoveMeeting(tx, m));
    m.a = old.a;
    m.b = old.b;
    m.event = old.event;
    m.request = old.request;
    PONTE_RETURN_IF_ERROR(TakeSeats(tx, m));
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::ApplyMeetingChanges(EventId event, std::vector<Meeting>& added,
                                          std::vector<Meeting>& moved) {
  return Run([&]() -> Status {
    pqxx::work tx(*conn_);
    // One change of the timetable at a time (also against publications): the
    // interpreter check below then sees every other writer's meetings.
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kTimetableLock);
    // Every moved meeting steps aside first (seats freed, parked as
    // cancelled, which the table index ignores), so that meetings can trade places.
    std::vector<Meeting> old;
    for (const Meeting& m : moved) {
      PONTE_ASSIGN_OR_RETURN(auto rows, QueryMeetings(tx, "WHERE m.id = $1", m.id.value(), 0));
      if (rows.empty() || rows.front().event != event) {
        return NotFoundError("no meeting " + std::to_string(m.id.value()));
      }
      if (rows.front().version != m.version) {
        return StaleError("meeting", m.id.value(), m.version, rows.front().version);
      }
      tx.exec_params("DELETE FROM meeting_seats WHERE meeting_id = $1", m.id.value());
      tx.exec_params("UPDATE meetings SET status = 'cancelled' WHERE id = $1", m.id.value());
      old.push_back(std::move(rows.front()));
    }
    for (std::size_t i = 0; i < moved.size(); ++i) {
      Meeting& m = moved[i];
      m.a = old[i].a;
      m.b = old[i].b;
      m.event = event;
      m.request = old[i].request;
      m.status = old[i].status;
      PONTE_RETURN_IF_ERROR(MoveMeeting(tx, m));
      PONTE_RETURN_IF_ERROR(TakeSeats(tx, m));
    }
    for (Meeting& m : added) {
      m.version = 1;
      PONTE_RETURN_IF_ERROR(InsertMeeting(tx, event, m));
    }
    // Interpreters have no index of their own: one query per written meeting.
    for (const std::vector<Meeting>* written : {&moved, &added}) {
      for (const Meeting& m : *written) {
        if (!m.interpreter.valid() || !Live(m.status)) continue;
        const pqxx::result busy = tx.exec_params(
            "SELECT id FROM meetings WHERE session_id = $1 AND slot = $2 AND interpreter_id = $3 "
            "AND status <> 'cancelled' AND id <> $4 LIMIT 1",
            m.session.value(), m.slot, m.interpreter.value(), m.id.value());
        if (!busy.empty()) {
          return AbortedError("interpreter " + std::to_string(m.interpreter.value()) +
                              " would be in two meetings in slot " + std::to_string(m.slot + 1) +
                              " of session " + std::to_string(m.session.value()));
        }
      }
    }
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::ReplaceMeetings(EventId event, std::vector<Meeting>& meetings) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kTimetableLock);
    PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> old,
                           QueryMeetings(tx, "WHERE m.event_id = $1", event.value(), 0));
    // Everything steps aside first, so that meetings can trade places.
    tx.exec_params(
        "DELETE FROM meeting_seats WHERE meeting_id IN (SELECT id FROM meetings WHERE event_id = "
        "$1)",
        event.value());
    tx.exec_params("UPDATE meetings SET status = 'cancelled' WHERE event_id = $1", event.value());

    const MeetingCarryOver carry = CarryOver(old, meetings);
    for (std::size_t i = 0; i < meetings.size(); ++i) {
      Meeting& m = meetings[i];
      if (!carry.continues[i]) {
        m.version = 1;
        PONTE_RETURN_IF_ERROR(InsertMeeting(tx, event, m));
        continue;
      }
      ContinueMeeting(old[*carry.continues[i]], event, m);
      try {
        tx.exec_params(
            "UPDATE meetings SET session_id = $1, slot = $2, table_no = $3, interpreter_id = $4, "
            "status = $5, version = $6 WHERE id = $7",
            m.session.value(), m.slot, m.table, OptionalId(m.interpreter.value()),
            std::string(ToCode(m.status)), m.version, m.id.value());
      } catch (const pqxx::unique_violation&) {
        return TableTaken(m);
      }
      PONTE_RETURN_IF_ERROR(TakeSeats(tx, m));
    }
    // Meetings that left the timetable are withdrawn, with a new version when
    // they were live, so that calendars remove them.
    for (std::size_t i = 0; i < old.size(); ++i) {
      if (carry.kept[i] || !Live(old[i].status)) continue;
      tx.exec_params("UPDATE meetings SET version = version + 1 WHERE id = $1", old[i].id.value());
    }
    tx.commit();
    return OkStatus();
  });
}

// ---- organizations, feedback ---------------------------------------------------

Result<Organization> PostgresStore::GetOrganization(OrganizationId id) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<Organization> {
    const pqxx::result rows = Prepared(
        tx, "SELECT " + std::string(kOrganizationFields) + " FROM organizations WHERE id = $1",
        id.value());
    if (rows.empty()) return NotFoundError("no organization " + std::to_string(id.value()));
    return ReadOrganization(rows[0]);
  });
}

Status PostgresStore::UpdateOrganization(Organization& o, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::result rows = tx.exec_params(
        "UPDATE organizations SET name = $1, type = $2, country = $3, region = $4, city = $5, "
        "website = $6, public_profile = $7, version = version + 1 WHERE id = $8 AND version = $9 "
        "RETURNING version",
        ToJson(o.name), std::string(ToCode(o.type)), o.country, o.region, o.city, o.website,
        o.public_profile ? 1 : 0, o.id.value(), expected_version);
    if (rows.empty()) {
      return MissedVersion(tx, "organizations", "organization", o.id.value(), expected_version);
    }
    o.version = static_cast<int>(Int(rows[0][0]));
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::PutFeedback(const Feedback& f) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params(
        "INSERT INTO feedback(meeting_id, organization_id, user_id, rating, follow_up, comment, "
        "created_at) VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT(meeting_id, organization_id) "
        "DO UPDATE SET user_id = excluded.user_id, rating = excluded.rating, follow_up = "
        "excluded.follow_up, comment = excluded.comment, created_at = excluded.created_at",
        f.meeting.value(), f.organization.value(), OptionalId(f.user.value()), f.rating,
        f.follow_up ? 1 : 0, f.comment, EpochSeconds(f.created_at));
    tx.commit();
    return OkStatus();
  });
}

Result<std::vector<Feedback>> PostgresStore::ListFeedback(EventId event) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<Feedback>> {
    const pqxx::result rows = tx.exec_params(
        "SELECT f.meeting_id, f.organization_id, f.user_id, f.rating, f.follow_up, f.comment, "
        "f.created_at FROM feedback f JOIN meetings m ON m.id = f.meeting_id WHERE m.event_id = "
        "$1 ORDER BY f.meeting_id, f.organization_id",
        event.value());
    std::vector<Feedback> out;
    for (const auto& row : rows) {
      Feedback f;
      f.meeting = MeetingId(Int(row[0]));
      f.organization = OrganizationId(Int(row[1]));
      f.user = UserId(IdOrZero(row[2]));
      f.rating = static_cast<int>(Int(row[3]));
      f.follow_up = Int(row[4]) != 0;
      f.comment = Text(row[5]);
      f.created_at = FromEpochSeconds(Int(row[6]));
      out.push_back(std::move(f));
    }
    return out;
  });
}

}  // namespace ponte::store_internal
