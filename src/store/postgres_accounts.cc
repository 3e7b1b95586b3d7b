// The PostgreSQL backend, part 3: accounts, memberships, credentials, one-time
// tokens, login throttling, the audit log, the outbox and background jobs.
#include "store/columns.h"
#include "store/postgres_store.h"

namespace ponte::store_internal {
namespace {

// Login failures older than this are forgotten.
constexpr std::int64_t kLoginFailureMemorySeconds = 86400;

constexpr std::string_view kUserColumns =
    "SELECT id, email, name, password_hash, locale, verified, disabled, created_at FROM users ";

User ReadUser(const pqxx::row& row) {
  User u;
  u.id = UserId(Int(row[0]));
  u.email = Text(row[1]);
  u.name = Text(row[2]);
  u.password_hash = Text(row[3]);
  u.locale = Text(row[4]);
  u.verified = Int(row[5]) != 0;
  u.disabled = Int(row[6]) != 0;
  u.created_at = FromEpochSeconds(Int(row[7]));
  return u;
}

constexpr std::string_view kMembershipColumns =
    "SELECT user_id, event_id, role, organization_id, person_id, interpreter_id, validated FROM "
    "memberships ";

Membership ReadMembership(const pqxx::row& row) {
  Membership m;
  m.user = UserId(Int(row[0]));
  m.event = EventId(Int(row[1]));
  m.role = ParseRole(Text(row[2])).value_or(Role::kParticipant);
  m.organization = OrganizationId(IdOrZero(row[3]));
  m.person = PersonId(IdOrZero(row[4]));
  m.interpreter = InterpreterId(IdOrZero(row[5]));
  m.validated = Int(row[6]) != 0;
  return m;
}

constexpr std::string_view kJobColumns =
    "id, event_id, kind, state, parameters, progress, result, error, cancel_requested, "
    "created_by, worker, created_at, updated_at";

Job ReadJob(const pqxx::row& row) {
  Job j;
  j.id = JobId(Int(row[0]));
  j.event = EventId(IdOrZero(row[1]));
  j.kind = Text(row[2]);
  j.state = ParseJobState(Text(row[3])).value_or(JobState::kFailed);
  j.parameters = Text(row[4]);
  j.progress = Text(row[5]);
  j.result = Text(row[6]);
  j.error = Text(row[7]);
  j.cancel_requested = Int(row[8]) != 0;
  j.created_by = UserId(IdOrZero(row[9]));
  j.worker = Text(row[10]);
  j.created_at = FromEpochSeconds(Int(row[11]));
  j.updated_at = FromEpochSeconds(Int(row[12]));
  return j;
}

}  // namespace

// ---- users and memberships -------------------------------------------------------

Status PostgresStore::CreateUser(User& u) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    try {
      const pqxx::row row = tx.exec_params1(
          "INSERT INTO users(email, name, password_hash, locale, verified, disabled, created_at) "
          "VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id",
          u.email, u.name, u.password_hash, u.locale, u.verified ? 1 : 0, u.disabled ? 1 : 0,
          EpochSeconds(u.created_at));
      u.id = UserId(Int(row[0]));
    } catch (const pqxx::unique_violation&) {
      return AlreadyExistsError("an account with e-mail '" + u.email + "' already exists");
    }
    tx.commit();
    return OkStatus();
  });
}

Result<User> PostgresStore::GetUser(UserId id) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<User> {
    const pqxx::result rows = Prepared(tx, std::string(kUserColumns) + "WHERE id = $1", id.value());
    if (rows.empty()) return NotFoundError("no user " + std::to_string(id.value()));
    return ReadUser(rows[0]);
  });
}

Result<User> PostgresStore::FindUserByEmail(std::string_view email) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<User> {
    const pqxx::result rows =
        tx.exec_params(std::string(kUserColumns) + "WHERE email = $1", std::string(email));
    if (rows.empty()) {
      return NotFoundError("no account with e-mail '" + std::string(email) + "'");
    }
    return ReadUser(rows[0]);
  });
}

Status PostgresStore::UpdateUser(const User& u) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params(
        "UPDATE users SET name = $1, password_hash = $2, locale = $3, verified = $4, disabled = "
        "$5 WHERE id = $6",
        u.name, u.password_hash, u.locale, u.verified ? 1 : 0, u.disabled ? 1 : 0, u.id.value());
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::PutMembership(const Membership& m) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params(
        "INSERT INTO memberships(user_id, event_id, role, organization_id, person_id, "
        "interpreter_id, validated) VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT(user_id, "
        "event_id, role) DO UPDATE SET organization_id = excluded.organization_id, person_id = "
        "excluded.person_id, interpreter_id = excluded.interpreter_id, validated = "
        "excluded.validated",
        m.user.value(), m.event.value(), std::string(ToCode(m.role)),
        OptionalId(m.organization.value()), OptionalId(m.person.value()),
        OptionalId(m.interpreter.value()), m.validated ? 1 : 0);
    tx.commit();
    return OkStatus();
  });
}

Result<std::vector<Membership>> PostgresStore::ListMemberships(UserId user) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Membership>> {
        const pqxx::result rows =
            Prepared(tx,
                     std::string(kMembershipColumns) +
                         "WHERE user_id = $1 ORDER BY event_id, role COLLATE \"C\"",
                     user.value());
        std::vector<Membership> out;
        for (const auto& row : rows) out.push_back(ReadMembership(row));
        return out;
      });
}

Result<std::vector<Membership>> PostgresStore::ListEventMembers(EventId event) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Membership>> {
        const pqxx::result rows =
            tx.exec_params(std::string(kMembershipColumns) +
                               "WHERE event_id = $1 ORDER BY user_id, role COLLATE \"C\"",
                           event.value());
        std::vector<Membership> out;
        for (const auto& row : rows) out.push_back(ReadMembership(row));
        return out;
      });
}

// ---- credentials and one-time tokens ------------------------------------------------

Status PostgresStore::CreateCredential(Credential& c) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO credentials(token_hash, user_id, kind, csrf_token, label, created_at, "
        "expires_at) VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        c.token_hash, c.user.value(), std::string(ToCode(c.kind)), c.csrf_token, c.label,
        EpochSeconds(c.created_at), EpochSeconds(c.expires_at));
    c.id = Int(row[0]);
    tx.commit();
    return OkStatus();
  });
}

namespace {

constexpr std::string_view kCredentialColumns =
    "SELECT id, token_hash, user_id, kind, csrf_token, label, created_at, expires_at FROM "
    "credentials ";

Credential ReadCredential(const pqxx::row& row) {
  Credential c;
  c.id = Int(row[0]);
  c.token_hash = Text(row[1]);
  c.user = UserId(Int(row[2]));
  const std::string kind = Text(row[3]);
  c.kind = kind == "api_token"       ? CredentialKind::kApiToken
           : kind == "calendar_feed" ? CredentialKind::kCalendarFeed
                                     : CredentialKind::kSession;
  c.csrf_token = Text(row[4]);
  c.label = Text(row[5]);
  c.created_at = FromEpochSeconds(Int(row[6]));
  c.expires_at = FromEpochSeconds(Int(row[7]));
  return c;
}

}  // namespace

Result<Credential> PostgresStore::FindCredential(std::string_view token_hash, Instant now) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<Credential> {
    const pqxx::result rows =
        Prepared(tx, std::string(kCredentialColumns) + "WHERE token_hash = $1 AND expires_at > $2",
                 std::string(token_hash), EpochSeconds(now));
    if (rows.empty()) return NotFoundError("unknown or expired credential");
    return ReadCredential(rows[0]);
  });
}

Result<std::vector<Credential>> PostgresStore::ListCredentials(UserId user) {
  return RunIn<pqxx::nontransaction>(
      [&](pqxx::transaction_base& tx) -> Result<std::vector<Credential>> {
        const pqxx::result rows = tx.exec_params(
            std::string(kCredentialColumns) + "WHERE user_id = $1 ORDER BY id", user.value());
        std::vector<Credential> out;
        out.reserve(rows.size());
        for (const auto& row : rows) out.push_back(ReadCredential(row));
        return out;
      });
}

Status PostgresStore::DeleteCredential(std::string_view token_hash) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params("DELETE FROM credentials WHERE token_hash = $1", std::string(token_hash));
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::PutOneTimeToken(const OneTimeToken& t) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params(
        "INSERT INTO one_time_tokens(token_hash, purpose, email, user_id, event_id, role, "
        "organization_id, interpreter_id, expires_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        t.token_hash, std::string(ToCode(t.purpose)), t.email, OptionalId(t.user.value()),
        OptionalId(t.event.value()), std::string(ToCode(t.role)),
        OptionalId(t.organization.value()), OptionalId(t.interpreter.value()),
        EpochSeconds(t.expires_at));
    tx.commit();
    return OkStatus();
  });
}

Result<OneTimeToken> PostgresStore::ConsumeOneTimeToken(std::string_view token_hash, Instant now) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<OneTimeToken> {
    // DELETE ... RETURNING: of two servers consuming one link, one gets it.
    const pqxx::result rows = tx.exec_params(
        "DELETE FROM one_time_tokens WHERE token_hash = $1 RETURNING purpose, email, user_id, "
        "event_id, role, organization_id, interpreter_id, expires_at",
        std::string(token_hash));
    if (rows.empty()) return NotFoundError("this link is unknown or was already used");
    tx.commit();  // an expired token is deleted too
    const pqxx::row row = rows[0];
    OneTimeToken t;
    t.token_hash = std::string(token_hash);
    const std::string purpose = Text(row[0]);
    t.purpose = purpose == "invitation"       ? OneTimePurpose::kInvitation
                : purpose == "password_reset" ? OneTimePurpose::kPasswordReset
                                              : OneTimePurpose::kVerifyEmail;
    t.email = Text(row[1]);
    t.user = UserId(IdOrZero(row[2]));
    t.event = EventId(IdOrZero(row[3]));
    t.role = ParseRole(Text(row[4])).value_or(Role::kParticipant);
    t.organization = OrganizationId(IdOrZero(row[5]));
    t.interpreter = InterpreterId(IdOrZero(row[6]));
    t.expires_at = FromEpochSeconds(Int(row[7]));
    if (t.expires_at <= now) return NotFoundError("this link has expired");
    return t;
  });
}

Status PostgresStore::RecordLoginFailure(std::string_view key, Instant at) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params("INSERT INTO login_failures(key, at) VALUES($1, $2)", std::string(key),
                   EpochSeconds(at));
    tx.exec_params("DELETE FROM login_failures WHERE at < $1",
                   EpochSeconds(at) - kLoginFailureMemorySeconds);
    tx.commit();
    return OkStatus();
  });
}

Result<int> PostgresStore::CountLoginFailures(std::string_view key, Instant since) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<int> {
    const pqxx::row row =
        tx.exec_params1("SELECT count(*) FROM login_failures WHERE key = $1 AND at >= $2",
                        std::string(key), EpochSeconds(since));
    return static_cast<int>(Int(row[0]));
  });
}

// ---- audit log and outbox ------------------------------------------------------------

Status PostgresStore::AppendAudit(AuditEntry& e) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO audit_log(at, user_id, event_id, action, target, details) VALUES($1, $2, $3, "
        "$4, $5, $6) RETURNING id",
        EpochSeconds(e.at), OptionalId(e.user.value()), OptionalId(e.event.value()), e.action,
        e.target, e.details.empty() ? std::string("{}") : e.details);
    e.id = Int(row[0]);
    tx.commit();
    return OkStatus();
  });
}

Result<std::vector<AuditEntry>> PostgresStore::ListAudit(EventId event, int limit,
                                                         std::int64_t before_id) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<AuditEntry>> {
    const pqxx::result rows = tx.exec_params(
        "SELECT id, at, user_id, event_id, action, target, details FROM audit_log WHERE event_id "
        "= $1 AND ($2::BIGINT = 0 OR id < $2::BIGINT) ORDER BY id DESC LIMIT $3",
        event.value(), before_id, limit);
    std::vector<AuditEntry> out;
    for (const auto& row : rows) {
      AuditEntry e;
      e.id = Int(row[0]);
      e.at = FromEpochSeconds(Int(row[1]));
      e.user = UserId(IdOrZero(row[2]));
      e.event = EventId(IdOrZero(row[3]));
      e.action = Text(row[4]);
      e.target = Text(row[5]);
      e.details = Text(row[6]);
      out.push_back(std::move(e));
    }
    return out;
  });
}

Status PostgresStore::EnqueueMessage(OutboxMessage& m) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO outbox(created_at, recipient, subject, body, kind) VALUES($1, $2, $3, $4, "
        "$5) RETURNING id",
        EpochSeconds(m.created_at), m.to, m.subject, m.body, m.kind);
    m.id = Int(row[0]);
    tx.commit();
    return OkStatus();
  });
}

Result<std::vector<OutboxMessage>> PostgresStore::ListOutbox(int limit, bool unsent_only) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx)
                                         -> Result<std::vector<OutboxMessage>> {
    const pqxx::result rows = tx.exec_params(
        "SELECT id, created_at, recipient, subject, body, kind, sent_at FROM outbox WHERE ($1 = "
        "0 OR sent_at IS NULL) ORDER BY id DESC LIMIT $2",
        unsent_only ? 1 : 0, limit);
    std::vector<OutboxMessage> out;
    for (const auto& row : rows) {
      OutboxMessage m;
      m.id = Int(row[0]);
      m.created_at = FromEpochSeconds(Int(row[1]));
      m.to = Text(row[2]);
      m.subject = Text(row[3]);
      m.body = Text(row[4]);
      m.kind = Text(row[5]);
      if (!row[6].is_null()) m.sent_at = FromEpochSeconds(Int(row[6]));
      out.push_back(std::move(m));
    }
    return out;
  });
}

Status PostgresStore::MarkMessageSent(std::int64_t id, Instant at) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    tx.exec_params("UPDATE outbox SET sent_at = $1 WHERE id = $2", EpochSeconds(at), id);
    tx.commit();
    return OkStatus();
  });
}

// ---- jobs ------------------------------------------------------------------------------

Status PostgresStore::CreateJob(Job& j) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::row row = tx.exec_params1(
        "INSERT INTO jobs(event_id, kind, state, parameters, created_by, created_at, updated_at) "
        "VALUES($1, $2, 'queued', $3, $4, $5, $5) RETURNING id",
        OptionalId(j.event.value()), j.kind,
        j.parameters.empty() ? std::string("{}") : j.parameters, OptionalId(j.created_by.value()),
        EpochSeconds(j.created_at));
    j.id = JobId(Int(row[0]));
    j.state = JobState::kQueued;
    j.updated_at = j.created_at;
    tx.commit();
    return OkStatus();
  });
}

Result<Job> PostgresStore::GetJob(JobId id) {
  return RunIn<pqxx::nontransaction>([&](pqxx::transaction_base& tx) -> Result<Job> {
    const pqxx::result rows = tx.exec_params(
        "SELECT " + std::string(kJobColumns) + " FROM jobs WHERE id = $1", id.value());
    if (rows.empty()) return NotFoundError("no job " + std::to_string(id.value()));
    return ReadJob(rows[0]);
  });
}

Result<std::optional<Job>> PostgresStore::ClaimJob(std::string_view worker, Instant now,
                                                   std::chrono::seconds stale_after) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Result<std::optional<Job>> {
    // SKIP LOCKED: a job another server is claiming right now is passed over,
    // so each claim takes a different job and none waits. A running job whose
    // worker stopped reporting (updated_at older than stale_after) is taken
    // again: its server died.
    const pqxx::result rows = tx.exec_params(
        "UPDATE jobs SET state = 'running', worker = $1, updated_at = $2 WHERE id = (SELECT id "
        "FROM jobs WHERE state = 'queued' OR (state = 'running' AND updated_at < $3) ORDER BY id "
        "LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " +
            std::string(kJobColumns),
        std::string(worker), EpochSeconds(now), EpochSeconds(now) - stale_after.count());
    tx.commit();
    if (rows.empty()) return std::optional<Job>();
    return std::optional<Job>(ReadJob(rows[0]));
  });
}

Status PostgresStore::UpdateJob(Job& j) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::result rows = tx.exec_params(
        "UPDATE jobs SET state = $1, progress = $2, result = $3, error = $4, updated_at = $5 WHERE "
        "id = $6 RETURNING cancel_requested",
        std::string(ToCode(j.state)), j.progress.empty() ? std::string("{}") : j.progress, j.result,
        j.error, EpochSeconds(j.updated_at), j.id.value());
    if (rows.empty()) return NotFoundError("no job " + std::to_string(j.id.value()));
    j.cancel_requested = Int(rows[0][0]) != 0;
    tx.commit();
    return OkStatus();
  });
}

Status PostgresStore::RequestJobCancel(JobId id) {
  return RunIn<pqxx::work>([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::result rows = tx.exec_params(
        "UPDATE jobs SET cancel_requested = 1, state = CASE WHEN state = 'queued' THEN "
        "'cancelled' ELSE state END WHERE id = $1 RETURNING id",
        id.value());
    if (rows.empty()) return NotFoundError("no job " + std::to_string(id.value()));
    tx.commit();
    return OkStatus();
  });
}

}  // namespace ponte::store_internal
