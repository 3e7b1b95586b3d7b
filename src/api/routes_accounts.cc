// Health, sign-in and accounts: /healthz, /readyz, /api/v1/auth/*, /api/v1/me.
#include "api/app.h"
#include "api/json.h"

namespace ponte::api {

void AddHealthRoutes(App& app) {
  app.router().Add({"GET", "/healthz", "Liveness: the process answers", "health", Access::kPublic},
                   [](RequestContext&) -> Result<HttpResponse> {
                     return JsonOk({{"status", "ok"}});
                   });
  app.router().Add({"GET", "/readyz", "Readiness: the database answers at the current schema",
                    "health", Access::kPublic},
                   [](RequestContext& c) -> Result<HttpResponse> {
                     if (c.store.schema_version() != Store::CurrentSchemaVersion()) {
                       return UnavailableError("database schema is not current");
                     }
                     PONTE_ASSIGN_OR_RETURN(StoreSummary s, c.store.Summary());
                     return JsonOk({{"status", "ready"},
                                    {"schema_version", c.store.schema_version()},
                                    {"events", s.events}});
                   });
}

void AddAccountRoutes(App& app) {
  Router& r = app.router();
  const service::AccountOptions& accounts = app.options().accounts;

  r.Add({"POST",
         "/api/v1/auth/login",
         "Sign in; sets the session cookie and returns the CSRF token",
         "auth",
         Access::kPublic,
         {},
         "{email, password}"},
        [&app, &accounts](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::string email, StringField(body, "email"));
          PONTE_ASSIGN_OR_RETURN(std::string password, StringField(body, "password"));
          PONTE_ASSIGN_OR_RETURN(service::SignIn s,
                                 service::Login(c.store, c.clock, email, password,
                                                c.request.remote_address, accounts));
          HttpResponse out = JsonOk({{"user", ToJson(s.actor)},
                                     {"csrf_token", s.csrf_token},
                                     {"expires_at", FormatUtc(s.expires_at)}});
          out.Set("Set-Cookie", app.SessionCookie(s.token, s.expires_at));
          return out;
        });
  r.Add({"POST", "/api/v1/auth/logout", "Sign out (ends this session)", "auth", Access::kSignedIn},
        [&app](RequestContext& c) -> Result<HttpResponse> {
          if (auto token = c.request.Cookie("ponte_session")) {
            PONTE_RETURN_IF_ERROR(service::Logout(c.store, *token));
          }
          HttpResponse out = HttpResponse::NoContent();
          out.Set("Set-Cookie", app.ClearSessionCookie());
          return out;
        });
  r.Add({"GET", "/api/v1/me", "The signed-in user and their roles per event", "auth",
         Access::kSignedIn},
        [](RequestContext& c) -> Result<HttpResponse> {
          Json me = ToJson(*c.actor);
          if (c.actor->credential == CredentialKind::kSession)
            me["csrf_token"] = c.actor->csrf_token;
          return JsonOk(me);
        });
  r.Add({"PATCH",
         "/api/v1/me",
         "Change name or language (it, en, zh)",
         "auth",
         Access::kSignedIn,
         {},
         "{name?, locale?}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          User u = c.actor->user;
          u.name = OptionalString(body, "name", u.name);
          u.locale = OptionalString(body, "locale", u.locale);
          if (u.locale != "it" && u.locale != "en" && u.locale != "zh") {
            return InvalidArgumentError("field 'locale': expected it, en or zh");
          }
          PONTE_RETURN_IF_ERROR(c.store.UpdateUser(u));
          service::Actor me = *c.actor;  // the memo's copy is shared and read-only
          me.user = u;
          return JsonOk(ToJson(me));
        });
  r.Add(
      {"POST",
       "/api/v1/auth/tokens",
       "Create a bearer API token (kind api_token) or a calendar-feed token (kind calendar_feed); "
       "shown once",
       "auth",
       Access::kSignedIn,
       {},
       "{label?, kind?}"},
      [&accounts](RequestContext& c) -> Result<HttpResponse> {
        PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
        const std::string kind = OptionalString(body, "kind", "api_token");
        if (kind != "api_token" && kind != "calendar_feed") {
          return InvalidArgumentError("field 'kind': expected api_token or calendar_feed");
        }
        PONTE_ASSIGN_OR_RETURN(
            std::string token,
            service::CreateToken(
                c.store, c.clock, *c.actor,
                kind == "api_token" ? CredentialKind::kApiToken : CredentialKind::kCalendarFeed,
                OptionalString(body, "label"), accounts));
        return JsonOk({{"token", token}, {"kind", kind}}, 201);
      });
  r.Add({"POST",
         "/api/v1/auth/register",
         "Open registration: an unverified account and, with an event, a participant membership "
         "awaiting validation; mails a verification link",
         "auth",
         Access::kPublic,
         {},
         "{email, name, password, locale?, event?}"},
        [&accounts](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          service::Registration reg;
          PONTE_ASSIGN_OR_RETURN(reg.email, StringField(body, "email"));
          PONTE_ASSIGN_OR_RETURN(reg.password, StringField(body, "password"));
          reg.name = OptionalString(body, "name");
          reg.locale = OptionalString(body, "locale", "en");
          reg.event_key = OptionalString(body, "event");
          if (body.contains("organization")) {
            PONTE_ASSIGN_OR_RETURN(std::int64_t org, IdField(body, "organization"));
            reg.organization = OrganizationId(org);
          }
          PONTE_ASSIGN_OR_RETURN(User u, service::Register(c.store, c.clock, reg, accounts));
          return JsonOk({{"id", u.id.value()}, {"email", u.email}, {"verified", u.verified}}, 201);
        });
  r.Add({"POST",
         "/api/v1/auth/verify",
         "Confirm an e-mail address with the mailed token",
         "auth",
         Access::kPublic,
         {},
         "{token}"},
        [&accounts](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::string token, StringField(body, "token"));
          PONTE_ASSIGN_OR_RETURN(User u, service::Verify(c.store, c.clock, token, accounts));
          return JsonOk({{"id", u.id.value()}, {"email", u.email}, {"verified", u.verified}});
        });
  r.Add({"POST",
         "/api/v1/auth/invitations/accept",
         "Accept an invitation: creates the account (or adds the role to an existing one)",
         "auth",
         Access::kPublic,
         {},
         "{token, name, password}"},
        [&accounts](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::string token, StringField(body, "token"));
          PONTE_ASSIGN_OR_RETURN(std::string password, StringField(body, "password"));
          PONTE_ASSIGN_OR_RETURN(
              User u, service::AcceptInvitation(c.store, c.clock, token,
                                                OptionalString(body, "name"), password, accounts));
          return JsonOk({{"id", u.id.value()}, {"email", u.email}}, 201);
        });
  r.Add({"POST",
         "/api/v1/events/{event}/invitations",
         "Invite someone to the event with a role (organizers); mails the link",
         "auth",
         Access::kEvent,
         {Role::kOrganizer},
         "{email, role, organization?, interpreter?}"},
        [&accounts](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::string email, StringField(body, "email"));
          PONTE_ASSIGN_OR_RETURN(Role role, ParseRole(OptionalString(body, "role", "participant")));
          OrganizationId org;
          InterpreterId interpreter;
          if (body.contains("organization")) {
            PONTE_ASSIGN_OR_RETURN(std::int64_t id, IdField(body, "organization"));
            org = OrganizationId(id);
          }
          if (body.contains("interpreter")) {
            PONTE_ASSIGN_OR_RETURN(std::int64_t id, IdField(body, "interpreter"));
            interpreter = InterpreterId(id);
          }
          PONTE_RETURN_IF_ERROR(service::Invite(c.store, c.clock, *c.actor, *c.event, email, role,
                                                org, interpreter, accounts));
          return JsonOk({{"invited", email}, {"role", std::string(ToCode(role))}}, 201);
        });
}

void AddOpenApiRoute(App& app) {
  app.router().Add({"GET", "/api/v1/openapi.json", "This document", "meta", Access::kPublic},
                   [&app](RequestContext&) -> Result<HttpResponse> {
                     return JsonOk(OpenApiDocument(app.router()));
                   });
}

}  // namespace ponte::api
