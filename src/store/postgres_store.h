// Internal to store: the PostgreSQL backend (libpqxx 6.4). Use Store::Open
// with a postgresql:// URI. The class is split like the SQLite one:
// postgres_store.cc (opening, migrations, registry, import, export),
// postgres_workflow.cc (requests, meetings, feedback) and
// postgres_accounts.cc (accounts, credentials, audit, outbox, jobs);
// postgres_migrations.cc holds the schema in PostgreSQL's dialect.
//
// Semantics follow the SQLite backend exactly (same error codes for the same
// situations); what differs is how they are reached: every write is one
// pqxx::work, unique and foreign-key violations become Aborted (as SQLite's
// constraint errors do), lost connections Unavailable. Optimistic updates lock
// the row they compare (`FOR UPDATE`), ClaimJob uses `FOR UPDATE SKIP LOCKED`,
// and ReplaceMeetings and Import take a transaction-scoped advisory lock, so
// that several servers can share one database. ChangeStamp is a counter that
// triggers bump in every writing transaction (migration 4), one query to read
// and exact across servers, so the server's memoized answers hold on
// PostgreSQL too. One object per thread.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "store/columns.h"
#include "store/migrations.h"
#include "store/store.h"

namespace pqxx {

// NULL for nullopt, as libpqxx 6 has no traits for std::optional.
template <>
struct string_traits<std::optional<std::int64_t>> {
  static constexpr const char* name() noexcept { return "std::optional<std::int64_t>"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const std::optional<std::int64_t>& v) { return !v.has_value(); }
  static std::optional<std::int64_t> null() { return std::nullopt; }
  static void from_string(const char text[], std::optional<std::int64_t>& v) {
    std::int64_t x = 0;
    string_traits<std::int64_t>::from_string(text, x);
    v = x;
  }
  static std::string to_string(const std::optional<std::int64_t>& v) {
    return string_traits<std::int64_t>::to_string(*v);
  }
};

template <>
struct string_traits<std::optional<double>> {
  static constexpr const char* name() noexcept { return "std::optional<double>"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const std::optional<double>& v) { return !v.has_value(); }
  static std::optional<double> null() { return std::nullopt; }
  static void from_string(const char text[], std::optional<double>& v) {
    double x = 0;
    string_traits<double>::from_string(text, x);
    v = x;
  }
  static std::string to_string(const std::optional<double>& v) {
    return string_traits<double>::to_string(*v);
  }
};

}  // namespace pqxx

namespace ponte::store_internal {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 const OpenOptions& options);

// The same versions as SqliteMigrations(), in PostgreSQL's dialect.
std::span<const Migration> PostgresMigrations();

// ---- helpers shared by the three files --------------------------------------

// NULL when the id is 0 (not set).
inline std::optional<std::int64_t> OptionalId(std::int64_t id) {
  return id == 0 ? std::nullopt : std::optional<std::int64_t>(id);
}
inline std::int64_t IdOrZero(const pqxx::field& f) {
  return f.is_null() ? 0 : f.as<std::int64_t>();
}
inline std::int64_t Int(const pqxx::field& f) { return f.as<std::int64_t>(); }
inline std::string Text(const pqxx::field& f) { return f.is_null() ? std::string() : f.c_str(); }
// NULL when the instant is not set.
inline std::optional<std::int64_t> OptionalInstant(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(EpochSeconds(*t)) : std::nullopt;
}
// No location when the latitude is NULL.
inline std::optional<GeoPoint> Location(const pqxx::field& latitude, const pqxx::field& longitude) {
  if (latitude.is_null()) return std::nullopt;
  return GeoPoint{latitude.as<double>(), longitude.as<double>()};
}

// The columns ReadOrganization reads, in its order.
inline constexpr std::string_view kOrganizationFields =
    "id, key, name, type, country, region, city, website, latitude, longitude, public_profile, "
    "version";
Organization ReadOrganization(const pqxx::row& row);

// For an optimistic write (`... WHERE id = $n AND version = $m`) that touched
// no row of `table`: NotFound ("no <what> <id>") when the row is gone, else
// Stale with the version it has now.
Status MissedVersion(pqxx::transaction_base& tx, std::string_view table, std::string_view what,
                     std::int64_t id, int expected_version);
// Deletes row `id` of `table` when it still has `expected_version`; else
// fails as MissedVersion does.
Status DeleteVersioned(pqxx::transaction_base& tx, std::string_view table, std::string_view what,
                       std::int64_t id, int expected_version);

// Turns libpqxx's exceptions into Status values: integrity violations become
// Aborted (as in SQLite), a lost connection Unavailable, the rest Internal.
Status FromException(const std::exception& e);

// Runs `body` and catches what libpqxx throws. `body` returns Status or
// Result<T>.
template <typename F>
auto Guard(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return FromException(e);
  }
}

// The transaction one operation runs in: its own `Own` (pqxx::work to write,
// pqxx::nontransaction or pqxx::read_transaction to read), or, inside
// Store::Transact, a savepoint of the enclosing transaction, so that an
// operation that fails takes back only its own writes.
template <typename Own>
class OpTransaction {
 public:
  OpTransaction(pqxx::connection& conn, pqxx::dbtransaction* outer) {
    if (outer != nullptr) {
      savepoint_.emplace(*outer);
      // libpqxx 6 sets the savepoint at the subtransaction's first exec();
      // exec_params() and exec_prepared() would run without one.
      savepoint_->exec("SELECT 1");
    } else {
      own_.emplace(conn);
    }
  }
  pqxx::transaction_base& get() {
    if (savepoint_) return *savepoint_;
    return *own_;
  }

 private:
  std::optional<Own> own_;
  std::optional<pqxx::subtransaction> savepoint_;
};

// Opens a connection: client encoding UTF-8, read-only transactions when
// asked. Throws what libpqxx throws.
std::unique_ptr<pqxx::connection> Connect(const std::string& uri, bool read_only);

class PostgresStore final : public Store {
 public:
  PostgresStore(std::string uri, bool read_only, std::unique_ptr<pqxx::connection> conn,
                int version)
      : uri_(std::move(uri)), read_only_(read_only), conn_(std::move(conn)), version_(version) {}

  int schema_version() const override { return version_; }

  Result<ImportReport> Import(const Dataset& data, const ImportOptions& options) override;
  Result<Dataset> Export(const ExportOptions& options) override;
  Result<std::vector<Event>> ListEvents() override;
  Result<Event> GetEvent(std::string_view key) override;
  Result<std::vector<Organization>> ListOrganizations() override;
  Result<std::vector<Person>> ListPeople() override;
  Result<std::vector<Profile>> ListProfiles() override;
  Result<std::vector<Session>> ListSessions(EventId event) override;
  Result<std::vector<Interpreter>> ListInterpreters(EventId event) override;
  Result<std::vector<MeetingRequest>> ListRequests(EventId event) override;
  Result<std::vector<Meeting>> ListMeetings(EventId event) override;
  Status AddRequests(EventId event, std::vector<MeetingRequest>& requests) override;
  Status ReplaceMeetings(EventId event, std::vector<Meeting>& meetings) override;
  Status PutRoadshow(Roadshow& roadshow) override;
  Result<Roadshow> GetRoadshow(std::string_view key) override;
  Result<StoreSummary> Summary() override;
  Status Transact(TransactEnd end, const std::function<Status()>& body) override;
  Status RestoreVersion(VersionedKind kind, std::int64_t id, int version) override;
  std::optional<std::uint64_t> ChangeStamp() override;

  // The meeting workflow (postgres_workflow.cc).
  Result<Organization> GetOrganization(OrganizationId id) override;
  Status UpdateOrganization(Organization& org, int expected_version) override;
  Result<std::vector<Profile>> ListProfilesOf(OrganizationId org) override;
  Result<std::vector<Person>> ListPeopleOf(OrganizationId org) override;
  Result<MeetingRequest> GetRequest(MeetingRequestId id) override;
  Result<std::vector<MeetingRequest>> ListRequestsOf(EventId event, OrganizationId org) override;
  Status UpdateRequest(MeetingRequest& request, int expected_version) override;
  Result<std::vector<MeetingRequest>> ExpireRequests(Instant now) override;
  Result<std::vector<MeetingRequest>> ClaimReminders(Instant after, Instant now,
                                                     Seconds before) override;
  Result<Meeting> GetMeeting(MeetingId id) override;
  Result<std::vector<Meeting>> ListMeetingsOf(EventId event, OrganizationId org) override;
  Result<std::vector<Meeting>> ListMeetingsOfInterpreter(EventId event,
                                                         InterpreterId interpreter) override;
  Status AddMeeting(Meeting& meeting) override;
  Status UpdateMeeting(Meeting& meeting, int expected_version) override;
  Status ApplyMeetingChanges(EventId event, std::vector<Meeting>& added,
                             std::vector<Meeting>& moved) override;
  Status PutFeedback(const Feedback& feedback) override;
  Result<std::vector<Feedback>> ListFeedback(EventId event) override;

  // People one at a time (postgres_people.cc).
  Result<int> GetPersonVersion(PersonId id) override;
  Result<int> AddPerson(Person& person, EventId event) override;
  Result<int> UpdatePerson(const Person& person, EventId event, int expected_version) override;
  Status DeletePerson(PersonId id, int expected_version) override;
  Status DeleteSession(EventId event, SessionId session) override;
  Status DeleteInterpreter(EventId event, InterpreterId interpreter) override;

  // Accounts and the server's records (postgres_accounts.cc).
  Status CreateUser(User& user) override;
  Result<User> GetUser(UserId id) override;
  Result<User> FindUserByEmail(std::string_view email) override;
  Status UpdateUser(const User& user) override;
  Status PutMembership(const Membership& membership) override;
  Result<std::vector<Membership>> ListMemberships(UserId user) override;
  Result<std::vector<Membership>> ListEventMembers(EventId event) override;
  Status CreateCredential(Credential& credential) override;
  Result<Credential> FindCredential(std::string_view token_hash, Instant now) override;
  Status DeleteCredential(std::string_view token_hash) override;
  Result<std::vector<Credential>> ListCredentials(UserId user) override;
  Status PutOneTimeToken(const OneTimeToken& token) override;
  Result<OneTimeToken> ConsumeOneTimeToken(std::string_view token_hash, Instant now) override;
  Status RecordLoginFailure(std::string_view key, Instant at) override;
  Result<int> CountLoginFailures(std::string_view key, Instant since) override;
  Status AppendAudit(AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(EventId event, int limit,
                                            std::int64_t before_id) override;
  Status EnqueueMessage(OutboxMessage& message) override;
  Result<std::vector<OutboxMessage>> ListOutbox(int limit, bool unsent_only) override;
  Status MarkMessageSent(std::int64_t id, Instant at) override;
  Status CreateJob(Job& job) override;
  Result<Job> GetJob(JobId id) override;
  Result<std::optional<Job>> ClaimJob(std::string_view worker, Instant now,
                                      std::chrono::seconds stale_after) override;
  Status UpdateJob(Job& job) override;
  Status RequestJobCancel(JobId id) override;

  // Outcomes, follow-ups, images and news (sqlite_outcomes.cc / postgres_outcomes.cc).
  Status CreateOutcome(Outcome& outcome) override;
  Result<Outcome> GetOutcome(OutcomeId id) override;
  Status UpdateOutcome(Outcome& outcome, int expected_version) override;
  Status DeleteOutcome(OutcomeId id, int expected_version) override;
  Result<std::vector<Outcome>> ListOutcomes(const OutcomeFilter& filter) override;
  Result<bool> ClaimFollowUp(const FollowUp& follow_up, std::vector<OutboxMessage>& mails) override;
  Result<std::vector<FollowUp>> ListFollowUps(EventId event) override;
  Status PutImage(Image& image, std::string_view bytes) override;
  Result<Image> GetImage(std::string_view sha256, std::string* bytes) override;
  Result<std::vector<Image>> ListImages() override;
  Status CreateNews(NewsItem& item) override;
  Result<NewsItem> GetNews(std::string_view key) override;
  Status UpdateNews(NewsItem& item, int expected_version) override;
  Status DeleteNews(NewsId id, int expected_version) override;
  Result<std::vector<NewsItem>> ListNews(const NewsFilter& filter) override;

 private:
  // A transaction for one operation (see OpTransaction).
  template <typename Own>
  OpTransaction<Own> Begin() {
    return OpTransaction<Own>(*conn_, batch_.get());
  }

  Status ImportAll(pqxx::transaction_base& tx, const Dataset& data, const ImportOptions& options,
                   ImportReport& report);
  Result<std::vector<Event>> QueryEvents(pqxx::transaction_base& tx, const std::string& where,
                                         const std::string& key);
  Result<std::vector<Meeting>> QueryMeetings(pqxx::transaction_base& tx, const std::string& where,
                                             std::int64_t a, std::int64_t b);
  Result<std::vector<MeetingRequest>> QueryRequests(pqxx::transaction_base& tx,
                                                    const std::string& where, std::int64_t a,
                                                    std::int64_t b);

  // Runs `sql` as a statement prepared once per connection: the hot read
  // paths (agendas, the caller behind a token) skip parsing and planning.
  template <typename... Args>
  pqxx::result Prepared(pqxx::transaction_base& tx, const std::string& sql, Args&&... args) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "ponte_" + std::to_string(prepared_.size());
      conn_->prepare(name, sql);
      it = prepared_.emplace(sql, std::move(name)).first;
    }
    return tx.exec_prepared(it->second, std::forward<Args>(args)...);
  }

  // Runs one operation: reconnects first when the last one lost the
  // connection (PostgreSQL restarted, a failover, an idle timeout), and turns
  // exceptions into Status values. The call that meets a broken connection
  // fails with Unavailable; the next one starts on a new connection.
  template <typename F>
  auto Run(F&& body) -> decltype(body()) {
    try {
      if (conn_ == nullptr || !conn_->is_open()) {
        // Inside Store::Transact the transaction went with the connection.
        if (batch_ != nullptr) return UnavailableError("the connection to PostgreSQL was lost");
        prepared_.clear();
        conn_ = Connect(uri_, read_only_);
      }
      return body();
    } catch (const pqxx::broken_connection& e) {
      if (batch_ == nullptr) conn_.reset();  // else Transact drops it after the batch
      return FromException(e);
    } catch (const std::exception& e) {
      return FromException(e);
    }
  }

  // Runs one operation (see Run) in a transaction of kind `Own` (see Begin):
  // `body` gets the transaction and commits it when it writes.
  template <typename Own, typename F>
  auto RunIn(F&& body) -> decltype(body(std::declval<pqxx::transaction_base&>())) {
    return Run([&]() -> decltype(body(std::declval<pqxx::transaction_base&>())) {
      auto op = Begin<Own>();
      return body(op.get());
    });
  }

  std::string uri_;
  bool read_only_;
  std::unique_ptr<pqxx::connection> conn_;                 // null after a lost connection
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> name, on conn_
  std::unique_ptr<pqxx::work> batch_;                      // on conn_, inside Transact
  int version_;
};

}  // namespace ponte::store_internal
