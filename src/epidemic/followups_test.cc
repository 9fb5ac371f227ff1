// Copyright 2026 The Jianbao Authors.
//
// The follow-up transition table and FollowupService against a real
// database: SQLite always, PostgreSQL too when JIANBAO_TEST_PG_URL is set.

#include "epidemic/followups.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/clock.h"
#include "epidemic/testing/test_util.h"
#include "orgs/repository.h"

namespace jianbao::epidemic {
namespace {

MarkInput Marking(const FindingKey& key, int64_t assignee, std::string comment = "") {
  MarkInput in;
  in.key = key;
  in.assignee_id = assignee;
  in.comment = std::move(comment);
  return in;
}

// One action's input: `action` with the optional parts set by the caller.
FollowupActionInput Do(FollowupAction action, std::string text = "",
                       std::optional<int64_t> version = std::nullopt) {
  FollowupActionInput in;
  in.action = action;
  in.text = std::move(text);
  in.version = version;
  return in;
}

FollowupActionInput AssignTo(int64_t user, std::optional<int64_t> version = std::nullopt) {
  FollowupActionInput in = Do(FollowupAction::kAssign, "", version);
  in.assignee_id = user;
  return in;
}

FollowupActionInput CloseWith(Explanation why) {
  FollowupActionInput in = Do(FollowupAction::kClose);
  in.resolved_by = std::move(why);
  return in;
}

Actor WithRoles(int64_t id, std::vector<std::string> roles) {
  Actor a;
  a.user_id = id;
  a.login = "u" + std::to_string(id);
  a.name = a.login;
  a.roles = std::move(roles);
  return a;
}

TEST(FollowupStatesTest, TheTableAllowsExactlyTheDeclaredSteps) {
  const Actor desk = WithRoles(5, {kRoleEditor});
  EXPECT_EQ(*NextFollowupState(FollowupState::kOpen, FollowupAction::kClose, desk),
            FollowupState::kClosed);
  EXPECT_EQ(*NextFollowupState(FollowupState::kClosed, FollowupAction::kReopen, desk),
            FollowupState::kOpen);
  EXPECT_EQ(*NextFollowupState(FollowupState::kOpen, FollowupAction::kAssign, desk),
            FollowupState::kOpen);
  EXPECT_EQ(*NextFollowupState(FollowupState::kClosed, FollowupAction::kComment, desk),
            FollowupState::kClosed);
  auto assign_closed = NextFollowupState(FollowupState::kClosed, FollowupAction::kAssign, desk);
  EXPECT_EQ(assign_closed.status().key(), "followup_wrong_state");
  auto close_closed = NextFollowupState(FollowupState::kClosed, FollowupAction::kClose, desk);
  EXPECT_EQ(close_closed.status().key(), "followup_wrong_state");
  auto reopen_open = NextFollowupState(FollowupState::kOpen, FollowupAction::kReopen, desk);
  EXPECT_EQ(reopen_open.status().code(), Code::kConflict);
  // Only the desk (or the system) acts.
  const Actor reporter = WithRoles(6, {kRoleReporter});
  EXPECT_EQ(
      NextFollowupState(FollowupState::kOpen, FollowupAction::kComment, reporter).status().code(),
      Code::kPermissionDenied);
  EXPECT_TRUE(
      NextFollowupState(FollowupState::kOpen, FollowupAction::kClose, Actor::System()).ok());
  for (const FollowupTransition& t : kFollowupTransitions) {
    EXPECT_NE(t.action, FollowupAction::kMark);
    EXPECT_EQ(ParseFollowupAction(FollowupActionName(t.action)), t.action);
    EXPECT_EQ(ParseFollowupState(FollowupStateName(t.to)), t.to);
  }
  EXPECT_FALSE(ParseFollowupState("done"));
}

class FollowupServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = testing::OpenFreshDatabase(GetParam());
    ASSERT_TRUE(db_);
    epi_ = std::make_unique<EpidemicService>(*db_);
    svc_ = std::make_unique<FollowupService>(*db_, *epi_);
    // Hubei's cumulative count goes down on 03-02: one cumulative_monotone finding.
    ASSERT_TRUE(epi_->Import(Actor::System(),
                             "date,region,cum_confirmed\n2020-03-01,420000,100\n"
                             "2020-03-02,420000,90\n",
                             "test")
                    .ok());
    Status st = db_->Write([&](soci::session& s) {
      const std::string now = clock::NowIso();
      s << "DELETE FROM notifications";
      orgs::Org org;
      static int runs = 0;
      org.code = "desk" + std::to_string(clock::NowUnix()) + "x" + std::to_string(++runs);
      org.name = org.short_name = "desk";
      org.kind = "association";
      if (auto existing = orgs::repo::FindOrg(s, org.code)) {
        org.id = existing->id;
      } else {
        org.id = orgs::repo::InsertOrg(s, org, now);
      }
      auto add = [&](const std::string& login, std::vector<std::string> roles) {
        orgs::User u;
        u.login = login + org.code;
        u.name = login;
        u.org_id = org.id;
        u.roles = std::move(roles);
        return orgs::repo::InsertUser(s, u, "x", now);
      };
      desk1_ = WithRoles(add("desk1", {kRoleEditor}), {kRoleEditor});
      desk1_.name = "desk1";
      desk2_ = WithRoles(add("desk2", {kRoleEditor}), {kRoleEditor});
      desk2_.name = "desk2";
      reporter_id_ = add("rep", {kRoleReporter});
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  int Notifications(int64_t user_id) {
    int n = 0;
    long long id = user_id;
    EXPECT_TRUE(db_->Read([&](soci::session& s) {
                     s << "SELECT COUNT(*) FROM notifications WHERE user_id = :u",
                         soci::use(id, "u"), soci::into(n);
                     return Status::Ok();
                   })
                    .ok());
    return n;
  }

  const FindingKey kFinding{"2020-03-02", "420000", "cumulative_monotone", Field::kCumConfirmed};
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<EpidemicService> epi_;
  std::unique_ptr<FollowupService> svc_;
  Actor desk1_, desk2_;
  int64_t reporter_id_ = 0;
};

TEST_P(FollowupServiceTest, MarkAssignCommentCloseReopen) {
  auto marked = svc_->Mark(desk1_, Marking(kFinding, 0, "看一下"));
  ASSERT_TRUE(marked.ok()) << marked.status().ToString();
  EXPECT_EQ(marked->state, FollowupState::kOpen);
  EXPECT_EQ(marked->stamp.version, 1);
  ASSERT_EQ(marked->events.size(), 1u);
  EXPECT_EQ(marked->events[0].action, "mark");
  EXPECT_EQ(marked->events[0].text, "看一下");
  const int64_t id = marked->id;

  // The same finding twice is a conflict that names the follow-up.
  auto again = svc_->Mark(desk2_, Marking(kFinding, 0));
  EXPECT_EQ(again.status().key(), "followup_exists");

  // Assign to desk2: desk2 is told.
  auto assigned = svc_->Act(desk1_, id, AssignTo(desk2_.user_id, 1));
  ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  EXPECT_EQ(assigned->assignee_name, "desk2");
  EXPECT_EQ(assigned->stamp.version, 2);
  EXPECT_EQ(Notifications(desk2_.user_id), 1);

  // A stale version is refused and changes nothing.
  auto stale = svc_->Act(desk1_, id, Do(FollowupAction::kComment, "x", 1));
  EXPECT_EQ(stale.status().key(), "edit_conflict");

  // Comments by the assignee do not notify the assignee; others' do.
  ASSERT_TRUE(svc_->Act(desk2_, id, Do(FollowupAction::kComment, "查了")).ok());
  EXPECT_EQ(Notifications(desk2_.user_id), 1);
  ASSERT_TRUE(svc_->Act(desk1_, id, Do(FollowupAction::kComment, "好")).ok());
  EXPECT_EQ(Notifications(desk2_.user_id), 2);

  // Close with a note that exists; a missing one is refused.
  auto missing = svc_->Act(desk2_, id, CloseWith(Explanation{"note", 999}));
  EXPECT_EQ(missing.status().key(), "note_not_found");
  SourceNote note;
  note.regions = {"420000"};
  note.reason = "test quirk";
  auto added = epi_->AddNote(Actor::System(), note);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  auto closed = svc_->Act(desk2_, id, CloseWith(Explanation{"note", added->id}));
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->state, FollowupState::kClosed);
  ASSERT_TRUE(closed->resolved_by);
  EXPECT_EQ(closed->resolved_by->id, added->id);

  // Closed: no assignment; reopen clears the resolution.
  auto bad = svc_->Act(desk1_, id, AssignTo(desk1_.user_id));
  EXPECT_EQ(bad.status().key(), "followup_wrong_state");
  auto reopened = svc_->Act(desk1_, id, Do(FollowupAction::kReopen));
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->state, FollowupState::kOpen);
  EXPECT_FALSE(reopened->resolved_by);
  EXPECT_EQ(reopened->events.size(), 6u);  // mark, assign, 2 comments, close, reopen
}

TEST_P(FollowupServiceTest, MarkChecksTheFindingTheRoleAndTheAssignee) {
  FindingKey none = kFinding;
  none.date = "2020-03-01";
  EXPECT_EQ(svc_->Mark(desk1_, Marking(none, 0)).status().key(), "finding_not_found");
  FindingKey rule = kFinding;
  rule.rule = "no_such_rule";
  EXPECT_EQ(svc_->Mark(desk1_, Marking(rule, 0)).status().key(), "unknown_rule");
  EXPECT_EQ(
      svc_->Mark(WithRoles(reporter_id_, {kRoleReporter}), Marking(kFinding, 0)).status().code(),
      Code::kPermissionDenied);
  EXPECT_EQ(svc_->Mark(desk1_, Marking(kFinding, reporter_id_)).status().key(), "invalid_assignee");
  auto ok = svc_->Mark(desk1_, Marking(kFinding, desk1_.user_id));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(Notifications(desk1_.user_id), 0);  // nobody is told what they did themselves

  // The validation report carries the follow-up of the finding.
  auto report = epi_->Validate("2020-03-02", "2020-03-02");
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->followups.size(), 1u);
  EXPECT_EQ(report->followups[0].id, ok->id);
  EXPECT_EQ(report->followups[0].state, "open");
}

TEST_P(FollowupServiceTest, ListFiltersByStateAndAssigneeAndPages) {
  auto a = svc_->Mark(desk1_, Marking(kFinding, desk2_.user_id));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  FollowupFilter f;
  f.state = FollowupState::kOpen;
  auto open = svc_->List(f);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->total, 1);
  f.state = FollowupState::kClosed;
  EXPECT_EQ(svc_->List(f)->total, 0);
  f.state.reset();
  f.assignee_id = desk2_.user_id;
  EXPECT_EQ(svc_->List(f)->total, 1);
  f.assignee_id = 0;
  EXPECT_EQ(svc_->List(f)->total, 0);
  f.assignee_id.reset();
  f.from = "2020-03-03";
  EXPECT_EQ(svc_->List(f)->total, 0);
  f.from = "";
  f.page.page = 2;
  auto second = svc_->List(f);
  EXPECT_EQ(second->total, 1);
  EXPECT_TRUE(second->items.empty());
  EXPECT_EQ(svc_->Get(a->id + 100).status().key(), "followup_not_found");
}

INSTANTIATE_TEST_SUITE_P(Engines, FollowupServiceTest,
                         ::testing::ValuesIn(testing::TestDatabaseUrls()));

}  // namespace
}  // namespace jianbao::epidemic
