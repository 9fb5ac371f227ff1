// Copyright 2026 The Jianbao Authors.
//
// Boost 1.74's asio with GCC 12 in C++20 mode needs <utility> first.
#include <utility>
// clang-format off
#include <restinio/all.hpp>
// clang-format on

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "http/server.h"

namespace jianbao::http {
namespace {

using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

Request ToRequest(const restinio::request_handle_t& rq) {
  Request req;
  const auto& h = rq->header();
  req.method = std::string(h.method().c_str());
  req.path = PercentDecode(std::string(h.path()), false);
  req.query = ParseQuery(std::string(h.query()));
  for (const auto& field : h) {
    std::string name(field.name());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.headers[name] = std::string(field.value());
  }
  req.body = rq->body();
  try {
    req.remote_ip = rq->remote_endpoint().address().to_string();
  } catch (const std::exception&) {
  }
  return req;
}

restinio::request_handling_status_t Reply(const restinio::request_handle_t& rq, Response r) {
  const restinio::http_status_line_t line{
      restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)}, ""};
  if (rq->header().method() == restinio::http_method_head()) {
    // A HEAD answer carries the Content-Length the GET body would have.
    auto resp = rq->create_response<restinio::user_controlled_output_t>(line);
    for (auto& [k, v] : r.headers) resp.append_header(k, v);
    if (r.status != 204 && r.status != 304) resp.set_content_length(r.body.size());
    return resp.done();
  }
  auto resp = rq->create_response(line);
  for (auto& [k, v] : r.headers) resp.append_header(k, v);
  if (r.status != 204 && r.status != 304) {
    resp.set_body(std::move(r.body));
  }
  return resp.done();
}

// Counts a request from the moment it is parsed until its answer is handed
// to the connection. Shared by the posted handler (see RunServer).
class InFlight {
 public:
  explicit InFlight(std::atomic<int>* n) : n_(n) { ++*n_; }
  ~InFlight() { --*n_; }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  std::atomic<int>* n_;
};

// How many requests one connection may have parsed and waiting for their
// answers (HTTP/1.1 pipelining); answers still go out in request order.
constexpr std::size_t kMaxPipelinedRequests = 4;

// Ends the process without waiting for handler threads that do not return.
[[noreturn]] void ForceExit(int running, const char* why) {
  spdlog::warn("{} with {} request(s) still running: exiting without them", why, running);
  spdlog::default_logger()->flush();
  std::_Exit(0);
}

}  // namespace

Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& listen) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos) {
    return Status::Invalid("listen", "invalid_listen", "listen must be HOST:PORT, got " + listen);
  }
  std::string host = listen.substr(0, colon);
  if (host.empty()) host = "127.0.0.1";
  try {
    size_t pos = 0;
    const int port = std::stoi(listen.substr(colon + 1), &pos);
    if (pos == listen.size() - colon - 1 && port > 0 && port < 65536) {
      return std::make_pair(host, static_cast<uint16_t>(port));
    }
  } catch (const std::exception&) {
  }
  return Status::Invalid("listen", "invalid_listen", "invalid port in " + listen);
}

Status RunServer(App& app, const ServerOptions& options, const std::function<void()>& on_ready) {
  asio::io_context ioctx;
  std::atomic<int> in_flight{0};
  restinio::incoming_http_msg_limits_t limits;
  limits.max_body_size(options.max_body_bytes);
  limits.max_field_count(100);
  limits.max_field_value_size(16 * 1024);
  limits.max_url_size(8 * 1024);

  restinio::http_server_t<Traits> server{
      restinio::external_io_context(ioctx),
      restinio::server_settings_t<Traits>{}
          .port(options.port)
          .address(options.address)
          .incoming_http_msg_limits(limits)
          .read_next_http_message_timelimit(std::chrono::seconds(options.read_timeout_seconds))
          .write_http_response_timelimit(std::chrono::seconds(options.write_timeout_seconds))
          .handle_request_timeout(std::chrono::seconds(options.write_timeout_seconds))
          .max_pipelined_requests(kMaxPipelinedRequests)
          // The handler never answers from inside this callback: it posts the
          // work and returns "accepted". RESTinio 0.6 decides whether to read
          // the next request of a keep-alive connection from the state of its
          // response table when a write starts; an answer written from inside
          // the callback frees the slot before RESTinio looks, so it resumes
          // reading twice: the second time it resets the parser in the middle
          // of a request whose body is still on its way (the request is lost
          // and the connection closed), or registers one request too many
          // ("response_context_table is full", connection closed). Posting
          // keeps the order RESTinio expects: parse, register, answer later.
          // tests/http/test_keepalive.py reproduces both.
          .request_handler([&app, &in_flight, &ioctx](const restinio::request_handle_t& rq) {
            auto counted = std::make_shared<InFlight>(&in_flight);
            asio::post(ioctx, [&app, rq, counted] {
              try {
                Reply(rq, app.Handle(ToRequest(rq)));
              } catch (const std::exception& e) {  // e.g. the connection is gone
                spdlog::warn("cannot answer {} {}: {}", std::string(rq->header().method().c_str()),
                             std::string(rq->header().path()), e.what());
              }
            });
            return restinio::request_accepted();
          })};

  Status result;
  asio::signal_set signals(ioctx, SIGINT, SIGTERM);
  asio::steady_timer drain(ioctx);
  std::chrono::steady_clock::time_point grace_end{};  // set by the first signal
  std::function<void(const asio::error_code&)> check_drained = [&](const asio::error_code& ec) {
    if (ec) return;
    if (in_flight.load() == 0) {
      spdlog::info("all requests finished; stopped");
      ioctx.stop();
      return;
    }
    if (std::chrono::steady_clock::now() >= grace_end) {
      ForceExit(in_flight.load(), "the shutdown grace is over");
    }
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait(check_drained);
  };
  std::function<void(const asio::error_code&, int)> on_signal = [&](const asio::error_code& ec,
                                                                    int sig) {
    if (ec) return;
    if (grace_end != std::chrono::steady_clock::time_point{}) {
      ForceExit(in_flight.load(), "a second signal");
    }
    spdlog::info("signal {}: no new connections; {} request(s) may finish within {} s", sig,
                 in_flight.load(), options.shutdown_grace_seconds);
    grace_end = std::chrono::steady_clock::now() +
                std::chrono::seconds(std::max(0, options.shutdown_grace_seconds));
    signals.async_wait(on_signal);
    server.close_async([&] { check_drained({}); }, [&](std::exception_ptr) { check_drained({}); });
  };
  signals.async_wait(on_signal);
  server.open_async(
      [&] {
        spdlog::info("listening on http://{}:{}", options.address, options.port);
        if (on_ready) on_ready();
      },
      [&](std::exception_ptr ex) {
        try {
          std::rethrow_exception(ex);
        } catch (const std::exception& e) {
          result = Status(Code::kUnavailable, "listen_failed",
                          "cannot listen on " + options.address + ":" +
                              std::to_string(options.port) + ": " + e.what(),
                          "listen");
        }
        ioctx.stop();
      });
  std::vector<std::thread> pool;
  for (int i = 1; i < options.threads; ++i) pool.emplace_back([&ioctx] { ioctx.run(); });
  ioctx.run();
  for (auto& t : pool) t.join();
  return result;
}

}  // namespace jianbao::http
