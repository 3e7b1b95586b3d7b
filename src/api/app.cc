#include "api/app.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <exception>

#include "api/errors.h"
#include "service/follow_up.h"

namespace ponte::api {
namespace {

bool SafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<unsigned char>(
        diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
  }
  return diff == 0;
}

// A request id from the client is kept when it is short and plain.
std::string RequestId(const HttpRequest& request, std::uint64_t counter) {
  const std::string_view given = request.Header("x-request-id");
  if (!given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      })) {
    return std::string(given);
  }
  static const std::string prefix = std::to_string(::getpid()) + "-";
  return prefix + std::to_string(counter);
}

// The credential a request carries: a bearer token or the session cookie.
struct Presented {
  std::string token;
  bool cookie = false;
};

Presented CredentialOf(const HttpRequest& request) {
  const std::string_view auth = request.Header("authorization");
  if (auth.size() > 7 && (auth.starts_with("Bearer ") || auth.starts_with("bearer "))) {
    return {std::string(auth.substr(7)), false};
  }
  if (auto cookie = request.Cookie("ponte_session")) return {*cookie, true};
  return {};
}

// The CSRF token of a form post: header first, then a `_csrf` form field.
std::string CsrfOf(const HttpRequest& request) {
  if (std::string_view h = request.Header("x-csrf-token"); !h.empty()) return std::string(h);
  if (request.Header("content-type").starts_with("application/x-www-form-urlencoded")) {
    for (const auto& [k, v] : ParseQuery(request.body)) {
      if (k == "_csrf") return v;
    }
  }
  return {};
}

}  // namespace

// ---- construction and the store pool ---------------------------------------------------

App::App(AppOptions options)
    : options_(std::move(options)), clock_(options_.clock ? options_.clock : &SystemClock()) {
  if (options_.worker.empty()) {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    options_.worker = std::string(host) + ":" + std::to_string(::getpid());
  }
  options_.accounts.base_url = options_.base_url;
  options_.workflow.base_url = options_.base_url;
}

Result<std::unique_ptr<App>> App::Create(AppOptions options) {
  std::unique_ptr<App> app(new App(std::move(options)));
  // Fail early on a missing or foreign database, and keep one connection.
  PONTE_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, app->OpenStore());
  app->pool_.push_back(std::move(store));
  AddHealthRoutes(*app);
  AddAccountRoutes(*app);
  AddRegistryRoutes(*app);
  AddRequestRoutes(*app);
  AddScheduleRoutes(*app);
  AddAgendaRoutes(*app);
  AddNewsRoutes(*app);
  AddReportRoutes(*app);
  AddOutcomeRoutes(*app);
  AddOpenApiRoute(*app);
  for (const auto& extend : app->options_.extensions) extend(*app);
  app->last_sweep_ = app->clock_->Now();
  if (app->options_.background) app->StartBackground();
  return app;
}

App::~App() { StopBackground(); }

Result<std::unique_ptr<Store>> App::OpenStore() const {
  return Store::Open(options_.db, {.create_if_missing = false});
}

App::Lease::Lease(App& a) : app(a) {
  {
    std::lock_guard lock(app.pool_mutex_);
    if (!app.pool_.empty()) {
      store = std::move(app.pool_.back());
      app.pool_.pop_back();
      return;
    }
  }
  auto opened = app.OpenStore();
  if (opened.ok()) store = std::move(*opened);
}

App::Lease::~Lease() {
  if (!store) return;
  std::lock_guard lock(app.pool_mutex_);
  app.pool_.push_back(std::move(store));
}

std::string App::SessionCookie(const std::string& token, Instant expires) const {
  const auto max_age = std::chrono::duration_cast<Seconds>(expires - clock_->Now()).count();
  return "ponte_session=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(std::max<std::int64_t>(0, max_age)) +
         (options_.secure_cookies ? "; Secure" : "");
}

std::string App::ClearSessionCookie() const {
  return std::string("ponte_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0") +
         (options_.secure_cookies ? "; Secure" : "");
}

// ---- dispatch ----------------------------------------------------------------------------

HttpResponse App::Handle(HttpRequest& request) {
  HttpResponse response = Respond(request);
  if (response.shared_body) {
    response.body = *response.shared_body;
    response.shared_body.reset();
  }
  return response;
}

HttpResponse App::Respond(HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  if (!options_.trusted_proxies.empty()) {
    request.remote_address = ClientAddress(request, options_.trusted_proxies);
  }
  const std::string request_id = RequestId(request, next_request_++);
  HttpResponse response;
  std::string user = "-";
  {
    Lease lease(*this);
    if (!lease.store) {
      response = ErrorResponse(UnavailableError("the database cannot be opened"));
    } else {
      RequestContext* context = nullptr;
      std::string id = request_id;
      // Handlers return Status; an exception that escapes one anyway (a
      // library's, e.g. nlohmann::json on a wrong type) must not take the
      // whole server down: it answers 500 and is logged.
      try {
        Result<HttpResponse> r = Dispatch(request, context, id, *lease.store);
        response = r.ok() ? std::move(*r) : ErrorResponse(r.status());
      } catch (const std::exception& e) {
        response = ErrorResponse(InternalError(std::string("uncaught exception: ") + e.what()));
      }
    }
  }
  response.Set("X-Request-Id", request_id);
  if (response.Get("Cache-Control").empty()) response.Set("Cache-Control", "no-store");
  response.Set("X-Content-Type-Options", "nosniff");
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (response.status >= 500) {
    spdlog::error("request_id={} method={} path={} status={} ms={:.2f} remote={}", request_id,
                  request.method, request.path, response.status, ms, request.remote_address);
  } else {
    spdlog::info("request_id={} method={} path={} status={} ms={:.2f} remote={}", request_id,
                 request.method, request.path, response.status, ms, request.remote_address);
  }
  return response;
}

Result<HttpResponse> App::Dispatch(HttpRequest& request, RequestContext*& context_out,
                                   std::string& request_id, Store& store) {
  if (!SplitTarget(request)) {
    return InvalidArgumentError("request target: malformed path or query");
  }
  std::vector<std::pair<std::string, std::string>> params;
  auto found = router_.Find(request.method, request.path, params);
  if (!found.ok()) {
    if (found.status().code() == StatusCode::kFailedPrecondition) {
      return MethodNotAllowed(found.status().message());
    }
    return found.status();
  }
  const Route& route = **found;
  RequestContext context{request, std::move(params), store,      *clock_,
                         nullptr, nullptr,           request_id, this};
  context_out = &context;
  // One read of the stamp serves the caller, the event and the handler's memo.
  context.stamp = store.ChangeStamp();

  // Who is calling.
  const Presented presented = CredentialOf(request);
  if (!presented.token.empty()) {
    auto actor = AuthenticateCached(store, context.stamp, presented.token);
    if (actor.ok()) {
      if ((*actor)->credential == CredentialKind::kCalendarFeed) {
        // Feed tokens only read calendars (their routes take them in the URL).
        actor = UnauthenticatedError("a calendar-feed token cannot sign in");
      } else if (presented.cookie != ((*actor)->credential == CredentialKind::kSession)) {
        actor = UnauthenticatedError("this credential is not valid here");
      }
    }
    if (actor.ok()) {
      context.actor = std::move(*actor);
    } else if (route.spec.access != Access::kPublic) {
      return actor.status();
    }
  }
  // Browser sessions must echo their CSRF token on every unsafe request.
  if (context.actor && presented.cookie && !SafeMethod(request.method) &&
      !ConstantTimeEqual(CsrfOf(request), context.actor->csrf_token)) {
    return PermissionDeniedError(
        "missing or wrong CSRF token: send the X-CSRF-Token header this session was given");
  }
  if (route.spec.access != Access::kPublic && !context.actor) {
    return UnauthenticatedError("sign in first (session cookie or Authorization: Bearer token)");
  }
  if (!context.Param("event").empty()) {
    auto event = EventCached(store, context.stamp, context.Param("event"));
    if (!event.ok()) return event.status();
    context.event = std::move(*event);
  }
  if (route.spec.access == Access::kEvent) {
    const EventId event = context.event ? context.event->id : EventId();
    const service::Actor& actor = *context.actor;
    bool allowed = actor.IsOrganizer(event);
    for (const Membership& m : actor.memberships) {
      if (m.event != event) continue;
      if (route.spec.roles.empty() || std::find(route.spec.roles.begin(), route.spec.roles.end(),
                                                m.role) != route.spec.roles.end()) {
        allowed = true;
      }
    }
    if (!allowed) {
      return PermissionDeniedError("your role in event '" +
                                   (context.event ? context.event->key : std::string()) +
                                   "' does not allow this");
    }
  }
  Result<HttpResponse> out = route.handler(context);
  context_out = nullptr;
  return out;
}

Status Serve(App& app, const ServerOptions& options,
             const std::function<void(std::uint16_t port)>& ready) {
  PONTE_ASSIGN_OR_RETURN(std::unique_ptr<HttpServer> server,
                         HttpServer::Start(options, app.handler()));
  if (ready) ready(server->port());
  server->Wait();
  app.StopBackground();
  return OkStatus();
}

// ---- memoized results ----------------------------------------------------------------

namespace {

constexpr std::size_t kMemoLimit = 20000;
// Signed-in callers are looked up again at least this often, so an expired
// or revoked credential stops working within it even without a write.
constexpr Seconds kActorTtl{30};

std::string ConnectionKey(const Store& store, const std::string& key) {
  return std::to_string(reinterpret_cast<std::uintptr_t>(&store)) + "|" + key;
}

}  // namespace

Result<std::shared_ptr<const std::string>> App::Memo(
    const RequestContext& c, const std::string& key,
    const std::function<Result<std::string>()>& compute) {
  const std::optional<std::uint64_t> stamp =
      SafeMethod(c.request.method) ? c.stamp : c.store.ChangeStamp();
  if (!stamp) {
    PONTE_ASSIGN_OR_RETURN(std::string value, compute());
    return std::make_shared<const std::string>(std::move(value));
  }
  const std::string full = ConnectionKey(c.store, key);
  {
    std::lock_guard lock(memo_mutex_);
    auto it = memo_.find(full);
    if (it != memo_.end() && it->second.stamp == *stamp) return it->second.value;
  }
  PONTE_ASSIGN_OR_RETURN(std::string computed, compute());
  auto value = std::make_shared<const std::string>(std::move(computed));
  std::lock_guard lock(memo_mutex_);
  if (memo_.size() >= kMemoLimit) memo_.clear();
  memo_[full] = Memoized{*stamp, value};
  return value;
}

// Keyed by the token itself, not its hash: the memo is process memory that
// already sees every token in the requests, and hashing cost a BLAKE2b and a
// hex encoding per request.
Result<std::shared_ptr<const service::Actor>> App::AuthenticateCached(
    Store& store, std::optional<std::uint64_t> stamp, const std::string& token) {
  const Instant now = clock_->Now();
  const std::string full = ConnectionKey(store, token);
  if (stamp) {
    std::lock_guard lock(memo_mutex_);
    auto it = actors_.find(full);
    if (it != actors_.end() && it->second.stamp == *stamp && now - it->second.at < kActorTtl) {
      return it->second.actor;
    }
  }
  PONTE_ASSIGN_OR_RETURN(service::Actor found, service::Authenticate(store, *clock_, token));
  auto actor = std::make_shared<const service::Actor>(std::move(found));
  if (stamp) {
    std::lock_guard lock(memo_mutex_);
    if (actors_.size() >= kMemoLimit) actors_.clear();
    actors_[full] = KnownActor{*stamp, now, actor};
  }
  return actor;
}

Result<std::shared_ptr<const Event>> App::EventCached(Store& store,
                                                      std::optional<std::uint64_t> stamp,
                                                      const std::string& key) {
  const std::string full = ConnectionKey(store, key);
  if (stamp) {
    std::lock_guard lock(memo_mutex_);
    auto it = events_.find(full);
    if (it != events_.end() && it->second.first == *stamp) return it->second.second;
  }
  PONTE_ASSIGN_OR_RETURN(Event found, store.GetEvent(key));
  auto event = std::make_shared<const Event>(std::move(found));
  if (stamp) {
    std::lock_guard lock(memo_mutex_);
    if (events_.size() >= kMemoLimit) events_.clear();
    events_[full] = {*stamp, event};
  }
  return event;
}

// ---- background work --------------------------------------------------------------------

void App::StartBackground() {
  if (background_.joinable()) return;
  background_stop_ = false;
  background_ = std::thread([this] {
    std::unique_lock lock(background_mutex_);
    while (!background_stop_) {
      lock.unlock();
      BackgroundRound();
      lock.lock();
      background_wake_.wait_for(lock, std::chrono::milliseconds(options_.background_interval_ms),
                                [this] { return background_stop_; });
    }
  });
}

void App::StopBackground() {
  {
    std::lock_guard lock(background_mutex_);
    background_stop_ = true;
  }
  background_wake_.notify_all();
  if (background_.joinable()) background_.join();
}

void App::BackgroundRound() {
  Lease lease(*this);
  if (!lease.store) return;
  Store& store = *lease.store;
  const Instant now = clock_->Now();
  // Requests: expiry and reminders, once a minute.
  if (now - last_sweep_ >= Seconds(60)) {
    auto swept = service::SweepRequests(store, *clock_, last_sweep_, options_.workflow);
    if (!swept.ok()) spdlog::warn("request sweep: {}", swept.status().ToString());
    // Follow-up rounds after events: asks organizations that have not
    // reported an outcome (once per round, across servers).
    auto followed = service::SweepFollowUps(store, *clock_, {.base_url = options_.base_url});
    if (!followed.ok()) spdlog::warn("follow-up sweep: {}", followed.status().ToString());
    last_sweep_ = now;
  }
  // Mail: no mail server is assumed; the default sender writes to the log.
  auto unsent = store.ListOutbox(50, /*unsent_only=*/true);
  if (unsent.ok()) {
    for (const OutboxMessage& m : *unsent) {
      spdlog::info("mail id={} to={} kind={} subject=\"{}\"", m.id, m.to, m.kind, m.subject);
      (void)store.MarkMessageSent(m.id, now);
    }
  }
  // Jobs: a queued one, or one whose server stopped reporting.
  auto claimed = store.ClaimJob(options_.worker, now, Seconds(options_.job_stale_s));
  if (claimed.ok() && claimed->has_value()) RunJob(store, std::move(**claimed));
}

void App::RunJob(Store& store, Job job) {
  spdlog::info("job id={} kind={} event={} started by worker={}", job.id.value(), job.kind,
               job.event.value(), options_.worker);
  Status s = service::RunJob(store, *clock_, job, [this] {
    std::lock_guard lock(background_mutex_);
    return background_stop_;
  });
  if (s.code() == StatusCode::kCancelled) {
    spdlog::warn("job id={} interrupted: {}", job.id.value(), s.message());
  } else if (!s.ok()) {
    spdlog::error("job id={} failed: {}", job.id.value(), s.ToString());
    job.state = JobState::kFailed;
    job.error = s.message();
    job.updated_at = clock_->Now();
    (void)store.UpdateJob(job);
  } else {
    spdlog::info("job id={} ended {}", job.id.value(), ToCode(job.state));
  }
}

}  // namespace ponte::api
