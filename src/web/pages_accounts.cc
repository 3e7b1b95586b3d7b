// Accounts from the portal: open registration with its "check your mail"
// page, the e-mail confirmation from the mailed link, accepting an invitation
// (name and password), and the organizers' invitation form. Every decision
// (who may register, token lifetimes, roles) is in `service::`; these pages
// only collect the fields and show the outcome.
#include <algorithm>
#include <unordered_map>

#include "api/json.h"
#include "core/utf8.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::RequestContext;

// A refused form is shown again with its reason, as a page (200): the browser
// keeps the reader's input and logs no failed load.
constexpr int kFormShownAgain = 200;
constexpr const char* kRoles[] = {"participant", "organizer", "support", "interpreter"};

Json LanguageOptions(const Site& site, std::string_view locale, std::string_view selected) {
  Json out = Json::array();
  for (const char* lang : {"it", "en", "zh"}) {
    out.push_back({{"value", lang},
                   {"label", site.T(locale, std::string("language_") + lang)},
                   {"selected", lang == selected}});
  }
  return out;
}

HttpResponse RegisterPage(RequestContext& c, const Site& site, const std::string& event_key,
                          const std::string& name, const std::string& email,
                          const std::string& error) {
  const std::string locale = c.Locale();
  return Page(c, site, "register", "register_title",
              {{"event_key", event_key},
               {"name", name},
               {"email", email},
               {"languages", LanguageOptions(site, locale, locale)},
               {"error", error.empty() ? Json(false) : Json(error)}},
              kFormShownAgain);
}

HttpResponse InvitationPage(RequestContext& c, const Site& site, const std::string& token,
                            const std::string& name, const std::string& error) {
  return Page(
      c, site, "invitation", "invitation_title",
      {{"token", token}, {"name", name}, {"error", error.empty() ? Json(false) : Json(error)}},
      kFormShownAgain);
}

// The organizers' invitation form, with the event's organizations and
// interpreters to choose from.
HttpResponse InvitePage(RequestContext& c, const Site& site, const std::string& invited,
                        const std::string& error) {
  const std::string locale = c.Locale();
  Json roles = Json::array();
  for (const char* role : kRoles) {
    roles.push_back({{"value", role}, {"label", site.T(locale, std::string("role_") + role)}});
  }
  Json organizations = Json::array();
  if (auto list = c.store.ListOrganizations(); list.ok()) {
    std::vector<std::pair<std::string, std::int64_t>> named;
    for (const Organization& o : *list) named.emplace_back(o.name.Best(locale).first, o.id.value());
    std::sort(named.begin(), named.end());
    for (const auto& [label, id] : named)
      organizations.push_back({{"value", id}, {"label", label}});
  }
  Json interpreters = Json::array();
  if (auto list = c.store.ListInterpreters(c.event->id); list.ok()) {
    for (const Interpreter& i : *list) {
      interpreters.push_back({{"value", i.id.value()}, {"label", i.name}});
    }
  }
  return Page(c, site, "invite", "invite_title",
              {{"roles", roles},
               {"organizations", organizations},
               {"interpreters", interpreters},
               {"has_interpreters", !interpreters.empty()},
               {"invited", invited.empty() ? Json(false) : Json(invited)},
               {"error", error.empty() ? Json(false) : Json(error)}},
              kFormShownAgain);
}

}  // namespace

void AddAccountPages(api::App& app, std::shared_ptr<const Site> site) {
  api::Router& r = app.router();
  const service::AccountOptions& accounts = app.options().accounts;
  const OpenPages open(r);
  open("GET", "/register", "open registration form (?event=key)", "",
       [site](RequestContext& c) -> Result<HttpResponse> {
         return RegisterPage(c, *site, c.request.Query("event").value_or(""), "", "", "");
       });
  open("POST", "/register", "register (form); then the 'check your mail' page",
       "name, email, password, locale, event",
       [site, &accounts](RequestContext& c) -> Result<HttpResponse> {
         service::Registration reg;
         reg.name = std::string(Trim(FormField(c.request, "name")));
         reg.email = std::string(Trim(FormField(c.request, "email")));
         reg.password = FormField(c.request, "password");
         reg.locale = FormField(c.request, "locale");
         if (reg.locale != "it" && reg.locale != "en" && reg.locale != "zh")
           reg.locale = c.Locale();
         reg.event_key = FormField(c.request, "event");
         auto user = service::Register(c.store, c.clock, reg, accounts);
         if (!user.ok()) {
           return RegisterPage(c, *site, reg.event_key, reg.name, reg.email,
                               StatusText(*site, c.Locale(), user.status()));
         }
         return Page(c, *site, "registered", "registered_title", {{"email", user->email}});
       });
  // The mailed link shows a button rather than confirming on GET: mail
  // scanners that open links must not use up the one-time token.
  open("GET", "/verify", "confirm your e-mail address (from the mailed link)", "token",
       [site](RequestContext& c) -> Result<HttpResponse> {
         return Page(
             c, *site, "verify", "verify_title",
             {{"token", c.request.Query("token").value_or("")}, {"done", false}, {"error", false}});
       });
  open("POST", "/verify", "confirm your e-mail address (form)", "token",
       [site, &accounts](RequestContext& c) -> Result<HttpResponse> {
         const std::string token = FormField(c.request, "token");
         auto user = service::Verify(c.store, c.clock, token, accounts);
         if (!user.ok()) {
           return Page(c, *site, "verify", "verify_title",
                       {{"token", ""},
                        {"done", false},
                        {"error", StatusText(*site, c.Locale(), user.status())}},
                       kFormShownAgain);
         }
         return Page(c, *site, "verify", "verify_title",
                     {{"token", ""}, {"done", true}, {"email", user->email}, {"error", false}});
       });
  open("GET", "/invitation", "accept an invitation: name and password (from the mailed link)",
       "token", [site](RequestContext& c) -> Result<HttpResponse> {
         return InvitationPage(c, *site, c.request.Query("token").value_or(""), "", "");
       });
  open("POST", "/invitation", "accept an invitation (form)", "token, name, password",
       [site, &accounts](RequestContext& c) -> Result<HttpResponse> {
         const std::string token = FormField(c.request, "token");
         const std::string name = std::string(Trim(FormField(c.request, "name")));
         auto user = service::AcceptInvitation(c.store, c.clock, token, name,
                                               FormField(c.request, "password"), accounts);
         if (!user.ok()) {
           return InvitationPage(c, *site, token, name,
                                 StatusText(*site, c.Locale(), user.status()));
         }
         return HttpResponse::Redirect("/login?accepted=1");
       });
  const std::vector<Role> organizers{Role::kOrganizer};
  r.Add({"GET", "/events/{event}/invitations", "Portal: invite someone to the event", "portal",
         Access::kEvent, organizers, "", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> { return InvitePage(c, *site, "", ""); });
  r.Add(
      {"POST", "/events/{event}/invitations", "Portal: invite someone (form); mails the link",
       "portal", Access::kEvent, organizers, "email, role, organization, interpreter", "text/html"},
      [site, &accounts](RequestContext& c) -> Result<HttpResponse> {
        const std::string email = std::string(Trim(FormField(c.request, "email")));
        auto role = ParseRole(FormField(c.request, "role"));
        if (!role.ok())
          return InvitePage(c, *site, "", StatusText(*site, c.Locale(), role.status()));
        // Only the field that goes with the role counts.
        const OrganizationId organization(
            *role == Role::kParticipant ? std::atoll(FormField(c.request, "organization").c_str())
                                        : 0);
        const InterpreterId interpreter(
            *role == Role::kInterpreter ? std::atoll(FormField(c.request, "interpreter").c_str())
                                        : 0);
        Status s = service::Invite(c.store, c.clock, *c.actor, *c.event, email, *role, organization,
                                   interpreter, accounts);
        if (!s.ok()) return InvitePage(c, *site, "", StatusText(*site, c.Locale(), s));
        return InvitePage(c, *site, email, "");
      });
}

}  // namespace ponte::web
