// Serving a database over HTTP, shared by `ponte serve` and `ponte demo`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace ponte::cli {

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string base_url;
  int threads = 2;
  std::string log_level = "info";
  bool no_jobs = false;
  std::vector<std::string> trusted_proxies;  // --trusted-proxy, repeatable
  int job_stale_s = 30;  // hidden --job-stale-seconds: tests take a dead server's job sooner
};

// Serves until SIGINT/SIGTERM; `ready` gets the port once listening.
Status ServeDatabase(const ServeOptions& options, const std::function<void(std::uint16_t)>& ready);

}  // namespace ponte::cli
