// Copyright 2026 The Jianbao Authors.
//
// Every module's message catalogue, checked together: each passes
// CheckCatalogue (zh and en for every key, the same placeholders) with all
// others added (no key defined twice differently), and every Status key the
// sources return (Status::Invalid/Conflict/NotFound/…, Status(Code::…, key))
// has a catalogue entry, so no user sees an untranslated message. The few
// keys left out on purpose are listed below with the reason.

#include "core/messages.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "cli/catalogues.h"

namespace jianbao::cli {
namespace {

namespace fs = std::filesystem;

// Keys without an entry on purpose.
const std::set<std::string>& Uncatalogued() {
  static const std::set<std::string> kKeys = {
      // The typesetter's messages name the very thing at fault (the image,
      // the character, the font, the issue field); see typeset/messages.cc.
      "bad_image", "bad_image_path", "glyph_missing", "font_missing", "invalid_issue",
      // The epidemic importer's messages name the JSON path or template spot.
      "day_json_invalid", "template_invalid",
      // Start-up, configuration and command-line errors: the operator reads
      // them in the log or the terminal, in English.
      "config_syntax", "config_unreadable", "db_open", "db_url", "in_use", "invalid_address",
      "invalid_config", "invalid_listen", "listen_failed", "mail_failed", "corrupt_backup",
      "not_a_backup", "not_empty", "tool_missing", "unwritable", "wrong_backup", "unreadable"};
  return kKeys;
}

TEST(MessagesTest, EveryCatalogueIsCompleteWithTheOthers) {
  for (const messages::Catalogue* c : AllCatalogues()) messages::Add(*c);
  for (const messages::Catalogue* c : AllCatalogues()) {
    EXPECT_EQ(messages::CheckCatalogue(*c), std::vector<std::string>{}) << c->module;
  }
}

TEST(MessagesTest, EveryStatusKeyInTheSourcesIsTranslated) {
  for (const messages::Catalogue* c : AllCatalogues()) messages::Add(*c);
  const std::regex patterns[] = {
      std::regex(R"re(Status::Invalid\(\s*[^,()]+,\s*"([a-z_]+)")re"),
      std::regex(R"re(Status::(?:Conflict|NotFound|Unavailable)\(\s*"([a-z_]+)")re"),
      std::regex(R"re(Status\(\s*Code::k\w+,\s*"([a-z_]+)")re"),
  };
  std::map<std::string, std::string> missing;  // key → a file returning it
  int files = 0, keys = 0;
  ASSERT_TRUE(fs::is_directory("src")) << "run from the project directory";
  for (const auto& entry : fs::recursive_directory_iterator("src")) {
    const std::string path = entry.path().generic_string();
    if (entry.path().extension() != ".cc" || path.ends_with("_test.cc") ||
        path.find("/testing/") != std::string::npos || path.find("fuzz") != std::string::npos) {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    ++files;
    for (const std::regex& re : patterns) {
      for (std::sregex_iterator it(source.begin(), source.end(), re), end; it != end; ++it) {
        const std::string key = (*it)[1];
        ++keys;
        if (!messages::Find(key) && !Uncatalogued().count(key)) missing.emplace(key, path);
      }
    }
  }
  EXPECT_GT(files, 50);
  EXPECT_GT(keys, 100);
  for (const auto& [key, path] : missing) {
    ADD_FAILURE() << "no message for key \"" << key << "\" (returned in " << path << ")";
  }
}

TEST(MessagesTest, FieldsAreNamedAsTheFormsLabelThem) {
  for (const messages::Catalogue* c : AllCatalogues()) messages::Add(*c);
  EXPECT_EQ(messages::FieldLabel("title", "zh"), "标题");
  EXPECT_EQ(messages::FieldLabel("sections[3].title", "zh"), "栏目标题");
  EXPECT_EQ(messages::FieldLabel("items[1].body", "en"), "the body");
  EXPECT_EQ(messages::FieldLabel("no_such_field", "zh"), "no_such_field");
  // Every label key names a field in both languages (CheckCatalogue above), and
  // every whole-message override is of a key that exists.
  for (const messages::Message& m : messages::FieldLabels().messages) {
    const std::string key = m.key;
    if (key.starts_with("field.")) continue;
    EXPECT_NE(messages::Find(key.substr(0, key.find('.'))), nullptr) << key;
  }
}

}  // namespace
}  // namespace jianbao::cli
