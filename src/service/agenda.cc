#include "service/agenda.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "itinerary/roadshow.h"

namespace ponte::service {
namespace {

using itinerary::EscapeICalText;
using itinerary::FoldICalLine;

// ---------------------------------------------------------------------------
// Loading: only the rows one agenda needs (this is the server's hot read
// path), each fetched at most once.

class AgendaLoader {
 public:
  AgendaLoader(Store& store, const Event& event) : store_(store), event_(event) {}

  Result<const Organization*> Org(OrganizationId id) {
    auto it = orgs_.find(id);
    if (it == orgs_.end()) {
      PONTE_ASSIGN_OR_RETURN(Organization org, store_.GetOrganization(id));
      it = orgs_.emplace(id, std::move(org)).first;
    }
    return &it->second;
  }

  Result<const std::vector<Person>*> PeopleOf(OrganizationId id) {
    auto it = people_.find(id);
    if (it == people_.end()) {
      PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, store_.ListPeopleOf(id));
      it = people_.emplace(id, std::move(people)).first;
    }
    return &it->second;
  }

  // The interpreters of the event, listed once and only when a meeting has one.
  Result<const Interpreter*> FindInterpreter(InterpreterId id) {
    if (!interpreters_loaded_) {
      PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> all, store_.ListInterpreters(event_.id));
      for (Interpreter& i : all) interpreters_.emplace(i.id, std::move(i));
      interpreters_loaded_ = true;
    }
    auto it = interpreters_.find(id);
    if (it == interpreters_.end()) {
      return NotFoundError("interpreter " + std::to_string(id.value()) + " is not in event '" +
                           event_.key + "'");
    }
    return &it->second;
  }

  // Fills time and place of `entry` from its meeting's session and slot.
  Status Place(AgendaEntry& entry) {
    if (!sessions_loaded_) {
      PONTE_ASSIGN_OR_RETURN(std::vector<Session> all, store_.ListSessions(event_.id));
      for (Session& s : all) sessions_.emplace(s.id, std::move(s));
      sessions_loaded_ = true;
    }
    const Meeting& m = entry.meeting;
    auto it = sessions_.find(m.session);
    if (it == sessions_.end()) {
      return InternalError("meeting " + std::to_string(m.id.value()) + " refers to session " +
                           std::to_string(m.session.value()) + ", not in event '" + event_.key +
                           "'");
    }
    const Session& session = it->second;
    auto slots_it = slots_.find(session.id);
    if (slots_it == slots_.end()) slots_it = slots_.emplace(session.id, SlotsOf(session)).first;
    const std::vector<Slot>& slots = slots_it->second;
    if (m.slot >= 0 && static_cast<std::size_t>(m.slot) < slots.size()) {
      entry.start = slots[static_cast<std::size_t>(m.slot)].start;
      entry.end = slots[static_cast<std::size_t>(m.slot)].end;
    } else {
      // A cancelled meeting may point at a slot the session no longer has;
      // it still needs a time so that calendars can withdraw it.
      entry.start = session.start + session.slot_length * m.slot;
      entry.end = entry.start + session.slot_length;
    }
    entry.city = session.city;
    entry.venue = session.venue;
    for (const Venue& v : event_.venues) {
      if (v.key == session.venue && !v.name.empty()) entry.venue = v.name;
    }
    if (entry.city.empty()) {
      for (const Venue& v : event_.venues) {
        if (v.key == session.venue) entry.city = v.city;
      }
    }
    return OkStatus();
  }

  // Appends the people of `org` who attend `session` (no session list: all).
  Status AddAttending(OrganizationId org, SessionId session, std::vector<Person>& out) {
    PONTE_ASSIGN_OR_RETURN(const std::vector<Person>* people, PeopleOf(org));
    for (const Person& p : *people) {
      if (p.sessions.empty() ||
          std::find(p.sessions.begin(), p.sessions.end(), session) != p.sessions.end()) {
        out.push_back(p);
      }
    }
    return OkStatus();
  }

  Status Complete(AgendaEntry& entry) {
    PONTE_RETURN_IF_ERROR(Place(entry));
    PONTE_ASSIGN_OR_RETURN(const Organization* a, Org(entry.meeting.a));
    entry.side_a = *a;
    PONTE_ASSIGN_OR_RETURN(const Organization* b, Org(entry.meeting.b));
    entry.side_b = *b;
    if (entry.meeting.interpreter.valid()) {
      PONTE_ASSIGN_OR_RETURN(const Interpreter* i, FindInterpreter(entry.meeting.interpreter));
      entry.interpreter = *i;
    }
    return OkStatus();
  }

 private:
  Store& store_;
  const Event& event_;
  bool sessions_loaded_ = false;
  std::unordered_map<SessionId, Session> sessions_;
  std::unordered_map<SessionId, std::vector<Slot>> slots_;
  std::unordered_map<OrganizationId, Organization> orgs_;
  std::unordered_map<OrganizationId, std::vector<Person>> people_;
  bool interpreters_loaded_ = false;
  std::unordered_map<InterpreterId, Interpreter> interpreters_;
};

void SortChronologically(std::vector<AgendaEntry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const AgendaEntry& x, const AgendaEntry& y) {
    return std::tuple(x.start, x.meeting.table, x.meeting.id) <
           std::tuple(y.start, y.meeting.table, y.meeting.id);
  });
}

// ---------------------------------------------------------------------------
// Reader languages.

struct Labels {
  std::string_view lang;
  std::string_view meeting;       // SUMMARY prefix, separator included
  std::string_view interpreting;  // SUMMARY prefix of interpreter agendas
  std::string_view table_prefix;  // "table 3", "tavolo 3", "3号桌"
  std::string_view table_suffix;
  std::string_view list_separator;
  std::string_view field_separator;  // "Counterpart: X"
  std::string_view agenda;
  std::string_view counterpart;
  std::string_view parties;
  std::string_view delegates;
  std::string_view interpreter;
  std::string_view cancelled;
  std::string_view time;
  std::string_view place;
  std::string_view table;
  std::string_view times_in;
  std::string_view your_time;
  std::string_view no_meetings;
  std::string_view not_in_language;
  std::array<std::string_view, 7> weekdays;  // Sunday first
  std::array<std::string_view, 12> months;
};

constexpr Labels kEnglish{
    .lang = "en",
    .meeting = "Meeting: ",
    .interpreting = "Interpreting: ",
    .table_prefix = "table ",
    .table_suffix = "",
    .list_separator = ", ",
    .field_separator = ": ",
    .agenda = "Agenda",
    .counterpart = "Counterpart",
    .parties = "Parties",
    .delegates = "Delegates",
    .interpreter = "Interpreter",
    .cancelled = "Cancelled",
    .time = "Time",
    .place = "Place",
    .table = "Table",
    .times_in = "Times in",
    .your_time = "Your time",
    .no_meetings = "No meetings.",
    .not_in_language = "not available in English",
    .weekdays = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    .months = {"January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"},
};

constexpr Labels kItalian{
    .lang = "it",
    .meeting = "Incontro: ",
    .interpreting = "Interpretariato: ",
    .table_prefix = "tavolo ",
    .table_suffix = "",
    .list_separator = ", ",
    .field_separator = ": ",
    .agenda = "Agenda",
    .counterpart = "Controparte",
    .parties = "Parti",
    .delegates = "Delegati",
    .interpreter = "Interprete",
    .cancelled = "Annullato",
    .time = "Orario",
    .place = "Luogo",
    .table = "Tavolo",
    .times_in = "Orari in",
    .your_time = "Il tuo orario",
    .no_meetings = "Nessun incontro.",
    .not_in_language = "non disponibile in italiano",
    .weekdays = {"domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"},
    .months = {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
               "settembre", "ottobre", "novembre", "dicembre"},
};

constexpr Labels kChinese{
    .lang = "zh",
    .meeting = "会谈：",
    .interpreting = "口译：",
    .table_prefix = "",
    .table_suffix = "号桌",
    .list_separator = "、",
    .field_separator = "：",
    .agenda = "日程",
    .counterpart = "对方",
    .parties = "双方",
    .delegates = "代表",
    .interpreter = "翻译",
    .cancelled = "已取消",
    .time = "时间",
    .place = "地点",
    .table = "桌号",
    .times_in = "时区",
    .your_time = "您的时间",
    .no_meetings = "暂无会谈。",
    .not_in_language = "无中文名称",
    .weekdays = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
    .months = {},
};

// "zh-CN", "zh_Hans", "IT" -> the labels of it/en/zh; anything else: English.
const Labels& LabelsFor(std::string_view locale) {
  std::string lang(locale.substr(0, locale.find_first_of("-_")));
  for (char& c : lang) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lang == "it") return kItalian;
  if (lang == "zh") return kChinese;
  return kEnglish;
}

std::string Table(const Labels& l, int table) {
  return std::string(l.table_prefix) + std::to_string(table) + std::string(l.table_suffix);
}

std::string OrgName(const Organization& org, const Labels& l) {
  const std::string& name = org.name.Best(l.lang).first;
  return name.empty() ? org.key : name;
}

// True when the text holds CJK characters (U+3000..U+9FFF: lead bytes E3..E9).
bool HasCjk(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xE3U && byte <= 0xE9U;
  });
}

// Chinese names family name first without a space; the Latin form beside
// them for readers of Italian or English.
std::string PersonName(const Person& p, const Labels& l) {
  std::string name;
  if (HasCjk(p.family_name) || HasCjk(p.given_name)) {
    name = p.family_name + p.given_name;
    if (l.lang != "zh" && !p.name_latin.empty()) name += " (" + p.name_latin + ")";
    return name;
  }
  name = p.given_name;
  if (!p.family_name.empty()) name += (name.empty() ? "" : " ") + p.family_name;
  if (name.empty()) name = p.name_latin.empty() ? p.key : p.name_latin;
  return name;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string Delegates(const AgendaEntry& e, const Labels& l) {
  std::vector<std::string> names;
  names.reserve(e.delegates.size());
  for (const Person& p : e.delegates) names.push_back(PersonName(p, l));
  return Join(names, l.list_separator);
}

bool IsInterpreterAgenda(const Agenda& agenda) {
  return !agenda.organization.has_value() && agenda.interpreter.has_value();
}

// Whom the meeting is with: the counterpart, or both sides for interpreters.
std::string With(const Agenda& agenda, const AgendaEntry& e, const Labels& l) {
  if (IsInterpreterAgenda(agenda)) return OrgName(e.side_a, l) + " – " + OrgName(e.side_b, l);
  return OrgName(e.counterpart, l);
}

std::string Location(const AgendaEntry& e, const Labels& l) {
  return Join({e.venue, e.city, e.meeting.table > 0 ? Table(l, e.meeting.table) : ""}, ", ");
}

std::string Title(const Agenda& agenda, const Labels& l) {
  if (agenda.organization) return OrgName(*agenda.organization, l);
  if (agenda.interpreter) return agenda.interpreter->name;
  return std::string(l.agenda);
}

// Civil time in `zone`, UTC when the zone is unknown.
CivilTime Local(Instant t, std::string_view zone) {
  auto civil = ToCivil(t, zone);
  if (civil.ok()) return *civil;
  return ToCivil(t, "UTC").value_or(CivilTime{});
}

std::string Clock(const CivilTime& c) { return FormatClock(Minutes(c.hour * 60 + c.minute)); }

CivilDate DateOf(const CivilTime& c) { return {c.year, c.month, c.day}; }

// "mercoledì 14 ottobre 2026", "Wednesday, 14 October 2026", "2026年10月14日 星期三".
std::string FormatDay(const CivilDate& date, const Labels& l) {
  constexpr std::int64_t kThursday = 4;  // 1970-01-01, with Sunday = 0
  constexpr std::int64_t kWeek = 7;
  const std::int64_t days = DaysFromCivil(date);
  const auto weekday = static_cast<std::size_t>(((days % kWeek) + kWeek + kThursday) % kWeek);
  const std::string day = std::to_string(date.day);
  const std::string year = std::to_string(date.year);
  if (l.lang == "zh") {
    return year + "年" + std::to_string(date.month) + "月" + day + "日 " +
           std::string(l.weekdays[weekday]);
  }
  const std::string month(l.months[static_cast<std::size_t>(date.month - 1)]);
  if (l.lang == "it")
    return std::string(l.weekdays[weekday]) + " " + day + " " + month + " " + year;
  return std::string(l.weekdays[weekday]) + ", " + day + " " + month + " " + year;
}

// "20261012T013000Z" (RFC 5545 form #2, UTC).
std::string IcsTime(Instant t) {
  std::string out;
  for (char c : FormatUtc(t)) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

}  // namespace

Result<Agenda> LoadOrganizationAgenda(Store& store, const Event& event, OrganizationId org) {
  AgendaLoader loader(store, event);
  Agenda agenda;
  agenda.event = event;
  PONTE_ASSIGN_OR_RETURN(const Organization* self, loader.Org(org));
  agenda.organization = *self;
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetingsOf(event.id, org));
  agenda.entries.reserve(meetings.size());
  for (Meeting& m : meetings) {
    AgendaEntry entry;
    entry.meeting = std::move(m);
    PONTE_RETURN_IF_ERROR(loader.Complete(entry));
    entry.counterpart = entry.meeting.a == org ? entry.side_b : entry.side_a;
    PONTE_RETURN_IF_ERROR(
        loader.AddAttending(entry.counterpart.id, entry.meeting.session, entry.delegates));
    agenda.entries.push_back(std::move(entry));
  }
  SortChronologically(agenda.entries);
  return agenda;
}

Result<Agenda> LoadInterpreterAgenda(Store& store, const Event& event, InterpreterId interpreter) {
  AgendaLoader loader(store, event);
  Agenda agenda;
  agenda.event = event;
  PONTE_ASSIGN_OR_RETURN(const Interpreter* self, loader.FindInterpreter(interpreter));
  agenda.interpreter = *self;
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings,
                         store.ListMeetingsOfInterpreter(event.id, interpreter));
  agenda.entries.reserve(meetings.size());
  for (Meeting& m : meetings) {
    AgendaEntry entry;
    entry.meeting = std::move(m);
    PONTE_RETURN_IF_ERROR(loader.Complete(entry));
    PONTE_RETURN_IF_ERROR(
        loader.AddAttending(entry.meeting.a, entry.meeting.session, entry.delegates));
    PONTE_RETURN_IF_ERROR(
        loader.AddAttending(entry.meeting.b, entry.meeting.session, entry.delegates));
    agenda.entries.push_back(std::move(entry));
  }
  SortChronologically(agenda.entries);
  return agenda;
}

std::string AgendaToIcs(const Agenda& agenda, const AgendaFormat& format) {
  const Labels& l = LabelsFor(format.locale);
  const Instant stamp =
      format.stamp.value_or(std::chrono::floor<Seconds>(std::chrono::system_clock::now()));
  const bool for_interpreter = IsInterpreterAgenda(agenda);
  std::string out;
  auto line = [&out](std::string_view name, std::string_view value) {
    std::string text(name);
    text += ':';
    text += value;
    out += FoldICalLine(text);
  };
  line("BEGIN", "VCALENDAR");
  line("VERSION", "2.0");
  line("PRODID", "-//ponte//agenda//EN");
  line("CALSCALE", "GREGORIAN");
  line("METHOD", "PUBLISH");
  line("X-WR-CALNAME", EscapeICalText(agenda.event.name.Best(l.lang).first.empty()
                                          ? agenda.event.key
                                          : agenda.event.name.Best(l.lang).first));
  line("X-WR-TIMEZONE", EscapeICalText(agenda.event.time_zone));
  for (const AgendaEntry& e : agenda.entries) {
    const bool cancelled = e.meeting.status == MeetingStatus::kCancelled;
    const std::string with = With(agenda, e, l);
    std::vector<std::string> description;
    if (cancelled) description.emplace_back(l.cancelled);
    description.push_back(std::string(for_interpreter ? l.parties : l.counterpart) +
                          std::string(l.field_separator) + with);
    const std::string delegates = Delegates(e, l);
    if (!delegates.empty()) {
      description.push_back(std::string(l.delegates) + std::string(l.field_separator) + delegates);
    }
    if (e.interpreter && !for_interpreter) {
      description.push_back(std::string(l.interpreter) + std::string(l.field_separator) +
                            e.interpreter->name);
    }
    line("BEGIN", "VEVENT");
    line("UID", "meeting-" + std::to_string(e.meeting.id.value()) + "@" + format.host);
    line("SEQUENCE", std::to_string(e.meeting.version));
    line("DTSTAMP", IcsTime(stamp));
    line("DTSTART", IcsTime(e.start));
    line("DTEND", IcsTime(e.end));
    line("SUMMARY",
         EscapeICalText(std::string(for_interpreter ? l.interpreting : l.meeting) + with));
    const std::string location = Location(e, l);
    if (!location.empty()) line("LOCATION", EscapeICalText(location));
    std::string text;
    for (const std::string& d : description) text += (text.empty() ? "" : "\n") + d;
    line("DESCRIPTION", EscapeICalText(text));
    line("STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
    line("TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE");
    line("END", "VEVENT");
  }
  line("END", "VCALENDAR");
  return out;
}

std::string AgendaToHtml(const Agenda& agenda, const AgendaFormat& format) {
  const Labels& l = LabelsFor(format.locale);
  const bool for_interpreter = IsInterpreterAgenda(agenda);
  const std::string& zone = agenda.event.time_zone;
  const bool viewer = !format.viewer_time_zone.empty() && format.viewer_time_zone != zone &&
                      IsValidTimeZone(format.viewer_time_zone);
  const std::string title = Title(agenda, l);
  const auto& [event_name_ref, event_lang] = agenda.event.name.Best(l.lang);
  const std::string event_name = event_name_ref.empty() ? agenda.event.key : event_name_ref;

  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << l.lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
      << EscapeHtml(title) << " – " << EscapeHtml(event_name) << "</title>\n<style>\n"
      << "body{font-family:system-ui,\"Noto Sans\",\"Noto Sans CJK SC\",sans-serif;margin:2em;"
         "color:#222}\n"
         "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}\n"
         "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}\n"
         "th{background:#eee}\n.muted,.fallback{color:#666;font-size:.85em}\n"
         "tr.cancelled td{color:#777}\n.label{font-weight:bold;color:#a00;margin-left:.3em}\n"
         "@media print{body{margin:0;font-size:10pt}section{break-inside:avoid}"
         "thead{display:table-header-group}th{background:none}}\n"
      << "</style>\n</head>\n<body>\n<header>\n<h1>" << EscapeHtml(title) << "</h1>\n<p lang=\""
      << EscapeHtml(event_lang) << "\">" << EscapeHtml(event_name) << "</p>\n<p class=\"muted\">"
      << l.times_in << " " << EscapeHtml(zone);
  if (viewer) out << " · " << l.your_time << ": " << EscapeHtml(format.viewer_time_zone);
  out << "</p>\n</header>\n";
  if (agenda.entries.empty()) out << "<p>" << l.no_meetings << "</p>\n";

  std::optional<CivilDate> day;
  for (const AgendaEntry& e : agenda.entries) {
    const CivilTime start = Local(e.start, zone);
    const CivilTime end = Local(e.end, zone);
    if (!day || *day != DateOf(start)) {
      if (day) out << "</tbody>\n</table>\n</section>\n";
      day = DateOf(start);
      out << "<section>\n<h2>" << EscapeHtml(FormatDay(*day, l))
          << "</h2>\n<table>\n<thead><tr><th>" << l.time << " (" << EscapeHtml(zone) << ")</th>";
      if (viewer) {
        out << "<th>" << l.your_time << " (" << EscapeHtml(format.viewer_time_zone) << ")</th>";
      }
      out << "<th>" << l.place << "</th><th>" << l.table << "</th><th>"
          << (for_interpreter ? l.parties : l.counterpart) << "</th><th>" << l.delegates << "</th>";
      if (!for_interpreter) out << "<th>" << l.interpreter << "</th>";
      out << "</tr></thead>\n<tbody>\n";
    }
    const bool cancelled = e.meeting.status == MeetingStatus::kCancelled;
    // Cell content, struck through when the meeting is cancelled; `html` is already escaped.
    auto cell = [&](const std::string& html, std::string_view label = {}) {
      out << "<td>" << (cancelled ? "<s>" : "") << html << (cancelled ? "</s>" : "");
      if (!label.empty()) out << "<span class=\"label\">" << label << "</span>";
      out << "</td>";
    };
    auto name_html = [&](const Organization& org) {
      const auto& [name, lang] = org.name.Best(l.lang);
      std::string html = "<span lang=\"" + EscapeHtml(lang) + "\">" +
                         EscapeHtml(name.empty() ? org.key : name) + "</span>";
      if (!lang.empty() && lang != l.lang) {
        html += " <abbr class=\"fallback\" title=\"" + std::string(l.not_in_language) + "\">(" +
                EscapeHtml(lang) + ")</abbr>";
      }
      return html;
    };
    out << "<tr" << (cancelled ? " class=\"cancelled\"" : "") << ">";
    cell(Clock(start) + "–" + Clock(end), cancelled ? l.cancelled : std::string_view());
    if (viewer) {
      const CivilTime vstart = Local(e.start, format.viewer_time_zone);
      const CivilTime vend = Local(e.end, format.viewer_time_zone);
      std::string text = Clock(vstart) + "–" + Clock(vend);
      if (DateOf(vstart) != DateOf(start)) text += " (" + FormatDate(DateOf(vstart)) + ")";
      cell(EscapeHtml(text));
    }
    cell(EscapeHtml(Join({e.venue, e.city}, ", ")));
    cell(e.meeting.table > 0 ? std::to_string(e.meeting.table) : "");
    cell(for_interpreter ? name_html(e.side_a) + " – " + name_html(e.side_b)
                         : name_html(e.counterpart));
    cell(EscapeHtml(Delegates(e, l)));
    if (!for_interpreter) cell(e.interpreter ? EscapeHtml(e.interpreter->name) : "");
    out << "</tr>\n";
  }
  if (day) out << "</tbody>\n</table>\n</section>\n";
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace ponte::service
