#include "service/event_setup.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/utf8.h"
#include "model/codes.h"
#include "model/dataset.h"
#include "model/validate.h"
#include "service/workflow.h"

namespace ponte::service {
namespace {

constexpr int kMinSlotMinutes = 5;
constexpr int kMaxSlotMinutes = 240;
constexpr int kMaxTables = 500;
constexpr std::size_t kMaxLanguages = 8;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::string_view kFormSource = "form";

void Refuse(std::vector<FieldError>& errors, std::string field, std::string code, std::string value,
            std::string detail) {
  errors.push_back({std::move(field), std::move(code), std::move(value), std::move(detail)});
}

Status Refused(const std::vector<FieldError>& errors) {
  return InvalidArgumentError(DescribeFieldErrors(errors));
}

std::string Trimmed(std::string_view text) { return std::string(Trim(text)); }

// A whole non-negative number, or nullopt.
std::optional<int> ParseCount(std::string_view text) {
  text = Trim(text);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// Lower-case ASCII letters, digits and '-', for keys made from names.
std::string Slug(std::string_view text) {
  std::string out;
  for (const char ch : AsciiLower(text)) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      out += ch;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// `base`, or `base-2`, `base-3`, ... whichever is not in `taken`.
std::string FreeKey(const std::string& base, const std::set<std::string>& taken) {
  if (!taken.contains(base)) return base;
  for (int n = 2;; ++n) {
    std::string key = base + "-" + std::to_string(n);
    if (!taken.contains(key)) return key;
  }
}

Status CheckOrganizer(const Actor& actor, const Event& event) {
  if (!actor.IsOrganizer(event.id)) {
    return PermissionDeniedError("only the organizers set up the event");
  }
  return OkStatus();
}

Status CheckOwnOrganization(const Actor& actor, const Event& event, OrganizationId org) {
  if (actor.IsStaff(event.id) || actor.OrganizationIn(event.id) == org) return OkStatus();
  return PermissionDeniedError("you can edit only your own organization's people");
}

// Keeps only sessions of the event; a foreign id is a field error.
std::vector<SessionId> EventSessions(const std::vector<Session>& sessions,
                                     const std::vector<SessionId>& chosen,
                                     std::vector<FieldError>& errors) {
  std::set<std::int64_t> known;
  for (const Session& s : sessions) known.insert(s.id.value());
  std::vector<SessionId> out;
  for (const SessionId id : chosen) {
    if (!known.contains(id.value())) {
      Refuse(errors, "sessions", "unknown_session", std::to_string(id.value()),
             "session " + std::to_string(id.value()) + " is not a session of this event");
      continue;
    }
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

}  // namespace

std::string DescribeFieldErrors(const std::vector<FieldError>& errors) {
  std::string out;
  for (const FieldError& e : errors) {
    if (!out.empty()) out += "; ";
    out += e.field + ": " + e.detail;
  }
  return out;
}

// ---- delegates --------------------------------------------------------------------------

Result<std::vector<VersionedPerson>> DelegatesOf(Store& store, const Actor& actor,
                                                 const Event& event, OrganizationId org) {
  PONTE_RETURN_IF_ERROR(CheckOwnOrganization(actor, event, org));
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeopleOf(org));
  std::vector<VersionedPerson> out;
  for (Person& p : people) {
    PONTE_ASSIGN_OR_RETURN(int version, store.GetPersonVersion(p.id));
    out.push_back({std::move(p), version});
  }
  return out;
}

Result<int> SavePerson(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                       const PersonDraft& draft, std::vector<FieldError>& errors) {
  errors.clear();
  PONTE_RETURN_IF_ERROR(CheckOwnOrganization(actor, event, draft.organization));
  PONTE_ASSIGN_OR_RETURN(Organization org, store.GetOrganization(draft.organization));
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeopleOf(org.id));
  Person person;
  if (draft.id.valid()) {
    auto it = std::find_if(people.begin(), people.end(),
                           [&](const Person& p) { return p.id == draft.id; });
    if (it == people.end()) {
      return NotFoundError("no person " + std::to_string(draft.id.value()) + " in organization " +
                           org.key);
    }
    person = *it;
  } else {
    person.organization = org.id;
  }
  person.given_name = Trimmed(draft.given_name);
  person.family_name = Trimmed(draft.family_name);
  person.name_latin = Trimmed(draft.name_latin);
  person.role = Trimmed(draft.role);
  person.email = Trimmed(draft.email);
  person.needs_interpreter = draft.needs_interpreter;
  if (person.given_name.empty() && person.family_name.empty()) {
    Refuse(errors, "family_name", "name_required", "", "a person needs a given or a family name");
  }
  for (const auto& [field, value] :
       {std::pair{"given_name", &person.given_name}, std::pair{"family_name", &person.family_name},
        std::pair{"name_latin", &person.name_latin}, std::pair{"role", &person.role}}) {
    if (value->size() > kMaxNameBytes) {
      Refuse(errors, field, "too_long", "", "at most 200 bytes");
    }
  }
  if (!person.email.empty() && !LooksLikeEmail(person.email)) {
    Refuse(errors, "email", "email", person.email,
           "'" + person.email + "' is not an e-mail address (name@example.org)");
  }
  person.languages.clear();
  for (const std::string& raw : draft.languages) {
    const std::string lang = AsciiLower(Trim(raw));
    if (lang.empty()) continue;
    if (!IsLanguageCode(lang)) {
      Refuse(errors, "languages", "language", lang,
             "unknown language code '" + lang + "' (expected ISO 639-1, e.g. zh)");
    } else if (std::find(person.languages.begin(), person.languages.end(), lang) !=
               person.languages.end()) {
      Refuse(errors, "languages", "language_twice", lang, "'" + lang + "' is listed twice");
    } else {
      person.languages.push_back(lang);
    }
  }
  if (person.languages.empty() &&
      errors.end() == std::find_if(errors.begin(), errors.end(),
                                   [](const FieldError& e) { return e.field == "languages"; })) {
    Refuse(errors, "languages", "language_required", "", "at least one language is required");
  }
  if (person.languages.size() > kMaxLanguages) {
    Refuse(errors, "languages", "too_many", "", "at most 8 languages");
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
  // Sessions of other events the person attends stay as they are (the store
  // replaces only this event's).
  person.sessions = EventSessions(sessions, draft.sessions, errors);
  if (!errors.empty()) return Refused(errors);

  if (!draft.id.valid()) {
    PONTE_ASSIGN_OR_RETURN(std::vector<Person> everyone, store.ListPeople());
    std::set<std::string> taken;
    for (const Person& p : everyone) taken.insert(p.key);
    std::string base = Slug(person.name_latin.empty() ? person.given_name + " " + person.family_name
                                                      : person.name_latin);
    person.key = FreeKey(org.key + "-" + (base.empty() ? "person" : base), taken);
    PONTE_RETURN_IF_ERROR(Validate(person));
    PONTE_ASSIGN_OR_RETURN(int version, store.AddPerson(person, event.id));
    if (actor.IsStaff(event.id)) {
      PONTE_RETURN_IF_ERROR(
          Audit(store, clock, actor, event, "person.add", "person:" + person.key));
    }
    return version;
  }
  PONTE_RETURN_IF_ERROR(Validate(person));
  PONTE_ASSIGN_OR_RETURN(int version, store.UpdatePerson(person, event.id, draft.version));
  if (actor.IsStaff(event.id)) {
    PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, event, "person.edit", "person:" + person.key));
  }
  return version;
}

Status RemovePerson(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                    OrganizationId org, PersonId id, int version) {
  PONTE_RETURN_IF_ERROR(CheckOwnOrganization(actor, event, org));
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeopleOf(org));
  auto it = std::find_if(people.begin(), people.end(), [&](const Person& p) { return p.id == id; });
  if (it == people.end()) return NotFoundError("no person " + std::to_string(id.value()));
  PONTE_RETURN_IF_ERROR(store.DeletePerson(id, version));
  if (actor.IsStaff(event.id)) {
    PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, event, "person.remove", "person:" + it->key));
  }
  return OkStatus();
}

// ---- sessions -----------------------------------------------------------------------------

Result<std::string> SaveSession(Store& store, const Clock& clock, const Actor& organizer,
                                const Event& event, const SessionDraft& draft,
                                std::vector<FieldError>& errors) {
  errors.clear();
  PONTE_RETURN_IF_ERROR(CheckOrganizer(organizer, event));
  Session s;
  s.event = event.id;
  s.city = Trimmed(draft.city);
  s.venue = Trimmed(draft.venue);
  auto date = ParseDate(Trim(draft.date));
  if (!date.ok()) {
    Refuse(errors, "date", "date", Trimmed(draft.date), "expected a date like 2026-06-10");
  } else {
    s.date = *date;
    if (*date < event.start_date || *date > event.end_date) {
      Refuse(errors, "date", "date_outside", Trimmed(draft.date),
             "the event runs from " + FormatDate(event.start_date) + " to " +
                 FormatDate(event.end_date));
    }
  }
  if (s.city.empty()) Refuse(errors, "city", "required", "", "required");
  if (!event.venues.empty() && !s.city.empty()) {
    bool city_known = false, venue_known = s.venue.empty();
    for (const Venue& v : event.venues) {
      if (v.city != s.city) continue;
      city_known = true;
      if (v.name == s.venue) venue_known = true;
    }
    if (!city_known) {
      Refuse(errors, "city", "city_unknown", s.city,
             "'" + s.city + "' is not one of the event's cities (add it to the venues first)");
    } else if (!venue_known) {
      Refuse(errors, "venue", "venue_unknown", s.venue,
             "'" + s.venue + "' is not a venue of " + s.city);
    }
  }
  auto start = ParseClock(Trim(draft.start));
  auto end = ParseClock(Trim(draft.end));
  if (!start.ok()) Refuse(errors, "start", "clock", Trimmed(draft.start), "expected HH:MM");
  if (!end.ok()) Refuse(errors, "end", "clock", Trimmed(draft.end), "expected HH:MM");
  if (start.ok() && end.ok() && *end <= *start) {
    Refuse(errors, "end", "end_before_start", Trimmed(draft.end), "must be after the start");
  }
  const std::optional<int> slot = ParseCount(draft.slot_minutes);
  if (!slot || *slot < kMinSlotMinutes || *slot > kMaxSlotMinutes) {
    Refuse(errors, "slot_minutes", "slot", Trimmed(draft.slot_minutes),
           "expected minutes between 5 and 240");
  } else if (start.ok() && end.ok() && *end > *start && Minutes(*slot) > *end - *start) {
    Refuse(errors, "slot_minutes", "slot_longer", Trimmed(draft.slot_minutes),
           "a slot must fit between the start and the end");
  }
  const std::optional<int> tables = ParseCount(draft.tables);
  if (!tables || *tables < 1 || *tables > kMaxTables) {
    Refuse(errors, "tables", "tables", Trimmed(draft.tables), "expected a number from 1 to 500");
  }
  std::vector<std::pair<Minutes, Minutes>> breaks;
  for (const std::string& part : Split(draft.breaks, ',')) {
    const std::string_view item = Trim(part);
    if (item.empty()) continue;
    const std::size_t dash = item.find('-');
    auto from =
        dash == std::string_view::npos ? ParseClock("") : ParseClock(Trim(item.substr(0, dash)));
    auto to =
        dash == std::string_view::npos ? ParseClock("") : ParseClock(Trim(item.substr(dash + 1)));
    if (!from.ok() || !to.ok() || *to <= *from) {
      Refuse(errors, "breaks", "break", std::string(item), "expected HH:MM-HH:MM, end after start");
    } else if (start.ok() && end.ok() && (*from < *start || *to > *end)) {
      Refuse(errors, "breaks", "break_outside", std::string(item),
             "a break must lie inside the session");
    } else {
      breaks.emplace_back(*from, *to);
    }
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> existing, store.ListSessions(event.id));
  std::set<std::string> taken;
  for (const Session& e : existing) taken.insert(e.key);
  s.key = Trimmed(draft.key);
  if (s.key.empty() && date.ok()) {
    const std::string city = Slug(s.city);
    s.key = FreeKey(FormatDate(*date) + (city.empty() ? "" : "-" + city), taken);
  } else if (!s.key.empty()) {
    if (!ValidateKey(s.key).ok()) {
      Refuse(errors, "key", "key", s.key, "letters, digits, '-', '_' and '.' only");
    } else if (draft.is_new && taken.contains(s.key)) {
      Refuse(errors, "key", "key_taken", s.key, "another session has this key");
    } else if (!draft.is_new && !taken.contains(s.key)) {
      return NotFoundError("no session '" + s.key + "' in " + event.key);
    }
  }
  if (!errors.empty()) return Refused(errors);

  auto at = [&](Minutes m) {
    return FromCivil({s.date.year, s.date.month, s.date.day, static_cast<int>(m.count() / 60),
                      static_cast<int>(m.count() % 60), 0},
                     event.time_zone);
  };
  PONTE_ASSIGN_OR_RETURN(s.start, at(*start));
  PONTE_ASSIGN_OR_RETURN(s.end, at(*end));
  for (const auto& [from, to] : breaks) {
    Interval br;
    PONTE_ASSIGN_OR_RETURN(br.start, at(from));
    PONTE_ASSIGN_OR_RETURN(br.end, at(to));
    s.breaks.push_back(br);
  }
  s.slot_length = Minutes(*slot);
  s.tables = *tables;
  PONTE_RETURN_IF_ERROR(Validate(s));
  Dataset data;
  data.sessions.push_back({s, {std::string(kFormSource), 0}});
  PONTE_RETURN_IF_ERROR(store.Import(data, {.event_key = event.key}).status());
  PONTE_RETURN_IF_ERROR(Audit(store, clock, organizer, event,
                              draft.is_new ? "session.add" : "session.edit", "session:" + s.key));
  return s.key;
}

// ---- interpreters -------------------------------------------------------------------------

Result<std::string> SaveInterpreter(Store& store, const Clock& clock, const Actor& organizer,
                                    const Event& event, const InterpreterDraft& draft,
                                    std::vector<FieldError>& errors) {
  errors.clear();
  PONTE_RETURN_IF_ERROR(CheckOrganizer(organizer, event));
  Interpreter in;
  in.event = event.id;
  in.name = Trimmed(draft.name);
  if (in.name.empty()) Refuse(errors, "name", "required", "", "required");
  for (const std::string& part : Split(draft.pairs, ',')) {
    const std::string item = AsciiLower(Trim(part));
    if (item.empty()) continue;
    const std::size_t dash = item.find('-');
    LanguagePair pair;
    if (dash != std::string::npos) {
      pair.a = Trimmed(std::string_view(item).substr(0, dash));
      pair.b = Trimmed(std::string_view(item).substr(dash + 1));
    }
    if (dash == std::string::npos || !IsLanguageCode(pair.a) || !IsLanguageCode(pair.b) ||
        pair.a == pair.b) {
      Refuse(errors, "pairs", "pair", item, "expected language pairs like it-zh, en-zh");
      continue;
    }
    if (pair.b < pair.a) std::swap(pair.a, pair.b);
    if (std::find(in.pairs.begin(), in.pairs.end(), pair) == in.pairs.end()) {
      in.pairs.push_back(pair);
    }
  }
  if (in.pairs.empty() && std::none_of(errors.begin(), errors.end(),
                                       [](const FieldError& e) { return e.field == "pairs"; })) {
    Refuse(errors, "pairs", "pair_required", "", "at least one language pair");
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
  const std::vector<SessionId> chosen = EventSessions(sessions, draft.sessions, errors);
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> existing, store.ListInterpreters(event.id));
  std::set<std::string> taken;
  for (const Interpreter& e : existing) taken.insert(e.key);
  in.key = Trimmed(draft.key);
  if (in.key.empty()) {
    const std::string slug = Slug(in.name);
    in.key = FreeKey("interpreter-" + (slug.empty() ? std::to_string(existing.size() + 1) : slug),
                     taken);
  } else if (!ValidateKey(in.key).ok()) {
    Refuse(errors, "key", "key", in.key, "letters, digits, '-', '_' and '.' only");
  } else if (draft.is_new && taken.contains(in.key)) {
    Refuse(errors, "key", "key_taken", in.key, "another interpreter has this key");
  } else if (!draft.is_new && !taken.contains(in.key)) {
    return NotFoundError("no interpreter '" + in.key + "' in " + event.key);
  }
  if (!errors.empty()) return Refused(errors);
  PONTE_RETURN_IF_ERROR(Validate(in));
  InterpreterRecord record{in, {}, {std::string(kFormSource), 0}};
  for (const SessionId id : chosen) {
    for (const Session& s : sessions) {
      if (s.id == id) record.session_keys.push_back(s.key);
    }
  }
  Dataset data;
  data.interpreters.push_back(std::move(record));
  PONTE_RETURN_IF_ERROR(store.Import(data, {.event_key = event.key}).status());
  PONTE_RETURN_IF_ERROR(Audit(store, clock, organizer, event,
                              draft.is_new ? "interpreter.add" : "interpreter.edit",
                              "interpreter:" + in.key));
  return in.key;
}

// ---- removing a session or an interpreter -------------------------------------------------

namespace {

// "Anna Verdi, Bo Li and 3 more".
std::string FewNames(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 3;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i) {
    out += (i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ")) + names[i];
  }
  if (names.size() > kShown) out += " and " + std::to_string(names.size() - kShown) + " more";
  return out;
}

}  // namespace

Status RemoveSession(Store& store, const Clock& clock, const Actor& organizer, const Event& event,
                     std::string_view key) {
  PONTE_RETURN_IF_ERROR(CheckOrganizer(organizer, event));
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
  auto it = std::find_if(sessions.begin(), sessions.end(),
                         [&](const Session& s) { return s.key == key; });
  if (it == sessions.end()) {
    return NotFoundError("no session '" + std::string(key) + "' in " + event.key);
  }
  const SessionId gone = it->id;
  std::set<std::int64_t> of_event;
  for (const Session& s : sessions) of_event.insert(s.id.value());
  // Someone who attends this session and no other of the event would, with
  // an empty list, attend every session: they are changed first, by hand.
  auto only_this = [&](const std::vector<SessionId>& attends) {
    bool here = false, elsewhere = false;
    for (const SessionId id : attends) {
      if (id == gone) here = true;
      if (id != gone && of_event.contains(id.value())) elsewhere = true;
    }
    return here && !elsewhere;
  };
  std::vector<std::string> stranded;
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store.ListPeople());
  for (const Person& p : people) {
    if (!only_this(p.sessions)) continue;
    // Chinese names (those with a Latin transcription) family name first.
    stranded.push_back(p.name_latin.empty() ? std::string(Trim(p.given_name + " " + p.family_name))
                                            : p.family_name + p.given_name);
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> interpreters, store.ListInterpreters(event.id));
  for (const Interpreter& i : interpreters) {
    if (only_this(i.sessions)) stranded.push_back(i.name);
  }
  if (!stranded.empty()) {
    return AbortedError(FewNames(stranded) + (stranded.size() == 1 ? " attends" : " attend") +
                        " only session '" + std::string(key) +
                        "': choose their sessions again first (an empty choice means every "
                        "session)");
  }
  PONTE_RETURN_IF_ERROR(store.DeleteSession(event.id, gone));
  return Audit(store, clock, organizer, event, "session.remove", "session:" + std::string(key));
}

Status RemoveInterpreter(Store& store, const Clock& clock, const Actor& organizer,
                         const Event& event, std::string_view key) {
  PONTE_RETURN_IF_ERROR(CheckOrganizer(organizer, event));
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> interpreters, store.ListInterpreters(event.id));
  auto it = std::find_if(interpreters.begin(), interpreters.end(),
                         [&](const Interpreter& i) { return i.key == key; });
  if (it == interpreters.end()) {
    return NotFoundError("no interpreter '" + std::string(key) + "' in " + event.key);
  }
  PONTE_RETURN_IF_ERROR(store.DeleteInterpreter(event.id, it->id));
  return Audit(store, clock, organizer, event, "interpreter.remove",
               "interpreter:" + std::string(key));
}

// ---- the event ----------------------------------------------------------------------------

Status SaveEventSetup(Store& store, const Clock& clock, const Actor& organizer, const Event& event,
                      const Taxonomy& taxonomy, const EventDraft& draft,
                      std::vector<FieldError>& errors) {
  errors.clear();
  PONTE_RETURN_IF_ERROR(CheckOrganizer(organizer, event));
  Event e = event;
  auto start = ParseDate(Trim(draft.start_date));
  auto end = ParseDate(Trim(draft.end_date));
  if (!start.ok()) {
    Refuse(errors, "start_date", "date", Trimmed(draft.start_date), "expected 2026-06-10");
  }
  if (!end.ok()) Refuse(errors, "end_date", "date", Trimmed(draft.end_date), "expected 2026-06-14");
  if (start.ok() && end.ok() && *end < *start) {
    Refuse(errors, "end_date", "end_before_start", Trimmed(draft.end_date),
           "must not be before the first day");
  }
  const std::string zone = Trimmed(draft.time_zone);
  if (!IsValidTimeZone(zone)) {
    Refuse(errors, "time_zone", "zone", zone, "expected an IANA zone such as Asia/Shanghai");
  }
  std::vector<Venue> venues;
  std::set<std::pair<std::string, std::string>> seen;
  for (const std::string& line : Split(draft.venues, '\n')) {
    const std::string_view item = Trim(line);
    if (item.empty()) continue;
    const std::size_t semi = item.find(';');
    Venue v;
    v.city = Trimmed(item.substr(0, semi));
    v.name = semi == std::string_view::npos ? "" : Trimmed(item.substr(semi + 1));
    if (v.city.empty() || v.name.empty()) {
      Refuse(errors, "venues", "venue_line", std::string(item),
             "one venue a line: City; Venue name");
      continue;
    }
    if (!seen.insert({v.city, v.name}).second) continue;
    // Keys of venues that stay are kept (sessions refer to venues by name).
    for (const Venue& old : event.venues) {
      if (old.city == v.city && old.name == v.name) v = old;
    }
    venues.push_back(std::move(v));
  }
  std::set<std::string> keys;
  for (const Venue& v : venues) keys.insert(v.key);
  for (Venue& v : venues) {
    if (v.key.empty()) {
      v.key = FreeKey(Slug(v.city + " " + v.name).empty() ? "venue" : Slug(v.city + " " + v.name),
                      keys);
      keys.insert(v.key);
    }
  }
  std::vector<std::string> themes;
  for (const std::string& code : draft.themes) {
    if (code.empty()) continue;
    if (!taxonomy.Contains(code)) {
      Refuse(errors, "themes", "theme", code, "unknown theme '" + code + "'");
    } else if (std::find(themes.begin(), themes.end(), code) == themes.end()) {
      themes.push_back(code);
    }
  }
  // Sessions already planned must stay inside the event's days and cities.
  if (errors.empty()) {
    PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
    for (const Session& s : sessions) {
      if (s.date < *start || s.date > *end) {
        Refuse(errors, "end_date", "session_outside", s.key,
               "session " + s.key + " on " + FormatDate(s.date) + " would fall outside the event");
        break;
      }
    }
    if (!sessions.empty() && zone != event.time_zone) {
      Refuse(errors, "time_zone", "zone_in_use", zone,
             "the sessions are planned in " + event.time_zone + ": the zone cannot change now");
    }
    for (const Session& s : sessions) {
      if (venues.empty()) break;
      if (std::none_of(venues.begin(), venues.end(),
                       [&](const Venue& v) { return v.city == s.city; })) {
        Refuse(errors, "venues", "city_in_use", s.city,
               "session " + s.key + " takes place in " + s.city + ": keep a venue there");
        break;
      }
    }
  }
  if (!errors.empty()) return Refused(errors);
  e.start_date = *start;
  e.end_date = *end;
  e.time_zone = zone;
  e.venues = std::move(venues);
  e.themes = std::move(themes);
  PONTE_RETURN_IF_ERROR(Validate(e));
  Dataset data;
  data.event = e;
  PONTE_RETURN_IF_ERROR(store.Import(data, {}).status());
  return Audit(store, clock, organizer, event, "event.setup", "event:" + event.key);
}

}  // namespace ponte::service
