// The reports in the portal, for organizers and the support office: the
// edition dashboard (/events/{event}/stats: every table of the edition's
// report as a Chart.js chart and as an HTML table, with CSV and XLSX links),
// the programme dashboard across editions (/reports), and the printable
// edition report in it/en/zh (/events/{event}/report/print: a title page, the
// key figures and every table, for the browser's print to PDF). The numbers
// come from service/reports.h; the pages only lay them out.
#include <algorithm>
#include <cmath>

#include "api/reports.h"
#include "service/reports.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::kStaff;
using api::RequestContext;

constexpr double kPercent = 100.0;

std::string Cell(double value, service::ReportUnit unit, std::string_view locale) {
  return unit == service::ReportUnit::kShare ? FormatPercent(value, locale)
                                             : FormatNumber(value, locale);
}

std::string Text(const LocalizedText& text, std::string_view locale) {
  return text.Best(locale).first;
}

// Safe inside <script type="application/json">.
std::string ScriptJson(const Json& j) {
  std::string out;
  for (char ch : j.dump()) {
    if (ch == '<') {
      out += "\\u003c";
    } else {
      out += ch;
    }
  }
  return out;
}

// The query string that keeps the reader's choice of counted outcomes.
std::string Basis(bool include_reported) { return include_reported ? "&include_reported=1" : ""; }

// One table for the templates: labels in the reader's language, formatted
// cells, and (for one-column count tables) the bar lengths of the print view.
Json TableView(const service::ReportTable& t, std::string_view locale, const std::string& csv) {
  Json columns = Json::array();
  for (const service::ReportColumn& c : t.columns)
    columns.push_back({{"label", Text(c.label, locale)}});
  double largest = 0;
  for (const service::ReportRow& r : t.rows) {
    if (!r.values.empty() && t.UnitOf(r, 0) == service::ReportUnit::kCount) {
      largest = std::max(largest, r.values[0]);
    }
  }
  const bool bars = t.columns.size() == 1 && !t.rows.empty() && !t.rows.front().unit;
  Json rows = Json::array();
  for (const service::ReportRow& r : t.rows) {
    Json cells = Json::array();
    for (std::size_t i = 0; i < r.values.size(); ++i) {
      cells.push_back(Cell(r.values[i], t.UnitOf(r, i), locale));
    }
    Json row = {{"label", Text(r.label, locale)}, {"cells", cells}};
    if (bars && largest > 0) {
      row["bar"] = static_cast<int>(std::lround(kPercent * r.values[0] / largest));
    }
    rows.push_back(std::move(row));
  }
  const std::string note = Text(t.note, locale);
  return {{"key", t.key},
          {"title", Text(t.title, locale)},
          {"note", note.empty() ? Json(false) : Json(note)},
          {"has_chart", !t.chart.empty()},
          {"chart_type", t.chart},
          {"wide", t.chart == "line" || t.rows.size() > 12},
          {"label_header", Text(t.label_header, locale)},
          {"columns", columns},
          {"rows", rows},
          {"bars", bars},
          {"csv", csv}};
}

// The charts' data: {key: {labels, values}} for one count column, else
// {key: {labels, datasets: [{label, values}]}} over the count columns.
Json ChartData(const service::Report& report, std::string_view locale) {
  Json out = Json::object();
  for (const service::ReportTable& t : report.tables) {
    if (t.chart.empty()) continue;
    Json labels = Json::array();
    for (const service::ReportRow& r : t.rows) labels.push_back(Text(r.label, locale));
    std::vector<std::size_t> counts;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].unit == service::ReportUnit::kCount) counts.push_back(i);
    }
    if (counts.size() == 1) {
      Json values = Json::array();
      for (const service::ReportRow& r : t.rows) values.push_back(r.values[counts[0]]);
      out[t.key] = {{"labels", labels}, {"values", values}};
      continue;
    }
    Json datasets = Json::array();
    for (std::size_t i : counts) {
      Json values = Json::array();
      for (const service::ReportRow& r : t.rows) values.push_back(r.values[i]);
      datasets.push_back({{"label", Text(t.columns[i].label, locale)}, {"values", values}});
    }
    out[t.key] = {{"labels", labels}, {"datasets", datasets}};
  }
  return out;
}

Json Figures(const service::Report& report, std::string_view locale) {
  Json out = Json::array();
  const service::ReportTable* key = report.Find("key_figures");
  if (key == nullptr) return out;
  for (const service::ReportRow& r : key->rows) {
    out.push_back({{"label", Text(r.label, locale)},
                   {"value", Cell(r.values[0], key->UnitOf(r, 0), locale)}});
  }
  return out;
}

// What every report view shows, for an edition (`event`) or the programme.
Json ReportData(const Site& site, const service::Report& report, std::string_view locale,
                const std::string& api_base, const std::string& page_path) {
  const std::string lang = "?lang=" + std::string(locale);
  const std::string basis = Basis(report.include_reported);
  Json tables = Json::array();
  for (const service::ReportTable& t : report.tables) {
    if (t.key == "key_figures") continue;
    std::string csv = api_base;
    csv += "/";
    csv += t.key;
    csv += ".csv";
    csv += lang;
    csv += basis;
    tables.push_back(TableView(t, locale, csv));
  }
  Json figures = Figures(report, locale);
  const bool has_figures = !figures.empty();
  return {{"report_title", Text(report.title, locale)},
          {"figures", std::move(figures)},
          {"has_figures", has_figures},
          {"tables", tables},
          {"chart_json", ScriptJson(ChartData(report, locale))},
          {"chart", site.AssetUrl("chart.umd.min.js", true)},
          {"xlsx", api_base + ".xlsx" + lang + basis},
          {"include_reported", report.include_reported},
          {"basis_note", site.T(locale, report.include_reported ? "report_basis_reported"
                                                                : "report_basis_validated")},
          {"toggle_href", page_path + (report.include_reported ? "" : "?include_reported=1")},
          {"toggle_label", site.T(locale, report.include_reported ? "report_only_validated"
                                                                  : "report_include_reported")}};
}

service::ReportOptions OptionsOf(const RequestContext& c) {
  return {.include_reported = api::IncludeReported(c.request.Query("include_reported"))};
}

HttpResponse EditionDashboard(RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  auto report = service::EventReport(c.store, *c.actor, *c.event, site.taxonomy(), OptionsOf(c));
  if (!report.ok()) return ErrorPage(c, site, report.status());
  const std::string base = "/events/" + c.event->key;
  Json data = ReportData(site, *report, locale, "/api/v1" + base + "/report", base + "/stats");
  data["edition"] = true;
  data["print_href"] = base + "/report/print?lang=" + locale + Basis(report->include_reported);
  data["meetings_csv"] = base + "/exports/meetings.csv";
  return Page(c, site, "report_dashboard", "stats_title", std::move(data));
}

HttpResponse ProgrammeDashboard(RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  auto report = service::ProgrammeReport(c.store, *c.actor, site.taxonomy(), OptionsOf(c));
  if (!report.ok()) return ErrorPage(c, site, report.status());
  Json data = ReportData(site, *report, locale, "/api/v1/report", "/reports");
  data["edition"] = false;
  return Page(c, site, "report_dashboard", "report_programme_title", std::move(data));
}

// The printable report: a page of its own (no navigation), in the language
// asked for, with the event's dates and cities on the title page.
HttpResponse PrintableReport(RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  auto report = service::EventReport(c.store, *c.actor, e, site.taxonomy(), OptionsOf(c));
  if (!report.ok()) return ErrorPage(c, site, report.status());
  Json data = ReportData(site, *report, locale, "/api/v1/events/" + e.key + "/report",
                         "/events/" + e.key + "/report/print");
  std::vector<std::string> cities;
  if (auto sessions = c.store.ListSessions(e.id); sessions.ok()) {
    std::vector<Session> sorted = *sessions;
    std::sort(sorted.begin(), sorted.end(),
              [](const Session& x, const Session& y) { return x.start < y.start; });
    for (const Session& s : sorted) {
      if (std::find(cities.begin(), cities.end(), s.city) == cities.end()) cities.push_back(s.city);
    }
  }
  std::string places;
  for (const std::string& city : cities) places += (places.empty() ? "" : " · ") + city;
  auto day = [&](const CivilDate& d) {
    auto noon = FromCivil({d.year, d.month, d.day, 12, 0, 0}, e.time_zone);
    return noon.ok() ? FormatDay(*noon, e.time_zone, locale) : FormatDate(d);
  };
  const LocalizedText& name = e.name;
  data["lang"] = locale;
  data["t"] = site.Messages(locale);
  data["event_name"] = Text(name, locale);
  data["dates"] = day(e.start_date) + " – " + day(e.end_date);
  data["cities"] = places;
  data["generated"] = FormatDay(c.clock.Now(), e.time_zone, locale);
  data["css"] = site.AssetUrl("report-print.css", false);
  Json langs = Json::array();
  for (const char* l : {"it", "en", "zh"}) {
    langs.push_back(
        {{"code", l},
         {"label", site.T(l, "language_name")},
         {"href", "/events/" + e.key + "/report/print?lang=" + l + Basis(report->include_reported)},
         {"current", locale == l}});
  }
  data["langs"] = langs;
  data["back"] = "/events/" + e.key + "/stats";
  HttpResponse out = HttpResponse::Html(200, site.Render("report_print", data));
  out.Set("Cache-Control", "private, no-store");
  return out;
}

}  // namespace

void AddReportPages(api::App& app, const std::shared_ptr<const Site>& site) {
  api::Router& r = app.router();
  r.Add({"GET", "/events/{event}/stats",
         "Portal: the edition's dashboard — charts and tables of every report table, CSV and "
         "XLSX",
         "portal", Access::kEvent, kStaff, "", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> { return EditionDashboard(c, *site); });
  r.Add({"GET", "/events/{event}/report/print",
         "Portal: the printable edition report in it/en/zh (print to PDF)", "portal",
         Access::kEvent, kStaff, "", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> { return PrintableReport(c, *site); });
  r.Add({"GET",
         "/reports",
         "Portal: the programme's dashboard across editions",
         "portal",
         Access::kPublic,
         {},
         "",
         "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> {
          if (auto login = RequireSignIn(c)) return *login;
          return ProgrammeDashboard(c, *site);
        });
}

}  // namespace ponte::web
