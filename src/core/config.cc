// Copyright 2026 The Jianbao Authors.

#include "core/config.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

extern char** environ;

namespace jianbao {
namespace {

void Flatten(const toml::table& table, const std::string& prefix, Config* out) {
  for (const auto& [k, node] : table) {
    const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (const auto* sub = node.as_table()) {
      Flatten(*sub, key, out);
    } else if (const auto* s = node.as_string()) {
      out->Set(key, s->get());
    } else if (const auto* i = node.as_integer()) {
      out->Set(key, std::to_string(i->get()));
    } else if (const auto* b = node.as_boolean()) {
      out->Set(key, b->get() ? "true" : "false");
    } else if (const auto* f = node.as_floating_point()) {
      std::ostringstream os;
      os << f->get();
      out->Set(key, os.str());
    }
  }
}

}  // namespace

Result<Config> Config::FromToml(const std::string& text, const std::string& origin) {
  toml::table parsed;
  try {
    parsed = toml::parse(text, origin);
  } catch (const toml::parse_error& err) {
    return Status::Invalid("config", "config_syntax",
                           origin + ":" + std::to_string(err.source().begin.line) + ": " +
                               std::string(err.description()));
  }
  Config config;
  Flatten(parsed, "", &config);
  return config;
}

Result<Config> Config::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Invalid("config", "config_unreadable", "cannot read config file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return FromToml(ss.str(), path);
}

void Config::ApplyEnvironment(char** envp) {
  static const std::string kPrefix = "JIANBAO_";
  for (char** e = envp ? envp : environ; e && *e; ++e) {
    std::string kv = *e;
    if (kv.rfind(kPrefix, 0) != 0) continue;
    const size_t eq = kv.find('=');
    if (eq == std::string::npos) continue;
    std::string name = kv.substr(kPrefix.size(), eq - kPrefix.size());
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    const size_t us = name.find('_');
    if (us == std::string::npos || us == 0) continue;
    name[us] = '.';
    values_[name] = kv.substr(eq + 1);
  }
}

std::string Config::GetString(const std::string& key, const std::string& def) const {
  auto it = values_.find(key);
  return it == values_.end() ? def : it->second;
}

int64_t Config::GetInt(const std::string& key, int64_t def) const {
  auto it = values_.find(key);
  if (it == values_.end()) return def;
  try {
    size_t pos = 0;
    int64_t v = std::stoll(it->second, &pos);
    return pos == it->second.size() ? v : def;
  } catch (const std::exception&) {
    return def;
  }
}

bool Config::GetBool(const std::string& key, bool def) const {
  auto it = values_.find(key);
  if (it == values_.end()) return def;
  const std::string& v = it->second;
  return v == "true" || v == "1" || v == "yes" || v == "on";
}

}  // namespace jianbao
