// Store: the repository every front end (CLI, server) uses to keep the
// programme's data. One interface, several backends: SQLite (embedded, the
// default: a file path) and PostgreSQL (a postgresql:// URI, for several servers).
//
//   PONTE_ASSIGN_OR_RETURN(auto store, Store::Open("demo.db", {.create_if_missing = true}));
//   PONTE_ASSIGN_OR_RETURN(ImportReport report, store->Import(dataset, {}));
//   PONTE_ASSIGN_OR_RETURN(Event event, store->GetEvent("icstiw-2026"));
//
// Every write is one transaction: it happens whole or not at all. Opening a
// database written by a newer ponte fails with FailedPrecondition and changes
// nothing; an older schema is migrated forward inside a transaction. A Store
// object is used from one thread at a time; open one per thread (SQLite in WAL
// mode lets readers and one writer work concurrently).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/account.h"
#include "model/dataset.h"
#include "model/model.h"
#include "model/outcome.h"

namespace ponte {

struct OpenOptions {
  bool create_if_missing = false;  // else a missing database is NotFound
  bool read_only = false;
};

struct ImportOptions {
  // Event the event-scoped records belong to, when the dataset has no event.
  std::string event_key;
  bool dry_run = false;  // validate everything, write nothing
};

struct KindCounts {
  int created = 0;
  int updated = 0;
};

struct ImportReport {
  KindCounts events, organizations, people, profiles, sessions, interpreters, requests, meetings;
  int total() const;
};

struct ExportOptions {
  std::string event_key;  // empty: organizations, people and profiles only
};

// How Store::Transact ends when its body succeeds.
enum class TransactEnd {
  kCommit,
  kRollBack,  // a dry run: do everything, keep nothing
};

// The records whose version a client holds as an ETag (or a form's hidden
// field).
enum class VersionedKind { kOrganization, kPerson, kRequest, kMeeting, kOutcome, kNews };

struct StoreSummary {
  int events = 0;
  int organizations = 0;
  int people = 0;
  int profiles = 0;
  int requests = 0;
  int meetings = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // A path (SQLite) or a postgresql:// URI.
  static Result<std::unique_ptr<Store>> Open(std::string_view uri, const OpenOptions& options);

  // The schema version this ponte writes and understands.
  static int CurrentSchemaVersion();
  virtual int schema_version() const = 0;

  // Upserts every record by key, resolving references by key against the
  // dataset and the database. All or nothing; errors name the record's file
  // and line.
  virtual Result<ImportReport> Import(const Dataset& data, const ImportOptions& options) = 0;
  // Everything needed to re-import losslessly.
  virtual Result<Dataset> Export(const ExportOptions& options) = 0;

  virtual Result<std::vector<Event>> ListEvents() = 0;
  virtual Result<Event> GetEvent(std::string_view key) = 0;
  virtual Result<std::vector<Organization>> ListOrganizations() = 0;
  virtual Result<std::vector<Person>> ListPeople() = 0;
  virtual Result<std::vector<Profile>> ListProfiles() = 0;
  virtual Result<std::vector<Session>> ListSessions(EventId event) = 0;
  virtual Result<std::vector<Interpreter>> ListInterpreters(EventId event) = 0;
  virtual Result<std::vector<MeetingRequest>> ListRequests(EventId event) = 0;
  virtual Result<std::vector<Meeting>> ListMeetings(EventId event) = 0;

  // Adds meeting requests (new keys only); AlreadyExists on a duplicate key.
  virtual Status AddRequests(EventId event, std::vector<MeetingRequest>& requests) = 0;
  // Replaces the event's timetable in one transaction (a published
  // schedule). Meetings keep their id across publications (matched by request,
  // else by the pair of organizations) and their version grows only when
  // slot, table, interpreter or status change; meetings no longer in the
  // timetable become cancelled, so calendar feeds withdraw them. The database
  // refuses an organization in two meetings of the same slot or two meetings
  // at one table: Aborted, nothing written.
  virtual Status ReplaceMeetings(EventId event, std::vector<Meeting>& meetings) = 0;

  virtual Status PutRoadshow(Roadshow& roadshow) = 0;
  virtual Result<Roadshow> GetRoadshow(std::string_view key) = 0;

  virtual Result<StoreSummary> Summary() = 0;

  // Runs `body` in one transaction: whatever it writes through this store
  // happens whole or not at all, and other connections see none of it before
  // the commit (a kill in the middle leaves nothing). An error from `body`
  // rolls everything back and comes back; with kRollBack everything is rolled
  // back even when it succeeds. Operations inside keep their own
  // all-or-nothing: one that fails takes back only its own writes and `body`
  // decides whether to go on. Calls do not nest (FailedPrecondition).
  //
  //   PONTE_RETURN_IF_ERROR(store->Transact(TransactEnd::kCommit, [&]() -> Status {
  //     PONTE_RETURN_IF_ERROR(store->Import(data, {}).status());
  //     return ImportEventAccounts(*store, "icstiw-2026", text, "accounts.jsonl", {}).status();
  //   }));
  virtual Status Transact(TransactEnd end, const std::function<Status()>& body) = 0;

  // Sets the version of one row, which otherwise starts at 1 and grows by one
  // with each change: a move to another database (dataset_export.h) keeps the
  // ETags clients hold. Nothing else changes. NotFound when there is no such
  // row; InvalidArgument for a version below 1.
  virtual Status RestoreVersion(VersionedKind kind, std::int64_t id, int version) = 0;

  // A value that changes whenever the data this connection sees may have
  // changed (its own writes or another connection's). Callers may keep
  // derived results while it stays the same; nullopt: no such guarantee,
  // derive afresh every time.
  virtual std::optional<std::uint64_t> ChangeStamp() { return std::nullopt; }

  // --- The meeting workflow (the server) ---
  //
  // Optimistic concurrency: updates take the version the caller read and fail
  // with FailedPrecondition when the row changed since ("stale: reload").
  virtual Result<Organization> GetOrganization(OrganizationId id) = 0;
  virtual Status UpdateOrganization(Organization& org, int expected_version) = 0;
  virtual Result<std::vector<Profile>> ListProfilesOf(OrganizationId org) = 0;
  virtual Result<std::vector<Person>> ListPeopleOf(OrganizationId org) = 0;
  virtual Result<MeetingRequest> GetRequest(MeetingRequestId id) = 0;
  // Requests sent or received by an organization in an event.
  virtual Result<std::vector<MeetingRequest>> ListRequestsOf(EventId event, OrganizationId org) = 0;
  virtual Status UpdateRequest(MeetingRequest& request, int expected_version) = 0;
  // Pending requests whose expiry has passed become expired; returns them.
  virtual Result<std::vector<MeetingRequest>> ExpireRequests(Instant now) = 0;
  // Claims the reminders that fall due in (after, now]: pending requests whose
  // `expires_at - before` lies in that interval and that have not been
  // reminded yet are marked reminded (at `now`) in one statement and
  // returned. However many servers sweep the same interval, each request is
  // returned to one of them once. Versions do not change.
  virtual Result<std::vector<MeetingRequest>> ClaimReminders(Instant after, Instant now,
                                                             Seconds before) = 0;
  virtual Result<Meeting> GetMeeting(MeetingId id) = 0;
  // Meetings of one organization or interpreter, cancelled ones included (an
  // agenda or a calendar feed needs them to withdraw entries).
  virtual Result<std::vector<Meeting>> ListMeetingsOf(EventId event, OrganizationId org) = 0;
  virtual Result<std::vector<Meeting>> ListMeetingsOfInterpreter(EventId event,
                                                                 InterpreterId interpreter) = 0;
  // Adds one meeting (a walk-in). Aborted when a side or the table is busy.
  virtual Status AddMeeting(Meeting& meeting) = 0;
  // Changes status, slot, table or interpreter. Aborted on a double booking.
  virtual Status UpdateMeeting(Meeting& meeting, int expected_version) = 0;
  // Adds `added` and moves `moved` (each carrying the version the caller read
  // in Meeting::version) in one transaction, serialized per event: meetings
  // may trade places. FailedPrecondition when one of `moved` changed since it
  // was read; Aborted when an organization, a table or an interpreter would be
  // in two live meetings of one slot. Nothing is written on failure; on
  // success ids and versions are set (a moved meeting's version grows).
  virtual Status ApplyMeetingChanges(EventId event, std::vector<Meeting>& added,
                                     std::vector<Meeting>& moved) = 0;
  virtual Status PutFeedback(const Feedback& feedback) = 0;
  virtual Result<std::vector<Feedback>> ListFeedback(EventId event) = 0;

  // --- People one at a time (the portal's delegates form) ---
  //
  // Every person's row has a version that grows with each change, imports
  // included: updates and removals take the version the caller read and fail
  // with FailedPrecondition when it changed since ("stale: reload"). A
  // person's sessions are kept per event: those of `event` are replaced, other
  // events' stay (none of `event`: every session of it).
  virtual Result<int> GetPersonVersion(PersonId id) = 0;  // NotFound
  // Sets the id; returns the version (1). AlreadyExists when the key is taken.
  virtual Result<int> AddPerson(Person& person, EventId event) = 0;
  // Names, role, e-mail, languages, interpreter need and sessions; the key and
  // the organization stay. Returns the new version.
  virtual Result<int> UpdatePerson(const Person& person, EventId event, int expected_version) = 0;
  // Requests that named the person keep their other fields.
  virtual Status DeletePerson(PersonId id, int expected_version) = 0;

  // --- The set-up's sessions and interpreters, removed one at a time ---
  //
  // NotFound when `event` has no such session or interpreter. A session some
  // meeting (cancelled ones included: calendars withdraw them by it) still
  // refers to stays: Aborted, naming how many. Otherwise it leaves the
  // people's and interpreters' session lists with it.
  virtual Status DeleteSession(EventId event, SessionId session) = 0;
  // Aborted while a meeting not cancelled has the interpreter; cancelled
  // meetings keep no interpreter, and an interpreter account's membership no
  // longer names one.
  virtual Status DeleteInterpreter(EventId event, InterpreterId interpreter) = 0;

  // --- Accounts and the server's records (model/account.h) ---
  virtual Status CreateUser(User& user) = 0;  // AlreadyExists when the e-mail is taken
  virtual Result<User> GetUser(UserId id) = 0;
  virtual Result<User> FindUserByEmail(std::string_view email) = 0;
  virtual Status UpdateUser(const User& user) = 0;
  // Upsert by (user, event, role).
  virtual Status PutMembership(const Membership& membership) = 0;
  virtual Result<std::vector<Membership>> ListMemberships(UserId user) = 0;
  virtual Result<std::vector<Membership>> ListEventMembers(EventId event) = 0;

  virtual Status CreateCredential(Credential& credential) = 0;
  // NotFound when unknown or expired.
  virtual Result<Credential> FindCredential(std::string_view token_hash, Instant now) = 0;
  virtual Status DeleteCredential(std::string_view token_hash) = 0;
  // Every credential of a user, expired ones included, oldest first (moving an
  // event's accounts to another database).
  virtual Result<std::vector<Credential>> ListCredentials(UserId user) = 0;
  virtual Status PutOneTimeToken(const OneTimeToken& token) = 0;
  // Returns the token and deletes it; NotFound when unknown, used or expired.
  virtual Result<OneTimeToken> ConsumeOneTimeToken(std::string_view token_hash, Instant now) = 0;
  // Login throttling kept in the database, so that every server sees it.
  virtual Status RecordLoginFailure(std::string_view key, Instant at) = 0;
  virtual Result<int> CountLoginFailures(std::string_view key, Instant since) = 0;

  virtual Status AppendAudit(AuditEntry& entry) = 0;
  // Newest first; `before_id` > 0 pages backwards.
  virtual Result<std::vector<AuditEntry>> ListAudit(EventId event, int limit,
                                                    std::int64_t before_id) = 0;
  virtual Status EnqueueMessage(OutboxMessage& message) = 0;
  // Newest first.
  virtual Result<std::vector<OutboxMessage>> ListOutbox(int limit, bool unsent_only) = 0;
  virtual Status MarkMessageSent(std::int64_t id, Instant at) = 0;

  virtual Status CreateJob(Job& job) = 0;
  virtual Result<Job> GetJob(JobId id) = 0;
  // Takes the oldest queued job, or a running one whose worker has not
  // reported for `stale_after` (its server died), for `worker`. Exactly one
  // caller gets each job.
  virtual Result<std::optional<Job>> ClaimJob(std::string_view worker, Instant now,
                                              Seconds stale_after) = 0;
  // Writes state, progress, result and error; keeps cancel_requested.
  virtual Status UpdateJob(Job& job) = 0;
  virtual Status RequestJobCancel(JobId id) = 0;

  // --- What came of the meetings (model/outcome.h) ---
  //
  // Outcomes: the caller gives the key; the store assigns id and version 1.
  // InvalidArgument without organizations, AlreadyExists on a taken key.
  // Updates replace every field, organizations and meetings included.
  virtual Status CreateOutcome(Outcome& outcome) = 0;
  virtual Result<Outcome> GetOutcome(OutcomeId id) = 0;
  virtual Status UpdateOutcome(Outcome& outcome, int expected_version) = 0;
  virtual Status DeleteOutcome(OutcomeId id, int expected_version) = 0;
  // Newest first (by date, then id).
  virtual Result<std::vector<Outcome>> ListOutcomes(const OutcomeFilter& filter) = 0;
  // Records that a follow-up round goes to an organization and queues its
  // `mails` in the same transaction (ids set): either both happen or neither,
  // so a failure cannot leave a round claimed with its mails lost. False when
  // the round was recorded already (by this or another server): then nothing
  // is queued.
  virtual Result<bool> ClaimFollowUp(const FollowUp& follow_up,
                                     std::vector<OutboxMessage>& mails) = 0;
  virtual Result<std::vector<FollowUp>> ListFollowUps(EventId event) = 0;

  // Images: kept once per SHA-256 of their bytes (a second put of the same
  // bytes returns the stored record). `bytes` may be null to read only the
  // record. NotFound when unknown.
  virtual Status PutImage(Image& image, std::string_view bytes) = 0;
  virtual Result<Image> GetImage(std::string_view sha256, std::string* bytes) = 0;
  virtual Result<std::vector<Image>> ListImages() = 0;

  // News: AlreadyExists on a taken key (the URL slug).
  virtual Status CreateNews(NewsItem& item) = 0;
  virtual Result<NewsItem> GetNews(std::string_view key) = 0;
  virtual Status UpdateNews(NewsItem& item, int expected_version) = 0;
  virtual Status DeleteNews(NewsId id, int expected_version) = 0;
  // Newest first (by date, then id).
  virtual Result<std::vector<NewsItem>> ListNews(const NewsFilter& filter) = 0;
};

}  // namespace ponte
