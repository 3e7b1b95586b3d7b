// Internal to the portal: the loaded site (templates, message catalogs,
// static files), page rendering with the shared layout, and ICU formatting of
// dates, times and numbers per locale. Pages live in pages_*.cc.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/app.h"
#include "core/status.h"
#include "core/time.h"
#include "model/taxonomy.h"

namespace ponte::web {

using Json = nlohmann::json;

struct Asset {
  std::string body;
  std::string content_type;
  std::string version;  // content hash, in the URL so the file can be cached for a year
};

// Everything the portal reads from disk, loaded once; read-only afterwards.
class Site {
 public:
  // `web_dir` holds templates/, i18n/ and static/; `node_modules` the npm tree.
  // `data_dir` is ponte's data/ (the theme taxonomy).
  static Result<std::shared_ptr<const Site>> Load(const std::string& web_dir,
                                                  const std::string& node_modules,
                                                  const std::string& data_dir);

  // The message for `key` in `locale` (English, then the key, when missing).
  std::string T(std::string_view locale, std::string_view key) const;
  const Json& Messages(std::string_view locale) const;
  // Renders a template with `data` (HTML-escaped unless {{{triple}}}).
  std::string Render(std::string_view name, const Json& data) const;
  // "/static/portal.css?v=…" or "/static/vendor/htmx.min.js?v=…".
  std::string AssetUrl(std::string_view name, bool vendor) const;
  const Asset* FindAsset(std::string_view name, bool vendor) const;
  // A theme's label in `locale` (the code when unknown).
  std::string ThemeLabel(std::string_view code, std::string_view locale) const;
  const Taxonomy& taxonomy() const { return taxonomy_; }

 private:
  Taxonomy taxonomy_;
  std::map<std::string, std::string, std::less<>> templates_;
  std::map<std::string, Json, std::less<>> messages_;
  std::map<std::string, Asset, std::less<>> assets_;
  std::map<std::string, Asset, std::less<>> vendor_;
};

// What every page shows: the language, the messages, the signed-in user and
// the navigation for the event in the path (or the user's first event).
Json LayoutData(api::RequestContext& c, const Site& site);
// A whole page: `page` rendered with `data` (plus the layout data) inside the
// layout, with `title_key` as the title.
api::HttpResponse Page(api::RequestContext& c, const Site& site, std::string_view page,
                       std::string_view title_key, Json data, int status = 200);
// An error page for a failed Status, with the message a person can act on.
api::HttpResponse ErrorPage(api::RequestContext& c, const Site& site, const Status& status);
// The user-facing text of a Status ("conflict: table 3 is busy ...").
std::string StatusText(const Site& site, std::string_view locale, const Status& status);

// A field of an application/x-www-form-urlencoded body ("" when absent).
std::string FormField(const api::HttpRequest& request, std::string_view name);
// Text made safe inside HTML.
std::string EscapeHtml(std::string_view text);
// True for requests htmx sends (they get a fragment instead of a page).
bool IsHtmx(const api::HttpRequest& request);
// A local path to go back to ("/" unless `next` is a path on this site).
std::string SafeNext(std::string_view next);

// Redirects to the sign-in page when nobody is signed in.
std::optional<api::HttpResponse> RequireSignIn(api::RequestContext& c);

// ICU formatting in `locale` (it, en, zh) and IANA `zone`.
std::string FormatDateTime(Instant t, std::string_view zone, std::string_view locale);
std::string FormatDay(Instant t, std::string_view zone, std::string_view locale);
std::string FormatTime(Instant t, std::string_view zone, std::string_view locale);
std::string FormatNumber(double value, std::string_view locale);
std::string FormatPercent(double fraction, std::string_view locale);
// The zone's name for people ("Ora dell'Europa centrale"), from ICU.
std::string ZoneName(std::string_view zone, std::string_view locale);

// A language's name in `locale` from ICU ("cinese", "Chinese", "中文").
std::string LanguageName(std::string_view code, std::string_view locale);

// The reader's own IANA zone (cookie `ponte_tz`, set by portal.js), or "".
std::string ReaderZone(const api::RequestContext& c);

// A localized field in the reader's language, marked when it is in another:
// {"text": "...", "lang": "zh", "other": true}.
Json Localized(const LocalizedText& text, std::string_view locale);

// Register the portal's pages (HTML) on a router, one call a page:
//
//   const EventPages page(app.router());
//   page("GET", "/events/{event}/people", "your delegates", {Role::kParticipant}, handler);
//
// EventPages: under one event's path ({event} in the pattern), open to the
// event's members with one of `roles` (empty: any member). `summary` goes
// into the OpenAPI document.
class EventPages {
 public:
  explicit EventPages(api::Router& router) : router_(router) {}
  void operator()(std::string method, std::string pattern, std::string_view summary,
                  std::vector<Role> roles, api::RouteHandler handler) const;

 private:
  api::Router& router_;
};

// OpenPages: pages anyone may open; `fields` names what the page's form posts
// (empty: nothing).
class OpenPages {
 public:
  explicit OpenPages(api::Router& router) : router_(router) {}
  void operator()(std::string method, std::string pattern, std::string_view summary,
                  std::string fields, api::RouteHandler handler) const;

 private:
  api::Router& router_;
};

// Delegates, event set-up and matching (pages_setup.cc).
void AddSetupPages(api::App& app, std::shared_ptr<const Site> site);
void AddParticipantPages(api::App& app, std::shared_ptr<const Site> site);
void AddOrganizerPages(api::App& app, std::shared_ptr<const Site> site);
// Registration, e-mail confirmation, invitations (pages_accounts.cc).
void AddAccountPages(api::App& app, std::shared_ptr<const Site> site);
// Import with preview and the XLSX export (pages_data.cc).
void AddDataPages(api::App& app, std::shared_ptr<const Site> site);
// Public news pages and the organizers' news editor (pages_news.cc).
void AddNewsPages(api::App& app, const std::shared_ptr<const Site>& site);
// The edition and programme dashboards and the printable report (pages_reports.cc).
void AddReportPages(api::App& app, const std::shared_ptr<const Site>& site);
// Outcomes: report, edit, the validation queue, the organizers' list
// (pages_outcomes.cc).
void AddOutcomePages(api::App& app, std::shared_ptr<const Site> site);

}  // namespace ponte::web
