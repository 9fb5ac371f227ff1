// Copyright 2026 The Jianbao Authors.
//
// The follow-ups' SQL (repository.h, "Follow-ups"): epidemic_followups and
// epidemic_followup_events, created by epidemic migration 5.

#include <soci/soci.h>

#include "epidemic/repository.h"
#include "store/versions.h"

namespace jianbao::epidemic::repository {
namespace {

constexpr store::VersionedTable kFollowupsTable{"epidemic_followups", "id"};

constexpr const char* kColumns =
    "f.id, f.day, f.region, f.rule, f.field, f.state, f.assignee_id, COALESCE(u.name, ''), "
    "f.resolved_kind, f.resolved_id, f.close_reason, f.created_by, f.created_at, f.version, "
    "f.updated_by, f.updated_at";
constexpr const char* kFrom =
    " FROM epidemic_followups f LEFT JOIN users u ON u.id = f.assignee_id ";

// Reads an integer column whatever width the engine reports it in.
int64_t IntAt(const soci::row& row, size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_long_long:
      return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<int64_t>(row.get<unsigned long long>(i));
    default:
      return std::stoll(row.get<std::string>(i));
  }
}

std::optional<Explanation> Resolution(const std::string& kind, int64_t id) {
  if (kind.empty()) return std::nullopt;
  return Explanation{kind, id};
}

Followup FollowupFromRow(const soci::row& row) {
  Followup f;
  f.id = IntAt(row, 0);
  f.key.date = row.get<std::string>(1);
  f.key.region = row.get<std::string>(2);
  f.key.rule = row.get<std::string>(3);
  f.key.field = FieldFromName(row.get<std::string>(4)).value_or(Field::kCumConfirmed);
  f.state = ParseFollowupState(row.get<std::string>(5)).value_or(FollowupState::kOpen);
  f.assignee_id = IntAt(row, 6);
  f.assignee_name = row.get<std::string>(7);
  f.resolved_by = Resolution(row.get<std::string>(8), IntAt(row, 9));
  f.close_reason = row.get<std::string>(10);
  f.created_by = row.get<std::string>(11);
  f.created_at = row.get<std::string>(12);
  f.stamp.version = IntAt(row, 13);
  f.stamp.by = row.get<std::string>(14);
  f.stamp.at = row.get<std::string>(15);
  return f;
}

std::vector<FollowupEvent> LoadEvents(soci::session& s, int64_t followup_id) {
  long long key = followup_id;
  std::vector<FollowupEvent> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT e.id, e.action, e.by_name, e.at, e.text, e.assignee_id, "
                    "COALESCE(u.name, ''), e.resolved_kind, e.resolved_id "
                    "FROM epidemic_followup_events e LEFT JOIN users u ON u.id = e.assignee_id "
                    "WHERE e.followup_id = :id ORDER BY e.id",
       soci::use(key, "id"));
  for (const soci::row& row : rows) {
    FollowupEvent e;
    e.id = IntAt(row, 0);
    e.action = row.get<std::string>(1);
    e.by = row.get<std::string>(2);
    e.at = row.get<std::string>(3);
    e.text = row.get<std::string>(4);
    e.assignee_id = IntAt(row, 5);
    e.assignee_name = row.get<std::string>(6);
    e.resolved_by = Resolution(row.get<std::string>(7), IntAt(row, 8));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::optional<Followup> FindFollowupByKey(soci::session& s, const FindingKey& key) {
  std::string field(FieldName(key.field));
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns + kFrom +
                        "WHERE f.day = :day AND f.region = :region AND f.rule = :rule AND "
                        "f.field = :field",
       soci::use(key.date, "day"), soci::use(key.region, "region"), soci::use(key.rule, "rule"),
       soci::use(field, "field"));
  for (const soci::row& row : rows) return FollowupFromRow(row);
  return std::nullopt;
}

std::optional<Followup> FindFollowup(soci::session& s, int64_t id) {
  long long key = id;
  std::optional<Followup> out;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT ") + kColumns + kFrom + "WHERE f.id = :id",
         soci::use(key, "id"));
    for (const soci::row& row : rows) out = FollowupFromRow(row);
  }
  if (out) out->events = LoadEvents(s, id);
  return out;
}

Page<Followup> ListFollowups(soci::session& s, const FollowupFilter& filter) {
  const std::string where =
      "WHERE (1 = :s_any OR f.state = :state) AND (1 = :a_any OR f.assignee_id = :assignee) "
      "AND f.day >= :lo AND f.day <= :hi ";
  std::string state = filter.state ? FollowupStateName(*filter.state) : "";
  int s_any = filter.state ? 0 : 1;
  int a_any = filter.assignee_id ? 0 : 1;
  long long assignee = filter.assignee_id.value_or(0);
  std::string lo = filter.from.empty() ? "0000-01-01" : filter.from;
  std::string hi = filter.to.empty() ? "9999-12-31" : filter.to;
  Page<Followup> page;
  long long total = 0;
  s << "SELECT COUNT(*) FROM epidemic_followups f " + where, soci::use(s_any, "s_any"),
      soci::use(state, "state"), soci::use(a_any, "a_any"), soci::use(assignee, "assignee"),
      soci::use(lo, "lo"), soci::use(hi, "hi"), soci::into(total);
  page.total = total;
  int limit = filter.page.page_size, offset = filter.page.offset();
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns + kFrom + where +
                        "ORDER BY f.id DESC LIMIT :lim OFFSET :off",
       soci::use(s_any, "s_any"), soci::use(state, "state"), soci::use(a_any, "a_any"),
       soci::use(assignee, "assignee"), soci::use(lo, "lo"), soci::use(hi, "hi"),
       soci::use(limit, "lim"), soci::use(offset, "off"));
  for (const soci::row& row : rows) page.items.push_back(FollowupFromRow(row));
  return page;
}

void InsertFollowup(soci::session& s, Followup* f) {
  std::string field(FieldName(f->key.field));
  std::string state = FollowupStateName(f->state);
  long long assignee = f->assignee_id;
  long long id = 0;
  s << "INSERT INTO epidemic_followups (day, region, rule, field, state, assignee_id, "
       "created_by, created_at, updated_by, updated_at) VALUES (:day, :region, :rule, :field, "
       ":state, :assignee, :by, :at, :by2, :at2) RETURNING id",
      soci::use(f->key.date, "day"), soci::use(f->key.region, "region"),
      soci::use(f->key.rule, "rule"), soci::use(field, "field"), soci::use(state, "state"),
      soci::use(assignee, "assignee"), soci::use(f->created_by, "by"),
      soci::use(f->created_at, "at"), soci::use(f->created_by, "by2"),
      soci::use(f->created_at, "at2"), soci::into(id);
  f->id = id;
  f->stamp = {1, f->created_by, f->created_at};
}

void UpdateFollowup(soci::session& s, const Followup& f) {
  std::string state = FollowupStateName(f.state);
  long long assignee = f.assignee_id, id = f.id;
  std::string kind = f.resolved_by ? f.resolved_by->kind : "";
  long long resolved_id = f.resolved_by ? f.resolved_by->id : 0;
  s << "UPDATE epidemic_followups SET state = :state, assignee_id = :assignee, "
       "resolved_kind = :kind, resolved_id = :rid, close_reason = :reason WHERE id = :id",
      soci::use(state, "state"), soci::use(assignee, "assignee"), soci::use(kind, "kind"),
      soci::use(resolved_id, "rid"), soci::use(f.close_reason, "reason"), soci::use(id, "id");
}

Status ClaimFollowupVersion(soci::session& s, int64_t id, const std::optional<int64_t>& expected,
                            const std::string& by, const std::string& at) {
  Status st = store::ClaimVersion(s, kFollowupsTable, id, expected, by, at);
  if (st.code() == Code::kNotFound) {
    return Status::NotFound("followup_not_found", "no follow-up " + std::to_string(id));
  }
  return st;
}

void InsertFollowupEvent(soci::session& s, int64_t followup_id, FollowupEvent* e) {
  long long fid = followup_id, assignee = e->assignee_id, id = 0;
  std::string kind = e->resolved_by ? e->resolved_by->kind : "";
  long long resolved_id = e->resolved_by ? e->resolved_by->id : 0;
  s << "INSERT INTO epidemic_followup_events (followup_id, action, by_name, at, text, "
       "assignee_id, resolved_kind, resolved_id) VALUES (:fid, :action, :by, :at, :text, "
       ":assignee, :kind, :rid) RETURNING id",
      soci::use(fid, "fid"), soci::use(e->action, "action"), soci::use(e->by, "by"),
      soci::use(e->at, "at"), soci::use(e->text, "text"), soci::use(assignee, "assignee"),
      soci::use(kind, "kind"), soci::use(resolved_id, "rid"), soci::into(id);
  e->id = id;
}

std::vector<FollowupRef> LoadFollowupRefs(soci::session& s, const std::string& from,
                                          const std::string& to) {
  std::string lo = from.empty() ? "0000-01-01" : from;
  std::string hi = to.empty() ? "9999-12-31" : to;
  std::vector<FollowupRef> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns + kFrom +
                        "WHERE f.day >= :lo AND f.day <= :hi ORDER BY f.id",
       soci::use(lo, "lo"), soci::use(hi, "hi"));
  for (const soci::row& row : rows) {
    Followup f = FollowupFromRow(row);
    out.push_back({f.key, f.id, FollowupStateName(f.state), f.assignee_name});
  }
  return out;
}

std::vector<Assignee> LoadAssignees(soci::session& s) {
  std::vector<Assignee> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT u.id, u.name, u.login FROM users u WHERE u.disabled = 0 AND EXISTS "
                    "(SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'editor') "
                    "ORDER BY u.name, u.id");
  for (const soci::row& row : rows) {
    Assignee a{IntAt(row, 0), row.get<std::string>(1), row.get<std::string>(2)};
    if (a.name.empty()) a.name = a.login;
    out.push_back(std::move(a));
  }
  return out;
}

bool CorrectionExists(soci::session& s, int64_t id) {
  long long key = id;
  int n = 0;
  s << "SELECT COUNT(*) FROM epidemic_corrections WHERE id = :id", soci::use(key, "id"),
      soci::into(n);
  return n > 0;
}

bool NoteExists(soci::session& s, int64_t id) {
  long long key = id;
  int n = 0;
  s << "SELECT COUNT(*) FROM epidemic_notes WHERE id = :id", soci::use(key, "id"), soci::into(n);
  return n > 0;
}

}  // namespace jianbao::epidemic::repository
