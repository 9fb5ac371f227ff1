// Copyright 2026 The Jianbao Authors.
//
// The service against the workflow table (every action in every state for
// every kind of actor), organisation isolation, versions, notifications,
// commissioning, attachments and import.

#include "submissions/service.h"

#include <gtest/gtest.h>

#include "core/bytes.h"
#include "submissions/testing/docx_test_util.h"
#include "submissions/testing/test_fixture.h"

namespace jianbao::submissions {
namespace {

class SubmissionServiceTest : public testing::ServiceFixture {
 protected:
  static void SetUpTestSuite() { Open("submissions_service_test"); }

  // Returns a new hubei piece driven to `state` along the table's paths.
  int64_t PieceIn(const std::string& state, const std::string& title = "测试稿件") {
    PieceInput in;
    in.title = title;
    in.body = "第一段。\n\n第二段。";
    auto p = svc_->Create(As("hubei-reporter"), in);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    const std::map<std::string, std::vector<std::pair<std::string, std::string>>> paths = {
        {kDraft, {}},
        {kSubmitted, {{"submit", "hubei-reporter"}}},
        {kReturned, {{"submit", "hubei-reporter"}, {"return", "editor"}}},
        {kResubmitted,
         {{"submit", "hubei-reporter"}, {"return", "editor"}, {"resubmit", "hubei-reporter"}}},
        {kAdopted, {{"submit", "hubei-reporter"}, {"adopt", "editor"}}},
        {kNotAdopted, {{"submit", "hubei-reporter"}, {"reject", "editor"}}},
    };
    for (const auto& [action, who] : paths.at(state)) {
      auto r = svc_->Act(As(who), p->id, action, "理由");
      EXPECT_TRUE(r.ok()) << action << ": " << r.status().ToString();
    }
    return p->id;
  }

  std::string StateOf(int64_t id) { return svc_->Get(Actor::System(), id)->piece.state; }
};

// The relation each test actor has to a hubei piece offered to ccea.
struct Who {
  const char* login;
  const char* relation;  // "reporter", "editor" or "" (none)
  bool sees_drafts;
  bool sees_others;
};
const Who kActors[] = {
    {"hubei-reporter", "reporter", true, true}, {"editor", "editor", false, true},
    {"hebei-reporter", "", false, false},       {"approver", "", false, false},
    {"hubei-admin", "", false, false},
};

TEST_F(SubmissionServiceTest, EveryActionInEveryStateForEveryActor) {
  int allowed = 0, refused = 0;
  for (const StateInfo& state : States()) {
    for (const ActionInfo& action : Actions()) {
      if (action.name == kActionEdit) continue;
      for (const Who& who : kActors) {
        const int64_t id = PieceIn(state.name);
        auto t = FindTransition(state.name, action.name, who.relation);
        auto r = svc_->Act(As(who.login), id, action.name, "理由");
        const std::string where = state.name + " " + action.name + " by " + who.login;
        if (t) {
          ASSERT_TRUE(r.ok()) << where << ": " << r.status().ToString();
          EXPECT_EQ(r->state, t->to) << where;
          EXPECT_EQ(StateOf(id), t->to) << where;
          ++allowed;
          continue;
        }
        ASSERT_FALSE(r.ok()) << where;
        EXPECT_EQ(StateOf(id), state.name) << where;
        const bool visible = who.sees_others && (state.name != kDraft || who.sees_drafts);
        if (!visible) {
          EXPECT_EQ(r.status().code(), Code::kNotFound) << where;
        } else {
          EXPECT_TRUE(r.status().code() == Code::kPermissionDenied ||
                      r.status().code() == Code::kConflict)
              << where << ": " << r.status().ToString();
        }
        ++refused;
      }
    }
  }
  int rows = 0;
  for (const Transition& t : Transitions()) rows += t.action != kActionEdit;
  EXPECT_EQ(allowed, rows);  // every non-edit row of the table, once
  EXPECT_GT(refused, 150);
}

TEST_F(SubmissionServiceTest, EditFollowsTheTable) {
  for (const StateInfo& state : States()) {
    for (const Who& who : kActors) {
      const int64_t id = PieceIn(state.name);
      PieceInput change;
      change.body = "改过的正文。";
      auto r = svc_->Update(As(who.login), id, change);
      const bool may = FindTransition(state.name, kActionEdit, who.relation).has_value();
      EXPECT_EQ(r.ok(), may) << state.name << " by " << who.login << ": " << r.status().ToString();
      if (may) {
        EXPECT_EQ(r->version, 2);
      }
    }
  }
}

TEST_F(SubmissionServiceTest, ReturnNeedsAReason) {
  const int64_t id = PieceIn(kSubmitted);
  auto r = svc_->Act(As("editor"), id, "return", "  ");
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "reason");
  auto ok = svc_->Act(As("editor"), id, "return", "请补充数据");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->return_reason, "请补充数据");
  auto view = svc_->Get(As("hubei-reporter"), id);
  EXPECT_EQ(view->events.back().reason, "请补充数据");
  EXPECT_EQ(view->events.back().actor_login, "editor");
  EXPECT_EQ(view->events.back().actor_name, "陈静");
  EXPECT_EQ(svc_->Act(As("editor"), id, "fly", "").status().key(), "invalid_action");
}

TEST_F(SubmissionServiceTest, OrganisationIsolation) {
  const int64_t draft = PieceIn(kDraft, "湖北草稿");
  const int64_t sent = PieceIn(kSubmitted, "湖北已报送");
  EXPECT_EQ(svc_->Get(As("hebei-reporter"), draft).status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->Get(As("hebei-reporter"), sent).status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->Get(As("editor"), draft).status().code(), Code::kNotFound);
  EXPECT_TRUE(svc_->Get(As("editor"), sent).ok());
  for (const char* login : {"hebei-reporter", "editor", "approver"}) {
    auto list = svc_->List(As(login), PieceFilter{});
    ASSERT_TRUE(list.ok());
    for (const Piece& p : list->items) {
      EXPECT_NE(p.id, draft) << login;
      if (std::string(login) == "hebei-reporter") {
        EXPECT_EQ(p.owner_org_code, "hebei");
      }
      if (std::string(login) == "editor") {
        EXPECT_NE(p.state, kDraft);
      }
    }
  }
  PieceFilter mine;
  mine.text = "湖北草稿";
  auto own = svc_->List(As("hubei-reporter"), mine);
  ASSERT_TRUE(own.ok());
  EXPECT_GE(own->total, 1);
  EXPECT_EQ(svc_->AddComment(As("hebei-reporter"), sent, "看看").status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->Versions(As("hebei-reporter"), sent).status().code(), Code::kNotFound);
}

TEST_F(SubmissionServiceTest, VersionsAndDiff) {
  const int64_t id = PieceIn(kDraft);
  PieceInput a;
  a.body = "第一段。\n\n第二段改了。\n\n第三段。";
  ASSERT_TRUE(svc_->Update(As("hubei-reporter"), id, a).ok());
  PieceInput same;
  same.tags = std::vector<std::string>{"标签"};
  ASSERT_EQ(svc_->Update(As("hubei-reporter"), id, same)->version, 2);  // no text change
  ASSERT_TRUE(svc_->Act(As("hubei-reporter"), id, "submit", "").ok());
  ASSERT_TRUE(svc_->Act(As("editor"), id, "adopt", "").ok());
  PieceInput edit;
  edit.title = "编辑改过的标题";
  ASSERT_EQ(svc_->Update(As("editor"), id, edit)->version, 3);
  auto versions = svc_->Versions(As("hubei-reporter"), id);
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ((*versions)[2].author_login, "editor");
  EXPECT_EQ((*versions)[2].author_name, "陈静");  // shown by name and unit, not login
  EXPECT_FALSE((*versions)[2].author_unit.empty());
  auto d = svc_->Diff(As("editor"), id, 1, 2);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->to.author_name, "李娜");
  int ins = 0, del = 0;
  for (const DiffLine& l : d->lines) {
    ins += l.op == DiffOp::kInsert;
    del += l.op == DiffOp::kDelete;
  }
  EXPECT_EQ(del, 1);
  EXPECT_EQ(ins, 3);
  EXPECT_EQ(svc_->Diff(As("editor"), id, 1, 9).status().key(), "version_not_found");
}

TEST_F(SubmissionServiceTest, AutosavesKeepOneVersionPerEditingSession) {
  const int64_t id = PieceIn(kDraft);
  auto autosave = [&](const std::string& who, const std::string& body) {
    PieceInput in;
    in.body = body;
    in.autosave = true;
    return svc_->Update(As(who), id, in)->version;
  };
  // The reporter's autosaves: the first makes version 2, the next rewrite it.
  EXPECT_EQ(autosave("hubei-reporter", "第一稿。"), 2);
  EXPECT_EQ(autosave("hubei-reporter", "第一稿，再改。"), 2);
  EXPECT_EQ(autosave("hubei-reporter", "第一稿，又改。"), 2);
  // A save the user asks for closes it: the next autosave starts version 3.
  PieceInput manual;
  manual.body = "第一稿定稿。";
  ASSERT_EQ(svc_->Update(As("hubei-reporter"), id, manual)->version, 3);
  EXPECT_EQ(autosave("hubei-reporter", "第二稿。"), 4);
  // A workflow action closes it too: what was submitted stays as submitted.
  ASSERT_TRUE(svc_->Act(As("hubei-reporter"), id, "submit", "").ok());
  ASSERT_TRUE(svc_->Act(As("editor"), id, "adopt", "").ok());
  // Another author's autosave never rewrites the reporter's version.
  EXPECT_EQ(autosave("editor", "编辑改过。"), 5);
  EXPECT_EQ(autosave("editor", "编辑又改过。"), 5);
  auto versions = svc_->Versions(As("hubei-reporter"), id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 5u);
  EXPECT_EQ((*versions)[3].author_login, "hubei-reporter");
  EXPECT_EQ((*versions)[4].author_login, "editor");
  auto d = svc_->Diff(As("editor"), id, 4, 5);
  ASSERT_TRUE(d.ok());
  bool rewritten = false;
  for (const DiffLine& l : d->lines) rewritten |= l.text.find("编辑又改过") != std::string::npos;
  EXPECT_TRUE(rewritten);
}

TEST_F(SubmissionServiceTest, NotificationsFollowTheWorkflow) {
  const Actor editor = As("editor"), reporter = As("hubei-reporter");
  ASSERT_TRUE(notify_->MarkAllRead(editor).ok());
  ASSERT_TRUE(notify_->MarkAllRead(reporter).ok());
  const int64_t id = PieceIn(kSubmitted);
  EXPECT_EQ(*notify_->UnreadCount(editor), 1);
  EXPECT_EQ(*notify_->UnreadCount(As("hebei-reporter")), 0);
  ASSERT_TRUE(svc_->Act(editor, id, "return", "补充").ok());
  auto page = notify_->List(reporter, true, 0, 10);
  ASSERT_EQ(page->unread, 1);
  EXPECT_EQ(page->items[0].kind, "submission.returned");
  EXPECT_EQ(page->items[0].entity_id, std::to_string(id));
  ASSERT_TRUE(notify_->MarkRead(reporter, page->items[0].id).ok());
  EXPECT_EQ(*notify_->UnreadCount(reporter), 0);
  EXPECT_EQ(notify_->MarkRead(As("hebei-reporter"), page->items[0].id).code(), Code::kNotFound);
  ASSERT_TRUE(svc_->Act(reporter, id, "resubmit", "").ok());
  ASSERT_TRUE(svc_->Act(editor, id, "adopt", "").ok());
  EXPECT_EQ(notify_->List(reporter, true, 0, 10)->items[0].kind, "submission.adopted");
  EXPECT_EQ(notify_->List(editor, true, 0, 10)->items[0].kind, "submission.resubmitted");
}

TEST_F(SubmissionServiceTest, CommissionAnsweredOnTimeAndLate) {
  const Actor editor = As("editor"), reporter = As("hubei-reporter");
  EXPECT_EQ(svc_->CreateCommission(reporter, {"题目", "", "hubei", "2099-01-01"}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->CreateCommission(editor, {"题目", "", "ccea-sec", "2099-01-01"}).status().key(),
            "outside_scope");
  EXPECT_EQ(svc_->CreateCommission(editor, {"题目", "", "hubei", "2001-01-01"}).status().key(),
            "deadline_past");
  auto c = svc_->CreateCommission(editor, {"基站节能", "说明", "hubei", "2099-06-30"});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->deadline_at, "2099-06-30T16:00:00Z");
  PieceInput in;
  in.title = "约稿回复";
  in.commission_id = c->id;
  EXPECT_EQ(svc_->Create(As("hebei-reporter"), in).status().key(), "commission_not_found");
  auto p = svc_->Create(reporter, in);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->target_org_code, "ccea");
  ASSERT_TRUE(svc_->Act(reporter, p->id, "submit", "").ok());
  auto got = svc_->GetCommission(reporter, c->id);
  EXPECT_EQ(got->answers, 1);
  EXPECT_LT(got->answered_at, got->deadline_at);
  // A late answer: the clock is past the deadline day when it is submitted.
  auto late = svc_->CreateCommission(editor, {"迟交", "", "hubei", "2099-01-01"});
  in.commission_id = late->id;
  auto lp = svc_->Create(reporter, in);
  svc_->SetClock([] { return std::string("2099-01-01T16:00:01Z"); });
  ASSERT_TRUE(svc_->Act(reporter, lp->id, "submit", "").ok());
  svc_->SetClock([] { return std::string("2026-01-01T00:00:00Z"); });
  EXPECT_GT(svc_->GetCommission(editor, late->id)->answered_at, late->deadline_at);
  ASSERT_TRUE(svc_->CloseCommission(editor, late->id).ok());
  EXPECT_EQ(svc_->Create(reporter, in).status().key(), "commission_closed");
  EXPECT_EQ(svc_->GetCommission(As("hebei-reporter"), c->id).status().code(), Code::kNotFound);
}

TEST_F(SubmissionServiceTest, AttachmentsAreSniffedAndLimited) {
  const int64_t id = PieceIn(kDraft);
  const Actor reporter = As("hubei-reporter");
  auto png = svc_->AddAttachment(reporter, id, "../../photo.exe", testing::TinyPng());
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_EQ(png->mime, "image/png");
  EXPECT_EQ(png->name, "photo.exe");
  EXPECT_EQ(svc_->GetAttachment(As("editor"), id, png->id).status().code(), Code::kNotFound);
  EXPECT_EQ(svc_->GetAttachment(reporter, id, png->id)->data, testing::TinyPng());
  EXPECT_EQ(svc_->AddAttachment(reporter, id, "a.pdf", std::string("MZ\x90\0\3", 5)).status().key(),
            "unsupported_type");
  EXPECT_EQ(
      svc_->AddAttachment(reporter, id, "big.txt", std::string(11 << 20, 'a')).status().code(),
      Code::kPayloadTooLarge);
  ASSERT_TRUE(svc_->DeleteAttachment(reporter, id, png->id).ok());
  EXPECT_TRUE(svc_->Get(reporter, id)->attachments.empty());
}

TEST_F(SubmissionServiceTest, ImportStoresImagesOrNothing) {
  const Actor reporter = As("hubei-reporter");
  const std::string rels =
      "<Relationships><Relationship Id=\"rId5\" Target=\"media/image1.png\"/></Relationships>";
  const std::string doc = testing::MinimalDocx(
      testing::Para("导入的稿件", "Title") + testing::Para("正文。") +
          "<w:p><w:r><w:drawing><a:blip r:embed=\"rId5\"/></w:drawing></w:r></w:p>",
      {{"word/media/image1.png", testing::TinyPng()}}, rels);
  auto p = svc_->Import(reporter, "docx", doc, {});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->title, "导入的稿件");
  auto view = svc_->Get(reporter, p->id);
  ASSERT_EQ(view->attachments.size(), 1u);
  EXPECT_EQ(view->piece.body, "正文。\n\n![](/api/v1/submissions/" + std::to_string(p->id) +
                                  "/attachments/" + std::to_string(view->attachments[0].id) + ")");
  EXPECT_EQ(svc_->GetVersion(reporter, p->id, 1)->body, view->piece.body);
  const int64_t before = svc_->List(reporter, PieceFilter{})->total;
  EXPECT_EQ(svc_->Import(reporter, "docx", "PK\x03\x04garbage", {}).status().key(),
            "docx_malformed");
  EXPECT_EQ(svc_->Import(As("editor"), "txt", "标题\n正文", {}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->List(reporter, PieceFilter{})->total, before);
  auto txt = svc_->Import(reporter, "txt", "文本标题\n文本正文。", {});
  ASSERT_TRUE(txt.ok());
  EXPECT_EQ(txt->body, "文本正文。");
}

// TinyPng() declaring 8000 × 8000 pixels: what a 7.8 KB decompression bomb declares.
std::string BombPng() {
  std::string png = testing::TinyPng();
  for (size_t at : {16, 20}) png.replace(at, 4, std::string("\0\0\x1f\x40", 4));
  return png;
}

TEST_F(SubmissionServiceTest, ImageBombsAreRefusedWhereImagesEnter) {
  const Actor reporter = As("hubei-reporter");
  const int64_t id = PieceIn(kDraft);
  auto att = svc_->AddAttachment(reporter, id, "bomb.png", BombPng());
  EXPECT_EQ(att.status().key(), "image_too_large");
  EXPECT_EQ(att.status().field(), "file");
  EXPECT_NE(att.status().message().find("bomb.png declares 8000 × 8000"), std::string::npos);
  EXPECT_TRUE(svc_->Get(reporter, id)->attachments.empty());

  PieceInput in;
  in.title = "炸弹";
  in.body = "正文。\n\n![](data:image/png;base64," + bytes::Base64Encode(testing::TinyPng()) +
            ")\n\n![](DATA:image/PNG;base64," + bytes::Base64Encode(BombPng()) + ")";
  auto created = svc_->Create(reporter, in);
  EXPECT_EQ(created.status().key(), "image_too_large");
  EXPECT_EQ(created.status().field(), "body");
  EXPECT_NE(created.status().message().find("image 2 of the body"), std::string::npos)
      << created.status().message();
  in.body = "正文。\n\n![](data:image/png;base64," + bytes::Base64Encode(testing::TinyPng()) + ")";
  EXPECT_TRUE(svc_->Create(reporter, in).ok());

  const std::string rels =
      "<Relationships><Relationship Id=\"rId5\" Target=\"media/image1.png\"/></Relationships>";
  const std::string doc = testing::MinimalDocx(
      testing::Para("炸弹", "Title") +
          "<w:p><w:r><w:drawing><a:blip r:embed=\"rId5\"/></w:drawing></w:r></w:p>",
      {{"word/media/image1.png", BombPng()}}, rels);
  const int64_t before = svc_->List(reporter, PieceFilter{})->total;
  auto imported = svc_->Import(reporter, "docx", doc, {});
  EXPECT_EQ(imported.status().key(), "image_too_large");
  EXPECT_NE(imported.status().message().find("image1.png"), std::string::npos);
  EXPECT_EQ(svc_->List(reporter, PieceFilter{})->total, before);
}

TEST_F(SubmissionServiceTest, TargetsAreAssociationsAbove) {
  auto hubei = svc_->Targets(As("hubei-reporter"));
  ASSERT_EQ(hubei->size(), 1u);
  EXPECT_EQ((*hubei)[0].code, "ccea");
  PieceInput in;
  in.title = "越级";
  in.target_code = "hebei";
  EXPECT_EQ(svc_->Create(As("hubei-reporter"), in).status().key(), "target_not_allowed");
}

}  // namespace
}  // namespace jianbao::submissions
