// Copyright 2026 The Jianbao Authors.

#include "epidemic/repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/clock.h"
#include "epidemic/regions.h"

namespace jianbao::epidemic {

namespace {

constexpr const char* kMinDay = "0000-01-01";
constexpr const char* kMaxDay = "9999-12-31";

std::string FieldColumns(const std::string& prefix = "") {
  std::string out;
  for (Field f : AllFields()) out += ", " + prefix + std::string(FieldName(f));
  return out;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string CreateTablesSql() {
  std::string figures;
  for (Field f : AllFields()) figures += "  " + std::string(FieldName(f)) + " {{int}},\n";
  return "CREATE TABLE epidemic_regions (\n"
         "  code TEXT PRIMARY KEY,\n"
         "  name TEXT NOT NULL,\n"
         "  short_name TEXT NOT NULL,\n"
         "  level TEXT NOT NULL,\n"
         "  parent TEXT NOT NULL\n"
         ");\n"
         "CREATE TABLE epidemic_figures (\n"
         "  day TEXT NOT NULL,\n"
         "  region TEXT NOT NULL REFERENCES epidemic_regions(code),\n" +
         figures +
         "  source TEXT NOT NULL,\n"
         "  PRIMARY KEY (day, region)\n"
         ");\n"
         "CREATE INDEX epidemic_figures_by_region ON epidemic_figures (region, day);\n"
         "CREATE TABLE epidemic_corrections (\n"
         "  id {{pk}},\n"
         "  day TEXT NOT NULL,\n"
         "  region TEXT NOT NULL REFERENCES epidemic_regions(code),\n"
         "  field TEXT NOT NULL,\n"
         "  delta {{int}} NOT NULL,\n"
         "  reason TEXT NOT NULL,\n"
         "  source TEXT NOT NULL,\n"
         "  created_at TEXT NOT NULL,\n"
         "  UNIQUE (day, region, field, delta, reason)\n"
         ");\n"
         "CREATE INDEX epidemic_corrections_by_day ON epidemic_corrections (day);\n";
}

std::string SeedRegionsSql() {
  std::string sql;
  for (const Region& r : BuiltinRegions()) {
    sql += "INSERT INTO epidemic_regions (code, name, short_name, level, parent) VALUES (" +
           Quote(r.code) + ", " + Quote(r.name) + ", " + Quote(r.short_name) + ", " +
           Quote(std::string(LevelName(r.level))) + ", " + Quote(r.parent) + ");\n";
  }
  return sql;
}

// The bound values of one figures row.
struct RowBinding {
  std::string day, region, source;
  std::array<long long, kFieldCount> values{};
  std::array<soci::indicator, kFieldCount> inds{};

  void Set(const RegionDay& row) {
    day = row.date;
    region = row.region;
    for (Field f : AllFields()) {
      const auto& v = row.figures.get(f);
      values[static_cast<int>(f)] = v.value_or(0);
      inds[static_cast<int>(f)] = v ? soci::i_ok : soci::i_null;
    }
  }
  // Binds the members to the parameters named after the columns plus `suffix`.
  void Bind(soci::statement& st, const std::string& suffix = "") {
    st.exchange(soci::use(day, "day" + suffix));
    st.exchange(soci::use(region, "region" + suffix));
    for (Field f : AllFields()) {
      int i = static_cast<int>(f);
      st.exchange(soci::use(values[i], inds[i], std::string(FieldName(f)) + suffix));
    }
    st.exchange(soci::use(source, "source" + suffix));
  }
};

// Rows per upsert statement. PostgreSQL: one round trip per 256 rows.
// SQLite has no round trips, and re-executing a one-row statement binds fastest.
size_t MergeChunk(soci::session& s) { return s.get_backend_name() == "postgresql" ? 256 : 1; }

// The upsert of `n` rows: a reported value overwrites, an unreported one keeps
// the stored value, and a row whose reported values are all equal is not touched.
std::string MergeSql(size_t n) {
  std::string values, set, changed;
  for (size_t r = 0; r < n; ++r) {
    std::string sfx = "_" + std::to_string(r);
    values += std::string(r ? ", " : "") + "(:day" + sfx + ", :region" + sfx;
    for (Field f : AllFields()) values += ", :" + std::string(FieldName(f)) + sfx;
    values += ", :source" + sfx + ")";
  }
  for (Field f : AllFields()) {
    std::string c(FieldName(f));
    set += c + " = COALESCE(excluded." + c + ", epidemic_figures." + c + "), ";
    changed += std::string(changed.empty() ? "" : " OR ") + "(excluded." + c +
               " IS NOT NULL AND excluded." + c + " IS DISTINCT FROM epidemic_figures." + c + ")";
  }
  return "INSERT INTO epidemic_figures (day, region" + FieldColumns() + ", source) VALUES " +
         values + " ON CONFLICT (day, region) DO UPDATE SET " + set +
         "source = excluded.source WHERE " + changed;
}

// A prepared multi-row upsert and the values bound to it.
class MergeStatement {
 public:
  MergeStatement(soci::session& s, size_t n, const std::string& source) : bindings_(n), st_(s) {
    for (size_t r = 0; r < n; ++r) {
      bindings_[r].source = source;
      bindings_[r].Bind(st_, "_" + std::to_string(r));
    }
    st_.alloc();
    st_.prepare(MergeSql(n));
    st_.define_and_bind();
  }
  // Upserts rows[first, first + n); returns how many stored rows changed.
  int Run(const std::vector<RegionDay>& rows, size_t first) {
    for (size_t r = 0; r < bindings_.size(); ++r) bindings_[r].Set(rows[first + r]);
    st_.execute(true);
    return static_cast<int>(st_.get_affected_rows());
  }

 private:
  std::vector<RowBinding> bindings_;  // never resized: the statement holds their addresses
  soci::statement st_;
};

// Reads an integer column whatever width the engine reports it in.
long long GetInt(const soci::row& row, size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_long_long:
      return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(i));
    default:
      return std::stoll(row.get<std::string>(i));
  }
}

std::string InsertFiguresSql() {
  std::string sql = "INSERT INTO epidemic_figures (day, region" + FieldColumns() +
                    ", source) VALUES (:day, :region" + FieldColumns(":") + ", :source)";
  return sql;
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {
      {1, "epidemic tables", CreateTablesSql()},
      {2, "epidemic built-in regions", SeedRegionsSql()},
      {3, "epidemic correction data days and source notes",
       "ALTER TABLE epidemic_corrections ADD COLUMN data_day TEXT NOT NULL DEFAULT '';\n"
       "CREATE TABLE epidemic_notes (\n"
       "  id {{pk}},\n"
       "  regions TEXT NOT NULL,\n"
       "  level TEXT NOT NULL,\n"
       "  fields TEXT NOT NULL,\n"
       "  rule TEXT NOT NULL,\n"
       "  day_from TEXT NOT NULL,\n"
       "  day_to TEXT NOT NULL,\n"
       "  reason TEXT NOT NULL,\n"
       "  reference TEXT NOT NULL,\n"
       "  created_at TEXT NOT NULL\n"
       ");\n"},
      {4, "edit versions of grid rows for If-Match (store/versions.h)",
       "CREATE TABLE epidemic_figure_versions (\n"
       "  day TEXT NOT NULL,\n"
       "  region TEXT NOT NULL,\n"
       "  version INTEGER NOT NULL DEFAULT 1,\n"
       "  updated_by TEXT NOT NULL DEFAULT '',\n"
       "  updated_at TEXT NOT NULL DEFAULT '',\n"
       "  PRIMARY KEY (day, region)\n"
       ");\n"},
      {5, "follow-ups of validation findings and their events",
       "CREATE TABLE epidemic_followups (\n"
       "  id {{pk}},\n"
       "  day TEXT NOT NULL,\n"
       "  region TEXT NOT NULL,\n"
       "  rule TEXT NOT NULL,\n"
       "  field TEXT NOT NULL,\n"
       "  state TEXT NOT NULL,\n"
       "  assignee_id {{int}} NOT NULL DEFAULT 0,\n"
       "  resolved_kind TEXT NOT NULL DEFAULT '',\n"
       "  resolved_id {{int}} NOT NULL DEFAULT 0,\n"
       "  close_reason TEXT NOT NULL DEFAULT '',\n"
       "  created_by TEXT NOT NULL,\n"
       "  created_at TEXT NOT NULL,\n"
       "  version INTEGER NOT NULL DEFAULT 1,\n"
       "  updated_by TEXT NOT NULL DEFAULT '',\n"
       "  updated_at TEXT NOT NULL DEFAULT '',\n"
       "  UNIQUE (day, region, rule, field)\n"
       ");\n"
       "CREATE INDEX epidemic_followups_by_state ON epidemic_followups (state, assignee_id);\n"
       "CREATE TABLE epidemic_followup_events (\n"
       "  id {{pk}},\n"
       "  followup_id {{int}} NOT NULL REFERENCES epidemic_followups(id),\n"
       "  action TEXT NOT NULL,\n"
       "  by_name TEXT NOT NULL,\n"
       "  at TEXT NOT NULL,\n"
       "  text TEXT NOT NULL,\n"
       "  assignee_id {{int}} NOT NULL DEFAULT 0,\n"
       "  resolved_kind TEXT NOT NULL DEFAULT '',\n"
       "  resolved_id {{int}} NOT NULL DEFAULT 0\n"
       ");\n"
       "CREATE INDEX epidemic_followup_events_by_followup ON epidemic_followup_events "
       "(followup_id);\n"},
  };
}

namespace repository {

Status InsertMissingRegions(soci::session& s, const std::vector<Region>& regions) {
  if (regions.empty()) return Status::Ok();
  Region r;
  std::string level;
  soci::statement st =
      (s.prepare << "INSERT INTO epidemic_regions (code, name, short_name, level, parent) "
                    "VALUES (:code, :name, :short_name, :level, :parent) "
                    "ON CONFLICT (code) DO NOTHING",
       soci::use(r.code, "code"), soci::use(r.name, "name"), soci::use(r.short_name, "short_name"),
       soci::use(level, "level"), soci::use(r.parent, "parent"));
  for (const Region& region : regions) {
    r = region;
    level = std::string(LevelName(region.level));
    st.execute(true);
  }
  return Status::Ok();
}

Result<std::vector<Region>> LoadRegions(soci::session& s) {
  std::vector<Region> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT code, name, short_name, level, parent FROM epidemic_regions "
                    "ORDER BY code");
  for (const soci::row& row : rows) {
    Region r{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
             LevelFromName(row.get<std::string>(3)).value_or(RegionLevel::kCity),
             row.get<std::string>(4)};
    out.push_back(std::move(r));
  }
  return out;
}

Result<int> MergeFigures(soci::session& s, const std::vector<RegionDay>& rows,
                         const std::string& source) {
  const size_t chunk = MergeChunk(s);
  int changed = 0;
  std::unique_ptr<MergeStatement> full;
  for (size_t first = 0; first < rows.size(); first += chunk) {
    size_t n = std::min(chunk, rows.size() - first);
    if (n == chunk) {
      if (!full) full = std::make_unique<MergeStatement>(s, n, source);
      changed += full->Run(rows, first);
    } else {
      changed += MergeStatement(s, n, source).Run(rows, first);
    }
  }
  return changed;
}

Status ReplaceFigures(soci::session& s, const RegionDay& row, const std::string& source) {
  s << "DELETE FROM epidemic_figures WHERE day = :day AND region = :region",
      soci::use(row.date, "day"), soci::use(row.region, "region");
  if (row.figures.empty()) return Status::Ok();
  RowBinding b;
  b.source = source;
  b.Set(row);
  soci::statement st(s);
  b.Bind(st);
  st.alloc();
  st.prepare(InsertFiguresSql());
  st.define_and_bind();
  st.execute(true);
  return Status::Ok();
}

std::map<std::string, EditStamp> LoadFigureVersions(soci::session& s, const std::string& date) {
  std::map<std::string, EditStamp> out;
  std::string region;
  long long version = 1;
  EditStamp stamp;
  soci::statement st =
      (s.prepare << "SELECT region, version, updated_by, updated_at FROM epidemic_figure_versions "
                    "WHERE day = :day",
       soci::use(date, "day"), soci::into(region), soci::into(version), soci::into(stamp.by),
       soci::into(stamp.at));
  st.execute();
  while (st.fetch()) {
    stamp.version = version;
    out[region] = stamp;
  }
  return out;
}

void BumpFigureVersions(soci::session& s, const std::string& from, const std::string& to,
                        const std::string& by, const std::string& at) {
  // (The WHERE clause also lets SQLite parse ON CONFLICT after a SELECT.)
  s << "INSERT INTO epidemic_figure_versions (day, region, version, updated_by, updated_at) "
       "SELECT day, region, 2, :by, :at FROM epidemic_figures WHERE day >= :from AND day <= :to "
       "ON CONFLICT (day, region) DO UPDATE SET version = epidemic_figure_versions.version + 1, "
       "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      soci::use(by, "by"), soci::use(at, "at"), soci::use(from, "from"), soci::use(to, "to");
}

Status ClaimFigureVersion(soci::session& s, const std::string& date, const std::string& region,
                          const std::optional<int64_t>& expected, const std::string& by,
                          const std::string& at) {
  // The row of versions exists first (version 1); of two racing inserts the
  // second waits for the first and then does nothing.
  s << "INSERT INTO epidemic_figure_versions (day, region) VALUES (:day, :region) "
       "ON CONFLICT (day, region) DO NOTHING",
      soci::use(date, "day"), soci::use(region, "region");
  long long want = expected.value_or(0);
  const int any = expected ? 0 : 1;
  soci::statement st =
      (s.prepare << "UPDATE epidemic_figure_versions SET version = version + 1, updated_by = :by, "
                    "updated_at = :at WHERE day = :day AND region = :region AND (version = :v "
                    "OR 1 = :any)",
       soci::use(by, "by"), soci::use(at, "at"), soci::use(date, "day"),
       soci::use(region, "region"), soci::use(want, "v"), soci::use(any, "any"));
  st.execute(true);
  if (st.get_affected_rows() == 1) return Status::Ok();
  const std::map<std::string, EditStamp> now = LoadFigureVersions(s, date);
  auto it = now.find(region);
  return EditConflict(it == now.end() ? EditStamp{} : it->second);
}

Result<std::vector<RegionDay>> LoadFigures(soci::session& s, const std::string& from,
                                           const std::string& to, const std::string& region) {
  constexpr size_t kChunk = 4096;
  std::vector<std::string> days(kChunk), regions(kChunk);
  std::array<std::vector<long long>, kFieldCount> values;
  std::array<std::vector<soci::indicator>, kFieldCount> inds;
  std::string lo = from.empty() ? kMinDay : from, hi = to.empty() ? kMaxDay : to;
  std::string sql = "SELECT day, region" + FieldColumns() +
                    " FROM epidemic_figures WHERE day >= :lo AND day <= :hi" +
                    (region.empty() ? "" : " AND region = :region") + " ORDER BY region, day";
  soci::statement st(s);
  st.exchange(soci::into(days));
  st.exchange(soci::into(regions));
  for (int i = 0; i < kFieldCount; ++i) {
    values[i].resize(kChunk);
    inds[i].resize(kChunk);
    st.exchange(soci::into(values[i], inds[i]));
  }
  st.exchange(soci::use(lo, "lo"));
  st.exchange(soci::use(hi, "hi"));
  if (!region.empty()) st.exchange(soci::use(region, "region"));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  std::vector<RegionDay> out;
  st.execute(false);
  while (st.fetch()) {
    for (size_t r = 0; r < days.size(); ++r) {
      RegionDay row{days[r], regions[r], {}};
      for (int i = 0; i < kFieldCount; ++i) {
        if (inds[i][r] == soci::i_ok) row.figures.set(static_cast<Field>(i), values[i][r]);
      }
      out.push_back(std::move(row));
    }
    days.resize(kChunk);
    regions.resize(kChunk);
    for (int i = 0; i < kFieldCount; ++i) {
      values[i].resize(kChunk);
      inds[i].resize(kChunk);
    }
  }
  return out;
}

Result<int> InsertCorrections(soci::session& s, std::vector<Correction>* corrections,
                              bool skip_duplicates) {
  int inserted = 0;
  std::string now = clock::NowIso();
  for (Correction& c : *corrections) {
    std::string field(FieldName(c.field));
    long long delta = c.delta;
    if (skip_duplicates) {
      int count = 0;
      s << "SELECT COUNT(*) FROM epidemic_corrections WHERE day = :day AND region = :region AND "
           "field = :field AND delta = :delta AND reason = :reason",
          soci::use(c.date, "day"), soci::use(c.region, "region"), soci::use(field, "field"),
          soci::use(delta, "delta"), soci::use(c.reason, "reason"), soci::into(count);
      if (count > 0) continue;
    }
    long long id = 0;
    s << "INSERT INTO epidemic_corrections (day, region, field, delta, reason, source, "
         "created_at, data_day) VALUES (:day, :region, :field, :delta, :reason, :source, "
         ":created_at, :data_day) RETURNING id",
        soci::use(c.date, "day"), soci::use(c.region, "region"), soci::use(field, "field"),
        soci::use(delta, "delta"), soci::use(c.reason, "reason"), soci::use(c.source, "source"),
        soci::use(now, "created_at"), soci::use(c.data_date, "data_day"), soci::into(id);
    c.id = id;
    ++inserted;
  }
  return inserted;
}

Result<std::vector<Correction>> LoadCorrections(soci::session& s, const std::string& from,
                                                const std::string& to) {
  std::string lo = from.empty() ? kMinDay : from, hi = to.empty() ? kMaxDay : to;
  std::vector<Correction> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, day, region, field, delta, reason, source, data_day FROM "
                    "epidemic_corrections WHERE day >= :lo AND day <= :hi ORDER BY day, id",
       soci::use(lo, "lo"), soci::use(hi, "hi"));
  for (const soci::row& row : rows) {
    Correction c;
    c.id = GetInt(row, 0);
    c.date = row.get<std::string>(1);
    c.region = row.get<std::string>(2);
    auto field = FieldFromName(row.get<std::string>(3));
    if (!field) return Status::Internal("unknown correction field " + row.get<std::string>(3));
    c.field = *field;
    c.delta = GetInt(row, 4);
    c.reason = row.get<std::string>(5);
    c.source = row.get<std::string>(6);
    c.data_date = row.get<std::string>(7);
    out.push_back(std::move(c));
  }
  return out;
}

Result<DateRange> StoredDates(soci::session& s) {
  DateRange range;
  soci::indicator fi = soci::i_null, li = soci::i_null;
  long long days = 0;
  s << "SELECT MIN(day), MAX(day), COUNT(DISTINCT day) FROM epidemic_figures",
      soci::into(range.first, fi), soci::into(range.last, li), soci::into(days);
  if (fi != soci::i_ok || li != soci::i_ok) return DateRange{};
  range.days = static_cast<int>(days);
  return range;
}

Status DeleteCorrection(soci::session& s, int64_t id) {
  long long key = id;
  soci::statement st =
      (s.prepare << "DELETE FROM epidemic_corrections WHERE id = :id", soci::use(key, "id"));
  st.execute(true);
  if (st.get_affected_rows() == 0) {
    return Status::NotFound("correction_not_found", "no correction " + std::to_string(id));
  }
  return Status::Ok();
}

namespace {

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// The note's columns as stored.
struct NoteColumns {
  std::string regions, level, fields, rule, from, to, reason, reference;
  explicit NoteColumns(const SourceNote& n)
      : regions(JoinList(n.regions)),
        level(n.level),
        rule(n.rule),
        from(n.from),
        to(n.to),
        reason(n.reason),
        reference(n.reference) {
    std::vector<std::string> names;
    for (Field f : n.fields) names.emplace_back(FieldName(f));
    fields = JoinList(names);
  }
};

}  // namespace

Result<int> InsertNotes(soci::session& s, std::vector<SourceNote>* notes, bool skip_duplicates) {
  int inserted = 0;
  std::string now = clock::NowIso();
  for (SourceNote& n : *notes) {
    NoteColumns c(n);
    if (skip_duplicates) {
      int count = 0;
      s << "SELECT COUNT(*) FROM epidemic_notes WHERE regions = :regions AND level = :level AND "
           "fields = :fields AND rule = :rule AND day_from = :day_from AND day_to = :day_to AND "
           "reason = :reason",
          soci::use(c.regions, "regions"), soci::use(c.level, "level"),
          soci::use(c.fields, "fields"), soci::use(c.rule, "rule"), soci::use(c.from, "day_from"),
          soci::use(c.to, "day_to"), soci::use(c.reason, "reason"), soci::into(count);
      if (count > 0) continue;
    }
    long long id = 0;
    s << "INSERT INTO epidemic_notes (regions, level, fields, rule, day_from, day_to, reason, "
         "reference, created_at) VALUES (:regions, :level, :fields, :rule, :day_from, :day_to, "
         ":reason, :reference, :created_at) RETURNING id",
        soci::use(c.regions, "regions"), soci::use(c.level, "level"), soci::use(c.fields, "fields"),
        soci::use(c.rule, "rule"), soci::use(c.from, "day_from"), soci::use(c.to, "day_to"),
        soci::use(c.reason, "reason"), soci::use(c.reference, "reference"),
        soci::use(now, "created_at"), soci::into(id);
    n.id = id;
    ++inserted;
  }
  return inserted;
}

Status DeleteNote(soci::session& s, int64_t id) {
  long long key = id;
  soci::statement st =
      (s.prepare << "DELETE FROM epidemic_notes WHERE id = :id", soci::use(key, "id"));
  st.execute(true);
  if (st.get_affected_rows() == 0) {
    return Status::NotFound("note_not_found", "no source note " + std::to_string(id));
  }
  return Status::Ok();
}

Result<std::vector<SourceNote>> LoadNotes(soci::session& s) {
  std::vector<SourceNote> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, regions, level, fields, rule, day_from, day_to, reason, "
                    "reference FROM epidemic_notes ORDER BY id");
  for (const soci::row& row : rows) {
    SourceNote n;
    n.id = GetInt(row, 0);
    n.regions = SplitList(row.get<std::string>(1));
    n.level = row.get<std::string>(2);
    for (const std::string& name : SplitList(row.get<std::string>(3))) {
      auto f = FieldFromName(name);
      if (!f) return Status::Internal("unknown note field " + name);
      n.fields.push_back(*f);
    }
    n.rule = row.get<std::string>(4);
    n.from = row.get<std::string>(5);
    n.to = row.get<std::string>(6);
    n.reason = row.get<std::string>(7);
    n.reference = row.get<std::string>(8);
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace repository
}  // namespace jianbao::epidemic
