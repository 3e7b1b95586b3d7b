// How a `ponte` subcommand plugs into the executable.
//
//   // in foo_command.cc
//   namespace {
//   void Setup(CLI::App& app) {
//     auto* cmd = app.add_subcommand("foo", "Does foo");
//     auto opts = std::make_shared<FooOptions>();
//     cmd->add_option("--db", opts->db, "database file")->required();
//     BindRun(cmd, [opts] { return RunFoo(*opts); });
//   }
//   PONTE_REGISTER_COMMAND(foo, 50, Setup);
//   }  // namespace
//
// A command's body returns a Status; BindRun prints a failing Status on stderr
// and turns it into the documented exit code. Commands stay thin: they parse
// flags, call the library, and print.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "core/status.h"

namespace ponte::cli {

// Exit codes of every ponte command (documented in the README).
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,         // bad flags or arguments
  kExitInvalidInput = 2,  // the input data is wrong (file, line, field)
  kExitNotFound = 3,      // a file, event, database or id does not exist
  kExitConflict = 4,      // already exists, concurrent change, wrong schema version
  kExitInternal = 5,      // a bug or an unexpected system failure
};

int ExitCodeFor(const Status& status);

// Runs `body` when the subcommand is chosen; a non-OK Status is printed as
// "ponte <cmd>: error: <message>" and exits with ExitCodeFor(status).
void BindRun(CLI::App* command, std::function<Status()> body);

using CommandSetup = void (*)(CLI::App& app);

// Registers a subcommand; `order` sorts them in --help.
struct CommandRegistrar {
  CommandRegistrar(const char* name, int order, CommandSetup setup);
};

// Calls every registered setup, in order.
void SetupAllCommands(CLI::App& app);

// The data folder shipped with ponte: $PONTE_DATA_DIR, else the build default.
std::string DataDir();

}  // namespace ponte::cli

#define PONTE_REGISTER_COMMAND(name, order, setup) \
  static const ::ponte::cli::CommandRegistrar ponte_command_##name(#name, order, setup)
