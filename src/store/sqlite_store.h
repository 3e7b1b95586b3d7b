// Internal to store: the SQLite backend. Use Store::Open with a file path.
// The class is split over sqlite_store.cc (registry, import, export),
// sqlite_workflow.cc (requests, meetings, feedback) and sqlite_accounts.cc
// (accounts, credentials, audit, outbox, jobs); the statement helpers below
// are shared by the three, the column encodings (columns.h) with PostgreSQL.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/columns.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ponte::store_internal {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const OpenOptions& options);

using sqlite::Database;
using sqlite::Statement;

// People are read the same way by every query that lists them.
inline constexpr std::string_view kPersonColumns =
    "SELECT id, key, organization_id, given_name, family_name, name_latin, role, email, "
    "languages, needs_interpreter ";

inline Person ReadPerson(const Statement& stmt) {
  Person p;
  p.id = PersonId(stmt.Int(0));
  p.key = stmt.Text(1);
  p.organization = OrganizationId(stmt.Int(2));
  p.given_name = stmt.Text(3);
  p.family_name = stmt.Text(4);
  p.name_latin = stmt.Text(5);
  p.role = stmt.Text(6);
  p.email = stmt.Text(7);
  p.languages = ListFromJson(stmt.Text(8));
  p.needs_interpreter = stmt.Int(9) != 0;
  return p;
}

// Organizations likewise.
inline constexpr std::string_view kOrganizationColumns =
    "SELECT id, key, name, type, country, region, city, website, latitude, longitude, "
    "public_profile, version FROM organizations ";

inline Organization ReadOrganization(const Statement& stmt) {
  Organization o;
  o.id = OrganizationId(stmt.Int(0));
  o.key = stmt.Text(1);
  o.name = LocalizedFromJson(stmt.Text(2));
  o.type = ParseOrganizationType(stmt.Text(3)).value_or(OrganizationType::kOther);
  o.country = stmt.Text(4);
  o.region = stmt.Text(5);
  o.city = stmt.Text(6);
  o.website = stmt.Text(7);
  if (!stmt.IsNull(8)) o.location = GeoPoint{stmt.Double(8), stmt.Double(9)};
  o.public_profile = stmt.Int(10) != 0;
  o.version = static_cast<int>(stmt.Int(11));
  return o;
}

// Rolls back unless committed. Inside Store::Transact (the connection is in a
// transaction already) it is a savepoint of that transaction, so that a
// failed operation takes back only its own writes.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction() {
    if (active_) (void)Rollback();
  }
  Status Begin() {
    nested_ = db_.InTransaction();
    PONTE_RETURN_IF_ERROR(db_.Exec(nested_ ? "SAVEPOINT ponte_op" : "BEGIN IMMEDIATE"));
    active_ = true;
    return OkStatus();
  }
  Status Commit() {
    active_ = false;
    return db_.Exec(nested_ ? "RELEASE ponte_op" : "COMMIT");
  }
  Status Rollback() {
    active_ = false;
    if (!nested_) return db_.Exec("ROLLBACK");
    PONTE_RETURN_IF_ERROR(db_.Exec("ROLLBACK TO ponte_op"));
    return db_.Exec("RELEASE ponte_op");
  }

 private:
  Database& db_;
  bool active_ = false;
  bool nested_ = false;
};

// Runs `stmt` and turns each row into a T with `read` (which reads the
// statement's current row).
template <typename T, typename Read>
Result<std::vector<T>> Collect(Statement& stmt, Read read) {
  std::vector<T> out;
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    out.push_back(read());
  }
}

// Reads (owner id, session id) rows into the owners' `sessions` lists.
template <typename T>
Status AttachSessions(Statement& stmt, std::vector<T>& owners) {
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < owners.size(); ++i) index[owners[i].id.value()] = i;
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return OkStatus();
    auto it = index.find(stmt.Int(0));
    if (it != index.end()) owners[it->second].sessions.emplace_back(stmt.Int(1));
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Database> db, int version) : db_(std::move(db)), version_(version) {}

  int schema_version() const override { return version_; }

  Result<ImportReport> Import(const Dataset& data, const ImportOptions& options) override {
    Transaction tx(*db_);
    PONTE_RETURN_IF_ERROR(tx.Begin());
    ImportReport report;
    PONTE_RETURN_IF_ERROR(ImportAll(data, options, report));
    if (options.dry_run) {
      PONTE_RETURN_IF_ERROR(tx.Rollback());
    } else {
      PONTE_RETURN_IF_ERROR(tx.Commit());
    }
    return report;
  }

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

  // The meeting workflow (sqlite_workflow.cc).
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

  // People one at a time (sqlite_people.cc).
  Result<int> GetPersonVersion(PersonId id) override;
  Result<int> AddPerson(Person& person, EventId event) override;
  Result<int> UpdatePerson(const Person& person, EventId event, int expected_version) override;
  Status DeletePerson(PersonId id, int expected_version) override;
  Status DeleteSession(EventId event, SessionId session) override;
  Status DeleteInterpreter(EventId event, InterpreterId interpreter) override;

  // Accounts and the server's records (sqlite_accounts.cc).
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
  Status ImportAll(const Dataset& data, const ImportOptions& options, ImportReport& report);
  Result<std::int64_t> UpsertEvent(const Event& event, ImportReport& report);
  Result<std::vector<Event>> QueryEvents(std::string_view where, std::string_view key);
  Status InsertRequest(std::int64_t event_id, MeetingRequest& r, bool upsert);

  // Statements prepared once per connection, for the hot read paths.
  Result<Statement*> Cached(std::string_view sql);
  Result<std::vector<Outcome>> QueryOutcomes(std::string_view where, std::int64_t a,
                                             std::int64_t b = 0);
  Status WriteOutcomeLinks(const Outcome& outcome);
  Status NewsStale(NewsId id, int expected_version);
  Result<std::vector<Meeting>> QueryMeetings(std::string_view where, std::int64_t a,
                                             std::int64_t b);
  Result<std::vector<MeetingRequest>> QueryRequests(std::string_view where, std::int64_t a,
                                                    std::int64_t b);

  std::unique_ptr<Database> db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
  int version_;
};

}  // namespace ponte::store_internal
