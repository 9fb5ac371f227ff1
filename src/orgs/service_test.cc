// Copyright 2026 The Jianbao Authors.

#include "orgs/service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "orgs/demo.h"
#include "orgs/repository.h"

namespace jianbao::orgs {
namespace {

class OrgServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = std::move(store::Database::Open("sqlite:file:orgs_test?mode=memory&cache=shared"))
              .value()
              .release();
  }
  void SetUp() override {
    static bool loaded = false;
    if (!loaded) {
      db_->AddMigrations("orgs", repo::Migrations());
      ASSERT_TRUE(db_->Migrate().ok());
      Config c;
      c.Set("security.login_max_failures", "3");
      svc_ = new OrgService(db_, c);
      ASSERT_TRUE(LoadDemo(*svc_).ok());
      loaded = true;
    }
  }
  Actor As(const std::string& login) {
    auto s = svc_->Login(login, kDemoPassword, "127.0.0.1");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return svc_->Resolve(s->token)->actor;
  }
  static store::Database* db_;
  static OrgService* svc_;
};
store::Database* OrgServiceTest::db_ = nullptr;
OrgService* OrgServiceTest::svc_ = nullptr;

TEST_F(OrgServiceTest, LoginResolveLogout) {
  auto s = svc_->Login("editor", kDemoPassword, "10.0.0.1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->token.size(), 64u);
  auto session = svc_->Resolve(s->token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->actor.org_code, "ccea-sec");
  EXPECT_TRUE(session->actor.HasRole(kRoleEditor));
  EXPECT_EQ(session->csrf_token, s->csrf_token);
  ASSERT_TRUE(svc_->Logout(session->actor, s->token).ok());
  EXPECT_FALSE(svc_->Resolve(s->token));
  EXPECT_FALSE(svc_->Resolve(std::string(64, 'a')));
}

TEST_F(OrgServiceTest, WrongPasswordThrottles) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(svc_->Login("approver", "nope", "10.0.0.2").status().key(), "bad_credentials");
  }
  auto locked = svc_->Login("approver", kDemoPassword, "10.0.0.2");
  EXPECT_EQ(locked.status().code(), Code::kTooManyRequests);
  EXPECT_GT(locked.status().retry_after_seconds(), 0);
  EXPECT_EQ(svc_->Login("nobody", "x", "10.0.0.3").status().key(), "bad_credentials");
}

TEST_F(OrgServiceTest, AdminScopeIsSubtree) {
  Actor hubei = As("hubei-admin");
  auto own = svc_->ListUsers(hubei, "hubei", "", "", 0, 50);
  ASSERT_TRUE(own.ok());
  for (const User& u : own->items) {
    EXPECT_TRUE(u.org_code.rfind("hubei", 0) == 0) << u.org_code;
  }
  EXPECT_EQ(svc_->ListUsers(hubei, "hebei", "", "", 0, 50).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->CreateUser(hubei, {"x-hebei", "password1", "X", "hebei", {"reporter"}, ""})
                .status()
                .code(),
            Code::kPermissionDenied);
  auto created =
      svc_->CreateUser(hubei, {"hubei-new", "password1", "新用户", "hubei-ctc", {"member"}, ""});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(svc_->CreateUser(hubei, {"hubei-new", "password1", "X", "hubei", {"member"}, ""})
                .status()
                .key(),
            "login_taken");
  Actor reporter = As("hubei-reporter");
  EXPECT_EQ(svc_->ListUsers(reporter, "", "", "", 0, 20).status().code(), Code::kPermissionDenied);
}

TEST_F(OrgServiceTest, ValidationNamesFields) {
  Actor admin = As("admin");
  EXPECT_EQ(
      svc_->CreateUser(admin, {"a b", "password1", "X", "ccea", {"admin"}, ""}).status().field(),
      "login");
  EXPECT_EQ(
      svc_->CreateUser(admin, {"ok-login", "short", "X", "ccea", {"admin"}, ""}).status().field(),
      "password");
  EXPECT_EQ(svc_->CreateUser(admin, {"ok-login", "password1", "X", "ccea", {"king"}, ""})
                .status()
                .field(),
            "roles");
  EXPECT_EQ(svc_->CreateOrg(admin, {"Bad Code", "x", "", "member", "ccea"}).status().field(),
            "code");
  EXPECT_EQ(svc_->CreateOrg(admin, {"okcode", "x", "", "alien", "ccea"}).status().field(), "kind");
}

TEST_F(OrgServiceTest, AuditRecordsChangesWithBeforeAndAfter) {
  Actor admin = As("admin");
  auto u = svc_->CreateUser(admin, {"audited", "password1", "审计", "hubei", {"reporter"}, ""});
  ASSERT_TRUE(u.ok());
  UserPatch p;
  p.name = "审计2";
  ASSERT_TRUE(svc_->UpdateUser(admin, u->id, p).ok());
  AuditFilter f;
  f.entity = "user";
  f.action = "user.update";
  auto page = svc_->ListAudit(admin, f);
  ASSERT_TRUE(page.ok());
  ASSERT_GE(page->items.size(), 1u);
  EXPECT_NE(page->items[0].before_json.find("审计"), std::string::npos);
  EXPECT_NE(page->items[0].after_json.find("审计2"), std::string::npos);
  EXPECT_EQ(page->items[0].after_json.find("password"), std::string::npos);
  EXPECT_EQ(svc_->ListAudit(As("editor"), {}).status().code(), Code::kPermissionDenied);
}

TEST_F(OrgServiceTest, CannotRemoveOwnAdmin) {
  Actor admin = As("admin");
  UserPatch p;
  p.roles = std::vector<std::string>{"editor"};
  EXPECT_EQ(svc_->UpdateUser(admin, admin.user_id, p).status().key(), "last_admin");
}

TEST_F(OrgServiceTest, PasswordChangeAndReset) {
  Actor member = As("member");
  EXPECT_EQ(svc_->ChangePassword(member, "wrong", "newpassword").field(), "old_password");
  ASSERT_TRUE(svc_->ChangePassword(member, kDemoPassword, "newpassword").ok());
  EXPECT_TRUE(svc_->Login("member", "newpassword", "127.0.0.9").ok());
  ASSERT_TRUE(svc_->ResetPassword(As("hubei-admin"), member.user_id, kDemoPassword).ok());
  EXPECT_TRUE(svc_->Login("member", kDemoPassword, "127.0.0.9").ok());
}

}  // namespace
}  // namespace jianbao::orgs
