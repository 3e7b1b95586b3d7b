// ponte: the command-line front end. All work happens in the libraries; this
// file only assembles the registered subcommands and maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "ponte — matchmaking, meeting scheduling and roadshow planning for international\n"
      "science, technology and innovation cooperation programmes.",
      "ponte"};
  app.set_version_flag("--version", "ponte " PONTE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 usage, 2 invalid input, 3 not found, 4 conflict, 5 internal.\n"
      "Run 'ponte <command> --help' for the options of a command.");
  ponte::cli::SetupAllCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // already reported by the command
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : ponte::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ponte: internal error: %s\n", e.what());
    return ponte::cli::kExitInternal;
  }
  return ponte::cli::kExitOk;
}
