// The SQLite backend, part 4: people added, changed and removed one at a
// time, with the row version as the optimistic-concurrency token.
#include "store/sqlite_store.h"

namespace ponte::store_internal {
namespace {

Result<int> VersionOf(Database& db, PersonId id) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("SELECT version FROM people WHERE id = ?1"));
  stmt.Bind(1, id.value());
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no person " + std::to_string(id.value()));
  return static_cast<int>(stmt.Int(0));
}

// Replaces the person's sessions within `event` (only that event's sessions
// are taken from the list).
Status ReplaceSessions(Database& db, const Person& p, EventId event) {
  PONTE_ASSIGN_OR_RETURN(
      Statement clear,
      db.Prepare("DELETE FROM person_sessions WHERE person_id = ?1 AND session_id IN "
                 "(SELECT id FROM sessions WHERE event_id = ?2)"));
  PONTE_RETURN_IF_ERROR(clear.Bind(1, p.id.value()).Bind(2, event.value()).Run());
  PONTE_ASSIGN_OR_RETURN(
      Statement attend,
      db.Prepare("INSERT OR IGNORE INTO person_sessions(person_id, session_id) SELECT ?1, id FROM "
                 "sessions WHERE id = ?2 AND event_id = ?3"));
  for (const SessionId session : p.sessions) {
    PONTE_RETURN_IF_ERROR(
        attend.Bind(1, p.id.value()).Bind(2, session.value()).Bind(3, event.value()).Run());
    attend.Reset();
  }
  return OkStatus();
}

}  // namespace

Result<int> SqliteStore::GetPersonVersion(PersonId id) { return VersionOf(*db_, id); }

Result<int> SqliteStore::AddPerson(Person& p, EventId event) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  {
    PONTE_ASSIGN_OR_RETURN(Statement taken, db_->Prepare("SELECT 1 FROM people WHERE key = ?1"));
    PONTE_ASSIGN_OR_RETURN(bool row, taken.Bind(1, p.key).Step());
    if (row) return AlreadyExistsError("a person with key '" + p.key + "' already exists");
  }
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO people(key, organization_id, given_name, family_name, name_latin, "
                   "role, email, languages, needs_interpreter) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                   "?8, ?9) RETURNING id, version"));
  stmt.Bind(1, p.key).Bind(2, p.organization.value()).Bind(3, p.given_name);
  stmt.Bind(4, p.family_name).Bind(5, p.name_latin).Bind(6, p.role).Bind(7, p.email);
  stmt.Bind(8, ToJson(p.languages)).Bind(9, p.needs_interpreter ? 1 : 0);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return InternalError("insert of a person returned no id");
  p.id = PersonId(stmt.Int(0));
  const int version = static_cast<int>(stmt.Int(1));
  stmt.Reset();
  PONTE_RETURN_IF_ERROR(ReplaceSessions(*db_, p, event));
  PONTE_RETURN_IF_ERROR(tx.Commit());
  return version;
}

Result<int> SqliteStore::UpdatePerson(const Person& p, EventId event, int expected_version) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE people SET given_name = ?1, family_name = ?2, name_latin = ?3, role = "
                   "?4, email = ?5, languages = ?6, needs_interpreter = ?7, version = version + 1 "
                   "WHERE id = ?8 AND version = ?9 RETURNING version"));
  stmt.Bind(1, p.given_name).Bind(2, p.family_name).Bind(3, p.name_latin).Bind(4, p.role);
  stmt.Bind(5, p.email).Bind(6, ToJson(p.languages)).Bind(7, p.needs_interpreter ? 1 : 0);
  stmt.Bind(8, p.id.value()).Bind(9, expected_version);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    PONTE_ASSIGN_OR_RETURN(int now, VersionOf(*db_, p.id));
    return StaleError("person", p.id.value(), expected_version, now);
  }
  const int version = static_cast<int>(stmt.Int(0));
  stmt.Reset();
  PONTE_RETURN_IF_ERROR(ReplaceSessions(*db_, p, event));
  PONTE_RETURN_IF_ERROR(tx.Commit());
  return version;
}

Status SqliteStore::DeletePerson(PersonId id, int expected_version) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(int now, VersionOf(*db_, id));
  if (now != expected_version) return StaleError("person", id.value(), expected_version, now);
  PONTE_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare("DELETE FROM people WHERE id = ?1"));
  PONTE_RETURN_IF_ERROR(stmt.Bind(1, id.value()).Run());
  return tx.Commit();
}

namespace {

// How many meetings refer to a session or have an interpreter, and how many
// of those are cancelled: "3 meetings (1 cancelled)".
std::string CountMeetings(std::int64_t all, std::int64_t cancelled) {
  std::string out = std::to_string(all) + (all == 1 ? " meeting" : " meetings");
  if (cancelled > 0) out += " (" + std::to_string(cancelled) + " cancelled)";
  return out;
}

}  // namespace

Status SqliteStore::DeleteSession(EventId event, SessionId session) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(Statement find,
                         db_->Prepare("SELECT key FROM sessions WHERE id = ?1 AND event_id = ?2"));
  PONTE_ASSIGN_OR_RETURN(bool found, find.Bind(1, session.value()).Bind(2, event.value()).Step());
  if (!found)
    return NotFoundError("no session " + std::to_string(session.value()) + " in this event");
  const std::string key = find.Text(0);
  PONTE_ASSIGN_OR_RETURN(
      Statement count,
      db_->Prepare("SELECT COUNT(*), COALESCE(SUM(status = 'cancelled'), 0) FROM meetings "
                   "WHERE session_id = ?1"));
  PONTE_RETURN_IF_ERROR(count.Bind(1, session.value()).Step().status());
  if (count.Int(0) > 0) {
    return AbortedError("session '" + key + "' has " + CountMeetings(count.Int(0), count.Int(1)) +
                        ": move them to another session first; a session with meetings stays so "
                        "that agendas and calendars keep them");
  }
  PONTE_ASSIGN_OR_RETURN(Statement remove, db_->Prepare("DELETE FROM sessions WHERE id = ?1"));
  PONTE_RETURN_IF_ERROR(remove.Bind(1, session.value()).Run());
  return tx.Commit();
}

Status SqliteStore::DeleteInterpreter(EventId event, InterpreterId interpreter) {
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(
      Statement find,
      db_->Prepare("SELECT name FROM interpreters WHERE id = ?1 AND event_id = ?2"));
  PONTE_ASSIGN_OR_RETURN(bool found,
                         find.Bind(1, interpreter.value()).Bind(2, event.value()).Step());
  if (!found) {
    return NotFoundError("no interpreter " + std::to_string(interpreter.value()) +
                         " in this event");
  }
  const std::string name = find.Text(0);
  PONTE_ASSIGN_OR_RETURN(Statement count,
                         db_->Prepare("SELECT COUNT(*) FROM meetings WHERE interpreter_id = ?1 "
                                      "AND status <> 'cancelled'"));
  PONTE_RETURN_IF_ERROR(count.Bind(1, interpreter.value()).Step().status());
  if (count.Int(0) > 0) {
    return AbortedError(name + " interprets " + CountMeetings(count.Int(0), 0) +
                        " not cancelled: move them or give them another interpreter first");
  }
  PONTE_ASSIGN_OR_RETURN(Statement remove, db_->Prepare("DELETE FROM interpreters WHERE id = ?1"));
  PONTE_RETURN_IF_ERROR(remove.Bind(1, interpreter.value()).Run());
  return tx.Commit();
}

}  // namespace ponte::store_internal
