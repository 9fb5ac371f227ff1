// Copyright 2026 The Jianbao Authors.
//
// Message catalogues: the user-facing text for every Status key, in Chinese
// and English. Each module owns its catalogue (its messages.cc) and adds it
// at start-up (cli/wiring.cc); the HTTP layer looks a key up when it renders
// an error, and modules look up their own texts (notification titles, labels)
// in the reader's language. A text may contain "{field}" or "{name}"
// placeholders that Format() fills in.
//
// Thread safety: Add() only during start-up, before any Find(); Find() and
// Format() may then be called from any thread.

#ifndef JIANBAO_CORE_MESSAGES_H_
#define JIANBAO_CORE_MESSAGES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::messages {

// One message: a stable snake_case key and its two texts.
struct Message {
  const char* key;
  const char* zh;
  const char* en;
};

// A module's catalogue.
struct Catalogue {
  const char* module;  // "orgs", "submissions", …
  std::vector<Message> messages;
};

// Adds a catalogue. A key already added by another catalogue keeps its first
// texts (CheckCatalogue reports such clashes in tests). Idempotent per module.
void Add(const Catalogue& catalogue);

// Returns the message for `key`, or nullptr when no catalogue has it.
const Message* Find(std::string_view key);

// Returns the text of `key` in `lang` ("en", else Chinese), or `fallback`
// when the key is unknown.
std::string Text(std::string_view key, std::string_view lang, std::string_view fallback = "");

// Replaces every "{name}" in `text` with its value from `values`; unknown
// placeholders are left as they are.
std::string Format(std::string text, const std::map<std::string, std::string>& values);

// Returns the core catalogue: keys every module may return (input checks,
// access, content limits, the store). http::App adds it.
const Catalogue& CoreMessages();

// Returns the field-label catalogue (core/field_labels.cc): "field.NAME", how
// the forms label request field NAME, and "KEY.NAME", a whole message that
// replaces KEY's text for field NAME. http::App adds it.
const Catalogue& FieldLabels();

// Returns the label of request field `field` in `lang` ("sections[2].body"
// is looked up as "field.sections.body", then "field.body"), or `field`
// itself when the catalogue has no label for it.
std::string FieldLabel(std::string_view field, std::string_view lang);

// Returns the problems of a catalogue for its tests: empty or duplicate keys,
// a missing Chinese or English text, placeholders that differ between the two
// texts, and keys that another added catalogue defines differently.
std::vector<std::string> CheckCatalogue(const Catalogue& catalogue);

}  // namespace jianbao::messages

#endif  // JIANBAO_CORE_MESSAGES_H_
