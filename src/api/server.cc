#include "api/server.h"

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <string_view>
#include <thread>
#include <vector>

namespace ponte::api {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

HttpRequest FromBeast(http::request<http::string_body>&& in, const std::string& remote) {
  HttpRequest out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  out.remote_address = remote;
  out.headers.reserve(8);
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = std::move(in.body());
  return out;
}

// A response as it goes on the wire: the head serialized here (what Beast's
// serializer wrote: status line, Server, the handler's headers in order,
// Connection when it differs from the version's default, Content-Length) and
// the body, sent together in one gather write. `response` must outlive the
// write (the body is not copied).
struct WireResponse {
  std::string head;
  std::string_view body;
  std::array<asio::const_buffer, 2> Buffers() const {
    return {asio::buffer(head), asio::buffer(body.data(), body.size())};
  }
};

WireResponse ToWire(const HttpResponse& response, unsigned version, bool keep_alive, bool head) {
  const std::string_view body = response.Body();
  WireResponse out;
  out.head.reserve(192 + 64 * response.headers.size());
  out.head += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out.head += std::to_string(response.status);
  out.head += ' ';
  out.head += http::obsolete_reason(static_cast<http::status>(response.status));
  out.head += "\r\nServer: ponte\r\n";
  for (const auto& [name, value] : response.headers) {
    out.head += name;
    out.head += ": ";
    out.head += value;
    out.head += "\r\n";
  }
  if (version >= 11 && !keep_alive) out.head += "Connection: close\r\n";
  if (version < 11 && keep_alive) out.head += "Connection: keep-alive\r\n";
  out.head += "Content-Length: ";
  out.head += std::to_string(body.size());
  out.head += "\r\n\r\n";
  if (!head) out.body = body;
  return out;
}

class BeastServer final : public HttpServer {
 public:
  BeastServer(const ServerOptions& options, Handler handler)
      : options_(options),
        handler_(std::move(handler)),
        ioc_(options.threads),
        acceptor_(ioc_),
        signals_(ioc_) {}

  ~BeastServer() override {
    Stop();
    Wait();
  }

  Status Listen() {
    const std::size_t colon = options_.listen.rfind(':');
    if (colon == std::string::npos) {
      return InvalidArgumentError("--listen '" + options_.listen +
                                  "': expected host:port, e.g. 127.0.0.1:8080");
    }
    std::string host = options_.listen.substr(0, colon);
    if (host.size() > 1 && host.front() == '[' && host.back() == ']') {
      host = host.substr(1, host.size() - 2);
    }
    unsigned long port = 0;  // NOLINT(google-runtime-int)
    try {
      port = std::stoul(options_.listen.substr(colon + 1));
    } catch (...) {
      port = 65536;
    }
    if (port > 65535) {
      return InvalidArgumentError("--listen '" + options_.listen + "': bad port");
    }
    beast::error_code ec;
    const auto address = asio::ip::make_address(host, ec);
    if (ec) {
      return InvalidArgumentError("--listen '" + options_.listen + "': '" + host +
                                  "' is not an IP address");
    }
    const tcp::endpoint endpoint(address, static_cast<std::uint16_t>(port));
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return UnavailableError("cannot listen on " + options_.listen + ": " + ec.message());
    }
    port_ = acceptor_.local_endpoint().port();
    return OkStatus();
  }

  void Run() {
    if (options_.handle_signals) {
      signals_.add(SIGINT);
      signals_.add(SIGTERM);
      signals_.async_wait([this](const beast::error_code& ec, int) {
        if (!ec) Stop();
      });
    }
    asio::co_spawn(ioc_, Accept(), asio::detached);
    for (int i = 0; i < std::max(1, options_.threads); ++i) {
      threads_.emplace_back([this] { ioc_.run(); });
    }
  }

  std::uint16_t port() const override { return port_; }

  void Stop() override {
    if (stopped_.exchange(true)) return;
    asio::post(ioc_, [this] {
      beast::error_code ec;
      acceptor_.close(ec);
      signals_.cancel(ec);
    });
    ioc_.stop();
  }

  void Wait() override {
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  asio::awaitable<void> Accept() {
    while (acceptor_.is_open()) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (!acceptor_.is_open()) co_return;
        continue;
      }
      asio::co_spawn(acceptor_.get_executor(), Serve(beast::tcp_stream(std::move(socket))),
                     asio::detached);
    }
  }

  asio::awaitable<void> Serve(beast::tcp_stream stream) {
    beast::flat_buffer buffer;
    beast::error_code ec;
    std::string remote;
    {
      const auto endpoint = stream.socket().remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
    }
    stream.socket().set_option(tcp::no_delay(true), ec);
    while (true) {
      stream.expires_after(std::chrono::seconds(options_.idle_timeout_s));
      http::request_parser<http::string_body> parser;
      parser.body_limit(options_.max_body_bytes);
      parser.header_limit(64 * 1024);
      auto [read_ec, n] =
          co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      (void)n;
      if (read_ec == http::error::end_of_stream || read_ec == asio::error::eof) break;
      if (read_ec) {
        if (read_ec == http::error::body_limit || read_ec == http::error::header_limit) {
          const HttpResponse too_big = HttpResponse::Json(
              413,
              R"({"error":{"code":"payload_too_large","message":"the request is too large","details":{}}})");
          const WireResponse wire = ToWire(too_big, 11, false, false);
          co_await asio::async_write(stream, wire.Buffers(), asio::as_tuple(asio::use_awaitable));
        } else if (read_ec != beast::error::timeout && read_ec != asio::error::connection_reset) {
          const HttpResponse bad = HttpResponse::Json(
              400,
              R"({"error":{"code":"bad_request","message":"malformed HTTP request","details":{}}})");
          const WireResponse wire = ToWire(bad, 11, false, false);
          co_await asio::async_write(stream, wire.Buffers(), asio::as_tuple(asio::use_awaitable));
        }
        break;
      }
      http::request<http::string_body> request = parser.release();
      const bool keep_alive = request.keep_alive();
      const unsigned version = request.version();
      const bool head = request.method() == http::verb::head;
      HttpRequest req = FromBeast(std::move(request), remote);
      HttpResponse out;
      try {
        out = handler_(req);
      } catch (const std::exception& e) {
        out = HttpResponse::Json(
            500, R"({"error":{"code":"internal","message":"internal error","details":{}}})");
      }
      const WireResponse wire = ToWire(out, version, keep_alive, head);
      auto [write_ec, written] =
          co_await asio::async_write(stream, wire.Buffers(), asio::as_tuple(asio::use_awaitable));
      (void)written;
      if (write_ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  ServerOptions options_;
  Handler handler_;
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  std::vector<std::thread> threads_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopped_{false};
};

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const ServerOptions& options,
                                                      Handler handler) {
  auto server = std::make_unique<BeastServer>(options, std::move(handler));
  PONTE_RETURN_IF_ERROR(server->Listen());
  server->Run();
  return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace ponte::api
