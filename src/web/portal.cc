// The portal's entry point: loads the site, serves the static files, and adds
// sign-in, sign-out, the language switch and the home pages; the participant
// and organizer pages are in pages_*.cc.
#include "web/portal.h"

#include <spdlog/spdlog.h>

#include <cstdlib>

#include "api/json.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::RequestContext;

constexpr int kLanguageCookieSeconds = 365 * 24 * 3600;

std::string EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::string(fallback);
}

HttpResponse Static(const Site& site, const RequestContext& c, bool vendor) {
  const Asset* a = site.FindAsset(c.Param("file"), vendor);
  if (!a) return HttpResponse::Text(404, "not found\n");
  HttpResponse out = HttpResponse::Text(200, a->body, a->content_type);
  // URLs carry the content's version, so the file never changes under them.
  out.Set("Cache-Control", "public, max-age=31536000, immutable");
  return out;
}

void AddSignInPages(api::App& app, std::shared_ptr<const Site> site) {
  api::Router& r = app.router();
  r.Add({"GET",
         "/static/{file}",
         "Portal stylesheet and script",
         "portal",
         Access::kPublic,
         {},
         "",
         "text/css"},
        [site](RequestContext& c) -> Result<HttpResponse> { return Static(*site, c, false); });
  r.Add({"GET",
         "/static/vendor/{file}",
         "Front-end packages (htmx, Alpine.js, Chart.js) from npm",
         "portal",
         Access::kPublic,
         {},
         "",
         "text/javascript"},
        [site](RequestContext& c) -> Result<HttpResponse> { return Static(*site, c, true); });

  r.Add({"GET", "/login", "Portal: sign-in page", "portal", Access::kPublic, {}, "", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> {
          if (c.actor) return HttpResponse::Redirect("/");
          // After accepting an invitation (/invitation) the account is ready.
          const bool accepted = c.request.Query("accepted").has_value();
          return Page(c, *site, "login", "login_title",
                      {{"next_path", SafeNext(c.request.Query("next").value_or("/"))},
                       {"error", false},
                       {"notice",
                        accepted ? Json(site->T(c.Locale(), "invitation_accepted")) : Json(false)},
                       {"email", ""}});
        });
  r.Add({"POST",
         "/login",
         "Portal: sign in (form) and go to the page asked for",
         "portal",
         Access::kPublic,
         {},
         "email, password, next",
         "text/html"},
        [&app, site](RequestContext& c) -> Result<HttpResponse> {
          const std::string email = FormField(c.request, "email");
          const std::string next = SafeNext(FormField(c.request, "next"));
          auto signed_in = service::Login(c.store, c.clock, email, FormField(c.request, "password"),
                                          c.request.remote_address, app.options().accounts);
          if (!signed_in.ok()) {
            const int status =
                signed_in.status().code() == StatusCode::kResourceExhausted ? 429 : 401;
            const std::string key =
                signed_in.status().code() == StatusCode::kResourceExhausted  ? "login_throttled"
                : signed_in.status().code() == StatusCode::kPermissionDenied ? "login_not_allowed"
                                                                             : "login_failed";
            return Page(c, *site, "login", "login_title",
                        {{"next_path", next},
                         {"error", site->T(c.Locale(), key)},
                         {"notice", false},
                         {"email", email}},
                        status);
          }
          HttpResponse out = HttpResponse::Redirect(next);
          out.headers.emplace_back("Set-Cookie",
                                   app.SessionCookie(signed_in->token, signed_in->expires_at));
          // The account's language wins over a choice made before signing in.
          out.headers.emplace_back("Set-Cookie", "ponte_lang=" + signed_in->actor.user.locale +
                                                     "; Path=/; SameSite=Lax; Max-Age=" +
                                                     std::to_string(kLanguageCookieSeconds));
          return out;
        });
  r.Add({"POST", "/logout", "Portal: sign out", "portal", Access::kPublic, {}, "", "text/html"},
        [&app](RequestContext& c) -> Result<HttpResponse> {
          if (auto token = c.request.Cookie("ponte_session"); token && c.actor) {
            PONTE_RETURN_IF_ERROR(service::Logout(c.store, *token));
          }
          HttpResponse out = HttpResponse::Redirect("/login");
          out.Set("Set-Cookie", app.ClearSessionCookie());
          return out;
        });
  r.Add({"POST",
         "/lang",
         "Portal: switch the language (cookie, and the account when signed in)",
         "portal",
         Access::kPublic,
         {},
         "lang, next",
         "text/html"},
        [](RequestContext& c) -> Result<HttpResponse> {
          const std::string lang = FormField(c.request, "lang");
          if (lang != "it" && lang != "en" && lang != "zh") {
            return InvalidArgumentError("field 'lang': expected it, en or zh");
          }
          if (c.actor && c.actor->user.locale != lang) {
            User u = c.actor->user;
            u.locale = lang;
            PONTE_RETURN_IF_ERROR(c.store.UpdateUser(u));
          }
          HttpResponse out = HttpResponse::Redirect(SafeNext(FormField(c.request, "next")));
          out.Set("Set-Cookie", "ponte_lang=" + lang + "; Path=/; SameSite=Lax; Max-Age=" +
                                    std::to_string(kLanguageCookieSeconds));
          return out;
        });
  r.Add({"GET", "/", "Portal: home (your events)", "portal", Access::kPublic, {}, "", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> {
          if (auto login = RequireSignIn(c)) return *login;
          PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, c.store.ListEvents());
          const std::string locale = c.Locale();
          Json items = Json::array();
          for (const Event& e : events) {
            const bool member =
                std::any_of(c.actor->memberships.begin(), c.actor->memberships.end(),
                            [&](const Membership& m) { return m.event == e.id; });
            if (!member) continue;
            items.push_back({{"key", e.key}, {"name", Localized(e.name, locale)}});
          }
          if (items.size() == 1) {
            return HttpResponse::Redirect("/events/" + items[0]["key"].get<std::string>());
          }
          return Page(c, *site, "home", "home_title", {{"events", items}});
        });
}

}  // namespace

void InstallPortal(api::App& app) {
  auto site = Site::Load(EnvOr("PONTE_WEB_DIR", PONTE_WEB_DIR),
                         EnvOr("PONTE_NODE_MODULES", PONTE_NODE_MODULES), app.options().data_dir);
  if (!site.ok()) {
    spdlog::error("portal not installed: {}", site.status().message());
    return;
  }
  AddSignInPages(app, *site);
  AddParticipantPages(app, *site);
  AddOrganizerPages(app, *site);
  AddAccountPages(app, *site);
  AddDataPages(app, *site);
  AddNewsPages(app, *site);
  AddReportPages(app, *site);
  AddSetupPages(app, *site);
  AddOutcomePages(app, *site);
}

}  // namespace ponte::web
