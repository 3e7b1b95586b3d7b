#include "store/dataset_export.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/sha256.h"

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
  // And whoever reported or reviewed its outcomes, wrote its news or uploaded
  // the images they show (outcomes.jsonl names them by e-mail).
  PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> outcomes, store.ListOutcomes({.event = event.id}));
  for (const Outcome& o : outcomes) {
    PONTE_RETURN_IF_ERROR(want(o.reported_by));
    PONTE_RETURN_IF_ERROR(want(o.reviewed_by));
  }
  PONTE_ASSIGN_OR_RETURN(
      std::vector<NewsItem> news,
      store.ListNews(
          {.event = event.id, .published_only = false, .limit = std::numeric_limits<int>::max()}));
  for (const NewsItem& n : news) {
    PONTE_RETURN_IF_ERROR(want(n.author));
    for (const NewsImage& shown : n.images) {
      auto image = store.GetImage(shown.sha256, nullptr);
      if (image.ok()) PONTE_RETURN_IF_ERROR(want(image->uploaded_by));
    }
  }
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

// The JSON Lines files of a move, read one object at a time; blank lines are
// skipped and `where` names "file:line" for error messages.
//
//   JsonLines lines(text, "accounts.jsonl");
//   while (true) {
//     PONTE_ASSIGN_OR_RETURN(bool more, lines.Next());
//     if (!more) break;
//     use(lines.json(), lines.where());
//   }
class JsonLines {
 public:
  JsonLines(std::string_view text, std::string_view name) : text_(text), name_(name) {}

  // False at the end; an error when the next non-blank line is not one JSON object.
  Result<bool> Next() {
    while (start_ < text_.size()) {
      std::size_t end = text_.find('\n', start_);
      if (end == std::string_view::npos) end = text_.size();
      const std::string_view raw = text_.substr(start_, end - start_);
      start_ = end + 1;
      ++line_no_;
      if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      where_ = std::string(name_) + ":" + std::to_string(line_no_);
      json_ = Json::parse(raw, nullptr, false);
      if (json_.is_discarded() || !json_.is_object()) {
        return InvalidArgumentError(where_ + ": expected one JSON object per line");
      }
      return true;
    }
    return false;
  }
  const Json& json() const { return json_; }
  const std::string& where() const { return where_; }

 private:
  std::string_view text_;
  std::string_view name_;
  std::size_t start_ = 0;
  int line_no_ = 0;
  std::string where_;
  Json json_;
};

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
  JsonLines lines(text, name);
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool more, lines.Next());
    if (!more) break;
    const Json& json = lines.json();
    const std::string& where = lines.where();
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

// ---- outcomes, follow-up rounds, news and images -----------------------------------

namespace ponte {
namespace {

constexpr int kAllNews = std::numeric_limits<int>::max();

std::string_view MediaExtension(std::string_view content_type) {
  if (content_type == "image/png") return ".png";
  if (content_type == "image/jpeg") return ".jpg";
  if (content_type == "image/gif") return ".gif";
  if (content_type == "image/webp") return ".webp";
  return ".bin";
}

Json ToJsonText(const LocalizedText& text) {
  Json out = Json::object();
  for (const auto& [lang, value] : text.all()) out[lang] = value;
  return out;
}

Json NullableDate(const std::optional<CivilDate>& date) {
  return date ? Json(FormatDate(*date)) : Json(nullptr);
}

// E-mails of the users records name, read once each.
class UserEmails {
 public:
  explicit UserEmails(Store& store) : store_(store) {}
  Result<Json> Of(UserId id) {
    if (!id.valid()) return Json(nullptr);
    auto it = emails_.find(id.value());
    if (it == emails_.end()) {
      auto user = store_.GetUser(id);
      std::string email;
      if (user.ok()) {
        email = user->email;
      } else if (user.status().code() != StatusCode::kNotFound) {
        return user.status();
      }
      it = emails_.emplace(id.value(), std::move(email)).first;
    }
    return it->second.empty() ? Json(nullptr) : Json(it->second);
  }

 private:
  Store& store_;
  std::unordered_map<std::int64_t, std::string> emails_;
};

// Where a meeting is, in keys: [event, session, slot, table, a, b]. An
// outcome may name a meeting of an earlier edition (a pair that met again),
// so any event's meetings are looked up, each event's once.
class MeetingPlaces {
 public:
  MeetingPlaces(Store& store, const std::unordered_map<std::int64_t, std::string>& org_keys)
      : store_(store), org_keys_(org_keys) {}
  Result<Json> Of(MeetingId id) {
    auto it = places_.find(id.value());
    if (it != places_.end()) return it->second;
    PONTE_ASSIGN_OR_RETURN(Meeting meeting, store_.GetMeeting(id));
    PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store_.ListEvents());
    for (const Event& e : events) {
      if (e.id != meeting.event) continue;
      PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store_.ListSessions(e.id));
      const auto session_keys = store_internal::KeysById(sessions);
      PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store_.ListMeetings(e.id));
      for (const Meeting& m : meetings) {
        places_[m.id.value()] =
            Json::array({e.key, KeyOf(session_keys, m.session.value()), m.slot, m.table,
                         KeyOf(org_keys_, m.a.value()), KeyOf(org_keys_, m.b.value())});
      }
    }
    it = places_.find(id.value());
    if (it == places_.end()) return NotFoundError("meeting " + std::to_string(id.value()));
    return it->second;
  }

 private:
  Store& store_;
  const std::unordered_map<std::int64_t, std::string>& org_keys_;
  std::unordered_map<std::int64_t, Json> places_;
};

std::string DumpLines(const std::vector<Json>& lines) {
  std::string out;
  for (const Json& line : lines) {
    out += line.dump(-1, ' ', false, Json::error_handler_t::strict);
    out += '\n';
  }
  return out;
}

// The news items of an event, or with an invalid id the programme's own,
// oldest first.
Result<std::vector<NewsItem>> NewsOf(Store& store, EventId event) {
  PONTE_ASSIGN_OR_RETURN(
      std::vector<NewsItem> news,
      store.ListNews({.event = event, .published_only = false, .limit = kAllNews}));
  if (!event.valid()) std::erase_if(news, [](const NewsItem& n) { return n.event.valid(); });
  std::sort(news.begin(), news.end(),
            [](const NewsItem& x, const NewsItem& y) { return x.key < y.key; });
  return news;
}

}  // namespace

Result<OutcomesExport> ExportOutcomes(Store& store, std::string_view event_key) {
  OutcomesExport out;
  Event event;
  if (!event_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(event, store.GetEvent(event_key));
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  const auto org_keys = store_internal::KeysById(orgs);
  UserEmails emails(store);
  PONTE_ASSIGN_OR_RETURN(std::vector<NewsItem> news, NewsOf(store, event.id));

  // Images: those the news show; for the programme also those nothing shows.
  std::set<std::string> shown;
  for (const NewsItem& n : news) {
    for (const NewsImage& image : n.images) shown.insert(image.sha256);
  }
  if (!event.id.valid()) {
    PONTE_ASSIGN_OR_RETURN(std::vector<NewsItem> all,
                           store.ListNews({.published_only = false, .limit = kAllNews}));
    std::set<std::string> used;
    for (const NewsItem& n : all) {
      for (const NewsImage& image : n.images) used.insert(image.sha256);
    }
    PONTE_ASSIGN_OR_RETURN(std::vector<Image> images, store.ListImages());
    for (const Image& image : images) {
      if (!used.contains(image.sha256)) shown.insert(image.sha256);
    }
  }
  std::vector<Json> lines;
  for (const std::string& sha : shown) {
    std::string bytes;
    auto image = store.GetImage(sha, &bytes);
    if (image.status().code() == StatusCode::kNotFound) continue;  // a news item names a lost one
    PONTE_RETURN_IF_ERROR(image.status());
    const std::string file =
        std::string(kMediaDirName) + "/" + sha + std::string(MediaExtension(image->content_type));
    PONTE_ASSIGN_OR_RETURN(Json uploaded_by, emails.Of(image->uploaded_by));
    lines.push_back({{"record", "image"},
                     {"sha256", sha},
                     {"file", file},
                     {"content_type", image->content_type},
                     {"bytes", image->bytes},
                     {"width", image->width},
                     {"height", image->height},
                     {"file_name", image->file_name},
                     {"uploaded_by", uploaded_by},
                     {"created_at", FormatUtc(image->created_at)}});
    out.media.emplace_back(file, std::move(bytes));
  }

  if (event.id.valid()) {
    PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests, store.ListRequests(event.id));
    const auto request_keys = store_internal::KeysById(requests);
    MeetingPlaces places(store, org_keys);
    PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> outcomes, store.ListOutcomes({.event = event.id}));
    std::sort(outcomes.begin(), outcomes.end(),
              [](const Outcome& x, const Outcome& y) { return x.key < y.key; });
    for (const Outcome& o : outcomes) {
      Json organizations = Json::array();
      for (OrganizationId id : o.organizations) {
        organizations.push_back(KeyOf(org_keys, id.value()));
      }
      std::sort(organizations.begin(), organizations.end());
      Json from = Json::array();
      for (MeetingId id : o.meetings) {
        PONTE_ASSIGN_OR_RETURN(Json place, places.Of(id));
        from.push_back(std::move(place));
      }
      std::sort(from.begin(), from.end());
      PONTE_ASSIGN_OR_RETURN(Json reported_by, emails.Of(o.reported_by));
      PONTE_ASSIGN_OR_RETURN(Json reviewed_by, emails.Of(o.reviewed_by));
      lines.push_back({{"record", "outcome"},
                       {"key", o.key},
                       {"organizations", organizations},
                       {"meetings", from},
                       {"request", NullableKey(KeyOf(request_keys, o.request.value()))},
                       {"kind", ToCode(o.kind)},
                       {"stage", ToCode(o.stage)},
                       {"title", o.title},
                       {"date", FormatDate(o.date)},
                       {"end_date", NullableDate(o.end_date)},
                       {"value", o.value ? Json(*o.value) : Json(nullptr)},
                       {"currency", o.currency},
                       {"notes", o.notes},
                       {"review", ToCode(o.review)},
                       {"review_note", o.review_note},
                       {"reported_by", reported_by},
                       {"reported_for", NullableKey(KeyOf(org_keys, o.reported_for.value()))},
                       {"reviewed_by", reviewed_by},
                       {"created_at", FormatUtc(o.created_at)},
                       {"updated_at", FormatUtc(o.updated_at)},
                       {"version", o.version}});
    }
    PONTE_ASSIGN_OR_RETURN(std::vector<FollowUp> follow_ups, store.ListFollowUps(event.id));
    std::vector<Json> rows;
    for (const FollowUp& f : follow_ups) {
      rows.push_back({{"record", "follow_up"},
                      {"organization", KeyOf(org_keys, f.organization.value())},
                      {"round", f.round},
                      {"sent_at", FormatUtc(f.sent_at)}});
    }
    std::sort(rows.begin(), rows.end(), [](const Json& x, const Json& y) {
      return std::tie(x["organization"], x["round"]) < std::tie(y["organization"], y["round"]);
    });
    lines.insert(lines.end(), rows.begin(), rows.end());
  }

  for (const NewsItem& n : news) {
    Json images = Json::array();
    for (const NewsImage& image : n.images) {
      images.push_back({{"sha256", image.sha256}, {"caption", ToJsonText(image.caption)}});
    }
    PONTE_ASSIGN_OR_RETURN(Json author, emails.Of(n.author));
    lines.push_back({{"record", "news"},
                     {"key", n.key},
                     {"title", ToJsonText(n.title)},
                     {"summary", ToJsonText(n.summary)},
                     {"body", ToJsonText(n.body)},
                     {"date", FormatDate(n.date)},
                     {"status", ToCode(n.status)},
                     {"images", images},
                     {"author", author},
                     {"created_at", FormatUtc(n.created_at)},
                     {"updated_at", FormatUtc(n.updated_at)},
                     {"version", n.version}});
  }
  out.text = DumpLines(lines);
  return out;
}

}  // namespace ponte

namespace ponte {
namespace {

// Meetings of any event by where they are, each event read once.
class MeetingIds {
 public:
  explicit MeetingIds(Store& store, const std::unordered_map<std::string, std::int64_t>& org_ids)
      : store_(store), org_ids_(org_ids) {}
  // `place` is [event, session, slot, table, a, b].
  Result<MeetingId> Find(const Json& place, const std::string& where) {
    if (!place.is_array() || place.size() != 6 || !place[0].is_string() || !place[1].is_string() ||
        !place[2].is_number_integer() || !place[3].is_number_integer() || !place[4].is_string() ||
        !place[5].is_string()) {
      return InvalidArgumentError(where +
                                  ": field 'meetings': expected [event, session, slot, table, a, "
                                  "b] for each meeting");
    }
    const std::string event_key = place[0].get<std::string>();
    if (!loaded_.contains(event_key)) {
      auto event = store_.GetEvent(event_key);
      if (!event.ok()) {
        return NotFoundError(where + ": field 'meetings': no event '" + event_key +
                             "' in this database (import its files first)");
      }
      PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store_.ListSessions(event->id));
      const auto session_keys = store_internal::KeysById(sessions);
      PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store_.ListMeetings(event->id));
      for (const Meeting& m : meetings) {
        ids_[Json::array({event_key, KeyOf(session_keys, m.session.value()), m.slot, m.table,
                          m.a.value(), m.b.value()})
                 .dump()] = m.id;
      }
      loaded_.insert(event_key);
    }
    auto a = org_ids_.find(place[4].get<std::string>());
    auto b = org_ids_.find(place[5].get<std::string>());
    if (a != org_ids_.end() && b != org_ids_.end()) {
      auto it = ids_.find(
          Json::array({event_key, place[1], place[2], place[3], a->second, b->second}).dump());
      if (it != ids_.end()) return it->second;
    }
    return NotFoundError(where + ": field 'meetings': no meeting " + place.dump() +
                         " in this database (import the event's meetings first)");
  }

 private:
  Store& store_;
  const std::unordered_map<std::string, std::int64_t>& org_ids_;
  std::set<std::string> loaded_;
  std::unordered_map<std::string, MeetingId> ids_;
};

// Users by e-mail, which must have an account here already.
class UserIds {
 public:
  explicit UserIds(Store& store) : store_(store) {}
  Result<UserId> Find(const Line& line, std::string_view field) {
    PONTE_ASSIGN_OR_RETURN(std::string email, line.OptionalString(field));
    if (email.empty()) return UserId();
    auto it = ids_.find(email);
    if (it != ids_.end()) return it->second;
    auto user = store_.FindUserByEmail(email);
    if (user.status().code() == StatusCode::kNotFound) {
      return NotFoundError(line.where() + ": field '" + std::string(field) + "': no account '" +
                           email + "' in this database (import the accounts.jsonl of `ponte " +
                           "export --accounts` with it)");
    }
    PONTE_RETURN_IF_ERROR(user.status());
    ids_.emplace(email, user->id);
    return user->id;
  }

 private:
  Store& store_;
  std::unordered_map<std::string, UserId> ids_;
};

Result<LocalizedText> Localized(const Json& json, const Line& line, std::string_view field) {
  auto it = json.find(field);
  if (it == json.end() || !it->is_object()) return line.Error(field, "an object language -> text");
  LocalizedText out;
  for (const auto& [lang, value] : it->items()) {
    if (!value.is_string()) return line.Error(field, "an object language -> text");
    out.Set(lang, value.get<std::string>());
  }
  return out;
}

Result<CivilDate> Date(const Line& line, std::string_view field) {
  PONTE_ASSIGN_OR_RETURN(std::string text, line.String(field));
  auto date = ParseDate(text);
  if (!date.ok()) return line.Error(field, "a date like 2026-11-16");
  return *date;
}

struct PendingImage {
  Image image;
  std::string bytes;
};

struct PendingOutcome {
  Outcome outcome;
  int version = 1;
};

struct PendingNews {
  NewsItem item;
  int version = 1;
};

}  // namespace

Result<OutcomesReport> ImportOutcomes(Store& store, std::string_view event_key,
                                      std::string_view text, std::string_view name,
                                      const MediaReader& read_media) {
  Event event;
  if (!event_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(event, store.GetEvent(event_key));
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  PONTE_ASSIGN_OR_RETURN(auto org_ids, IdsByKey(orgs));
  std::unordered_map<std::string, std::int64_t> request_ids;
  if (event.id.valid()) {
    PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests, store.ListRequests(event.id));
    PONTE_ASSIGN_OR_RETURN(request_ids, IdsByKey(requests));
  }
  MeetingIds meeting_ids(store, org_ids);
  UserIds user_ids(store);

  // Read and check everything first.
  std::vector<PendingImage> images;
  std::set<std::string> image_shas;
  std::vector<PendingOutcome> outcomes;
  std::vector<FollowUp> follow_ups;
  std::vector<PendingNews> news;
  JsonLines lines(text, name);
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool more, lines.Next());
    if (!more) break;
    const Json& json = lines.json();
    const std::string& where = lines.where();
    const Line line(json, where);
    PONTE_ASSIGN_OR_RETURN(std::string record, line.String("record"));
    auto version = [&]() -> Result<int> {
      PONTE_ASSIGN_OR_RETURN(int v, line.Int("version"));
      if (v < 1) return line.Error("version", "1 or more");
      return v;
    };
    if ((record == "outcome" || record == "follow_up") && !event.id.valid()) {
      return InvalidArgumentError(where + ": " + record +
                                  " records belong to an event: give --event KEY or the "
                                  "event's event.json");
    }
    if (record == "image") {
      PendingImage p;
      PONTE_ASSIGN_OR_RETURN(p.image.sha256, line.String("sha256"));
      if (!IsSha256Hex(p.image.sha256)) return line.Error("sha256", "64 lower-case hex digits");
      PONTE_ASSIGN_OR_RETURN(std::string file, line.String("file"));
      if (file.find("..") != std::string::npos || file.starts_with('/')) {
        return line.Error("file", "a path inside the export's folder");
      }
      PONTE_ASSIGN_OR_RETURN(p.image.content_type, line.String("content_type"));
      PONTE_ASSIGN_OR_RETURN(int bytes, line.Int("bytes"));
      p.image.bytes = bytes;
      PONTE_ASSIGN_OR_RETURN(p.image.width, line.Int("width"));
      PONTE_ASSIGN_OR_RETURN(p.image.height, line.Int("height"));
      PONTE_ASSIGN_OR_RETURN(p.image.file_name, line.String("file_name"));
      PONTE_ASSIGN_OR_RETURN(p.image.uploaded_by, user_ids.Find(line, "uploaded_by"));
      PONTE_ASSIGN_OR_RETURN(p.image.created_at, line.Time("created_at"));
      auto read = read_media(file);
      if (!read.ok()) return read.status().WithContext(where + ": field 'file'");
      p.bytes = std::move(*read);
      if (static_cast<std::int64_t>(p.bytes.size()) != p.image.bytes ||
          Sha256Hex(p.bytes) != p.image.sha256) {
        return InvalidArgumentError(where + ": '" + file + "' is not the image this line names (" +
                                    std::to_string(p.bytes.size()) + " bytes, SHA-256 " +
                                    Sha256Hex(p.bytes) + "): the export was changed or cut short");
      }
      image_shas.insert(p.image.sha256);
      images.push_back(std::move(p));
    } else if (record == "outcome") {
      PendingOutcome p;
      Outcome& o = p.outcome;
      o.event = event.id;
      PONTE_ASSIGN_OR_RETURN(o.key, line.String("key"));
      auto orgs_field = json.find("organizations");
      if (orgs_field == json.end() || !orgs_field->is_array() || orgs_field->empty()) {
        return line.Error("organizations", "a list of one or more organization keys");
      }
      for (const Json& key : *orgs_field) {
        if (!key.is_string()) return line.Error("organizations", "organization keys");
        PONTE_ASSIGN_OR_RETURN(std::int64_t id, Resolve(org_ids, key.get<std::string>(), line,
                                                        "organizations", "organization"));
        o.organizations.emplace_back(id);
      }
      std::sort(o.organizations.begin(), o.organizations.end());
      auto meetings_field = json.find("meetings");
      if (meetings_field == json.end() || !meetings_field->is_array()) {
        return line.Error("meetings", "a list of meetings");
      }
      for (const Json& place : *meetings_field) {
        PONTE_ASSIGN_OR_RETURN(MeetingId id, meeting_ids.Find(place, where));
        o.meetings.push_back(id);
      }
      std::sort(o.meetings.begin(), o.meetings.end());
      PONTE_ASSIGN_OR_RETURN(std::string request, line.OptionalString("request"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t request_id, Resolve(request_ids, request, line, "request",
                                                              "request of the event"));
      o.request = MeetingRequestId(request_id);
      PONTE_ASSIGN_OR_RETURN(std::string kind, line.String("kind"));
      auto parsed_kind = ParseOutcomeKind(kind);
      if (!parsed_kind.ok()) return line.Error("kind", "an outcome kind");
      o.kind = *parsed_kind;
      PONTE_ASSIGN_OR_RETURN(std::string stage, line.String("stage"));
      auto parsed_stage = ParseOutcomeStage(stage);
      if (!parsed_stage.ok()) return line.Error("stage", "a stage of the follow-up ladder");
      o.stage = *parsed_stage;
      PONTE_ASSIGN_OR_RETURN(o.title, line.String("title"));
      PONTE_ASSIGN_OR_RETURN(o.date, Date(line, "date"));
      PONTE_ASSIGN_OR_RETURN(std::string end_date, line.OptionalString("end_date"));
      if (!end_date.empty()) {
        PONTE_ASSIGN_OR_RETURN(o.end_date, Date(line, "end_date"));
      }
      auto value = json.find("value");
      if (value != json.end() && !value->is_null()) {
        if (!value->is_number()) return line.Error("value", "a number or null");
        o.value = value->get<double>();
      }
      PONTE_ASSIGN_OR_RETURN(o.currency, line.String("currency"));
      PONTE_ASSIGN_OR_RETURN(o.notes, line.String("notes"));
      PONTE_ASSIGN_OR_RETURN(std::string review, line.String("review"));
      auto parsed_review = ParseOutcomeReview(review);
      if (!parsed_review.ok()) return line.Error("review", "reported, validated or rejected");
      o.review = *parsed_review;
      PONTE_ASSIGN_OR_RETURN(o.review_note, line.String("review_note"));
      PONTE_ASSIGN_OR_RETURN(o.reported_by, user_ids.Find(line, "reported_by"));
      PONTE_ASSIGN_OR_RETURN(o.reviewed_by, user_ids.Find(line, "reviewed_by"));
      PONTE_ASSIGN_OR_RETURN(std::string reported_for, line.OptionalString("reported_for"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t reported_for_id,
                             Resolve(org_ids, reported_for, line, "reported_for", "organization"));
      o.reported_for = OrganizationId(reported_for_id);
      PONTE_ASSIGN_OR_RETURN(o.created_at, line.Time("created_at"));
      PONTE_ASSIGN_OR_RETURN(o.updated_at, line.Time("updated_at"));
      PONTE_ASSIGN_OR_RETURN(p.version, version());
      outcomes.push_back(std::move(p));
    } else if (record == "follow_up") {
      FollowUp f;
      f.event = event.id;
      PONTE_ASSIGN_OR_RETURN(std::string org, line.String("organization"));
      PONTE_ASSIGN_OR_RETURN(std::int64_t org_id,
                             Resolve(org_ids, org, line, "organization", "organization"));
      f.organization = OrganizationId(org_id);
      PONTE_ASSIGN_OR_RETURN(f.round, line.Int("round"));
      PONTE_ASSIGN_OR_RETURN(f.sent_at, line.Time("sent_at"));
      follow_ups.push_back(f);
    } else if (record == "news") {
      PendingNews p;
      NewsItem& n = p.item;
      n.event = event.id;
      PONTE_ASSIGN_OR_RETURN(n.key, line.String("key"));
      PONTE_ASSIGN_OR_RETURN(n.title, Localized(json, line, "title"));
      PONTE_ASSIGN_OR_RETURN(n.summary, Localized(json, line, "summary"));
      PONTE_ASSIGN_OR_RETURN(n.body, Localized(json, line, "body"));
      PONTE_ASSIGN_OR_RETURN(n.date, Date(line, "date"));
      PONTE_ASSIGN_OR_RETURN(std::string status, line.String("status"));
      auto parsed_status = ParseNewsStatus(status);
      if (!parsed_status.ok()) return line.Error("status", "draft or published");
      n.status = *parsed_status;
      auto images_field = json.find("images");
      if (images_field == json.end() || !images_field->is_array()) {
        return line.Error("images", "a list of {sha256, caption}");
      }
      for (const Json& image : *images_field) {
        if (!image.is_object() || !image.contains("sha256") || !image["sha256"].is_string()) {
          return line.Error("images", "a list of {sha256, caption}");
        }
        NewsImage shown;
        shown.sha256 = image["sha256"].get<std::string>();
        if (!image_shas.contains(shown.sha256) && !store.GetImage(shown.sha256, nullptr).ok()) {
          return NotFoundError(where + ": field 'images': no image " + shown.sha256 +
                               " in the file (before this line) or in this database");
        }
        const Line image_line(image, where);
        PONTE_ASSIGN_OR_RETURN(shown.caption, Localized(image, image_line, "caption"));
        n.images.push_back(std::move(shown));
      }
      PONTE_ASSIGN_OR_RETURN(n.author, user_ids.Find(line, "author"));
      PONTE_ASSIGN_OR_RETURN(n.created_at, line.Time("created_at"));
      PONTE_ASSIGN_OR_RETURN(n.updated_at, line.Time("updated_at"));
      PONTE_ASSIGN_OR_RETURN(p.version, version());
      news.push_back(std::move(p));
    } else {
      return line.Error("record", "image, outcome, follow_up or news");
    }
  }

  // Then write. A record the same as here is left alone (version and all); a
  // changed one is replaced; see `restore` for its version.
  OutcomesReport report;
  for (PendingImage& p : images) {
    if (store.GetImage(p.image.sha256, nullptr).ok()) {
      ++report.images_kept;
      continue;
    }
    PONTE_RETURN_IF_ERROR(store.PutImage(p.image, p.bytes));
    ++report.images_created;
  }
  // A new row takes the file's version; so does a changed one that was not
  // beyond it here (the update counted one more); else it counts on from its
  // own.
  auto restore = [&](VersionedKind kind, std::int64_t id, int before, int now,
                     int wanted) -> Status {
    return before <= wanted && now != wanted ? store.RestoreVersion(kind, id, wanted) : OkStatus();
  };
  PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> existing, store.ListOutcomes({}));
  std::unordered_map<std::string, const Outcome*> existing_by_key;
  for (const Outcome& o : existing) existing_by_key.emplace(o.key, &o);
  for (PendingOutcome& p : outcomes) {
    Outcome& o = p.outcome;
    auto it = existing_by_key.find(o.key);
    if (it == existing_by_key.end()) {
      PONTE_RETURN_IF_ERROR(store.CreateOutcome(o));
      PONTE_RETURN_IF_ERROR(
          restore(VersionedKind::kOutcome, o.id.value(), 0, o.version, p.version));
      ++report.outcomes_created;
      continue;
    }
    const Outcome& here = *it->second;
    o.id = here.id;
    o.version = here.version;
    if (o == here) {
      ++report.outcomes_kept;
      continue;
    }
    PONTE_RETURN_IF_ERROR(store.UpdateOutcome(o, here.version));
    PONTE_RETURN_IF_ERROR(
        restore(VersionedKind::kOutcome, o.id.value(), here.version, o.version, p.version));
    ++report.outcomes_updated;
  }
  for (const FollowUp& f : follow_ups) {
    std::vector<OutboxMessage> no_mails;  // the round's mails went out from the source
    PONTE_ASSIGN_OR_RETURN(bool claimed, store.ClaimFollowUp(f, no_mails));
    report.follow_ups += claimed ? 1 : 0;
  }
  for (PendingNews& p : news) {
    NewsItem& n = p.item;
    auto here = store.GetNews(n.key);
    if (here.status().code() == StatusCode::kNotFound) {
      PONTE_RETURN_IF_ERROR(store.CreateNews(n));
      PONTE_RETURN_IF_ERROR(restore(VersionedKind::kNews, n.id.value(), 0, n.version, p.version));
      ++report.news_created;
      continue;
    }
    PONTE_RETURN_IF_ERROR(here.status());
    n.id = here->id;
    n.version = here->version;
    if (n == *here) {
      ++report.news_kept;
      continue;
    }
    PONTE_RETURN_IF_ERROR(store.UpdateNews(n, here->version));
    PONTE_RETURN_IF_ERROR(
        restore(VersionedKind::kNews, n.id.value(), here->version, n.version, p.version));
    ++report.news_updated;
  }
  return report;
}

}  // namespace ponte

// ---- row versions --------------------------------------------------------------------

namespace ponte {

Result<std::string> ExportVersions(Store& store, std::string_view event_key) {
  std::vector<Json> lines;
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  const auto org_keys = store_internal::KeysById(orgs);
  std::sort(orgs.begin(), orgs.end(),
            [](const Organization& x, const Organization& y) { return x.key < y.key; });
  for (const Organization& o : orgs) {
    lines.push_back({{"record", "organization"}, {"key", o.key}, {"version", o.version}});
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeople());
  std::sort(people.begin(), people.end(),
            [](const Person& x, const Person& y) { return x.key < y.key; });
  for (const Person& p : people) {
    PONTE_ASSIGN_OR_RETURN(int version, store.GetPersonVersion(p.id));
    lines.push_back({{"record", "person"}, {"key", p.key}, {"version", version}});
  }
  if (!event_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(Event event, store.GetEvent(event_key));
    PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests, store.ListRequests(event.id));
    std::sort(requests.begin(), requests.end(),
              [](const MeetingRequest& x, const MeetingRequest& y) { return x.key < y.key; });
    for (const MeetingRequest& r : requests) {
      lines.push_back({{"record", "request"}, {"key", r.key}, {"version", r.version}});
    }
    PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
    const auto session_keys = store_internal::KeysById(sessions);
    PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetings(event.id));
    std::vector<Json> rows;
    for (const Meeting& m : meetings) {
      rows.push_back({{"record", "meeting"},
                      {"session", KeyOf(session_keys, m.session.value())},
                      {"slot", m.slot},
                      {"table", m.table},
                      {"a", KeyOf(org_keys, m.a.value())},
                      {"b", KeyOf(org_keys, m.b.value())},
                      {"version", m.version}});
    }
    std::sort(rows.begin(), rows.end(), [](const Json& x, const Json& y) {
      return std::tie(x["session"], x["slot"], x["table"], x["a"], x["b"], x["version"]) <
             std::tie(y["session"], y["slot"], y["table"], y["a"], y["b"], y["version"]);
    });
    lines.insert(lines.end(), rows.begin(), rows.end());
  }
  return DumpLines(lines);
}

Result<VersionsBefore> ReadVersionsBefore(Store& store, std::string_view event_key) {
  VersionsBefore before;
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs, store.ListOrganizations());
  for (const Organization& o : orgs) before.organizations.emplace(o.key, o.version);
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeople());
  for (const Person& p : people) {
    PONTE_ASSIGN_OR_RETURN(int version, store.GetPersonVersion(p.id));
    before.people.emplace(p.key, version);
  }
  if (event_key.empty()) return before;
  auto event = store.GetEvent(event_key);
  if (event.status().code() == StatusCode::kNotFound) return before;  // it moves here now
  PONTE_RETURN_IF_ERROR(event.status());
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests, store.ListRequests(event->id));
  for (const MeetingRequest& r : requests) before.requests.emplace(r.key, r.version);
  return before;
}

Result<int> ImportVersions(Store& store, std::string_view event_key, const VersionsBefore& before,
                           std::string_view text, std::string_view name) {
  // Where each row is now, and at which version.
  struct Row {
    std::int64_t id = 0;
    int version = 0;
  };
  std::unordered_map<std::string, Row> orgs, people, requests, meetings;
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> org_list, store.ListOrganizations());
  const auto org_keys = store_internal::KeysById(org_list);
  for (const Organization& o : org_list) orgs[o.key] = {o.id.value(), o.version};
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> person_list, store.ListPeople());
  for (const Person& p : person_list) {
    PONTE_ASSIGN_OR_RETURN(int version, store.GetPersonVersion(p.id));
    people[p.key] = {p.id.value(), version};
  }
  if (!event_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(Event event, store.GetEvent(event_key));
    PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> request_list, store.ListRequests(event.id));
    for (const MeetingRequest& r : request_list) requests[r.key] = {r.id.value(), r.version};
    PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
    const auto session_keys = store_internal::KeysById(sessions);
    PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meeting_list, store.ListMeetings(event.id));
    for (const Meeting& m : meeting_list) {
      meetings[Json::array({KeyOf(session_keys, m.session.value()), m.slot, m.table,
                            KeyOf(org_keys, m.a.value()), KeyOf(org_keys, m.b.value())})
                   .dump()] = {m.id.value(), m.version};
    }
  }

  struct Pending {
    VersionedKind kind;
    Row row;
    int version;
  };
  std::vector<Pending> pending;
  JsonLines lines(text, name);
  while (true) {
    PONTE_ASSIGN_OR_RETURN(bool more, lines.Next());
    if (!more) break;
    const Json& json = lines.json();
    const std::string& where = lines.where();
    const Line line(json, where);
    PONTE_ASSIGN_OR_RETURN(std::string record, line.String("record"));
    PONTE_ASSIGN_OR_RETURN(int version, line.Int("version"));
    if (version < 1) return line.Error("version", "1 or more");
    // The row, whether it was here before the import, and at which version.
    auto keyed = [&](const std::unordered_map<std::string, Row>& rows,
                     const std::unordered_map<std::string, int>& was, VersionedKind kind,
                     std::string_view what) -> Status {
      PONTE_ASSIGN_OR_RETURN(std::string key, line.String("key"));
      auto it = rows.find(key);
      if (it == rows.end()) {
        return NotFoundError(where + ": no " + std::string(what) + " '" + key +
                             "' in this database (import its file first)");
      }
      auto old = was.find(key);
      // New here, or not changed here beyond the file's version: the import
      // wrote the file's row, so it takes the file's version (the import's
      // upsert counted one more). Else it keeps counting from its own.
      if (old == was.end() || old->second <= version) {
        pending.push_back({kind, it->second, version});
      }
      return OkStatus();
    };
    if (record == "organization") {
      PONTE_RETURN_IF_ERROR(
          keyed(orgs, before.organizations, VersionedKind::kOrganization, "organization"));
    } else if (record == "person") {
      PONTE_RETURN_IF_ERROR(keyed(people, before.people, VersionedKind::kPerson, "person"));
    } else if (record == "request" || record == "meeting") {
      if (event_key.empty()) {
        return InvalidArgumentError(where + ": " + record +
                                    " records belong to an event: give --event KEY or the "
                                    "event's event.json");
      }
      if (record == "request") {
        PONTE_RETURN_IF_ERROR(keyed(requests, before.requests, VersionedKind::kRequest, "request"));
        continue;
      }
      PONTE_ASSIGN_OR_RETURN(std::string session, line.String("session"));
      PONTE_ASSIGN_OR_RETURN(int slot, line.Int("slot"));
      PONTE_ASSIGN_OR_RETURN(int table, line.Int("table"));
      PONTE_ASSIGN_OR_RETURN(std::string a, line.String("a"));
      PONTE_ASSIGN_OR_RETURN(std::string b, line.String("b"));
      auto it = meetings.find(Json::array({session, slot, table, a, b}).dump());
      if (it == meetings.end()) {
        return NotFoundError(where + ": no meeting of '" + a + "' and '" + b + "' in session '" +
                             session + "', slot " + std::to_string(slot) + ", table " +
                             std::to_string(table) + " (import the event's meetings first)");
      }
      // An imported timetable replaces the event's: every meeting is new.
      pending.push_back({VersionedKind::kMeeting, it->second, version});
    } else {
      return line.Error("record", "organization, person, request or meeting");
    }
  }
  int restored = 0;
  for (const Pending& p : pending) {
    if (p.row.version == p.version) continue;
    PONTE_RETURN_IF_ERROR(store.RestoreVersion(p.kind, p.row.id, p.version));
    ++restored;
  }
  return restored;
}

}  // namespace ponte
