// `ponte recommend`: partner recommendations with the match engine.
//
//   ponte recommend --profiles FILE.jsonl --top K [--out FILE.jsonl] [--same-country]
//   ponte recommend --db FILE --event KEY --top K [--out FILE.jsonl]
//     in : one profile per line, {"id": str, "country": "IT", ...} (docs/matching.md)
//     out: one line per input profile, in input order,
//          {"id": str, "matches": [{"id": str, "score": number, "why": [str]}]}
//
// A malformed line is reported with its line number (exit code 2).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "match/features.h"
#include "match/profile_json.h"
#include "match/recommender.h"
#include "service/history.h"
#include "service/recommend_event.h"
#include "store/store.h"

namespace ponte::cli {
namespace {

struct RecommendOptions {
  std::string profiles;
  std::string db;
  std::string event;
  int top = 10;
  std::string out;
  bool same_country = false;
  bool interpreters = false;
  std::string wordnet_index;
};

Status RunRecommend(const RecommendOptions& opts) {
  if (opts.top < 0) return InvalidArgumentError("--top: expected a number >= 0");
  std::vector<match::Profile> profiles;
  match::RecommenderOptions options;
  if (!opts.event.empty()) {
    // An event in the store: one profile per organization, and the event's
    // requests, "no thanks" and interpreters taken into account.
    if (opts.db.empty()) return InvalidArgumentError("--event needs --db FILE");
    PONTE_ASSIGN_OR_RETURN(auto store, Store::Open(opts.db, {.read_only = true}));
    PONTE_ASSIGN_OR_RETURN(service::EventData data, service::LoadEventData(*store, opts.event));
    PONTE_ASSIGN_OR_RETURN(std::vector<Profile> stored, store->ListProfiles());
    profiles = service::BuildMatchProfiles(data, stored);
    // Pairs that met at earlier editions: explained and re-weighted.
    PONTE_ASSIGN_OR_RETURN(auto met_before, service::PastMeetingsBefore(*store, data.event));
    options = service::EventRecommenderOptions(data, std::move(met_before));
  } else if (!opts.profiles.empty()) {
    std::ifstream in(opts.profiles, std::ios::binary);
    if (!in) return NotFoundError("cannot open '" + opts.profiles + "'");
    PONTE_ASSIGN_OR_RETURN(profiles, match::ReadProfilesJsonl(in, opts.profiles));
  } else {
    return InvalidArgumentError("give --profiles FILE.jsonl, or --db FILE and --event KEY");
  }

  match::TextModelOptions model_options;
  model_options.data_dir = DataDir();
  model_options.wordnet_index = opts.wordnet_index;
  PONTE_ASSIGN_OR_RETURN(std::shared_ptr<const match::TextModel> model,
                         match::TextModel::Load(model_options));
  options.same_country = opts.same_country;
  options.interpreters_available = options.interpreters_available || opts.interpreters;
  PONTE_ASSIGN_OR_RETURN(std::unique_ptr<match::Recommender> recommender,
                         match::Recommender::Build(model, std::move(profiles), options));
  std::ofstream file;
  if (!opts.out.empty()) {
    file.open(opts.out, std::ios::binary);
    if (!file) return NotFoundError("cannot write '" + opts.out + "'");
  }
  std::ostream& out = opts.out.empty() ? std::cout : file;
  // Streamed in input order, so memory stays bounded for large events.
  recommender->ForEachTopK(
      static_cast<std::size_t>(opts.top),
      [&](std::size_t index, std::vector<match::Recommendation> matches) {
        out << match::RecommendationsJson(recommender->profile(index).id, matches) << '\n';
      });
  if (!out.flush()) return InternalError("failed writing the recommendations");
  return OkStatus();
}

void Setup(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("recommend", "Recommend partners (reciprocal, explained, it/en/zh)");
  auto opts = std::make_shared<RecommendOptions>();
  cmd->add_option("--profiles", opts->profiles, "profiles, one JSON object per line");
  cmd->add_option("--db", opts->db, "database file (with --event)");
  cmd->add_option("--event", opts->event, "recommend for this event's organizations");
  cmd->add_option("--top", opts->top, "partners per profile")->default_val(10);
  cmd->add_option("--out", opts->out, "write JSON lines here instead of stdout");
  cmd->add_flag("--same-country", opts->same_country,
                "also recommend partners of the same country");
  cmd->add_flag("--interpreters", opts->interpreters,
                "interpreters are available (weakens the language-compatibility penalty)");
  cmd->add_option("--wordnet-index", opts->wordnet_index,
                  "compact WordNet bridge (see docs/matching.md); default none");
  BindRun(cmd, [opts] { return RunRecommend(*opts); });
}

PONTE_REGISTER_COMMAND(recommend, 40, Setup);

}  // namespace
}  // namespace ponte::cli
