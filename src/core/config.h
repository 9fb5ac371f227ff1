// Copyright 2026 The Jianbao Authors.
//
// Config: flat "section.key" settings read from a TOML file, then overridden
// by JIANBAO_SECTION_KEY environment variables, then by command-line flags.
// Every module reads its own keys with a default, so an empty config works.

#ifndef JIANBAO_CORE_CONFIG_H_
#define JIANBAO_CORE_CONFIG_H_

#include <cstdint>
#include <map>
#include <string>

#include "core/status.h"

namespace jianbao {

class Config {
 public:
  // Parses TOML text. Nested tables flatten to dotted keys; arrays are not
  // supported. Returns an error naming the line on a syntax error.
  static Result<Config> FromToml(const std::string& text, const std::string& origin = "config");

  // Reads and parses a TOML file. Returns an error naming the file when it
  // cannot be read or parsed.
  static Result<Config> FromFile(const std::string& path);

  // Applies JIANBAO_* variables from `envp` (the process environment when null):
  // JIANBAO_SERVER_LISTEN=… sets "server.listen". The first underscore after
  // the prefix separates section and key.
  void ApplyEnvironment(char** envp = nullptr);

  void Set(const std::string& key, const std::string& value) { values_[key] = value; }
  bool Has(const std::string& key) const { return values_.count(key) > 0; }

  // Returns the value, or `def` when unset.
  std::string GetString(const std::string& key, const std::string& def = "") const;
  // Returns the value parsed as an integer, or `def` when unset or not a number.
  int64_t GetInt(const std::string& key, int64_t def) const;
  // Returns true for "true", "1", "yes", "on"; `def` when unset.
  bool GetBool(const std::string& key, bool def) const;

  const std::map<std::string, std::string>& values() const { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace jianbao

#endif  // JIANBAO_CORE_CONFIG_H_
