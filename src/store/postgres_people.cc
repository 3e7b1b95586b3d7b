// The PostgreSQL backend, part 4: people added, changed and removed one at a
// time, with the row version as the optimistic-concurrency token.
#include "store/columns.h"
#include "store/postgres_store.h"

namespace ponte::store_internal {
namespace {

Result<int> VersionOf(pqxx::transaction_base& tx, PersonId id) {
  const pqxx::result rows = tx.exec_params("SELECT version FROM people WHERE id = $1", id.value());
  if (rows.empty()) return NotFoundError("no person " + std::to_string(id.value()));
  return static_cast<int>(Int(rows[0][0]));
}

// Replaces the person's sessions within `event` (only that event's sessions
// are taken from the list).
void ReplaceSessions(pqxx::transaction_base& tx, const Person& p, EventId event) {
  tx.exec_params(
      "DELETE FROM person_sessions WHERE person_id = $1 AND session_id IN (SELECT id FROM "
      "sessions WHERE event_id = $2)",
      p.id.value(), event.value());
  for (const SessionId session : p.sessions) {
    tx.exec_params(
        "INSERT INTO person_sessions(person_id, session_id) SELECT $1, id FROM sessions WHERE id "
        "= $2 AND event_id = $3 ON CONFLICT DO NOTHING",
        p.id.value(), session.value(), event.value());
  }
}

}  // namespace

Result<int> PostgresStore::GetPersonVersion(PersonId id) {
  return RunIn<pqxx::read_transaction>(
      [&](pqxx::transaction_base& tx) -> Result<int> { return VersionOf(tx, id); });
}

Result<int> PostgresStore::AddPerson(Person& p, EventId event) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<int> {
    if (!tx.exec_params("SELECT 1 FROM people WHERE key = $1", p.key).empty()) {
      return AlreadyExistsError("a person with key '" + p.key + "' already exists");
    }
    const pqxx::result rows = tx.exec_params(
        "INSERT INTO people(key, organization_id, given_name, family_name, name_latin, role, "
        "email, languages, needs_interpreter) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) "
        "RETURNING id, version",
        p.key, p.organization.value(), p.given_name, p.family_name, p.name_latin, p.role, p.email,
        ToJson(p.languages), p.needs_interpreter ? 1 : 0);
    p.id = PersonId(Int(rows[0][0]));
    const int version = static_cast<int>(Int(rows[0][1]));
    ReplaceSessions(tx, p, event);
    tx.commit();
    return version;
  });
}

Result<int> PostgresStore::UpdatePerson(const Person& p, EventId event, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<int> {
    const pqxx::result rows = tx.exec_params(
        "UPDATE people SET given_name = $1, family_name = $2, name_latin = $3, role = $4, email = "
        "$5, languages = $6, needs_interpreter = $7, version = version + 1 WHERE id = $8 AND "
        "version = $9 RETURNING version",
        p.given_name, p.family_name, p.name_latin, p.role, p.email, ToJson(p.languages),
        p.needs_interpreter ? 1 : 0, p.id.value(), expected_version);
    if (rows.empty()) {
      return MissedVersion(tx, "people", "person", p.id.value(), expected_version);
    }
    const int version = static_cast<int>(Int(rows[0][0]));
    ReplaceSessions(tx, p, event);
    tx.commit();
    return version;
  });
}

Status PostgresStore::DeletePerson(PersonId id, int expected_version) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    PONTE_RETURN_IF_ERROR(DeleteVersioned(tx, "people", "person", id.value(), expected_version));
    tx.commit();
    return OkStatus();
  });
}

namespace {

// "3 meetings (1 cancelled)".
std::string CountMeetings(std::int64_t all, std::int64_t cancelled) {
  std::string out = std::to_string(all) + (all == 1 ? " meeting" : " meetings");
  if (cancelled > 0) out += " (" + std::to_string(cancelled) + " cancelled)";
  return out;
}

}  // namespace

Status PostgresStore::DeleteSession(EventId event, SessionId session) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    // Locked, so that no meeting is placed in it while it goes.
    const pqxx::result found =
        tx.exec_params("SELECT key FROM sessions WHERE id = $1 AND event_id = $2 FOR UPDATE",
                       session.value(), event.value());
    if (found.empty()) {
      return NotFoundError("no session " + std::to_string(session.value()) + " in this event");
    }
    const pqxx::result count = tx.exec_params(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'cancelled') FROM meetings "
        "WHERE session_id = $1",
        session.value());
    if (Int(count[0][0]) > 0) {
      return AbortedError("session '" + found[0][0].as<std::string>() + "' has " +
                          CountMeetings(Int(count[0][0]), Int(count[0][1])) +
                          ": move them to another session first; a session with meetings stays "
                          "so that agendas and calendars keep them");
    }
    tx.exec_params("DELETE FROM sessions WHERE id = $1", session.value());
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::DeleteInterpreter(EventId event, InterpreterId interpreter) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::result found =
        tx.exec_params("SELECT name FROM interpreters WHERE id = $1 AND event_id = $2 FOR UPDATE",
                       interpreter.value(), event.value());
    if (found.empty()) {
      return NotFoundError("no interpreter " + std::to_string(interpreter.value()) +
                           " in this event");
    }
    const pqxx::result count = tx.exec_params(
        "SELECT COUNT(*) FROM meetings WHERE interpreter_id = $1 AND status <> 'cancelled'",
        interpreter.value());
    if (Int(count[0][0]) > 0) {
      return AbortedError(found[0][0].as<std::string>() + " interprets " +
                          CountMeetings(Int(count[0][0]), 0) +
                          " not cancelled: move them or give them another interpreter first");
    }
    tx.exec_params("DELETE FROM interpreters WHERE id = $1", interpreter.value());
    tx.commit();
    return OkStatus();
  });
}

}  // namespace ponte::store_internal
