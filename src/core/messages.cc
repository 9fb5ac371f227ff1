// Copyright 2026 The Jianbao Authors.

#include "core/messages.h"

#include <set>

namespace jianbao::messages {
namespace {

struct Registry {
  std::set<std::string> modules;
  std::map<std::string, Message, std::less<>> by_key;
};

Registry& TheRegistry() {
  static Registry r;
  return r;
}

std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> out;
  for (size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.emplace(text.substr(open, close - open + 1));
  }
  return out;
}

}  // namespace

void Add(const Catalogue& catalogue) {
  Registry& r = TheRegistry();
  if (!r.modules.insert(catalogue.module).second) return;
  for (const Message& m : catalogue.messages) r.by_key.emplace(m.key, m);
}

const Message* Find(std::string_view key) {
  const Registry& r = TheRegistry();
  auto it = r.by_key.find(key);
  return it == r.by_key.end() ? nullptr : &it->second;
}

std::string Text(std::string_view key, std::string_view lang, std::string_view fallback) {
  const Message* m = Find(key);
  if (!m) return std::string(fallback);
  return lang == "en" ? m->en : m->zh;
}

std::string FieldLabel(std::string_view field, std::string_view lang) {
  // "sections[2].body" → "sections.body".
  std::string path;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '[') {
      while (i < field.size() && field[i] != ']') ++i;
      continue;
    }
    path += field[i];
  }
  if (const Message* m = Find("field." + path)) return lang == "en" ? m->en : m->zh;
  const size_t dot = path.rfind('.');
  if (dot != std::string::npos) {
    if (const Message* m = Find("field." + path.substr(dot + 1)))
      return lang == "en" ? m->en : m->zh;
  }
  return std::string(field);
}

std::string Format(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string mark = "{" + name + "}";
    for (size_t p = text.find(mark); p != std::string::npos;
         p = text.find(mark, p + value.size())) {
      text.replace(p, mark.size(), value);
    }
  }
  return text;
}

std::vector<std::string> CheckCatalogue(const Catalogue& catalogue) {
  std::vector<std::string> problems;
  std::set<std::string> seen;
  for (const Message& m : catalogue.messages) {
    const std::string key = m.key ? m.key : "";
    if (key.empty()) problems.push_back("a message has an empty key");
    if (!seen.insert(key).second) problems.push_back(key + ": defined twice");
    if (!m.zh || !*m.zh) problems.push_back(key + ": no Chinese text");
    if (!m.en || !*m.en) problems.push_back(key + ": no English text");
    if (m.zh && m.en && Placeholders(m.zh) != Placeholders(m.en)) {
      problems.push_back(key + ": the Chinese and English texts have different placeholders");
    }
    const Message* other = Find(key);
    if (other && m.zh && m.en &&
        (std::string_view(other->zh) != m.zh || std::string_view(other->en) != m.en)) {
      problems.push_back(key + ": another catalogue defines it differently");
    }
  }
  return problems;
}

}  // namespace jianbao::messages
