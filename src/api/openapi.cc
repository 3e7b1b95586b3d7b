// The OpenAPI 3 document, generated from the route table: every route is in
// it with its method, parameters, access and body, so it cannot drift.
#include <set>

#include "api/app.h"

namespace ponte::api {

nlohmann::json OpenApiDocument(const Router& router) {
  using Json = nlohmann::json;
  Json paths = Json::object();
  std::set<std::string> tags;
  for (const Route& route : router.routes()) {
    const RouteSpec& spec = route.spec;
    // Public media and feeds live outside /api/ (stable, short URLs) but are
    // part of the API.
    const bool feed_or_media = spec.pattern.starts_with("/media/") ||
                               spec.pattern.ends_with(".atom") || spec.pattern.ends_with(".rss");
    if (!spec.pattern.starts_with("/api/") && !spec.pattern.starts_with("/healthz") &&
        !spec.pattern.starts_with("/readyz") && !feed_or_media) {
      continue;  // portal pages are not part of the API
    }
    Json parameters = Json::array();
    for (const std::string& segment : route.segments) {
      if (segment.size() > 2 && segment.front() == '{') {
        const std::string name = segment.substr(1, segment.size() - 2);
        const bool id = name == "id" || name == "user" || name == "profile";
        parameters.push_back({{"name", name},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", id ? "integer" : "string"}}}});
      }
    }
    Json op{{"summary", spec.summary},
            {"operationId", spec.method + " " + spec.pattern},
            {"tags", Json::array({spec.tag})},
            {"parameters", parameters}};
    tags.insert(spec.tag);
    std::string access;
    switch (spec.access) {
      case Access::kPublic:
        access = "public";
        op["security"] = Json::array();
        break;
      case Access::kSignedIn:
        access = "signed in";
        break;
      case Access::kEvent:
        access = "event members";
        if (!spec.roles.empty()) {
          access += ":";
          for (Role role : spec.roles) access += " " + std::string(ToCode(role));
        }
        break;
    }
    op["x-access"] = access;
    if (!spec.body.empty()) {
      op["requestBody"] = {{"required", true},
                           {"description", spec.body},
                           {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    Json ok{
        {"description", "success"},
        {"content",
         {{spec.produces,
           {{"schema", {{"type", spec.produces == "application/json" ? "object" : "string"}}}}}}}};
    op["responses"] = {
        {"200", ok},
        {"default",
         {{"description", "error"},
          {"content",
           {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}};
    std::string method = spec.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[spec.pattern][method] = op;
  }
  Json tag_list = Json::array();
  for (const std::string& t : tags) tag_list.push_back({{"name", t}});
  return Json{
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "ponte API"},
        {"version", "1"},
        {"description",
         "Cooperation programmes: registry, matchmaking, meeting scheduling, agendas. "
         "Times are UTC (RFC 3339); each event names its zone."}}},
      {"servers", Json::array({{{"url", "/"}}})},
      {"tags", tag_list},
      {"paths", paths},
      {"components",
       {{"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "ponte_session"}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
        {"schemas",
         {{"Error",
           {{"type", "object"},
            {"required", Json::array({"error"})},
            {"properties",
             {{"error",
               {{"type", "object"},
                {"required", Json::array({"code", "message", "details"})},
                {"properties",
                 {{"code", {{"type", "string"}}},
                  {"message", {{"type", "string"}}},
                  {"details", {{"type", "object"}}}}}}}}}}}}}}},
      {"security", Json::array({{{"session", Json::array()}}, {{"bearer", Json::array()}}})}};
}

}  // namespace ponte::api
