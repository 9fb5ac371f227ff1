// Copyright 2026 The Jianbao Authors.
//
// Boost 1.74's asio with GCC 12 in C++20 mode needs <utility> first.
#include <utility>
// clang-format off
#include <restinio/all.hpp>
// clang-format on

#include "http/server.h"

#include <spdlog/spdlog.h>

#include <thread>
#include <vector>

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
  auto resp = rq->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)}, ""});
  for (auto& [k, v] : r.headers) resp.append_header(k, v);
  const bool head = rq->header().method() == restinio::http_method_head();
  if (!head && r.status != 204 && r.status != 304) {
    resp.set_body(std::move(r.body));
  }
  return resp.done();
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
          .request_handler([&app](const restinio::request_handle_t& rq) {
            return Reply(rq, app.Handle(ToRequest(rq)));
          })};

  Status result;
  asio::signal_set signals(ioctx, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", sig);
    server.close_async([&ioctx] { ioctx.stop(); },
                       [&ioctx](std::exception_ptr) { ioctx.stop(); });
  });
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
