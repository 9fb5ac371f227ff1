// Copyright 2026 The Jianbao Authors.
//
// StaticFiles: serves the built web UI (web/dist). Unknown paths get the
// SPA's index.html so that client-side routes survive a reload.

#ifndef JIANBAO_HTTP_STATIC_FILES_H_
#define JIANBAO_HTTP_STATIC_FILES_H_

#include <filesystem>
#include <string>

#include "http/request.h"

namespace jianbao::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // Returns the file for req.path: correct Content-Type, an ETag (304 when
  // If-None-Match matches), long-lived caching for hashed assets under
  // /assets/ and no-cache for the rest, a pre-compressed .br/.gz sibling when
  // the client accepts it. Falls back to index.html; 404 when there is no UI build.
  Response Serve(const Request& req) const;

  // Returns the MIME type for a file name by extension.
  static std::string MimeType(const std::string& filename);

 private:
  std::filesystem::path root_;
};

}  // namespace jianbao::http

#endif  // JIANBAO_HTTP_STATIC_FILES_H_
