// Copyright 2026 The Jianbao Authors.
//
// LibraryService on a fresh SQLite database per test: policy checks and
// filters, the digest, course capacity under concurrent registrations,
// attendance, postponement and extension with their history.

#include "members/library.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "members/repository.h"
#include "orgs/repository.h"

namespace jianbao::members {
namespace {

class LibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/jb-library-test-" + std::to_string(getpid()) + "-" + std::to_string(counter_++) +
            ".db";
    db_ = std::move(store::Database::Open("sqlite:" + path_)).value();
    db_->AddMigrations("orgs", orgs::repo::Migrations());
    db_->AddMigrations("members", repo::Migrations());
    ASSERT_TRUE(db_->Migrate().ok());
    ASSERT_TRUE(db_->Write([&](soci::session& s) {
                     Add(s, "ccea", "national", "");
                     Add(s, "hubei", "provincial", "ccea");
                     Add(s, "hebei", "provincial", "ccea");
                     for (int i = 1; i <= 6; ++i) {
                       const std::string code = "u" + std::to_string(i);
                       Add(s, code, "member", "hubei");
                       orgs::User u;
                       u.login = code + "-staff";
                       u.name = code;
                       u.org_id = ids_[code];
                       u.roles = {kRoleMember};
                       users_[code] = orgs::repo::InsertUser(s, u, "x", "2020-01-01T00:00:00Z");
                     }
                     return Status::Ok();
                   })
                    .ok());
    svc_ = std::make_unique<LibraryService>(db_.get());
  }
  void TearDown() override {
    svc_.reset();
    db_.reset();
    unlink(path_.c_str());
  }
  void Add(soci::session& s, const std::string& code, const std::string& kind,
           const std::string& parent) {
    orgs::Org o{0,  code, code + "协会", "", kind, parent.empty() ? 0 : ids_[parent], parent,
                {}, ""};
    ids_[code] = orgs::repo::InsertOrg(s, o, "2020-01-01T00:00:00Z");
  }
  Actor Staff(const std::string& org = "hubei") {
    Actor a;
    a.user_id = 1000;
    a.login = org + "-admin";
    a.org_id = ids_[org];
    a.org_code = org;
    a.roles = {kRoleAdmin};
    return a;
  }
  Actor Member(const std::string& org) {
    Actor a;
    a.user_id = users_[org];
    a.login = org + "-staff";
    a.org_id = ids_[org];
    a.org_code = org;
    a.roles = {kRoleMember};
    return a;
  }
  PolicyInput APolicy(const std::string& title = "关于应对疫情支持中小企业的若干措施") {
    PolicyInput in;
    in.title = title;
    in.issuer = "湖北省人民政府";
    in.issued_on = "2020-02-10";
    in.doc_number = "鄂政办发〔2020〕5号";
    in.region = "420000";
    in.tags = {"减税降费", "金融"};
    in.summary = "减免房租，延期缴纳社保。";
    in.link = "https://www.hubei.gov.cn/zfwj/";
    return in;
  }
  CourseInput ACourse(int capacity) {
    CourseInput in;
    in.title = "复工复产防疫培训";
    in.provider = "湖北省通信行业协会";
    in.format = "online";
    in.start = "2020-03-05T09:00";
    in.end = "2020-03-05T11:00";
    in.link = "https://meeting.example/123";
    in.capacity = capacity;
    in.valid_until = "2020-12-31";
    return in;
  }

  static inline int counter_ = 0;
  std::string path_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<LibraryService> svc_;
  std::map<std::string, int64_t> ids_, users_;
};

TEST(LibraryPureTest, DocNumbersAreCheckedLoosely) {
  EXPECT_TRUE(LooksLikeDocNumber("工信部规〔2020〕12号"));
  EXPECT_TRUE(LooksLikeDocNumber("国办发[2020]6号"));
  EXPECT_TRUE(LooksLikeDocNumber("鄂政办发［2020］5号"));
  EXPECT_FALSE(LooksLikeDocNumber("工信部规2020年12号"));
  EXPECT_FALSE(LooksLikeDocNumber("工信部规〔20〕12号"));
  EXPECT_FALSE(LooksLikeDocNumber("工信部规〔2020〕12"));
}

TEST(LibraryPureTest, DigestIsACommonMarkList) {
  Policy a;
  a.title = "减免*房租*";
  a.doc_number = "鄂政办发〔2020〕5号";
  a.issuer = "湖北省人民政府";
  a.issued_on = "2020-02-10";
  a.region = "420000";
  a.summary = "三个月";
  a.link = "https://x.example/a";
  Policy b = a;
  b.title = "稳岗返还";
  b.link.clear();
  const Digest d = BuildDigest("政策汇编第1期", {a, b});
  EXPECT_EQ(d.title, "政策汇编第1期");
  EXPECT_EQ(d.body.rfind("1. **减免\\*房租\\***（鄂政办发〔2020〕5号）", 0), 0u) << d.body;
  EXPECT_NE(d.body.find("\n2. **稳岗返还**"), std::string::npos);
  EXPECT_NE(d.body.find("<https://x.example/a>"), std::string::npos);
}

TEST_F(LibraryTest, PoliciesAreCheckedFilteredAndKeptByTheirAssociation) {
  PolicyInput bad = APolicy();
  bad.doc_number = "第5号";
  EXPECT_EQ(svc_->CreatePolicy(Staff(), bad).status().key(), "invalid_doc_number");
  bad = APolicy();
  bad.region = "42";
  EXPECT_EQ(svc_->CreatePolicy(Staff(), bad).status().field(), "region");
  bad = APolicy();
  bad.link = "javascript:alert(1)";
  EXPECT_EQ(svc_->CreatePolicy(Staff(), bad).status().key(), "invalid_link");
  EXPECT_EQ(svc_->CreatePolicy(Member("u1"), APolicy()).status().code(), Code::kPermissionDenied);

  auto p = svc_->CreatePolicy(Staff(), APolicy());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->owner, "hubei");
  PolicyInput other = APolicy("稳岗返还政策");
  other.issued_on = "2021-01-05";
  other.region = "130000";
  other.tags = {"稳岗"};
  ASSERT_TRUE(svc_->CreatePolicy(Staff("hebei"), other).ok());

  PageRequest page;
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {}, page)->total, 2);
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {"稳岗", "", "", ""}, page)->total, 1);
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {"", "420000", "", ""}, page)->total, 1);
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {"", "", "金融", ""}, page)->total, 1);
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {"", "", "金", ""}, page)->total, 0);
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {"", "", "", "2021"}, page)->items.at(0).title,
            "稳岗返还政策");
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {"100%", "", "", ""}, page)->total, 0);

  // Hebei's staff may not change Hubei's policy; Hubei's may.
  EXPECT_EQ(svc_->UpdatePolicy(Staff("hebei"), p->id, APolicy()).status().code(),
            Code::kPermissionDenied);
  EXPECT_TRUE(svc_->UpdatePolicy(Staff(), p->id, APolicy("改")).ok());
  EXPECT_TRUE(svc_->DeletePolicy(Staff(), p->id).ok());
  EXPECT_EQ(svc_->GetPolicy(Member("u1"), p->id).status().key(), "policy_not_found");
}

TEST_F(LibraryTest, APolicyKeepsOneSniffedFile) {
  auto p = svc_->CreatePolicy(Staff(), APolicy());
  ASSERT_TRUE(p.ok());
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  EXPECT_EQ(
      svc_->SetAttachment(Staff(), p->id, "x.pdf", std::string("MZ\x90\0\3", 5)).status().key(),
      "unsupported_attachment");
  EXPECT_EQ(svc_->SetAttachment(Member("u1"), p->id, "x.pdf", pdf).status().code(),
            Code::kPermissionDenied);
  auto with = svc_->SetAttachment(Staff(), p->id, "../../鄂政办发5号.pdf", pdf);
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  EXPECT_EQ(with->attachment.name, "鄂政办发5号.pdf");
  EXPECT_EQ(with->attachment.mime, "application/pdf");
  EXPECT_EQ(svc_->ListPolicies(Member("u1"), {}, {})->items.at(0).attachment.size,
            static_cast<int64_t>(pdf.size()));
  EXPECT_EQ(svc_->GetAttachment(Member("u1"), p->id)->data, pdf);
  ASSERT_TRUE(svc_->DeleteAttachment(Staff(), p->id).ok());
  EXPECT_EQ(svc_->GetAttachment(Member("u1"), p->id).status().key(), "policy_file_not_found");
}

TEST_F(LibraryTest, DigestOfChosenPoliciesAnnouncesItself) {
  auto a = svc_->CreatePolicy(Staff(), APolicy("甲"));
  auto b = svc_->CreatePolicy(Staff(), APolicy("乙"));
  int announced = 0;
  int64_t org = 0;
  svc_->SetDigestHook([&](soci::session&, int64_t org_id, const Digest&) {
    ++announced;
    org = org_id;
  });
  auto d = svc_->MakeDigest(Staff(), {b->id, a->id}, "本周政策");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_LT(d->body.find("乙"), d->body.find("甲"));
  EXPECT_EQ(announced, 1);
  EXPECT_EQ(org, ids_["hubei"]);
  EXPECT_EQ(svc_->MakeDigest(Staff(), {}, "x").status().field(), "policy_ids");
  EXPECT_EQ(svc_->MakeDigest(Staff(), {a->id, 9999}, "x").status().key(), "policy_not_found");
  EXPECT_EQ(svc_->MakeDigest(Member("u1"), {a->id}, "x").status().code(), Code::kPermissionDenied);
}

TEST_F(LibraryTest, CapacityHoldsUnderConcurrentRegistrations) {
  auto c = svc_->CreateCourse(Staff(), ACourse(3));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  std::atomic<int> ok{0}, full{0};
  std::vector<std::thread> threads;
  for (int i = 1; i <= 6; ++i) {
    threads.emplace_back([&, i] {
      auto r = svc_->Register(Member("u" + std::to_string(i)), c->id);
      if (r.ok()) ++ok;
      if (r.status().key() == "course_full") ++full;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(full, 3);
  EXPECT_EQ(svc_->GetCourse(Staff(), c->id)->registered, 3);
  EXPECT_EQ(svc_->ListRegistrations(Staff(), c->id)->size(), 3u);
  EXPECT_EQ(svc_->Register(Staff(), c->id).status().code(), Code::kPermissionDenied);
}

TEST_F(LibraryTest, RegistrationAttendanceAndHistory) {
  auto c = svc_->CreateCourse(Staff(), ACourse(2));
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(svc_->Register(Member("u1"), c->id).ok());
  EXPECT_EQ(svc_->Register(Member("u1"), c->id).status().key(), "already_registered");
  ASSERT_TRUE(svc_->Register(Member("u2"), c->id).ok());
  EXPECT_EQ(svc_->Register(Member("u3"), c->id).status().key(), "course_full");
  auto left = svc_->Unregister(Member("u2"), c->id);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->registered, 1);
  EXPECT_EQ(svc_->Unregister(Member("u2"), c->id).status().key(), "registration_not_found");
  ASSERT_TRUE(svc_->Register(Member("u3"), c->id).ok());

  // A member unit sees its own registrations only.
  EXPECT_EQ(svc_->ListRegistrations(Member("u1"), c->id)->size(), 1u);
  EXPECT_EQ(svc_->MarkAttendance(Member("u1"), c->id, {{"u1-staff", true}}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(svc_->MarkAttendance(Staff(), c->id, {{"u1-staff", true}, {"u6-staff", true}})
                .status()
                .field(),
            "items[1].login");
  auto marked = svc_->MarkAttendance(Staff(), c->id, {{"u1-staff", true}, {"u3-staff", false}});
  ASSERT_TRUE(marked.ok());
  EXPECT_TRUE(marked->at(0).attended);
  EXPECT_EQ(marked->at(0).org, "u1");

  CourseInput smaller = ACourse(1);
  EXPECT_EQ(svc_->UpdateCourse(Staff(), c->id, smaller).status().key(),
            "capacity_below_registered");

  EXPECT_EQ(
      svc_->Postpone(Staff(), c->id, "2020-03-12T09:00", "2020-03-12T11:00", "").status().field(),
      "reason");
  EXPECT_EQ(svc_->Postpone(Staff(), c->id, "2020-03-12T09:00", "2020-03-12T08:00", "讲师隔离")
                .status()
                .key(),
            "end_before_start");
  auto moved = svc_->Postpone(Staff(), c->id, "2020-03-12T09:00", "2020-03-12T11:00", "讲师隔离");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->start, "2020-03-12T09:00");
  EXPECT_EQ(svc_->Extend(Staff(), c->id, "2020-06-30", "疫情").status().key(),
            "validity_not_extended");
  auto extended = svc_->Extend(Staff(), c->id, "2021-06-30", "疫情期间证书顺延");
  ASSERT_TRUE(extended.ok());
  ASSERT_EQ(extended->history.size(), 2u);
  EXPECT_EQ(extended->history[0].kind, "postpone");
  EXPECT_EQ(extended->history[0].before, "2020-03-05T09:00/2020-03-05T11:00");
  EXPECT_EQ(extended->history[1].after, "2021-06-30");
  EXPECT_EQ(extended->history[1].reason, "疫情期间证书顺延");
}

}  // namespace
}  // namespace jianbao::members
