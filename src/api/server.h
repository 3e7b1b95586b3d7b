// The HTTP transport: Boost.Beast with C++20 coroutines, one coroutine per
// connection, keep-alive, on a pool of threads. It knows nothing of routes:
// every request goes to one handler. This is the only file of ponte that
// includes Boost (Beast is slow to compile: keep it that way).
//
//   PONTE_ASSIGN_OR_RETURN(auto server, HttpServer::Start({.listen = "127.0.0.1:0"}, handler));
//   std::cout << server->port();
//   server->Wait();  // until Stop() or SIGINT/SIGTERM
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/http.h"
#include "core/status.h"

namespace ponte::api {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free one
  int threads = 2;
  std::size_t max_body_bytes = 16u << 20;
  int idle_timeout_s = 30;
  bool handle_signals = true;  // stop on SIGINT/SIGTERM
};

// Called concurrently from the server's threads.
using Handler = std::function<HttpResponse(HttpRequest&)>;

class HttpServer {
 public:
  virtual ~HttpServer() = default;
  // Binds and starts serving; InvalidArgument for a malformed address,
  // Unavailable when the port is taken.
  static Result<std::unique_ptr<HttpServer>> Start(const ServerOptions& options, Handler handler);
  virtual std::uint16_t port() const = 0;
  virtual void Stop() = 0;
  // Blocks until stopped.
  virtual void Wait() = 0;
};

}  // namespace ponte::api
