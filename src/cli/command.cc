#include "cli/command.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace ponte::cli {
namespace {

struct Entry {
  const char* name;
  int order;
  CommandSetup setup;
};

std::vector<Entry>& Registry() {
  static std::vector<Entry> entries;
  return entries;
}

}  // namespace

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kResourceExhausted:
      return kExitInvalidInput;
    case StatusCode::kNotFound:
      return kExitNotFound;
    case StatusCode::kAlreadyExists:
    case StatusCode::kAborted:
    case StatusCode::kFailedPrecondition:
      return kExitConflict;
    default:
      return kExitInternal;
  }
}

void BindRun(CLI::App* command, std::function<Status()> body) {
  command->callback([command, body = std::move(body)] {
    Status status = body();
    if (!status.ok()) {
      std::fprintf(stderr, "ponte %s: error: %s\n", command->get_name().c_str(),
                   status.message().c_str());
      throw CLI::RuntimeError(ExitCodeFor(status));
    }
  });
}

CommandRegistrar::CommandRegistrar(const char* name, int order, CommandSetup setup) {
  Registry().push_back({name, order, setup});
}

void SetupAllCommands(CLI::App& app) {
  auto entries = Registry();
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.order < b.order; });
  for (const Entry& e : entries) e.setup(app);
}

std::string DataDir() {
  if (const char* env = std::getenv("PONTE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return PONTE_DATA_DIR;
}

}  // namespace ponte::cli
