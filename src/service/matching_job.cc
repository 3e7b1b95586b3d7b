#include "service/matching_job.h"

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "match/recommender.h"
#include "service/recommend_event.h"
#include "service/schedule_event.h"
#include "service/workflow.h"

namespace ponte::service {
namespace {

using Json = nlohmann::json;

constexpr int kMaxTopK = 50;
constexpr int kMaxProposals = 5000;
// Progress reaches the store at most this often (the page polls every second).
constexpr double kReportEverySeconds = 0.5;

// The text models, loaded once per data folder for the life of the process
// (they are read-only and shared by every job).
Result<std::shared_ptr<const match::TextModel>> TextModelFor(const std::string& data_dir) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const match::TextModel>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(data_dir); it != loaded.end()) return it->second;
  PONTE_ASSIGN_OR_RETURN(std::shared_ptr<const match::TextModel> model,
                         match::TextModel::Load({.data_dir = data_dir}));
  loaded.emplace(data_dir, model);
  return model;
}

Result<Event> EventOfJob(Store& store, EventId id) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  for (Event& e : events) {
    if (e.id == id) return std::move(e);
  }
  return NotFoundError("no event " + std::to_string(id.value()));
}

}  // namespace

Result<Job> StartMatchingJob(Store& store, const Clock& clock, const Actor& organizer,
                             const Event& event, const MatchingJobParameters& parameters) {
  if (!organizer.IsOrganizer(event.id)) {
    return PermissionDeniedError("only the organizers run matching");
  }
  if (parameters.top_k < 1 || parameters.top_k > kMaxTopK) {
    return InvalidArgumentError("field 'top_k': expected 1 to 50");
  }
  if (parameters.limit < 0 || parameters.limit > kMaxProposals || parameters.per_organization < 1) {
    return InvalidArgumentError(
        "fields 'limit' (0 to 5000) and 'per_organization' (at least 1) are out of range");
  }
  Job job;
  job.event = event.id;
  job.kind = std::string(kMatchingJobKind);
  job.parameters = Json{{"top_k", parameters.top_k},
                        {"limit", parameters.limit},
                        {"per_organization", parameters.per_organization},
                        {"data_dir", parameters.data_dir}}
                       .dump();
  job.created_by = organizer.user.id;
  job.created_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.CreateJob(job));
  PONTE_RETURN_IF_ERROR(Audit(store, clock, organizer, event, "matching.run",
                              "job:" + std::to_string(job.id.value()), job.parameters));
  return job;
}

Status RunMatchingJob(Store& store, const Clock& clock, Job& job,
                      const std::function<bool()>& stop) {
  auto finish = [&](JobState state, std::string result, std::string error) {
    job.state = state;
    job.result = std::move(result);
    job.error = std::move(error);
    job.updated_at = clock.Now();
    return store.UpdateJob(job);
  };
  const Stopwatch watch;
  double last_report = -kReportEverySeconds;
  bool cancelled = false;
  // Writes the progress (throttled unless `force`) and reads the cancel flag.
  auto report = [&](std::string_view phase, std::size_t done, std::size_t total, bool force) {
    const double now = watch.Seconds();
    if (!force && now - last_report < kReportEverySeconds) return;
    last_report = now;
    job.progress =
        Json{{"phase", phase}, {"done", done}, {"total", total}, {"elapsed_s", now}}.dump();
    job.updated_at = clock.Now();
    if (store.UpdateJob(job).ok() && job.cancel_requested) cancelled = true;
  };
  const Json parameters = Json::parse(job.parameters, nullptr, false);
  if (!parameters.is_object()) return finish(JobState::kFailed, "", "malformed job parameters");
  const auto top_k = static_cast<std::size_t>(parameters.value("top_k", 10));
  const auto limit = static_cast<std::size_t>(parameters.value("limit", 200));
  const int per_organization = parameters.value("per_organization", 4);
  PONTE_ASSIGN_OR_RETURN(Event event, EventOfJob(store, job.event));

  report("model", 0, 0, true);
  auto model = TextModelFor(parameters.value("data_dir", std::string()));
  if (!model.ok()) return finish(JobState::kFailed, "", model.status().message());
  auto data = LoadEventData(store, event.key);
  if (!data.ok()) return finish(JobState::kFailed, "", data.status().message());
  auto profiles = store.ListProfiles();
  if (!profiles.ok()) return finish(JobState::kFailed, "", profiles.status().message());
  report("profiles", 0, 0, true);

  EventRecommendations recs;
  auto built = match::Recommender::Build(*model, BuildMatchProfiles(*data, *profiles),
                                         EventRecommenderOptions(*data));
  if (!built.ok()) return finish(JobState::kFailed, "", built.status().message());
  recs.recommender = std::move(*built);
  std::map<std::string, OrganizationId> id_of;
  for (const Organization& o : data->organizations) id_of[o.key] = o.id;
  const std::size_t total = recs.recommender->size();
  for (std::size_t i = 0; i < total; ++i) {
    recs.organization.push_back(id_of[recs.recommender->profile(i).id]);
  }
  recs.top.resize(total);
  std::size_t recommendations = 0;
  recs.recommender->ForEachTopK(top_k,
                                [&](std::size_t index, std::vector<match::Recommendation> top) {
                                  recommendations += top.size();
                                  recs.top[index] = std::move(top);
                                  report("ranking", index + 1, total, false);
                                });
  report("pairs", total, total, true);
  if (cancelled || job.cancel_requested) return finish(JobState::kCancelled, "", "cancelled");
  if (stop && stop()) return CancelledError("server stopping: job left for another server");

  const std::vector<MeetingRequest> proposals =
      ProposeMutualMeetings(*data, recs, limit, per_organization, clock.Now());
  Json list = Json::array();
  for (const MeetingRequest& r : proposals) {
    // The score is in the message ProposeMutualMeetings writes; keep it apart.
    const std::size_t at = r.message.find("score ");
    list.push_back(
        {{"from", r.from.value()},
         {"to", r.to.value()},
         {"key", r.key},
         {"score", at == std::string::npos ? 0 : std::atoi(r.message.c_str() + at + 6)}});
  }
  Json result{{"organizations", total},
              {"recommendations", recommendations},
              {"proposals", list},
              {"time_s", watch.Seconds()}};
  return finish(JobState::kSucceeded, result.dump(), "");
}

Result<std::vector<MeetingRequest>> ProposeMatches(Store& store, const Clock& clock,
                                                   const Actor& organizer, const Event& event,
                                                   JobId id) {
  if (!organizer.IsOrganizer(event.id)) {
    return PermissionDeniedError("only the organizers propose meetings");
  }
  PONTE_ASSIGN_OR_RETURN(Job job, store.GetJob(id));
  if (job.event != event.id || job.kind != kMatchingJobKind) {
    return NotFoundError("no matching job " + std::to_string(id.value()));
  }
  if (job.state != JobState::kSucceeded) {
    return AbortedError("job " + std::to_string(id.value()) + " is " +
                        std::string(ToCode(job.state)) + ": only a finished run can be proposed");
  }
  const Json result = Json::parse(job.result, nullptr, false);
  if (!result.is_object() || !result.contains("proposals")) {
    return InternalError("job " + std::to_string(id.value()) + " has no proposals");
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> existing, store.ListRequests(event.id));
  std::set<std::string> keys;
  std::set<std::pair<std::int64_t, std::int64_t>> pairs;
  for (const MeetingRequest& r : existing) {
    keys.insert(r.key);
    if (r.status == RequestStatus::kCancelled || r.status == RequestStatus::kExpired) continue;
    pairs.insert(std::minmax(r.from.value(), r.to.value()));
  }
  const Instant now = clock.Now();
  std::vector<MeetingRequest> added;
  for (const Json& p : result["proposals"]) {
    MeetingRequest r;
    r.event = event.id;
    r.key = p.value("key", std::string());
    r.from = OrganizationId(p.value("from", std::int64_t{0}));
    r.to = OrganizationId(p.value("to", std::int64_t{0}));
    if (r.key.empty() || keys.contains(r.key) ||
        pairs.contains(std::minmax(r.from.value(), r.to.value()))) {
      continue;
    }
    r.preference = Preference::kWant;
    r.status = RequestStatus::kAccepted;
    r.message = "Proposed by the organizers (mutual recommendation, score " +
                std::to_string(p.value("score", 0)) + "/100)";
    r.created_at = now;
    r.updated_at = now;
    keys.insert(r.key);
    pairs.insert(std::minmax(r.from.value(), r.to.value()));
    added.push_back(std::move(r));
  }
  PONTE_RETURN_IF_ERROR(store.AddRequests(event.id, added));
  PONTE_RETURN_IF_ERROR(Audit(store, clock, organizer, event, "matching.propose",
                              "job:" + std::to_string(id.value()),
                              Json{{"requests", added.size()}}.dump()));
  return added;
}

}  // namespace ponte::service
