// The server application: the route table, the dispatch every request goes
// through (request id, authentication, CSRF, access check, one error shape,
// structured log line), a pool of store connections, and the background work
// (scheduling jobs, request expiry and reminders, the mail outbox).
//
// Handlers are thin: they parse, call a `service` function, serialize. The
// api adds routes in routes_*.cc; the portal (component `web`) adds its pages
// to the same router.
//
//   PONTE_ASSIGN_OR_RETURN(auto app, App::Create({.db = "demo.db"}));
//   PONTE_ASSIGN_OR_RETURN(auto server, HttpServer::Start({}, app->handler()));
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "api/router.h"
#include "api/server.h"
#include "service/accounts.h"
#include "service/workflow.h"
#include "store/store.h"

namespace ponte::api {

struct AppOptions {
  std::string db;  // a SQLite path (or, later, a postgresql:// URI)
  std::string base_url = "http://127.0.0.1:8080";
  std::string data_dir;  // ponte's data/ (text models for matching)
  service::AccountOptions accounts;
  service::WorkflowOptions workflow;
  // Background work: scheduling jobs, request expiry, reminders, outbox.
  bool background = true;
  int background_interval_ms = 500;
  std::string worker;  // this server's name in the jobs table; default host:pid
  // A running job whose server has not written to it for this long is taken
  // over by another server (its server is presumed dead).
  int job_stale_s = 30;
  bool secure_cookies = false;  // add Secure (behind HTTPS)
  // Peers (IP addresses) whose Forwarded / X-Forwarded-For name the client:
  // the address login throttling counts and the log line shows. Empty: the
  // headers are ignored (anyone could write them).
  std::vector<std::string> trusted_proxies;
  const Clock* clock = nullptr;  // default: the system clock
  // More routes (the portal adds its pages), installed after the API's.
  std::vector<std::function<void(class App&)>> extensions;
};

class App {
 public:
  static Result<std::unique_ptr<App>> Create(AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Router& router() { return router_; }
  const AppOptions& options() const { return options_; }
  const Clock& clock() const { return *clock_; }

  // In-process callers (tests, the portal calling the API) get the whole body
  // in `body`; the transport's handler() may get a memoized `shared_body`.
  HttpResponse Handle(HttpRequest& request);
  Handler handler() {
    return [this](HttpRequest& r) { return Respond(r); };
  }

  // Runs `f(store)` with a connection from the pool.
  template <typename F>
  auto WithStore(F&& f) {
    Lease lease(*this);
    return f(*lease.store);
  }

  // Derived results (response bodies, the caller behind a token, events by
  // key) kept per store connection while its ChangeStamp stays the same:
  // exact, since any write anywhere changes the stamp. `compute` runs on a
  // miss or when the store gives no stamp. The stamp is the one read when
  // the request came in (`c.stamp`) for GET and HEAD, whose handlers do not
  // write; other methods read it again.
  Result<std::shared_ptr<const std::string>> Memo(
      const RequestContext& c, const std::string& key,
      const std::function<Result<std::string>()>& compute);

  // Background work; Create starts it when options.background is set.
  void StartBackground();
  void StopBackground();
  // One round of background work (tests call it directly).
  void BackgroundRound();

  // The session cookie for a sign-in, with the flags the options ask for.
  std::string SessionCookie(const std::string& token, Instant expires) const;
  std::string ClearSessionCookie() const;

 private:
  explicit App(AppOptions options);

  struct Lease {
    explicit Lease(App& app);
    ~Lease();
    App& app;
    std::unique_ptr<Store> store;
  };
  Result<std::unique_ptr<Store>> OpenStore() const;
  HttpResponse Respond(HttpRequest& request);
  Result<HttpResponse> Dispatch(HttpRequest& request, RequestContext*& context_out,
                                std::string& request_id, Store& store);
  void RunJob(Store& store, Job job);

  AppOptions options_;
  const Clock* clock_;
  Router router_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Store>> pool_;
  std::atomic<std::uint64_t> next_request_{1};

  // Memo entries are shared read-only with the requests that use them.
  struct Memoized {
    std::uint64_t stamp = 0;
    std::shared_ptr<const std::string> value;
  };
  std::mutex memo_mutex_;
  std::unordered_map<std::string, Memoized> memo_;
  struct KnownActor {
    std::uint64_t stamp = 0;
    Instant at;
    std::shared_ptr<const service::Actor> actor;
  };
  std::unordered_map<std::string, KnownActor> actors_;
  Result<std::shared_ptr<const service::Actor>> AuthenticateCached(
      Store& store, std::optional<std::uint64_t> stamp, const std::string& token);
  std::unordered_map<std::string, std::pair<std::uint64_t, std::shared_ptr<const Event>>> events_;
  Result<std::shared_ptr<const Event>> EventCached(Store& store, std::optional<std::uint64_t> stamp,
                                                   const std::string& key);

  std::thread background_;
  std::mutex background_mutex_;
  std::condition_variable background_wake_;
  bool background_stop_ = false;
  Instant last_sweep_{};
};

// Serves `app` until SIGINT/SIGTERM; `ready` is told the port once listening.
Status Serve(App& app, const ServerOptions& options,
             const std::function<void(std::uint16_t port)>& ready);

// Adds the routes of the JSON API (routes_*.cc).
void AddHealthRoutes(App& app);
void AddAccountRoutes(App& app);
void AddRegistryRoutes(App& app);
void AddRequestRoutes(App& app);
void AddScheduleRoutes(App& app);
void AddAgendaRoutes(App& app);
void AddNewsRoutes(App& app);  // routes_news.cc: news, images, /media, feeds
void AddReportRoutes(App& app);
void AddOutcomeRoutes(App& app);
void AddOpenApiRoute(App& app);

// The OpenAPI 3 document of every route the app has.
nlohmann::json OpenApiDocument(const Router& router);

}  // namespace ponte::api
