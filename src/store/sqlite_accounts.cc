// The SQLite backend, part 3: accounts, memberships, credentials, one-time
// tokens, login throttling, the audit log, the outbox and background jobs.
#include "store/sqlite_store.h"

namespace ponte::store_internal {
namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, email, name, password_hash, locale, verified, disabled, created_at FROM users ";

User ReadUser(const Statement& stmt) {
  User u;
  u.id = UserId(stmt.Int(0));
  u.email = stmt.Text(1);
  u.name = stmt.Text(2);
  u.password_hash = stmt.Text(3);
  u.locale = stmt.Text(4);
  u.verified = stmt.Int(5) != 0;
  u.disabled = stmt.Int(6) != 0;
  u.created_at = FromEpochSeconds(stmt.Int(7));
  return u;
}

constexpr std::string_view kMembershipColumns =
    "SELECT user_id, event_id, role, organization_id, person_id, interpreter_id, validated FROM "
    "memberships ";

Membership ReadMembership(const Statement& stmt) {
  Membership m;
  m.user = UserId(stmt.Int(0));
  m.event = EventId(stmt.Int(1));
  m.role = ParseRole(stmt.Text(2)).value_or(Role::kParticipant);
  m.organization = OrganizationId(stmt.IsNull(3) ? 0 : stmt.Int(3));
  m.person = PersonId(stmt.IsNull(4) ? 0 : stmt.Int(4));
  m.interpreter = InterpreterId(stmt.IsNull(5) ? 0 : stmt.Int(5));
  m.validated = stmt.Int(6) != 0;
  return m;
}

constexpr std::string_view kJobColumns =
    "SELECT id, event_id, kind, state, parameters, progress, result, error, cancel_requested, "
    "created_by, worker, created_at, updated_at FROM jobs ";

Job ReadJob(const Statement& stmt) {
  Job j;
  j.id = JobId(stmt.Int(0));
  j.event = EventId(stmt.IsNull(1) ? 0 : stmt.Int(1));
  j.kind = stmt.Text(2);
  j.state = ParseJobState(stmt.Text(3)).value_or(JobState::kFailed);
  j.parameters = stmt.Text(4);
  j.progress = stmt.Text(5);
  j.result = stmt.Text(6);
  j.error = stmt.Text(7);
  j.cancel_requested = stmt.Int(8) != 0;
  j.created_by = UserId(stmt.IsNull(9) ? 0 : stmt.Int(9));
  j.worker = stmt.Text(10);
  j.created_at = FromEpochSeconds(stmt.Int(11));
  j.updated_at = FromEpochSeconds(stmt.Int(12));
  return j;
}

}  // namespace

// ---- users and memberships -------------------------------------------------------

Status SqliteStore::CreateUser(User& u) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO users(email, name, password_hash, locale, verified, disabled, "
                   "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"));
  stmt.Bind(1, u.email).Bind(2, u.name).Bind(3, u.password_hash).Bind(4, u.locale);
  stmt.Bind(5, u.verified ? 1 : 0).Bind(6, u.disabled ? 1 : 0);
  stmt.Bind(7, EpochSeconds(u.created_at));
  auto row = stmt.Step();
  if (!row.ok()) {
    if (row.status().code() == StatusCode::kAborted) {
      return AlreadyExistsError("an account with e-mail '" + u.email + "' already exists");
    }
    return row.status();
  }
  u.id = UserId(stmt.Int(0));
  return OkStatus();
}

Result<User> SqliteStore::GetUser(UserId id) {
  PONTE_ASSIGN_OR_RETURN(Statement * stmt, Cached(std::string(kUserColumns) + "WHERE id = ?1"));
  stmt->Bind(1, id.value());
  PONTE_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return NotFoundError("no user " + std::to_string(id.value()));
  User u = ReadUser(*stmt);
  stmt->Reset();
  return u;
}

Result<User> SqliteStore::FindUserByEmail(std::string_view email) {
  PONTE_ASSIGN_OR_RETURN(Statement * stmt, Cached(std::string(kUserColumns) + "WHERE email = ?1"));
  stmt->Bind(1, email);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return NotFoundError("no account with e-mail '" + std::string(email) + "'");
  User u = ReadUser(*stmt);
  stmt->Reset();
  return u;
}

Status SqliteStore::UpdateUser(const User& u) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE users SET name = ?1, password_hash = ?2, locale = ?3, verified = ?4, "
                   "disabled = ?5 WHERE id = ?6"));
  stmt.Bind(1, u.name).Bind(2, u.password_hash).Bind(3, u.locale).Bind(4, u.verified ? 1 : 0);
  stmt.Bind(5, u.disabled ? 1 : 0).Bind(6, u.id.value());
  return stmt.Run();
}

Status SqliteStore::PutMembership(const Membership& m) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO memberships(user_id, event_id, role, organization_id, person_id, "
                   "interpreter_id, validated) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                   "ON CONFLICT(user_id, event_id, role) DO UPDATE SET organization_id = "
                   "excluded.organization_id, person_id = excluded.person_id, interpreter_id = "
                   "excluded.interpreter_id, validated = excluded.validated"));
  stmt.Bind(1, m.user.value()).Bind(2, m.event.value()).Bind(3, ToCode(m.role));
  stmt.BindOptionalId(4, m.organization.value()).BindOptionalId(5, m.person.value());
  stmt.BindOptionalId(6, m.interpreter.value()).Bind(7, m.validated ? 1 : 0);
  return stmt.Run();
}

Result<std::vector<Membership>> SqliteStore::ListMemberships(UserId user) {
  PONTE_ASSIGN_OR_RETURN(Statement * stmt, Cached(std::string(kMembershipColumns) +
                                                  "WHERE user_id = ?1 ORDER BY event_id, role"));
  stmt->Bind(1, user.value());
  auto out = Collect<Membership>(*stmt, [&] { return ReadMembership(*stmt); });
  stmt->Reset();
  return out;
}

Result<std::vector<Membership>> SqliteStore::ListEventMembers(EventId event) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(std::string(kMembershipColumns) + "WHERE event_id = ?1 ORDER BY user_id, role"));
  stmt.Bind(1, event.value());
  return Collect<Membership>(stmt, [&] { return ReadMembership(stmt); });
}

// ---- credentials and one-time tokens ------------------------------------------------

Status SqliteStore::CreateCredential(Credential& c) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO credentials(token_hash, user_id, kind, csrf_token, label, "
                   "created_at, expires_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"));
  stmt.Bind(1, c.token_hash).Bind(2, c.user.value()).Bind(3, ToCode(c.kind));
  stmt.Bind(4, c.csrf_token).Bind(5, c.label).Bind(6, EpochSeconds(c.created_at));
  stmt.Bind(7, EpochSeconds(c.expires_at));
  PONTE_RETURN_IF_ERROR(stmt.Step().status());
  c.id = stmt.Int(0);
  return OkStatus();
}

namespace {

constexpr std::string_view kCredentialColumns =
    "SELECT id, token_hash, user_id, kind, csrf_token, label, created_at, expires_at FROM "
    "credentials ";

Credential ReadCredential(Statement& stmt) {
  Credential c;
  c.id = stmt.Int(0);
  c.token_hash = stmt.Text(1);
  c.user = UserId(stmt.Int(2));
  const std::string kind = stmt.Text(3);
  c.kind = kind == "api_token"       ? CredentialKind::kApiToken
           : kind == "calendar_feed" ? CredentialKind::kCalendarFeed
                                     : CredentialKind::kSession;
  c.csrf_token = stmt.Text(4);
  c.label = stmt.Text(5);
  c.created_at = FromEpochSeconds(stmt.Int(6));
  c.expires_at = FromEpochSeconds(stmt.Int(7));
  return c;
}

}  // namespace

Result<Credential> SqliteStore::FindCredential(std::string_view token_hash, Instant now) {
  PONTE_ASSIGN_OR_RETURN(Statement * stmt, Cached(std::string(kCredentialColumns) +
                                                  "WHERE token_hash = ?1 AND expires_at > ?2"));
  stmt->Bind(1, token_hash).Bind(2, EpochSeconds(now));
  PONTE_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return NotFoundError("unknown or expired credential");
  Credential c = ReadCredential(*stmt);
  stmt->Reset();
  return c;
}

Result<std::vector<Credential>> SqliteStore::ListCredentials(UserId user) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(std::string(kCredentialColumns) +
                                                      "WHERE user_id = ?1 ORDER BY id"));
  stmt.Bind(1, user.value());
  return Collect<Credential>(stmt, [&] { return ReadCredential(stmt); });
}

Status SqliteStore::DeleteCredential(std::string_view token_hash) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare("DELETE FROM credentials WHERE token_hash = ?1"));
  return stmt.Bind(1, token_hash).Run();
}

Status SqliteStore::PutOneTimeToken(const OneTimeToken& t) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO one_time_tokens(token_hash, purpose, email, user_id, event_id, "
                   "role, organization_id, interpreter_id, expires_at) VALUES(?1, ?2, ?3, ?4, ?5, "
                   "?6, ?7, ?8, ?9)"));
  stmt.Bind(1, t.token_hash).Bind(2, ToCode(t.purpose)).Bind(3, t.email);
  stmt.BindOptionalId(4, t.user.value()).BindOptionalId(5, t.event.value());
  stmt.Bind(6, ToCode(t.role)).BindOptionalId(7, t.organization.value());
  stmt.BindOptionalId(8, t.interpreter.value()).Bind(9, EpochSeconds(t.expires_at));
  return stmt.Run();
}

Result<OneTimeToken> SqliteStore::ConsumeOneTimeToken(std::string_view token_hash, Instant now) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("DELETE FROM one_time_tokens WHERE token_hash = ?1 RETURNING purpose, email, "
                   "user_id, event_id, role, organization_id, interpreter_id, expires_at"));
  stmt.Bind(1, token_hash);
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("this link is unknown or was already used");
  OneTimeToken t;
  t.token_hash = std::string(token_hash);
  const std::string purpose = stmt.Text(0);
  t.purpose = purpose == "invitation"       ? OneTimePurpose::kInvitation
              : purpose == "password_reset" ? OneTimePurpose::kPasswordReset
                                            : OneTimePurpose::kVerifyEmail;
  t.email = stmt.Text(1);
  t.user = UserId(stmt.IsNull(2) ? 0 : stmt.Int(2));
  t.event = EventId(stmt.IsNull(3) ? 0 : stmt.Int(3));
  t.role = ParseRole(stmt.Text(4)).value_or(Role::kParticipant);
  t.organization = OrganizationId(stmt.IsNull(5) ? 0 : stmt.Int(5));
  t.interpreter = InterpreterId(stmt.IsNull(6) ? 0 : stmt.Int(6));
  t.expires_at = FromEpochSeconds(stmt.Int(7));
  PONTE_ASSIGN_OR_RETURN(bool more, stmt.Step());
  (void)more;
  if (t.expires_at <= now) return NotFoundError("this link has expired");
  return t;
}

Status SqliteStore::RecordLoginFailure(std::string_view key, Instant at) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare("INSERT INTO login_failures(key, at) VALUES(?1, ?2)"));
  PONTE_RETURN_IF_ERROR(stmt.Bind(1, key).Bind(2, EpochSeconds(at)).Run());
  // Old failures are forgotten after a day.
  PONTE_ASSIGN_OR_RETURN(Statement prune, db_->Prepare("DELETE FROM login_failures WHERE at < ?1"));
  return prune.Bind(1, EpochSeconds(at) - 86400).Run();
}

Result<int> SqliteStore::CountLoginFailures(std::string_view key, Instant since) {
  PONTE_ASSIGN_OR_RETURN(Statement * stmt,
                         Cached("SELECT count(*) FROM login_failures WHERE key = ?1 AND at >= ?2"));
  stmt->Bind(1, key).Bind(2, EpochSeconds(since));
  PONTE_RETURN_IF_ERROR(stmt->Step().status());
  const int n = static_cast<int>(stmt->Int(0));
  stmt->Reset();
  return n;
}

// ---- audit log and outbox ------------------------------------------------------------

Status SqliteStore::AppendAudit(AuditEntry& e) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO audit_log(at, user_id, event_id, action, target, details) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6) RETURNING id"));
  stmt.Bind(1, EpochSeconds(e.at)).BindOptionalId(2, e.user.value());
  stmt.BindOptionalId(3, e.event.value()).Bind(4, e.action).Bind(5, e.target);
  stmt.Bind(6, e.details.empty() ? std::string("{}") : e.details);
  PONTE_RETURN_IF_ERROR(stmt.Step().status());
  e.id = stmt.Int(0);
  return OkStatus();
}

Result<std::vector<AuditEntry>> SqliteStore::ListAudit(EventId event, int limit,
                                                       std::int64_t before_id) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT id, at, user_id, event_id, action, target, details FROM audit_log "
                   "WHERE event_id = ?1 AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3"));
  stmt.Bind(1, event.value()).Bind(2, before_id).Bind(3, limit);
  return Collect<AuditEntry>(stmt, [&] {
    AuditEntry e;
    e.id = stmt.Int(0);
    e.at = FromEpochSeconds(stmt.Int(1));
    e.user = UserId(stmt.IsNull(2) ? 0 : stmt.Int(2));
    e.event = EventId(stmt.IsNull(3) ? 0 : stmt.Int(3));
    e.action = stmt.Text(4);
    e.target = stmt.Text(5);
    e.details = stmt.Text(6);
    return e;
  });
}

Status SqliteStore::EnqueueMessage(OutboxMessage& m) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO outbox(created_at, recipient, subject, body, kind) VALUES(?1, ?2, "
                   "?3, ?4, ?5) RETURNING id"));
  stmt.Bind(1, EpochSeconds(m.created_at)).Bind(2, m.to).Bind(3, m.subject).Bind(4, m.body);
  stmt.Bind(5, m.kind);
  PONTE_RETURN_IF_ERROR(stmt.Step().status());
  m.id = stmt.Int(0);
  return OkStatus();
}

Result<std::vector<OutboxMessage>> SqliteStore::ListOutbox(int limit, bool unsent_only) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT id, created_at, recipient, subject, body, kind, sent_at FROM outbox "
                   "WHERE (?1 = 0 OR sent_at IS NULL) ORDER BY id DESC LIMIT ?2"));
  stmt.Bind(1, unsent_only ? 1 : 0).Bind(2, limit);
  return Collect<OutboxMessage>(stmt, [&] {
    OutboxMessage m;
    m.id = stmt.Int(0);
    m.created_at = FromEpochSeconds(stmt.Int(1));
    m.to = stmt.Text(2);
    m.subject = stmt.Text(3);
    m.body = stmt.Text(4);
    m.kind = stmt.Text(5);
    if (!stmt.IsNull(6)) m.sent_at = FromEpochSeconds(stmt.Int(6));
    return m;
  });
}

Status SqliteStore::MarkMessageSent(std::int64_t id, Instant at) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare("UPDATE outbox SET sent_at = ?1 WHERE id = ?2"));
  return stmt.Bind(1, EpochSeconds(at)).Bind(2, id).Run();
}

// ---- jobs ------------------------------------------------------------------------------

Status SqliteStore::CreateJob(Job& j) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO jobs(event_id, kind, state, parameters, created_by, created_at, "
                   "updated_at) VALUES(?1, ?2, 'queued', ?3, ?4, ?5, ?5) RETURNING id"));
  stmt.BindOptionalId(1, j.event.value()).Bind(2, j.kind);
  stmt.Bind(3, j.parameters.empty() ? std::string("{}") : j.parameters);
  stmt.BindOptionalId(4, j.created_by.value()).Bind(5, EpochSeconds(j.created_at));
  PONTE_RETURN_IF_ERROR(stmt.Step().status());
  j.id = JobId(stmt.Int(0));
  j.state = JobState::kQueued;
  j.updated_at = j.created_at;
  return OkStatus();
}

Result<Job> SqliteStore::GetJob(JobId id) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(std::string(kJobColumns) + "WHERE id = ?1"));
  stmt.Bind(1, id.value());
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no job " + std::to_string(id.value()));
  return ReadJob(stmt);
}

Result<std::optional<Job>> SqliteStore::ClaimJob(std::string_view worker, Instant now,
                                                 std::chrono::seconds stale_after) {
  // BEGIN IMMEDIATE takes SQLite's write lock, so two servers polling the
  // same file cannot both claim one job.
  Transaction tx(*db_);
  PONTE_RETURN_IF_ERROR(tx.Begin());
  PONTE_ASSIGN_OR_RETURN(
      Statement pick,
      db_->Prepare("SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND "
                   "updated_at < ?1) ORDER BY id LIMIT 1"));
  pick.Bind(1, EpochSeconds(now) - stale_after.count());
  PONTE_ASSIGN_OR_RETURN(bool row, pick.Step());
  if (!row) {
    PONTE_RETURN_IF_ERROR(tx.Commit());
    return std::optional<Job>();
  }
  const std::int64_t id = pick.Int(0);
  PONTE_ASSIGN_OR_RETURN(
      Statement claim,
      db_->Prepare(
          "UPDATE jobs SET state = 'running', worker = ?1, updated_at = ?2 WHERE id = ?3"));
  PONTE_RETURN_IF_ERROR(claim.Bind(1, worker).Bind(2, EpochSeconds(now)).Bind(3, id).Run());
  PONTE_ASSIGN_OR_RETURN(Job job, GetJob(JobId(id)));
  PONTE_RETURN_IF_ERROR(tx.Commit());
  return std::optional<Job>(std::move(job));
}

Status SqliteStore::UpdateJob(Job& j) {
  PONTE_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("UPDATE jobs SET state = ?1, progress = ?2, result = ?3, error = ?4, "
                   "updated_at = ?5 WHERE id = ?6 RETURNING cancel_requested"));
  stmt.Bind(1, ToCode(j.state)).Bind(2, j.progress.empty() ? std::string("{}") : j.progress);
  stmt.Bind(3, j.result).Bind(4, j.error).Bind(5, EpochSeconds(j.updated_at));
  stmt.Bind(6, j.id.value());
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return NotFoundError("no job " + std::to_string(j.id.value()));
  j.cancel_requested = stmt.Int(0) != 0;
  return OkStatus();
}

Status SqliteStore::RequestJobCancel(JobId id) {
  PONTE_ASSIGN_OR_RETURN(Statement stmt,
                         db_->Prepare("UPDATE jobs SET cancel_requested = 1, state = CASE WHEN "
                                      "state = 'queued' THEN 'cancelled' ELSE state END WHERE id "
                                      "= ?1 RETURNING id"));
  PONTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(1, id.value()).Step());
  if (!row) return NotFoundError("no job " + std::to_string(id.value()));
  return OkStatus();
}

}  // namespace ponte::store_internal
