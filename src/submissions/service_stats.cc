// Copyright 2026 The Jianbao Authors.
//
// Adoption statistics. Every number is counted from the pieces and
// commissions tables at the time of the request; nothing is kept as a counter.
//  - submitted: pieces offered to the association whose first submission falls
//    in the period (Asia/Shanghai days);
//  - adopted: those of them that are adopted now; rate = adopted / submitted;
//  - commissioned: commissions with a deadline day in the period; on time when a
//    linked piece was first submitted before the deadline day ended, late when
//    one was submitted after it, neither when none was submitted yet;
//  - rank: by adopted, then rate, then submitted (all descending); equal keys
//    share a rank (1, 2, 2, 4).

#include <soci/soci.h>

#include <algorithm>
#include <string_view>

#include "core/clock.h"
#include "submissions/export.h"
#include "submissions/repository.h"
#include "submissions/service_internal.h"

namespace jianbao::submissions {
namespace {

constexpr int64_t kMaxCustomDays = 3700;

std::string MonthEnd(int year, int month) {
  char buf[40];
  const int ny = month == 12 ? year + 1 : year, nm = month == 12 ? 1 : month + 1;
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", ny, nm);
  return clock::DateFromDays(clock::DaysFromDate(buf) - 1);
}

std::string Date(int year, int month, int day) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Status BadPeriod() {
  return Status::Invalid("period", "invalid_period",
                         "period must look like 2026, 2026-Q1, 2026-03 or 2026-01-05..2026-02-01");
}

// Reads `s` as exactly s.size() ASCII digits.
bool AllDigits(std::string_view s, int* out) {
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  *out = n;
  return !s.empty();
}

// True for "YYYY-MM-DD" by shape (the calendar is checked later).
bool IsDateShape(std::string_view s) {
  int unused;
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && AllDigits(s.substr(0, 4), &unused) &&
         AllDigits(s.substr(5, 2), &unused) && AllDigits(s.substr(8, 2), &unused);
}

}  // namespace

Result<Period> SubmissionService::ParsePeriod(const std::string& text_in) const {
  const std::string text = text_in.empty() ? now_().substr(0, 4) : text_in;
  const std::string_view t = text;
  Period p;
  p.label = text;
  int y = 0, q = 0, mo = 0;
  if (t.size() == 4 && AllDigits(t, &y)) {  // 2026
    p.from = Date(y, 1, 1);
    p.to = Date(y, 12, 31);
  } else if (t.size() == 7 && AllDigits(t.substr(0, 4), &y) && t.substr(4, 2) == "-Q" &&
             AllDigits(t.substr(6), &q) && q >= 1 && q <= 4) {  // 2026-Q1
    p.from = Date(y, q * 3 - 2, 1);
    p.to = MonthEnd(y, q * 3);
  } else if (t.size() == 7 && AllDigits(t.substr(0, 4), &y) && t[4] == '-' &&
             AllDigits(t.substr(5), &mo)) {  // 2026-03
    if (mo < 1 || mo > 12) return BadPeriod();
    p.from = Date(y, mo, 1);
    p.to = MonthEnd(y, mo);
  } else if (t.size() == 22 && t.substr(10, 2) == ".." && IsDateShape(t.substr(0, 10)) &&
             IsDateShape(t.substr(12))) {  // 2026-01-05..2026-02-01
    p.from = text.substr(0, 10);
    p.to = text.substr(12);
    if (!clock::IsValidDate(p.from) || !clock::IsValidDate(p.to) || p.from > p.to ||
        clock::DaysFromDate(p.to) - clock::DaysFromDate(p.from) > kMaxCustomDays) {
      return BadPeriod();
    }
  } else {
    return BadPeriod();
  }
  if (p.from < "1970-01-02") return BadPeriod();
  p.from_utc = clock::FormatIso(clock::ShanghaiDayStart(p.from));
  p.to_utc = clock::FormatIso(clock::ShanghaiDayEnd(p.to));
  return p;
}

// Who may read the statistics of `target`: its staff (editors, approvers and
// admins whose association it is) see everything; reporters of organisations
// below it see the ranking and drill down only into their own organisation.
// Everybody else (members, liaisons, complaint handlers, …) is refused, even
// inside the association.
Result<SubmissionService::StatsAccess> SubmissionService::StatsTarget(const Actor& actor,
                                                                      const Scope& scope,
                                                                      const std::string& code) {
  int64_t target = 0;
  if (!code.empty()) {
    const orgs::Org* o = scope.FindCode(code);
    if (!o || !internal::IsAssociationKind(o->kind)) {
      return Status::Invalid("target", "target_not_allowed", "target must be an association");
    }
    target = o->id;
  } else if (actor.HasRole(kRoleEditor) && scope.association) {
    target = scope.association;
  } else if (!scope.targets.empty()) {
    target = scope.targets.front();
  } else {
    target = scope.association;
  }
  if (!target) return Status::Invalid("target", "required", "target is required");
  if (actor.is_system()) return StatsAccess{target, true};
  const bool staff_role =
      actor.HasRole(kRoleEditor) || actor.HasRole(kRoleApprover) || actor.HasRole(kRoleAdmin);
  if (staff_role && scope.association == target) return StatsAccess{target, true};
  const bool below =
      std::find(scope.targets.begin(), scope.targets.end(), target) != scope.targets.end();
  if (actor.HasRole(kRoleReporter) && below) return StatsAccess{target, false};
  return Status::Denied("statistics are for the association's staff and its reporters");
}

Result<Stats> SubmissionService::Statistics(const Actor& actor, const std::string& period,
                                            const std::string& target_code) {
  JB_ASSIGN_OR_RETURN(Period p, ParsePeriod(period));
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  JB_ASSIGN_OR_RETURN(StatsAccess access, StatsTarget(actor, scope, target_code));
  const int64_t target = access.target;
  std::map<int64_t, repo::PieceCounts> pieces;
  std::map<int64_t, repo::CommissionCounts> commissions;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    pieces = repo::CountPieces(s, target, p.from_utc, p.to_utc);
    commissions = repo::CountCommissions(s, target, p.from, p.to);
    return Status::Ok();
  }));
  std::map<int64_t, StatsRow> rows;
  for (const orgs::Org& o : scope.orgs()) {
    if (o.parent_id == target && o.kind == "provincial") rows[o.id].org_id = o.id;
  }
  for (const auto& [org, c] : pieces) {
    rows[org].submitted = c.submitted;
    rows[org].adopted = c.adopted;
  }
  for (const auto& [org, c] : commissions) {
    rows[org].commissioned = c.commissioned;
    rows[org].commissioned_on_time = c.on_time;
    rows[org].commissioned_late = c.late;
  }
  Stats out;
  out.period = p;
  out.target_org_id = target;
  if (const orgs::Org* t = scope.Find(target)) {
    out.target_org_code = t->code;
    out.target_org_name = t->name;
  }
  for (auto& [org, row] : rows) {
    row.org_id = org;
    if (const orgs::Org* o = scope.Find(org)) {
      row.org_code = o->code;
      row.org_name = o->name;
      row.org_short_name = o->short_name;
    }
    row.adoption_rate = row.submitted ? static_cast<double>(row.adopted) / row.submitted : 0;
    out.total.submitted += row.submitted;
    out.total.adopted += row.adopted;
    out.total.commissioned += row.commissioned;
    out.total.commissioned_on_time += row.commissioned_on_time;
    out.total.commissioned_late += row.commissioned_late;
    out.rows.push_back(row);
  }
  out.total.adoption_rate =
      out.total.submitted ? static_cast<double>(out.total.adopted) / out.total.submitted : 0;
  auto key = [](const StatsRow& r) {
    return std::make_tuple(-r.adopted, -r.adoption_rate, -r.submitted);
  };
  std::sort(out.rows.begin(), out.rows.end(), [&](const StatsRow& a, const StatsRow& b) {
    return key(a) != key(b) ? key(a) < key(b) : a.org_code < b.org_code;
  });
  for (size_t i = 0; i < out.rows.size(); ++i) {
    out.rows[i].rank = (i > 0 && key(out.rows[i]) == key(out.rows[i - 1]))
                           ? out.rows[i - 1].rank
                           : static_cast<int>(i + 1);
  }
  return out;
}

Result<Page<Piece>> SubmissionService::StatisticsPieces(
    const Actor& actor, const std::string& period, const std::string& target_code,
    const std::string& org_code, const std::string& kind, int offset, int limit) {
  if (kind != "submitted" && kind != "adopted") {
    return Status::Invalid("kind", "invalid_kind", "kind must be submitted or adopted");
  }
  JB_ASSIGN_OR_RETURN(Period p, ParsePeriod(period));
  JB_ASSIGN_OR_RETURN(Scope scope, LoadScope(actor));
  JB_ASSIGN_OR_RETURN(StatsAccess access, StatsTarget(actor, scope, target_code));
  int64_t owner = 0;
  if (!org_code.empty()) {
    const orgs::Org* o = scope.FindCode(org_code);
    if (!o) return Status::Invalid("org", "org_not_found", "no such organisation");
    owner = o->id;
  }
  // Outside the association's own staff, only one's own organisation's pieces are listed.
  if (!access.staff) {
    if (owner && owner != actor.org_id) return Status::Denied("only your organisation's pieces");
    owner = actor.org_id;
  }
  Page<Piece> page;
  JB_RETURN_IF_ERROR(db_->Read([&](soci::session& s) {
    page = repo::StatsPieces(s, access.target, owner, p.from_utc, p.to_utc, kind, offset, limit);
    return Status::Ok();
  }));
  for (Piece& piece : page.items) Decorate(scope, &piece);
  return page;
}

Result<Export> SubmissionService::ExportStatistics(const Actor& actor, const std::string& period,
                                                   const std::string& target_code,
                                                   const std::string& format,
                                                   const std::string& lang) {
  if (format != "xlsx" && format != "csv") {
    return Status::Invalid("format", "invalid_format", "format must be xlsx or csv");
  }
  JB_ASSIGN_OR_RETURN(Stats stats, Statistics(actor, period, target_code));
  const std::string name = "submissions-" + stats.target_org_code + "-" + stats.period.from + "-" +
                           stats.period.to + "." + format;
  if (format == "csv") return Export{StatsCsv(stats, lang), "text/csv; charset=utf-8", name};
  JB_ASSIGN_OR_RETURN(std::string bytes, StatsXlsx(stats, lang));
  return Export{std::move(bytes),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name};
}

}  // namespace jianbao::submissions
