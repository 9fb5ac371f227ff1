// Copyright 2026 The Jianbao Authors.

#include "http/errors.h"

#include <gtest/gtest.h>

#include "core/edit_version.h"
#include "core/messages.h"
#include "http/json_io.h"

namespace jianbao::http {
namespace {

TEST(ErrorsTest, CodesMapToHttpStatuses) {
  EXPECT_EQ(HttpStatusFor(Status::Invalid("login", "required", "login is required").code()), 400);
  EXPECT_EQ(HttpStatusFor(Code::kTooManyRequests), 429);
  EXPECT_EQ(HttpStatusFor(Code::kUnsupportedMediaType), 415);
  EXPECT_EQ(HttpStatusFor(Code::kUnavailable), 503);
}

TEST(ErrorsTest, MessagesAreLocalizedWithTheirField) {
  messages::Add(messages::CoreMessages());
  messages::Add(messages::FieldLabels());
  // The field is named as the forms label it.
  const Status s = Status::Invalid("title", "required", "title is required");
  EXPECT_EQ(LocalizedMessage(s, "en"), "the title is required");
  EXPECT_EQ(LocalizedMessage(s, "zh"), "请填写标题");
  EXPECT_EQ(LocalizedMessage(Status::Invalid("sections", "required", "x"), "zh"),
            "简报至少需要一个栏目");
  EXPECT_EQ(LocalizedMessage(Status::Invalid("sections[2].body", "too_long", "x"), "zh"),
            "栏目正文太长");
  // A field without a label keeps its name.
  EXPECT_EQ(LocalizedMessage(Status::Invalid("zz_unlabelled", "required", "x"), "zh"),
            "请填写zz_unlabelled");
  // An unknown key keeps the service's own message.
  EXPECT_EQ(LocalizedMessage(Status::Invalid("x", "no_such_key", "plain text"), "zh"),
            "plain text");
}

TEST(ErrorsTest, DetailsAreStructured) {
  Status s = Status::Invalid("file", "bad_row", "row 3 is wrong");
  s.set_detail("line", 3).set_detail("column", 7);
  const Response r = ErrorResponse(s, "en");
  const Json body = Json::parse(r.body);
  EXPECT_EQ(body["error"]["details"]["line"], 3);
  EXPECT_EQ(body["error"]["details"]["column"], 7);
  EXPECT_FALSE(
      Json::parse(ErrorResponse(Status::Denied("no"), "en").body)["error"].contains("details"));
}

TEST(ErrorsTest, CataloguesAreComplete) {
  for (const messages::Catalogue* c :
       {&messages::CoreMessages(), &messages::FieldLabels(), &Messages()}) {
    EXPECT_EQ(messages::CheckCatalogue(*c), std::vector<std::string>{}) << c->module;
    messages::Add(*c);
  }
}

TEST(ErrorsTest, EditConflictIs412WithWhoAndWhen) {
  messages::Add(messages::CoreMessages());
  const Status st = EditConflict({7, "陈静", "2026-03-02T02:42:00Z"});
  EXPECT_EQ(HttpStatusFor(st.code()), 412);
  EXPECT_EQ(LocalizedMessage(st, "en"),
            "陈静 saved a newer version at 10:42; your changes were not stored");
  const Response r = ErrorResponse(st, "zh");
  EXPECT_EQ(r.status, 412);
  const Json body = Json::parse(r.body);
  EXPECT_EQ(body["error"]["key"], "edit_conflict");
  EXPECT_EQ(body["error"]["details"]["version"], 7);
  EXPECT_EQ(body["error"]["details"]["by"], "陈静");
  EXPECT_EQ(body["error"]["details"]["time"], "10:42");
}

}  // namespace
}  // namespace jianbao::http
