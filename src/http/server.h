// Copyright 2026 The Jianbao Authors.
//
// Server: the HTTP listener. The only file that includes RESTinio (heavy to
// compile); everything else sees Request/Response and App.

#ifndef JIANBAO_HTTP_SERVER_H_
#define JIANBAO_HTTP_SERVER_H_

#include <cstdint>
#include <string>

#include "core/status.h"
#include "http/app.h"

namespace jianbao::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 8;                       // handlers block on the database, so more than cores
  uint64_t max_body_bytes = 32 << 20;    // hard limit before routing; routes set smaller ones
  int read_timeout_seconds = 30;         // to receive a whole request
  int write_timeout_seconds = 60;
  int shutdown_grace_seconds = 10;       // how long running requests may finish after a signal
};

// Serves `app` until SIGINT or SIGTERM, then stops accepting and lets running
// requests finish for up to `shutdown_grace_seconds`; returns OK once none
// runs. When the grace is over with requests still running (a stuck
// handler), or on a second signal, it logs them and ends the process at once
// (exit status 0): a stuck request never keeps the server alive. Returns an error when the address cannot be
// bound. `on_ready` runs once the socket is listening.
Status RunServer(App& app, const ServerOptions& options, const std::function<void()>& on_ready);

// Parses "HOST:PORT" (or ":PORT"). Returns kInvalidArgument naming "listen".
Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& listen);

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_SERVER_H_
