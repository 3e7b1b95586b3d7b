// ponte serve --db FILE [--listen HOST:PORT]: the HTTP/JSON API (and the
// portal, when built) over a database.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <memory>

#include "api/app.h"
#include "cli/command.h"
#include "cli/serve.h"
#ifdef PONTE_HAS_PORTAL  // set by CMake when the web component is built
#include "web/portal.h"
#endif

namespace ponte::cli {

Status ServeDatabase(const ServeOptions& options, const std::function<void(std::uint16_t)>& ready) {
  spdlog::set_level(spdlog::level::from_str(options.log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  api::AppOptions app_options;
  app_options.db = options.db;
  app_options.data_dir = DataDir();
  app_options.background = !options.no_jobs;
  app_options.job_stale_s = options.job_stale_s;
  app_options.trusted_proxies = options.trusted_proxies;
  app_options.base_url = options.base_url.empty() ? "http://" + options.listen : options.base_url;
#ifdef PONTE_HAS_PORTAL
  app_options.extensions.push_back([](api::App& app) { web::InstallPortal(app); });
#endif
  PONTE_ASSIGN_OR_RETURN(auto app, api::App::Create(app_options));
  api::ServerOptions server;
  server.listen = options.listen;
  server.threads = options.threads;
  return api::Serve(*app, server, ready);
}

namespace {

// "postgresql://app:secret@host/db" is shown as "postgresql://app:***@host/db".
std::string WithoutPassword(const std::string& db) {
  const std::size_t scheme = db.find("://");
  const std::size_t at = db.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return db;
  const std::size_t colon = db.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon + 1) + "***" + db.substr(at);
}

void Setup(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP/JSON API and the portal over a database");
  auto options = std::make_shared<ServeOptions>();
  cmd->add_option("--db", options->db, "database: a SQLite file or a postgresql:// URI")
      ->required();
  cmd->add_option("--listen", options->listen, "address and port (port 0: any free one)")
      ->capture_default_str();
  cmd->add_option("--base-url", options->base_url, "public URL, for links in mails");
  cmd->add_option("--threads", options->threads, "server threads")->capture_default_str();
  cmd->add_option("--trusted-proxy", options->trusted_proxies,
                  "a reverse proxy's IP address whose Forwarded / X-Forwarded-For name the "
                  "client (repeat for several)");
  cmd->add_option("--log-level", options->log_level, "trace, debug, info, warn, error, off")
      ->capture_default_str();
  cmd->add_flag("--no-jobs", options->no_jobs,
                "do not run background jobs here (another server runs them)");
  // Hidden: how long a running job may go without a write before another
  // server takes it over (the multi-server test uses a few seconds).
  cmd->add_option("--job-stale-seconds", options->job_stale_s)
      ->check(CLI::Range(1, 86400))
      ->group("");
  BindRun(cmd, [options] {
    return ServeDatabase(*options, [&](std::uint16_t port) {
      const std::string host = options->listen.substr(0, options->listen.rfind(':'));
      std::printf("ponte serving %s at http://%s:%u/ (Ctrl-C stops)\n",
                  WithoutPassword(options->db).c_str(), host.c_str(), port);
      std::fflush(stdout);
    });
  });
}

}  // namespace
PONTE_REGISTER_COMMAND(serve, 15, Setup);
}  // namespace ponte::cli
