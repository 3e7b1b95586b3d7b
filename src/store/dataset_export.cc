#include "store/dataset_export.h"

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
