// Fuzz target for the API's dispatch: arbitrary method, target, headers and
// body through App::Handle on a small temporary store. The input is
//
//   METHOD SP TARGET LF (NAME ":" VALUE LF)* LF BODY
//
// and "$ORG" / "$PART" in a header value become a bearer token of an
// organizer / a participant, so that the signed-in routes are reached too.
// Invariants: never crash, never hang, never a 5xx, and every error has the
// one error shape {"error": {"code", "message", "details"}}.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/app.h"
#include "core/time.h"

namespace ponte::api {
namespace {

struct World {
  std::unique_ptr<api::App> app;
  std::string organizer;
  std::string participant;
};

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "request_fuzzer: %s\n", what);
  std::abort();
}

World MakeWorld() {
  spdlog::set_level(spdlog::level::off);
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ponte_api_fuzz_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "fuzz.db").string();
  static FakeClock clock(*FromCivil({2026, 10, 1, 9, 0, 0}, "Asia/Shanghai"));
  Dataset data;
  Event e;
  e.key = "week";
  e.name.Set("en", "Week");
  e.time_zone = "Asia/Shanghai";
  e.start_date = {2026, 10, 14};
  e.end_date = {2026, 10, 14};
  data.event = e;
  for (const char* key : {"unibo", "cas"}) {
    Organization o;
    o.key = key;
    o.name.Set("en", key);
    o.country = "IT";
    data.organizations.push_back({.organization = o, .where = {"fuzz", 0}});
  }
  data.sessions.push_back({.session = {.key = "bj",
                                       .city = "Beijing",
                                       .date = {2026, 10, 14},
                                       .start = *FromCivil({2026, 10, 14, 9, 0, 0}, e.time_zone),
                                       .end = *FromCivil({2026, 10, 14, 11, 0, 0}, e.time_zone),
                                       .slot_length = Minutes(30),
                                       .tables = 2},
                           .where = {"fuzz", 0}});
  {
    auto store = Store::Open(db, {.create_if_missing = true});
    if (!store.ok() || !(*store)->Import(data, {}).ok()) Fail("cannot create the store");
  }
  api::AppOptions options;
  options.db = db;
  options.background = false;
  options.clock = &clock;
  options.worker = "fuzz";
  options.accounts.cost = service::kPasswordCostForTests;
  auto app = api::App::Create(options);
  if (!app.ok()) Fail("cannot create the app");
  World world;
  world.app = std::move(*app);
  auto token = [&](const std::string& email, Membership m) {
    return world.app->WithStore([&](Store& store) -> std::string {
      auto event = store.GetEvent("week");
      auto orgs = store.ListOrganizations();
      if (!event.ok() || !orgs.ok()) Fail("no event");
      m.event = event->id;
      if (m.role == Role::kParticipant) m.organization = orgs->front().id;
      User u;
      u.email = email;
      u.name = "Fuzz";
      if (!service::CreateAccount(store, clock, u, "correct horse battery", {m}, options.accounts)
               .ok()) {
        Fail("cannot create an account");
      }
      auto signed_in =
          service::Login(store, clock, email, "correct horse battery", "", options.accounts);
      if (!signed_in.ok()) Fail("cannot sign in");
      auto t = service::CreateToken(store, clock, signed_in->actor, CredentialKind::kApiToken,
                                    "fuzz", options.accounts);
      if (!t.ok()) Fail("cannot create a token");
      return *t;
    });
  };
  world.organizer = token("organizer@fuzz.test", {.role = Role::kOrganizer});
  world.participant =
      token("participant@fuzz.test", {.role = Role::kParticipant, .validated = true});
  return world;
}

std::string_view NextLine(std::string_view& text) {
  const std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

void Replace(std::string& text, std::string_view what, const std::string& with) {
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at)) {
    text.replace(at, what.size(), with);
    at += with.size();
  }
}

}  // namespace
}  // namespace ponte::api

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ponte::api::World world = ponte::api::MakeWorld();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ponte::api::HttpRequest request;
  const std::string_view first = ponte::api::NextLine(text);
  const std::size_t space = first.find(' ');
  request.method = std::string(first.substr(0, space));
  request.target = space == std::string_view::npos ? "/" : std::string(first.substr(space + 1));
  while (!text.empty()) {
    const std::string_view line = ponte::api::NextLine(text);
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    std::string name(line.substr(0, colon));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value(colon == std::string_view::npos ? "" : line.substr(colon + 1));
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    ponte::api::Replace(value, "$ORG", world.organizer);
    ponte::api::Replace(value, "$PART", world.participant);
    request.headers.emplace_back(std::move(name), std::move(value));
  }
  request.body = std::string(text);
  request.remote_address = "10.9.8.7";

  const ponte::api::HttpResponse response = world.app->Handle(request);
  if (response.status < 200 || response.status > 599) ponte::api::Fail("status out of range");
  if (response.status >= 500) ponte::api::Fail("a 5xx answer");
  if (response.status >= 400) {
    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    if (!body.is_object() || !body.contains("error") || !body["error"].contains("code") ||
        !body["error"].contains("message") || !body["error"].contains("details")) {
      ponte::api::Fail("an error without the error shape");
    }
  }
  return 0;
}
