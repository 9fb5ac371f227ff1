// Copyright 2026 The Jianbao Authors.

#include "http/static_files.h"

#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace jianbao::http {
namespace fs = std::filesystem;

namespace {

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Returns the regular file under root for a URL path, or an empty path.
fs::path Resolve(const fs::path& root, const std::string& url_path) {
  if (url_path.find("..") != std::string::npos || url_path.find('\0') != std::string::npos) {
    return {};
  }
  std::string rel = url_path;
  while (!rel.empty() && rel[0] == '/') rel.erase(0, 1);
  if (rel.empty()) return {};
  fs::path p = root / rel;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return {};
  return p;
}

}  // namespace

std::string StaticFiles::MimeType(const std::string& filename) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".svg", "image/svg+xml"},
      {".png", "image/png"},                   {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},                 {".gif", "image/gif"},
      {".ico", "image/x-icon"},                {".webp", "image/webp"},
      {".woff", "font/woff"},                  {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},                    {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},            {".pdf", "application/pdf"},
      {".xml", "application/xml"},             {".wasm", "application/wasm"},
  };
  const std::string ext = fs::path(filename).extension().string();
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Response StaticFiles::Serve(const Request& req) const {
  fs::path file = Resolve(root_, req.path);
  const bool is_asset = !file.empty() && req.path.rfind("/assets/", 0) == 0;
  if (file.empty()) file = root_ / "index.html";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    Response r;
    r.status = 404;
    r.Header("Content-Type", "text/plain; charset=utf-8");
    r.body = "The web UI is not built (run `make`).\n";
    return r;
  }
  const auto size = fs::file_size(file, ec);
  const auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
  const std::string etag = "W/\"" + std::to_string(size) + "-" + std::to_string(mtime) + "\"";

  Response r;
  r.Header("Content-Type", MimeType(file.filename().string()));
  r.Header("ETag", etag);
  r.Header("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.Header("X-Content-Type-Options", "nosniff");
  if (req.Header("if-none-match") == etag) {
    r.status = 304;
    return r;
  }
  const std::string accept = req.Header("accept-encoding");
  for (const auto& [enc, ext] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
    fs::path packed = file;
    packed += ext;
    if (accept.find(enc) != std::string::npos && fs::is_regular_file(packed, ec) &&
        ReadFile(packed, &r.body)) {
      r.Header("Content-Encoding", enc);
      r.Header("Vary", "Accept-Encoding");
      return r;
    }
  }
  if (!ReadFile(file, &r.body)) {
    r.status = 500;
    r.body.clear();
  }
  return r;
}

}  // namespace jianbao::http
