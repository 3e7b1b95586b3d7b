#include "store/dataset_export.h"

#include <algorithm>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unordered_map>

namespace ponte::store_internal {
namespace {

template <typename T>
std::unordered_map<std::int64_t, std::string> KeysById(const std::vector<T>& items) {
  std::unordered_map<std::int64_t, std::string> out;
  for (const T& item : items) out.emplace(item.id.value(), item.key);
  return out;
}

std::string KeyOf(const std::unordered_map<std::int64_t, std::string>& keys, std::int64_t id) {
  auto it = keys.find(id);
  return it == keys.end() ? std::string() : it->second;
}

}  // namespace

Result<Dataset> ExportDataset(Store& store, const ExportOptions& options) {
  Dataset data;
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  const auto org_keys = KeysById(orgs);
  std::vector<Session> sessions;
  std::unordered_map<std::int64_t, std::string> session_keys;
  if (!options.event_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(Event event, store.GetEvent(options.event_key));
    PONTE_ASSIGN_OR_RETURN(sessions, store.ListSessions(event.id));
    session_keys = KeysById(sessions);
    data.event = event;
  }
  for (Organization& o : orgs) data.organizations.push_back({std::move(o), {}});
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeople());
  const auto person_keys = KeysById(people);
  for (Person& p : people) {
    PersonRecord rec;
    rec.organization_key = KeyOf(org_keys, p.organization.value());
    for (SessionId s : p.sessions) {
      std::string key = KeyOf(session_keys, s.value());
      if (!key.empty()) rec.session_keys.push_back(std::move(key));
    }
    rec.person = std::move(p);
    data.people.push_back(std::move(rec));
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Profile> profiles, store.ListProfiles());
  for (Profile& p : profiles) {
    ProfileRecord rec;
    rec.organization_key = KeyOf(org_keys, p.organization.value());
    rec.profile = std::move(p);
    data.profiles.push_back(std::move(rec));
  }
  if (!data.event) return data;
  const EventId event_id = data.event->id;
  for (Session& s : sessions) data.sessions.push_back({std::move(s), {}});
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> interpreters, store.ListInterpreters(event_id));
  const auto interpreter_keys = KeysById(interpreters);
  for (Interpreter& it : interpreters) {
    InterpreterRecord rec;
    for (SessionId s : it.sessions) rec.session_keys.push_back(KeyOf(session_keys, s.value()));
    rec.interpreter = std::move(it);
    data.interpreters.push_back(std::move(rec));
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests, store.ListRequests(event_id));
  const auto request_keys = KeysById(requests);
  for (MeetingRequest& r : requests) {
    RequestRecord rec;
    rec.from_key = KeyOf(org_keys, r.from.value());
    rec.to_key = KeyOf(org_keys, r.to.value());
    rec.requested_by_key = KeyOf(person_keys, r.requested_by.value());
    rec.request = std::move(r);
    data.requests.push_back(std::move(rec));
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetings(event_id));
  for (Meeting& m : meetings) {
    MeetingRecord rec;
    rec.request_key = KeyOf(request_keys, m.request.value());
    rec.a_key = KeyOf(org_keys, m.a.value());
    rec.b_key = KeyOf(org_keys, m.b.value());
    rec.session_key = KeyOf(session_keys, m.session.value());
    rec.interpreter_key = KeyOf(interpreter_keys, m.interpreter.value());
    rec.meeting = m;
    data.meetings.push_back(std::move(rec));
  }
  return data;
}

}  // namespace ponte::store_internal

namespace ponte {
namespace {

using Json = nlohmann::json;
using store_internal::KeyOf;

// Every credential, however old (Store::FindCredential takes a "now").
const Instant kLongAgo = Instant(Seconds(std::numeric_limits<std::int32_t>::min()));

Json NullableKey(const std::string& key) { return key.empty() ? Json(nullptr) : Json(key); }

// Where a meeting is, in keys: enough to find it again in another database.
struct MeetingPlace {
  std::string session;
  int slot = 0;
  int table = 0;
  std::string a, b;
  auto operator<=>(const MeetingPlace&) const = default;
};

struct KeyMaps {
  std::unordered_map<std::int64_t, std::string> orgs, people, interpreters, sessions;
};

Result<KeyMaps> LoadKeyMaps(Store& store, EventId event) {
  KeyMaps maps;
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  maps.orgs = store_internal::KeysById(orgs);
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeople());
  maps.people = store_internal::KeysById(people);
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> interpreters, store.ListInterpreters(event));
  maps.interpreters = store_internal::KeysById(interpreters);
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event));
  maps.sessions = store_internal::KeysById(sessions);
  return maps;
}

}  // namespace

Result<std::string> ExportEventAccounts(Store& store, std::string_view event_key, Instant now) {
  PONTE_ASSIGN_OR_RETURN(Event event, store.GetEvent(event_key));
  PONTE_ASSIGN_OR_RETURN(KeyMaps keys, LoadKeyMaps(store, event.id));
  PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members, store.ListEventMembers(event.id));
  // The audit log, oldest first.
  std::vector<AuditEntry> audit;
  for (std::int64_t before = 0;;) {
    constexpr int kPage = 1000;
    PONTE_ASSIGN_OR_RETURN(std::vector<AuditEntry> page, store.ListAudit(event.id, kPage, before));
    if (page.empty()) break;
    before = page.back().id;
    audit.insert(audit.end(), page.begin(), page.end());
    if (static_cast<int>(page.size()) < kPage) break;
  }
  std::reverse(audit.begin(), audit.end());
  PONTE_ASSIGN_OR_RETURN(std::vector<Feedback> feedback, store.ListFeedback(event.id));
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetings(event.id));
  std::unordered_map<std::int64_t, MeetingPlace> places;
  for (const Meeting& m : meetings) {
    places[m.id.value()] = {KeyOf(keys.sessions, m.session.value()), m.slot, m.table,
                            KeyOf(keys.orgs, m.a.value()), KeyOf(keys.orgs, m.b.value())};
  }

  // Users: members, and whoever the audit log and feedback name.
  std::map<std::int64_t, User> users;
  auto want = [&](UserId id) -> Status {
    if (!id.valid() || users.contains(id.value())) return OkStatus();
    auto user = store.GetUser(id);
    if (user.status().code() == StatusCode::kNotFound) return OkStatus();  // deleted since
    PONTE_RETURN_IF_ERROR(user.status());
    users.emplace(id.value(), std::move(*user));
    return OkStatus();
  };
  for (const Membership& m : members) PONTE_RETURN_IF_ERROR(want(m.user));
  for (const AuditEntry& e : audit) PONTE_RETURN_IF_ERROR(want(e.user));
  for (const Feedback& f : feedback) PONTE_RETURN_IF_ERROR(want(f.user));
  auto email_of = [&](UserId id) -> Json {
    auto it = users.find(id.value());
    return it == users.end() ? Json(nullptr) : Json(it->second.email);
  };

  std::vector<Json> lines;
  std::vector<const User*> by_email;
  for (const auto& [id, u] : users) by_email.push_back(&u);
  std::sort(by_email.begin(), by_email.end(),
            [](const User* x, const User* y) { return x->email < y->email; });
  for (const User* u : by_email) {
    lines.push_back({{"record", "user"},
                     {"email", u->email},
                     {"name", u->name},
                     {"password_hash", u->password_hash},
                     {"locale", u->locale},
                     {"verified", u->verified},
                     {"disabled", u->disabled},
                     {"created_at", FormatUtc(u->created_at)}});
  }
  std::vector<Json> rows;
  for (const Membership& m : members) {
    rows.push_back({{"record", "membership"},
                    {"email", email_of(m.user)},
                    {"role", ToCode(m.role)},
                    {"organization", NullableKey(KeyOf(keys.orgs, m.organization.value()))},
                    {"person", NullableKey(KeyOf(keys.people, m.person.value()))},
                    {"interpreter", NullableKey(KeyOf(keys.interpreters, m.interpreter.value()))},
                    {"validated", m.validated}});
  }
  std::sort(rows.begin(), rows.end(), [](const Json& x, const Json& y) {
    return std::tie(x["email"], x["role"]) < std::tie(y["email"], y["role"]);
  });
  lines.insert(lines.end(), rows.begin(), rows.end());
  // Credentials of members: API tokens and calendar feeds still valid.
  for (const User* u : by_email) {
    PONTE_ASSIGN_OR_RETURN(std::vector<Credential> credentials, store.ListCredentials(u->id));
    for (const Credential& c : credentials) {
      if (c.kind == CredentialKind::kSession || c.expires_at <= now) continue;
      lines.push_back({{"record", "credential"},
                       {"email", u->email},
                       {"kind", ToCode(c.kind)},
                       {"token_hash", c.token_hash},
                       {"label", c.label},
                       {"created_at", FormatUtc(c.created_at)},
                       {"expires_at", FormatUtc(c.expires_at)}});
    }
  }
  for (const AuditEntry& e : audit) {
    lines.push_back({{"record", "audit"},
                     {"at", FormatUtc(e.at)},
                     {"email", email_of(e.user)},
                     {"action", e.action},
                     {"target", e.target},
                     {"details", e.details}});
  }
  rows.clear();
  for (const Feedback& f : feedback) {
    auto place = places.find(f.meeting.value());
    if (place == places.end()) continue;
    const MeetingPlace& p = place->second;
    rows.push_back({{"record", "feedback"},
                    {"session", p.session},
                    {"slot", p.slot},
                    {"table", p.table},
                    {"a", p.a},
                    {"b", p.b},
                    {"organization", KeyOf(keys.orgs, f.organization.value())},
                    {"email", email_of(f.user)},
                    {"rating", f.rating},
                    {"follow_up", f.follow_up},
                    {"comment", f.comment},
                    {"created_at", FormatUtc(f.created_at)}});
  }
  std::sort(rows.begin(), rows.end(), [](const Json& x, const Json& y) {
    return std::tie(x["session"], x["slot"], x["table"], x["a"], x["b"], x["organization"]) <
           std::tie(y["session"], y["slot"], y["table"], y["a"], y["b"], y["organization"]);
  });
  lines.insert(lines.end(), rows.begin(), rows.end());

  std::string out;
  for (const Json& line : lines) {
    out += line.dump(-1, ' ', false, Json::error_handler_t::strict);
    out += '\n';
  }
  return out;
}

namespace {

// One line of the accounts file, checked field by field.
class Line {
 public:
  Line(const Json& json, std::string where) : json_(json), where_(std::move(where)) {}

  const std::string& where() const { return where_; }
  Status Error(std::string_view field, std::string_view expected) const {
    return InvalidArgumentError(where_ + ": field '" + std::string(field) + "': expected " +
                                std::string(expected));
  }
  Result<std::string> String(std::string_view field) const {
    auto it = json_.find(field);
    if (it == json_.end() || !it->is_string()) return Error(field, "a string");
    return it->get<std::string>();
  }
  // "" for null or absent.
  Result<std::string> OptionalString(std::string_view field) const {
    auto it = json_.find(field);
    if (it == json_.end() || it->is_null()) return std::string();
    if (!it->is_string()) return Error(field, "a string or null");
    return it->get<std::string>();
  }
  Result<bool> Bool(std::string_view field) const {
    auto it = json_.find(field);
    if (it == json_.end() || !it->is_boolean()) return Error(field, "true or false");
    return it->get<bool>();
  }
  Result<int> Int(std::string_view field) const {
    auto it = json_.find(field);
    if (it == json_.end() || !it->is_number_integer()) return Error(field, "an integer");
    return it->get<int>();
  }
  Result<Instant> Time(std::string_view field) const {
    PONTE_ASSIGN_OR_RETURN(std::string text, String(field));
    auto t = ParseUtc(text);
    if (!t.ok()) return Error(field, "a UTC time like 2026-11-16T01:30:00Z");
    return *t;
  }

 private:
  const Json& json_;
  std::string where_;
};

template <typename Id>
Result<std::unordered_map<std::string, std::int64_t>> IdsByKey(const std::vector<Id>& items) {
  std::unordered_map<std::string, std::int64_t> out;
  for (const auto& item : items) out.emplace(item.key, item.id.value());
  return out;
}

// An id for an optional key ("" → 0), or an error naming the line.
Result<std::int64_t> Resolve(const std::unordered_map<std::string, std::int64_t>& ids,
                             const std::string& key, const Line& line, std::string_view field,
                             std::string_view what) {
  if (key.empty()) return std::int64_t{0};
  auto it = ids.find(key);
  if (it == ids.end()) {
    return NotFoundError(line.where() + ": field '" + std::string(field) + "': no " +
                         std::string(what) + " '" + key + "' in this database");
  }
  return it->second;
}

struct PendingCredential {
  std::string email;
  Credential credential;
};
struct PendingAudit {
  std::string email;
  AuditEntry entry;
};
struct PendingFeedback {
  std::string email;
  Feedback feedback;
};
struct PendingMembership {
  std::string email;
  Membership membership;
};

}  // namespace

Result<AccountsReport> ImportEventAccounts(Store& store, std::string_view event_key,
                                           std::string_view text, std::string_view name,
                                           const AccountsImportOptions& options) {
  PONTE_ASSIGN_OR_RETURN(Event event, store.GetEvent(event_key));
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  PONTE_ASSIGN_OR_RETURN(auto org_ids, IdsByKey(orgs));
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeople());
  PONTE_ASSIGN_OR_RETURN(auto person_ids, IdsByKey(people));
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> interpreters, store.ListInterpreters(event.id));
  PONTE_ASSIGN_OR_RETURN(auto interpreter_ids, IdsByKey(interpreters));
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
  PONTE_ASSIGN_OR_RETURN(auto session_ids, IdsByKey(sessions));
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetings(event.id));
  std::map<std::tuple<std::int64_t, int, int, std::int64_t, std::int64_t>, MeetingId> meeting_ids;
  for (const Meeting& m : meetings) {
    meeting_ids.emplace(std::tuple(m.session.value(), m.slot, m.table, m.a.value(), m.b.value()),
                        m.id);
  }

  // Read and check everything first.
  std::vector<User> users;
  std::set<std::string> emails;
  std::vector<PendingMembership> memberships;
  std::vector<PendingCredential> credentials;
  std::vector<PendingAudit> audit;
  std::vector<PendingFeedback> feedback;
  int line_no = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = std::string(name) + ":" + std::to_string(line_no);
    const Json json = Json::parse(raw, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      return InvalidArgumentError(where + ": expected one JSON object per line");
    }
    const Line line(json, where);
    PONTE_ASSIGN_OR_RETURN(std::string record, line.String("record"));
    // E-mails must name a user of the file (users come first).
    auto user_email = [&](bool optional) -> Result<std::string> {
      PONTE_ASSIGN_OR_RETURN(std::string email,
                             optional ? line.OptionalString("email") : line.String("email"));
      if (!email.empty() && !emails.contains(email)) {
        return InvalidArgumentError(where + ": field 'email': no user line for '" + email +
                                    "' before this one");
      }
      return email;
    };
    if (record == "user") {
      User u;
      PONTE_ASSIGN_OR_RETURN(u.email, line.String("email"));
      PONTE_ASSIGN_OR_RETURN(u.name, line.String("name"));
      PONTE_ASSIGN_OR_RETURN(u.password_hash, line.String("password_hash"));
      PONTE_ASSIGN_OR_RETURN(u.locale, line.String("locale"));
      PONTE_ASSIGN_OR_RETURN(u.verified, line.Bool("verified"));
      PONTE_ASSIGN_OR_RETURN(u.disabled, line.Bool("disabled"));
      PONTE_ASSIGN_OR_RETURN(u.created_at, line.Time("created_at"));
      if (!emails.insert(u.email).second) {
        return InvalidArgumentError(where + ": user '" + u.email + "' appears twice");
      }
      users.push_back(std::move(u));
    } else if (record == "membership") {
      PendingMembership p;
      PONTE_ASSIGN_OR_RETURN(p.email, user_email(false));
      PONTE_ASSIGN_OR_RETURN(std::string role, line.String("role"));
      auto parsed = ParseRole(role);
      if (!parsed.ok()) return line.Error("role", "organizer, support, participant or interpreter");
      p.membership.role = *parsed;
      p.membership.event = event.id;
      PONTE_ASSIGN_OR_RETURN(std::string org, line.OptionalString("organization"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t org_id,
                             Resolve(org_ids, org, line, "organization", "organization"));
      p.membership.organization = OrganizationId(org_id);
      PONTE_ASSIGN_OR_RETURN(std::string person, line.OptionalString("person"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t person_id,
                             Resolve(person_ids, person, line, "person", "person"));
      p.membership.person = PersonId(person_id);
      PONTE_ASSIGN_OR_RETURN(std::string interpreter, line.OptionalString("interpreter"));
      PONTE_ASSIGN_OR_RETURN(
          std::int64_t interpreter_id,
          Resolve(interpreter_ids, interpreter, line, "interpreter", "interpreter of this event"));
      p.membership.interpreter = InterpreterId(interpreter_id);
      PONTE_ASSIGN_OR_RETURN(p.membership.validated, line.Bool("validated"));
      memberships.push_back(std::move(p));
    } else if (record == "credential") {
      PendingCredential p;
      PONTE_ASSIGN_OR_RETURN(p.email, user_email(false));
      PONTE_ASSIGN_OR_RETURN(std::string kind, line.String("kind"));
      if (kind == ToCode(CredentialKind::kApiToken)) {
        p.credential.kind = CredentialKind::kApiToken;
      } else if (kind == ToCode(CredentialKind::kCalendarFeed)) {
        p.credential.kind = CredentialKind::kCalendarFeed;
      } else {
        return line.Error("kind", "api_token or calendar_feed");
      }
      PONTE_ASSIGN_OR_RETURN(p.credential.token_hash, line.String("token_hash"));
      PONTE_ASSIGN_OR_RETURN(p.credential.label, line.String("label"));
      PONTE_ASSIGN_OR_RETURN(p.credential.created_at, line.Time("created_at"));
      PONTE_ASSIGN_OR_RETURN(p.credential.expires_at, line.Time("expires_at"));
      credentials.push_back(std::move(p));
    } else if (record == "audit") {
      PendingAudit p;
      PONTE_ASSIGN_OR_RETURN(p.email, user_email(true));
      PONTE_ASSIGN_OR_RETURN(p.entry.at, line.Time("at"));
      PONTE_ASSIGN_OR_RETURN(p.entry.action, line.String("action"));
      PONTE_ASSIGN_OR_RETURN(p.entry.target, line.String("target"));
      PONTE_ASSIGN_OR_RETURN(p.entry.details, line.String("details"));
      p.entry.event = event.id;
      audit.push_back(std::move(p));
    } else if (record == "feedback") {
      PendingFeedback p;
      PONTE_ASSIGN_OR_RETURN(p.email, user_email(true));
      PONTE_ASSIGN_OR_RETURN(std::string session, line.String("session"));
      PONTE_ASSIGN_OR_RETURN(std::string a, line.String("a"));
      PONTE_ASSIGN_OR_RETURN(std::string b, line.String("b"));
      PONTE_ASSIGN_OR_RETURN(int slot, line.Int("slot"));
      PONTE_ASSIGN_OR_RETURN(int table, line.Int("table"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t session_id,
                             Resolve(session_ids, session, line, "session", "session"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t a_id, Resolve(org_ids, a, line, "a", "organization"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t b_id, Resolve(org_ids, b, line, "b", "organization"));
      auto meeting = meeting_ids.find(std::tuple(session_id, slot, table, a_id, b_id));
      if (meeting == meeting_ids.end()) {
        return NotFoundError(where + ": no meeting of '" + a + "' and '" + b + "' in session '" +
                             session + "', slot " + std::to_string(slot) + ", table " +
                             std::to_string(table) + " (import the event's meetings first)");
      }
      p.feedback.meeting = meeting->second;
      PONTE_ASSIGN_OR_RETURN(std::string org, line.String("organization"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t org_id,
                             Resolve(org_ids, org, line, "organization", "organization"));
      p.feedback.organization = OrganizationId(org_id);
      PONTE_ASSIGN_OR_RETURN(p.feedback.rating, line.Int("rating"));
      if (p.feedback.rating < 1 || p.feedback.rating > 5) return line.Error("rating", "1 to 5");
      PONTE_ASSIGN_OR_RETURN(p.feedback.follow_up, line.Bool("follow_up"));
      PONTE_ASSIGN_OR_RETURN(p.feedback.comment, line.String("comment"));
      PONTE_ASSIGN_OR_RETURN(p.feedback.created_at, line.Time("created_at"));
      feedback.push_back(std::move(p));
    } else {
      return line.Error("record", "user, membership, credential, audit or feedback");
    }
  }

  AccountsReport report;
  if (options.dry_run) return report;

  // Users by e-mail: an account that exists here is kept as it is.
  std::unordered_map<std::string, UserId> user_ids;
  for (User& u : users) {
    auto found = store.FindUserByEmail(u.email);
    if (found.ok()) {
      user_ids[u.email] = found->id;
      ++report.users_kept;
      continue;
    }
    if (found.status().code() != StatusCode::kNotFound) return found.status();
    PONTE_RETURN_IF_ERROR(store.CreateUser(u));
    user_ids[u.email] = u.id;
    ++report.users_created;
  }
  auto user_of = [&](const std::string& email) {
    return email.empty() ? UserId() : user_ids.at(email);
  };
  for (PendingMembership& p : memberships) {
    p.membership.user = user_of(p.email);
    PONTE_RETURN_IF_ERROR(store.PutMembership(p.membership));
    ++report.memberships;
  }
  for (PendingCredential& p : credentials) {
    p.credential.user = user_of(p.email);
    auto found = store.FindCredential(p.credential.token_hash, kLongAgo);
    if (found.ok()) {
      if (found->user != p.credential.user) {
        return AlreadyExistsError("a " + std::string(ToCode(p.credential.kind)) + " of '" +
                                  p.email + "' has the hash of another account's token here");
      }
      ++report.credentials_kept;
      continue;
    }
    if (found.status().code() != StatusCode::kNotFound) return found.status();
    PONTE_RETURN_IF_ERROR(store.CreateCredential(p.credential));
    ++report.credentials_created;
  }
  // The audit log: entries already there (an import repeated) are not added
  // twice.
  std::set<std::tuple<std::int64_t, std::int64_t, std::string, std::string, std::string>> logged;
  for (std::int64_t before = 0;;) {
    constexpr int kPage = 1000;
    PONTE_ASSIGN_OR_RETURN(std::vector<AuditEntry> page, store.ListAudit(event.id, kPage, before));
    for (const AuditEntry& e : page) {
      logged.emplace(e.at.time_since_epoch().count(), e.user.value(), e.action, e.target,
                     e.details);
    }
    if (static_cast<int>(page.size()) < kPage) break;
    before = page.back().id;
  }
  for (PendingAudit& p : audit) {
    p.entry.user = user_of(p.email);
    if (!logged
             .emplace(p.entry.at.time_since_epoch().count(), p.entry.user.value(), p.entry.action,
                      p.entry.target, p.entry.details)
             .second) {
      ++report.audit_kept;
      continue;
    }
    PONTE_RETURN_IF_ERROR(store.AppendAudit(p.entry));
    ++report.audit_appended;
  }
  for (PendingFeedback& p : feedback) {
    p.feedback.user = user_of(p.email);
    PONTE_RETURN_IF_ERROR(store.PutFeedback(p.feedback));
    ++report.feedback;
  }
  return report;
}

}  // namespace ponte
