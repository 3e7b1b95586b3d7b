// Text, HTML and iCalendar renderings of a RoadshowPlan.
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "itinerary/roadshow.h"

namespace ponte::itinerary {
namespace {

constexpr std::size_t kICalLineOctets = 75;  // RFC 5545 section 3.1
constexpr int kMinutesPerHour = 60;
const char* const kWeekdayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::int64_t kEpochWeekday = 3;  // 1970-01-01 was a Thursday

std::string Clock(MinuteOfDay m) { return FormatClock(Minutes(m)); }

const char* WeekdayName(const CivilDate& date) {
  return kWeekdayNames[((DaysFromCivil(date) + kEpochWeekday) % 7 + 7) % 7];
}

const RoadshowStage* StageFor(const Roadshow& rs, const std::string& city) {
  for (const RoadshowStage& st : rs.stages) {
    if (st.city == city) return &st;
  }
  return nullptr;
}

const RoadshowVisit* VisitById(const Roadshow& rs, const std::string& id) {
  for (const RoadshowVisit& v : rs.visits) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

// Keeps [A-Za-z0-9-] so UIDs stay plain ASCII.
std::string UidPart(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool keep =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    out += keep ? c : '_';
  }
  return out;
}

std::string CompactDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

Result<std::string> ICalUtc(const CivilDate& date, MinuteOfDay minute, const std::string& zone) {
  PONTE_ASSIGN_OR_RETURN(Instant t,
                         FromCivil({date.year, date.month, date.day, minute / kMinutesPerHour,
                                    minute % kMinutesPerHour, 0},
                                   zone));
  std::string iso = FormatUtc(t);  // 2026-10-12T01:30:00Z
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  iso.erase(std::remove(iso.begin(), iso.end(), ':'), iso.end());
  return iso;
}

}  // namespace

std::string EscapeICalText(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string FoldICalLine(std::string_view line) {
  std::string out;
  std::size_t used = 0;  // octets on the current physical line
  std::size_t i = 0;
  while (i < line.size()) {
    // Length of the UTF-8 sequence starting at i (continuation bytes never start one).
    std::size_t len = 1;
    while (i + len < line.size() && (static_cast<unsigned char>(line[i + len]) & 0xC0U) == 0x80U) {
      ++len;
    }
    if (used + len > kICalLineOctets) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, len));
    used += len;
    i += len;
  }
  out += "\r\n";
  return out;
}

std::string FormatPlanText(const Roadshow& rs, const RoadshowPlan& plan) {
  std::ostringstream out;
  out << rs.title << " (" << rs.id << ")\n";
  out << "Planned value " << plan.value << " (upper bound " << plan.upper_bound << "), "
      << plan.days.size() << " team days, " << plan.unplanned.size() << " candidates not planned\n";
  if (!plan.feasible) {
    for (const std::string& v : plan.violations) out << "  ! " << v << "\n";
  }
  // Every date with team days or inter-city travel, in order.
  std::map<std::int64_t, std::pair<std::vector<const TravelLeg*>, std::vector<const TeamDay*>>>
      by_day;
  for (const TravelLeg& leg : plan.travel) by_day[DaysFromCivil(leg.date)].first.push_back(&leg);
  for (const TeamDay& day : plan.days) by_day[DaysFromCivil(day.date)].second.push_back(&day);
  for (const auto& [d, content] : by_day) {
    const CivilDate date = CivilFromDays(d);
    out << "\n== " << FormatDate(date) << " " << WeekdayName(date)
        << (content.second.empty() ? " (travel day)" : "") << " ==\n";
    for (const TravelLeg* leg : content.first) {
      out << "  travel " << leg->from_city << " -> " << leg->to_city << ": " << leg->mode << ", "
          << Clock(leg->depart) << "-" << Clock(leg->arrive) << "\n";
    }
    for (const TeamDay* day : content.second) {
      out << "  " << day->city << ", team " << day->team << " (base: " << day->base_name << ")\n";
      if (day->visits.empty()) {
        out << "    no visits\n";
        continue;
      }
      out << "    " << Clock(day->depart_base) << "  leave base\n";
      for (const PlannedVisit& v : day->visits) {
        out << "    " << Clock(v.arrive) << "  arrive after " << v.travel_minutes << " min travel";
        if (v.start > v.arrive) {
          out << ", wait " << (v.start - v.arrive) << " min";
          if (v.arrive < rs.lunch.close && v.start > rs.lunch.open) out << " (lunch break inside)";
        }
        out << "\n    " << Clock(v.start) << "-" << Clock(v.leave) << "  " << v.name << " ["
            << v.visit_id << "], slack " << v.slack_minutes << " min\n";
      }
      out << "    " << Clock(day->back_at_base) << "  back at base after "
          << day->return_travel_minutes << " min travel (day ends " << Clock(day->day_end) << ")\n";
    }
  }
  if (!plan.unplanned.empty()) {
    out << "\nNot planned:\n";
    for (const UnplannedVisit& u : plan.unplanned) {
      out << "  - " << u.name << " [" << u.visit_id << "]: " << u.reason << "\n";
    }
  }
  return out.str();
}

std::string ExportHtml(const Roadshow& rs, const RoadshowPlan& plan) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << EscapeHtml(rs.title) << "</title>\n<style>\n"
      << "body{font-family:sans-serif;margin:2em;color:#222}"
         "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}"
         "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}"
         "th{background:#eee}.muted{color:#666}"
         "@media print{section{page-break-inside:avoid}body{margin:0}}\n"
      << "</style>\n</head>\n<body>\n<h1>" << EscapeHtml(rs.title) << "</h1>\n"
      << "<p>Planned value " << plan.value << " (upper bound " << plan.upper_bound << "), "
      << plan.days.size() << " team days.</p>\n";
  if (!plan.feasible) {
    out << "<ul class=\"violations\">\n";
    for (const std::string& v : plan.violations) out << "<li>" << EscapeHtml(v) << "</li>\n";
    out << "</ul>\n";
  }
  for (const TravelLeg& leg : plan.travel) {
    out << "<p class=\"travel\">" << FormatDate(leg.date) << ": " << EscapeHtml(leg.from_city)
        << " &rarr; " << EscapeHtml(leg.to_city) << ", " << EscapeHtml(leg.mode) << ", "
        << Clock(leg.depart) << "&ndash;" << Clock(leg.arrive) << "</p>\n";
  }
  for (const TeamDay& day : plan.days) {
    out << "<section>\n<h2>" << FormatDate(day.date) << " " << WeekdayName(day.date) << " &middot; "
        << EscapeHtml(day.city) << " &middot; team " << EscapeHtml(day.team) << "</h2>\n"
        << "<p class=\"muted\">Base: " << EscapeHtml(day.base_name) << "</p>\n";
    if (day.visits.empty()) {
      out << "<p>No visits.</p>\n</section>\n";
      continue;
    }
    out << "<table>\n<tr><th>Travel</th><th>Arrive</th><th>Visit</th><th>Start</th><th>End</th>"
           "<th>Slack</th><th>Notes</th></tr>\n";
    out << "<tr><td></td><td>" << Clock(day.depart_base)
        << "</td><td>leave base</td><td></td><td></td><td></td><td></td></tr>\n";
    for (const PlannedVisit& v : day.visits) {
      const RoadshowVisit* rv = VisitById(rs, v.visit_id);
      out << "<tr><td>" << v.travel_minutes << " min</td><td>" << Clock(v.arrive) << "</td><td>"
          << EscapeHtml(v.name) << "</td><td>" << Clock(v.start) << "</td><td>" << Clock(v.leave)
          << "</td><td>" << v.slack_minutes << " min</td><td>" << EscapeHtml(rv ? rv->notes : "")
          << "</td></tr>\n";
    }
    out << "<tr><td>" << day.return_travel_minutes << " min</td><td>" << Clock(day.back_at_base)
        << "</td><td>back at base</td><td></td><td></td><td></td><td></td></tr>\n";
    out << "</table>\n</section>\n";
  }
  if (!plan.unplanned.empty()) {
    out << "<h2>Not planned</h2>\n<ul>\n";
    for (const UnplannedVisit& u : plan.unplanned) {
      out << "<li>" << EscapeHtml(u.name) << ": " << EscapeHtml(u.reason) << "</li>\n";
    }
    out << "</ul>\n";
  }
  out << "</body>\n</html>\n";
  return out.str();
}

Result<std::string> ExportICalendar(const Roadshow& rs, const RoadshowPlan& plan, Instant stamp) {
  std::string out;
  auto line = [&out](std::string_view text) { out += FoldICalLine(text); };
  std::string dtstamp = FormatUtc(stamp);
  dtstamp.erase(std::remove(dtstamp.begin(), dtstamp.end(), '-'), dtstamp.end());
  dtstamp.erase(std::remove(dtstamp.begin(), dtstamp.end(), ':'), dtstamp.end());
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//ponte//itinerary//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + EscapeICalText(rs.title));
  for (const TeamDay& day : plan.days) {
    const RoadshowStage* st = StageFor(rs, day.city);
    const std::string zone = st ? st->time_zone : "Asia/Shanghai";
    for (const PlannedVisit& v : day.visits) {
      const RoadshowVisit* rv = VisitById(rs, v.visit_id);
      PONTE_ASSIGN_OR_RETURN(std::string start, ICalUtc(day.date, v.start, zone));
      PONTE_ASSIGN_OR_RETURN(std::string end, ICalUtc(day.date, v.leave, zone));
      line("BEGIN:VEVENT");
      line("UID:" + UidPart(rs.id) + "-" + CompactDate(day.date) + "-" + day.team + "-" +
           UidPart(v.visit_id) + "@ponte");
      line("DTSTAMP:" + dtstamp);
      line("DTSTART:" + start);
      line("DTEND:" + end);
      line("SUMMARY:" + EscapeICalText(v.name + " (team " + day.team + ")"));
      line("LOCATION:" + EscapeICalText(v.name + ", " + day.city));
      if (rv) {
        char geo[64];
        std::snprintf(geo, sizeof geo, "GEO:%.6f;%.6f", rv->lat, rv->lon);
        line(geo);
      }
      std::string description = "Travel " + std::to_string(v.travel_minutes) + " min, arrive " +
                                Clock(v.arrive) + ", slack " + std::to_string(v.slack_minutes) +
                                " min.";
      if (rv && !rv->notes.empty()) description += "\n" + rv->notes;
      line("DESCRIPTION:" + EscapeICalText(description));
      line("END:VEVENT");
    }
  }
  for (const TravelLeg& leg : plan.travel) {
    const RoadshowStage* from = StageFor(rs, leg.from_city);
    const RoadshowStage* to = StageFor(rs, leg.to_city);
    PONTE_ASSIGN_OR_RETURN(std::string start,
                           ICalUtc(leg.date, leg.depart, from ? from->time_zone : "Asia/Shanghai"));
    PONTE_ASSIGN_OR_RETURN(std::string end,
                           ICalUtc(leg.date, leg.arrive, to ? to->time_zone : "Asia/Shanghai"));
    line("BEGIN:VEVENT");
    line("UID:" + UidPart(rs.id) + "-" + CompactDate(leg.date) + "-travel-" +
         UidPart(leg.from_city) + "-" + UidPart(leg.to_city) + "@ponte");
    line("DTSTAMP:" + dtstamp);
    line("DTSTART:" + start);
    line("DTEND:" + end);
    line("SUMMARY:" + EscapeICalText(leg.from_city + " -> " + leg.to_city + ": " + leg.mode));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace ponte::itinerary
