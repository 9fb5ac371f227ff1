// Copyright 2026 The Jianbao Authors.

#include "orgs/service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "orgs/demo.h"
#include "orgs/password.h"
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

TEST_F(OrgServiceTest, WrongPasswordThrottlesOnlyThatAddress) {
  for (int i = 0; i < 5; ++i) {
    auto r = svc_->Login("approver", "nope", "10.0.0.2");
    // The first two failures are free; later ones wait before they are even checked.
    if (r.status().code() == Code::kTooManyRequests) break;
    EXPECT_EQ(r.status().key(), "bad_credentials");
  }
  auto locked = svc_->Login("approver", kDemoPassword, "10.0.0.2");
  EXPECT_EQ(locked.status().code(), Code::kTooManyRequests);
  EXPECT_GT(locked.status().retry_after_seconds(), 0);
  EXPECT_LE(locked.status().retry_after_seconds(), 60);
  // Nobody is locked out from elsewhere: another address signs in at once.
  EXPECT_TRUE(svc_->Login("approver", kDemoPassword, "10.0.0.3").ok());
  EXPECT_EQ(svc_->Login("nobody", "x", "10.0.0.3").status().key(), "bad_credentials");
}

TEST_F(OrgServiceTest, SignInRotatesTheSession) {
  auto first = svc_->Login("editor", kDemoPassword, "10.0.1.1");
  ASSERT_TRUE(first.ok());
  auto second = svc_->Login("editor", kDemoPassword, "10.0.1.1", first->token);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(second->token, first->token);
  EXPECT_NE(second->csrf_token, first->csrf_token);
  EXPECT_FALSE(svc_->Resolve(first->token)) << "the cookie the client had is not reused";
  EXPECT_TRUE(svc_->Resolve(second->token));
}

TEST_F(OrgServiceTest, PasswordChangeEndsTheOtherSessions) {
  Actor admin = As("admin");
  ASSERT_TRUE(
      svc_->CreateUser(admin, {"sessions-user", "Sessions-1a", "会话", "hubei", {"member"}, ""})
          .ok());
  auto a = svc_->Login("sessions-user", "Sessions-1a", "10.0.2.1");
  auto b = svc_->Login("sessions-user", "Sessions-1a", "10.0.2.2");
  ASSERT_TRUE(a.ok() && b.ok());
  Actor me = svc_->Resolve(a->token)->actor;
  ASSERT_TRUE(svc_->ChangePassword(me, "Sessions-1a", "Sessions-2b", a->token).ok());
  EXPECT_TRUE(svc_->Resolve(a->token)) << "the session that changed it stays";
  EXPECT_FALSE(svc_->Resolve(b->token));
  // An admin's reset ends them all.
  auto c = svc_->Login("sessions-user", "Sessions-2b", "10.0.2.3");
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(svc_->ResetPassword(admin, me.user_id, "Sessions-3c").ok());
  EXPECT_FALSE(svc_->Resolve(a->token));
  EXPECT_FALSE(svc_->Resolve(c->token));
}

TEST_F(OrgServiceTest, RoleChangeEndsTheUsersSessions) {
  Actor admin = As("admin");
  auto u = svc_->CreateUser(admin, {"roles-user", "Roles-user-1", "角色", "hubei", {"member"}, ""});
  ASSERT_TRUE(u.ok());
  auto s = svc_->Login("roles-user", "Roles-user-1", "10.0.3.1");
  ASSERT_TRUE(s.ok());
  UserPatch name_only;
  name_only.name = "角色二";
  ASSERT_TRUE(svc_->UpdateUser(admin, u->id, name_only).ok());
  EXPECT_TRUE(svc_->Resolve(s->token)) << "a change of name keeps the session";
  UserPatch same_roles;
  same_roles.roles = std::vector<std::string>{"member", "member"};
  ASSERT_TRUE(svc_->UpdateUser(admin, u->id, same_roles).ok());
  EXPECT_TRUE(svc_->Resolve(s->token)) << "the same roles keep the session";
  UserPatch promote;
  promote.roles = std::vector<std::string>{"member", "reporter"};
  ASSERT_TRUE(svc_->UpdateUser(admin, u->id, promote).ok());
  EXPECT_FALSE(svc_->Resolve(s->token));
}

TEST(PasswordPolicyTest, LengthKindsLoginAndCommonList) {
  auto key = [](const std::string& pw, const std::string& login = "someone") {
    return CheckPasswordStrength(pw, "password", login).key();
  };
  EXPECT_EQ(key(kDemoPassword), "");
  EXPECT_EQ(key("Jianbao@2020", "admin"), "");
  EXPECT_EQ(key("correct horse battery"), "");  // letters and spaces
  EXPECT_EQ(key("简报系统密码2020年"), "") << "CJK counts as another kind";
  EXPECT_EQ(key("简报系统的密码很长很长"), "password_one_kind");
  EXPECT_EQ(key("Ab1!Ab1!x"), "weak_password") << "9 characters";
  EXPECT_EQ(key(std::string(129, 'a') + "1"), "too_long");
  EXPECT_EQ(key("abcdefghijkl"), "password_one_kind");
  EXPECT_EQ(key("ABCDEFGHIJKL"), "password_one_kind");
  EXPECT_EQ(key("123456789012"), "password_one_kind");
  EXPECT_EQ(key("!@#$%^&*()_+"), "password_one_kind");
  EXPECT_EQ(key("Reporter-2020", "reporter-2020"), "password_is_login");
  EXPECT_EQ(key("0202-retroper", "reporter-2020"), "password_is_login");
  EXPECT_EQ(key("Password123"), "password_common");
  EXPECT_EQ(key("1qaz2wsx3edc"), "password_common");
  EXPECT_EQ(key("woaini1314"), "password_common");
  EXPECT_EQ(CheckPasswordStrength("abc", "new_password", "x").field(), "new_password");
}

// The CLI (system actor, no organisation) finds a user of any organisation:
// `jianbao user passwd --login admin` answered "no such organisation".
TEST_F(OrgServiceTest, SystemListsUsersOfEveryOrganisation) {
  auto all = svc_->ListUsers(Actor::System(), "", "", "hubei-admin", 0, 50);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->items.size(), 1u);
  EXPECT_EQ(all->items[0].login, "hubei-admin");
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
  EXPECT_EQ(svc_->CreateUser(hubei, {"x-hebei", "password-12", "X", "hebei", {"reporter"}, ""})
                .status()
                .code(),
            Code::kPermissionDenied);
  auto created =
      svc_->CreateUser(hubei, {"hubei-new", "password-12", "新用户", "hubei-ctc", {"member"}, ""});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(svc_->CreateUser(hubei, {"hubei-new", "password-12", "X", "hubei", {"member"}, ""})
                .status()
                .key(),
            "login_taken");
  Actor reporter = As("hubei-reporter");
  EXPECT_EQ(svc_->ListUsers(reporter, "", "", "", 0, 20).status().code(), Code::kPermissionDenied);
}

TEST_F(OrgServiceTest, ValidationNamesFields) {
  Actor admin = As("admin");
  EXPECT_EQ(
      svc_->CreateUser(admin, {"a b", "password-12", "X", "ccea", {"admin"}, ""}).status().field(),
      "login");
  EXPECT_EQ(
      svc_->CreateUser(admin, {"ok-login", "short", "X", "ccea", {"admin"}, ""}).status().field(),
      "password");
  EXPECT_EQ(svc_->CreateUser(admin, {"ok-login", "password-12", "X", "ccea", {"king"}, ""})
                .status()
                .field(),
            "roles");
  EXPECT_EQ(svc_->CreateOrg(admin, {"Bad Code", "x", "", "member", "ccea"}).status().field(),
            "code");
  EXPECT_EQ(svc_->CreateOrg(admin, {"okcode", "x", "", "alien", "ccea"}).status().field(), "kind");
}

TEST_F(OrgServiceTest, CachedTreeSeesEveryChange) {
  Actor admin = As("admin");
  auto first = svc_->Tree(admin);
  ASSERT_TRUE(first.ok());
  auto again = svc_->Tree(admin);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->get(), again->get());  // unchanged: the same shared tree
  ASSERT_TRUE(svc_->CreateOrg(admin, {"cachetest", "缓存测试", "", "member", "hubei"}).ok());
  auto added = svc_->Tree(admin);
  ASSERT_TRUE(added.ok());
  ASSERT_NE((*added)->Find("cachetest"), nullptr);
  EXPECT_TRUE((*added)->IsAtOrBelow("cachetest", "hubei"));
  ASSERT_TRUE(svc_->UpdateOrg(admin, "cachetest", std::string("新名称"), std::nullopt).ok());
  auto renamed = svc_->Tree(admin);
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ((*renamed)->Find("cachetest")->name, "新名称");
}

// The batch writes of imports: 201 rows cross the 200-row statement boundary.
TEST_F(OrgServiceTest, BatchInsertAndUpdateMatchTheSingleRowWrites) {
  Actor admin = As("admin");
  const Org* hubei = (*svc_->Tree(admin))->Find("hubei");
  ASSERT_NE(hubei, nullptr);
  std::vector<Org> orgs;
  for (int i = 0; i < 201; ++i) {
    const std::string n = std::to_string(i);
    orgs.push_back({0, "batch" + n, "批量" + n, "批" + n, "member", hubei->id, "hubei", {}, ""});
  }
  std::vector<int64_t> ids;
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   ids = repo::InsertOrgs(s, orgs, "2020-02-01T00:00:00Z");
                   return Status::Ok();
                 })
                  .ok());
  ASSERT_EQ(ids.size(), orgs.size());
  auto tree = svc_->Tree(admin);
  ASSERT_TRUE(tree.ok());
  for (size_t i = 0; i < orgs.size(); ++i) {
    const Org* o = (*tree)->Find(orgs[i].code);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->id, ids[i]);
    EXPECT_EQ(o->name, orgs[i].name);
    EXPECT_EQ(o->parent_code, "hubei");
    EXPECT_EQ(o->stamp.version, 1);
    orgs[i].id = ids[i];
    orgs[i].name += "改";
    orgs[i].email = "b" + std::to_string(i) + "@example.com";
  }
  ASSERT_TRUE(db_->Write([&](soci::session& s) {
                   return repo::ClaimAndUpdateOrgs(s, orgs, "周涛", "2020-02-02T00:00:00Z");
                 })
                  .ok());
  tree = svc_->Tree(admin);
  ASSERT_TRUE(tree.ok());
  for (const Org& want : orgs) {
    const Org* o = (*tree)->Find(want.code);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->name, want.name);
    EXPECT_EQ(o->short_name, want.short_name);
    EXPECT_EQ(o->email, want.email);
    EXPECT_EQ(o->stamp.version, 2);  // claimed exactly once
    EXPECT_EQ(o->stamp.by, "周涛");
    EXPECT_EQ(o->stamp.at, "2020-02-02T00:00:00Z");
  }
  // A row that does not exist: not_found, and the caller's transaction rolls back.
  orgs[0].id = 999999;
  orgs[1].name = "不应保存";
  Status gone = db_->Write([&](soci::session& s) {
    return repo::ClaimAndUpdateOrgs(s, {orgs[1], orgs[0]}, "周涛", "2020-02-03T00:00:00Z");
  });
  EXPECT_EQ(gone.key(), "not_found");
  EXPECT_EQ((*svc_->Tree(admin))->Find("batch1")->stamp.version, 2);
}

TEST_F(OrgServiceTest, AuditRecordsChangesWithBeforeAndAfter) {
  Actor admin = As("admin");
  auto u = svc_->CreateUser(admin, {"audited", "password-12", "审计", "hubei", {"reporter"}, ""});
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
  EXPECT_EQ(svc_->ChangePassword(member, "wrong", "new-password-1", "").field(), "old_password");
  EXPECT_EQ(svc_->ChangePassword(member, kDemoPassword, "member", "").key(), "weak_password");
  EXPECT_EQ(svc_->ChangePassword(member, kDemoPassword, "Password123", "").key(),
            "password_common");
  ASSERT_TRUE(svc_->ChangePassword(member, kDemoPassword, "new-password-1", "").ok());
  EXPECT_TRUE(svc_->Login("member", "new-password-1", "127.0.0.9").ok());
  EXPECT_EQ(svc_->ResetPassword(As("hubei-admin"), member.user_id, "aaaaaaaaaaaa").key(),
            "password_one_kind");
  EXPECT_EQ(svc_->ResetPassword(As("hebei-reporter"), member.user_id, "x").code(),
            Code::kPermissionDenied)
      << "the permission is checked before the password";
  ASSERT_TRUE(svc_->ResetPassword(As("hubei-admin"), member.user_id, kDemoPassword).ok());
  EXPECT_TRUE(svc_->Login("member", kDemoPassword, "127.0.0.9").ok());
}

}  // namespace
}  // namespace jianbao::orgs
