// ponte demo [--db FILE] [--no-serve]: builds the demo event's database and
// runs the main job on it, printing what a programme organizer would look at.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <unordered_map>

#include "cli/command.h"
#include "cli/serve.h"
#include "core/clock.h"
#include "core/progress.h"
#include "demo/accounts.h"
#include "demo/demo.h"
#include "demo/summary.h"
#include "itinerary/roadshow_csv.h"
#include "service/history.h"
#include "service/plan_roadshow.h"
#include "service/recommend_event.h"
#include "service/schedule_event.h"
#include "text/language.h"

namespace ponte::cli {
namespace {

struct DemoCommandOptions {
  std::string db = "ponte-demo.db";
  bool no_serve = false;
  std::string listen = "127.0.0.1:8080";
  double schedule_seconds = 5;
  std::size_t proposals = 60;
  double roadshow_seconds = 2;
};

constexpr std::size_t kRecommendationsPerOrganization = 10;
constexpr int kProposalsPerOrganization = 2;
constexpr std::size_t kExamplesPerLanguage = 2;
constexpr std::size_t kExampleDepth = 3;

// A few organizations' recommendations: Italian universities read in
// Italian, Chinese districts and companies in Chinese.
void PrintExamples(const service::EventData& data, service::EventRecommendations& recs) {
  std::unordered_map<std::int64_t, const Organization*> org;
  for (const Organization& o : data.organizations) org[o.id.value()] = &o;
  std::size_t italian = 0;
  std::size_t chinese = 0;
  for (std::size_t i = 0; i < recs.top.size(); ++i) {
    const Organization* o = org[recs.organization[i].value()];
    if (o == nullptr || recs.top[i].size() < kExampleDepth) continue;
    const bool it = o->country == "IT" && o->type == OrganizationType::kUniversity &&
                    italian < kExamplesPerLanguage;
    const bool zh =
        o->country == "CN" &&
        (o->type == OrganizationType::kDistrict || o->type == OrganizationType::kCompany) &&
        chinese < kExamplesPerLanguage;
    if (!it && !zh) continue;
    (it ? italian : chinese)++;
    std::printf("\n%s", demo::FormatRecommendations(
                            data, recs, i, it ? text::Language::kItalian : text::Language::kChinese,
                            kExampleDepth)
                            .c_str());
  }
}

Status RunDemo(const DemoCommandOptions& options) {
  Stopwatch watch;
  PONTE_ASSIGN_OR_RETURN(demo::DemoResult result,
                         demo::BuildDemoDatabase({.db_path = options.db, .data_dir = DataDir()}));
  const Event& event = result.event;
  std::printf("%s\n%s\n%s  (%s → %s, %s)\n\n", event.name.Get("en").c_str(),
              event.name.Get("it").c_str(), event.name.Get("zh").c_str(),
              FormatDate(event.start_date).c_str(), FormatDate(event.end_date).c_str(),
              event.time_zone.c_str());
  PONTE_ASSIGN_OR_RETURN(auto orgs, result.store->ListOrganizations());
  PONTE_ASSIGN_OR_RETURN(auto people, result.store->ListPeople());
  PONTE_ASSIGN_OR_RETURN(auto profiles, result.store->ListProfiles());
  PONTE_ASSIGN_OR_RETURN(auto sessions, result.store->ListSessions(event.id));
  PONTE_ASSIGN_OR_RETURN(auto interpreters, result.store->ListInterpreters(event.id));
  PONTE_ASSIGN_OR_RETURN(auto requests, result.store->ListRequests(event.id));
  const demo::RegistrySummary summary =
      demo::SummarizeRegistry(orgs, people, profiles, result.taxonomy);
  std::fputs(demo::FormatRegistrySummary(summary, result.taxonomy).c_str(), stdout);

  std::printf("\nSessions\n");
  for (const Session& s : sessions) {
    auto start = ToCivil(s.start, event.time_zone);
    auto end = ToCivil(s.end, event.time_zone);
    std::printf("  %-10s %-10s %s %s–%s  %zu slots of %lld min, %d tables\n", s.key.c_str(),
                s.city.c_str(), FormatDate(s.date).c_str(),
                FormatClock(Minutes(start->hour * 60 + start->minute)).c_str(),
                FormatClock(Minutes(end->hour * 60 + end->minute)).c_str(), SlotsOf(s).size(),
                static_cast<long long>(s.slot_length.count()), s.tables);
  }
  int accepted = 0;
  for (const MeetingRequest& r : requests) accepted += r.status == RequestStatus::kAccepted ? 1 : 0;
  std::printf("\nInterpreters: %zu   meeting requests: %zu (%d accepted)\n", interpreters.size(),
              requests.size(), accepted);
  std::fputs(demo::FormatHistorySummary(result.history).c_str(), stdout);

  // Matchmaking: reciprocal recommendations for every organization, a few
  // explained in Italian and in Chinese, and the strongest mutual ones
  // proposed as meetings.
  PONTE_ASSIGN_OR_RETURN(service::EventData event_data,
                         service::LoadEventData(*result.store, event.key));
  Stopwatch match_watch;
  PONTE_ASSIGN_OR_RETURN(auto text_model, match::TextModel::Load({.data_dir = DataDir()}));
  PONTE_ASSIGN_OR_RETURN(auto met_before, service::PastMeetingsBefore(*result.store, event));
  PONTE_ASSIGN_OR_RETURN(
      service::EventRecommendations recs,
      service::RecommendForEvent(event_data, profiles, text_model, kRecommendationsPerOrganization,
                                 std::move(met_before)));
  std::printf("\nMatchmaking: top %zu partners for each of %zu organizations in %.2f s\n",
              kRecommendationsPerOrganization, recs.top.size(), match_watch.Seconds());
  PrintExamples(event_data, recs);
  std::vector<MeetingRequest> proposals = service::ProposeMutualMeetings(
      event_data, recs, options.proposals, kProposalsPerOrganization, SystemClock().Now());
  PONTE_RETURN_IF_ERROR(result.store->AddRequests(event.id, proposals));
  std::printf("%zu meetings proposed from the strongest mutual recommendations (accepted)\n",
              proposals.size());

  // Schedule the accepted requests and publish the timetable.
  std::printf("\nScheduling the accepted meeting requests...\n");
  PONTE_ASSIGN_OR_RETURN(event_data, service::LoadEventData(*result.store, event.key));
  Progress progress("scheduling");
  schedule::SolveOptions solve_options;
  solve_options.time_limit_s = options.schedule_seconds;
  solve_options.seed = 1;
  solve_options.progress = [&progress](const schedule::SolveProgress& p) {
    progress.Update(fmt::format("{:.1f} s, {}: weight {}, breaks {}, bound {}", p.elapsed_s,
                                p.phase, p.best_weight, p.best_breaks, p.lower_bound));
  };
  service::EventSchedule plan = service::ScheduleEvent(event_data, solve_options);
  progress.Done();
  PONTE_RETURN_IF_ERROR(service::PublishSchedule(*result.store, event_data, plan));
  std::fputs(demo::FormatScheduleSummary(plan).c_str(), stdout);

  // Accounts for every role, to try the portal and the API.
  PONTE_ASSIGN_OR_RETURN(demo::DemoPair pair, demo::ChooseDemoPair(event_data, recs));
  PONTE_ASSIGN_OR_RETURN(std::vector<demo::DemoAccount> accounts,
                         demo::CreateDemoAccounts(*result.store, SystemClock(), event_data, pair));
  PONTE_RETURN_IF_ERROR(demo::ShareStaffWithPastEditions(*result.store, event.id));

  // The promotional roadshow through four Chinese cities, planned day by day.
  PONTE_ASSIGN_OR_RETURN(itinerary::Roadshow roadshow,
                         itinerary::ReadRoadshowDir(DataDir() + "/demo/roadshow"));
  Roadshow stored_roadshow = service::FromItinerary(roadshow);
  PONTE_RETURN_IF_ERROR(result.store->PutRoadshow(stored_roadshow));
  PONTE_ASSIGN_OR_RETURN(
      service::PlannedRoadshow planned,
      service::PlanStoredRoadshow(
          *result.store, roadshow.id, {.seed = 1},
          Deadline::After(std::chrono::duration<double>(options.roadshow_seconds))));
  std::printf("\n%s", itinerary::FormatPlanText(planned.roadshow, planned.plan).c_str());

  std::printf("\nDemo database: %s (built in %.2f s)\n", options.db.c_str(), watch.Seconds());
  std::printf("\nDemo accounts (password %s):\n", demo::kDemoPassword);
  for (const demo::DemoAccount& a : accounts) {
    std::printf("  %-26s %s\n", a.email.c_str(), a.description.c_str());
  }
  if (options.no_serve) {
    std::printf("\nServe it with: ponte serve --db %s\n", options.db.c_str());
    return OkStatus();
  }
  result.store.reset();
  ServeOptions serve;
  serve.db = options.db;
  serve.listen = options.listen;
  serve.log_level = "warn";
  return ServeDatabase(serve, [&](std::uint16_t port) {
    const std::string host = options.listen.substr(0, options.listen.rfind(':'));
    std::printf("\nponte serving %s at http://%s:%u/ (Ctrl-C stops)\n", options.db.c_str(),
                host.c_str(), port);
    std::fflush(stdout);
  });
}

void Setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "demo", "Build the demo China–Italy week database and run the main job on it");
  auto options = std::make_shared<DemoCommandOptions>();
  cmd->add_option("--db", options->db, "database file to build or refresh")->capture_default_str();
  cmd->add_option("--schedule-seconds", options->schedule_seconds,
                  "time limit for the meeting scheduler")
      ->capture_default_str();
  cmd->add_option("--proposals", options->proposals,
                  "meetings to propose from mutual recommendations")
      ->capture_default_str();
  cmd->add_option("--roadshow-seconds", options->roadshow_seconds,
                  "time limit for the roadshow planner")
      ->capture_default_str();
  cmd->add_flag("--no-serve", options->no_serve, "do not start the web server afterwards");
  cmd->add_option("--listen", options->listen, "where to serve the demo (port 0: any free one)")
      ->capture_default_str();
  BindRun(cmd, [options] { return RunDemo(*options); });
}

}  // namespace
PONTE_REGISTER_COMMAND(demo, 5, Setup);
}  // namespace ponte::cli
