// Copyright 2026 The Jianbao Authors.
//
// jb_submissions_bench [--db URL] [--pieces N] [--orgs N] [--runs N]
//
// 1. Builds a 50-page .docx in memory (headings, paragraphs, bold runs,
//    lists, a table every few pages) and times ReadDocx over it.
// 2. Fills a fresh database (default: a new SQLite file in /tmp) with N
//    organisations under the national association and N pieces over two years
//    with commissions, then times SubmissionService::Statistics for one year.
// Prints one line per measurement: best, median and worst of the runs.

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "core/clock.h"
#include "notify/notify.h"
#include "orgs/demo.h"
#include "orgs/repository.h"
#include "submissions/testing/docx_test_util.h"
#include "submissions/import.h"
#include "submissions/repository.h"
#include "submissions/service.h"

namespace jianbao::submissions {
namespace {

using Clock = std::chrono::steady_clock;

template <typename Fn>
void Time(const std::string& what, int runs, Fn fn) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    fn();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-44s best %8.1f ms  median %8.1f ms  worst %8.1f ms  (%d runs)\n", what.c_str(),
              ms.front(), ms[ms.size() / 2], ms.back(), runs);
}

// Word writes run properties on every run and splits text into many runs;
// so does this document, with an image every five pages.
std::string FiftyPages(size_t* xml_bytes) {
  const std::string rpr =
      "<w:rPr><w:rFonts w:ascii=\"FangSong\" w:eastAsia=\"仿宋\" w:hAnsi=\"FangSong\"/>"
      "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr>";
  const std::string brpr = "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr>";
  const std::string sentence =
      "协会组织会员单位围绕网络建设、安全生产和会员服务开展工作，取得了阶段性成效，"
      "各单位认真落实有关要求，及时报送进展情况。";
  auto run = [&](const std::string& props, const std::string& t) {
    return "<w:r>" + props + "<w:t xml:space=\"preserve\">" + t + "</w:t></w:r>";
  };
  std::string body = testing::Para("五十页文档的标题", "Title");
  for (int page = 0; page < 50; ++page) {
    body += testing::Para("第" + std::to_string(page + 1) + "部分　工作进展", "Heading1");
    for (int p = 0; p < 5; ++p) {
      body += "<w:p><w:pPr><w:ind w:firstLineChars=\"200\"/></w:pPr>" + run(rpr, sentence) +
              run(rpr, sentence) + run(brpr, "重点工作") + run(rpr, sentence) + "</w:p>";
    }
    for (int i = 0; i < 3; ++i) {
      body += "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>" +
              run(rpr, sentence) + "</w:p>";
    }
    if (page % 5 == 0) {
      body += "<w:p><w:r><w:drawing><a:blip r:embed=\"rId5\"/></w:drawing></w:r></w:p><w:tbl>";
      for (int r = 0; r < 6; ++r) {
        body += "<w:tr>";
        for (int c = 0; c < 4; ++c) {
          body += "<w:tc><w:p>" + run(rpr, "单元" + std::to_string(r * 4 + c)) + "</w:p></w:tc>";
        }
        body += "</w:tr>";
      }
      body += "</w:tbl>";
    }
  }
  *xml_bytes = body.size();
  const std::string rels =
      "<Relationships><Relationship Id=\"rId5\" Target=\"media/image1.png\"/></Relationships>";
  return testing::MinimalDocx(body, {{"word/media/image1.png", testing::TinyPng()}}, rels);
}

void BenchImport(int runs) {
  size_t xml = 0;
  const std::string doc = FiftyPages(&xml);
  size_t chars = 0;
  std::printf("50-page .docx: %zu KiB zipped, document.xml %zu KiB\n", doc.size() / 1024,
              xml / 1024);
  Time("import 50-page .docx", runs, [&] {
    auto r = ReadDocx(doc);
    if (!r.ok()) std::abort();
    chars = r->body.size();
  });
  std::printf("  body: %zu bytes of CommonMark\n", chars);
}

// Inserts `n` organisations and `pieces` pieces with multi-row INSERTs (bench
// data only: every value is a number or a fixed string made here).
void Fill(store::Database& db, orgs::OrgService& orgs, int n_orgs, int n_pieces) {
  std::vector<int64_t> org_ids;
  int64_t ccea = 0;
  const std::vector<orgs::Org> all = orgs.ListOrgs(Actor::System()).value();
  for (const auto& o : all) {
    if (o.code == "ccea") ccea = o.id;
  }
  Status st = db.Write([&](soci::session& s) {
    for (int i = 0; i < n_orgs; ++i) {
      long long id = 0;
      const std::string code = "bench-" + std::to_string(i);
      s << "INSERT INTO orgs (code, name, short_name, kind, parent_id, created_at) VALUES (:c, :n, "
           "'', 'provincial', :p, '2025-01-01T00:00:00Z') RETURNING id",
          soci::use(code), soci::use("测试协会" + std::to_string(i)),
          soci::use(static_cast<long long>(ccea)), soci::into(id);
      org_ids.push_back(id);
    }
    for (size_t i = 0; i < org_ids.size(); ++i) {
      s << "INSERT INTO commissions (topic, requester_org_id, org_id, deadline, deadline_at, "
           "created_by, created_by_login, created_at) VALUES ('约稿', " +
               std::to_string(ccea) + ", " + std::to_string(org_ids[i]) +
               ", '2026-06-30', '2026-06-30T16:00:00Z', 0, 'bench', '2026-01-01T00:00:00Z')";
    }
    const char* states[] = {"adopted", "submitted", "returned", "not_adopted", "resubmitted"};
    const int64_t start = clock::DaysFromDate("2025-01-01") * 86400;
    const int64_t span = 730LL * 86400;
    std::string sql;
    for (int i = 0; i < n_pieces; ++i) {
      const std::string at =
          clock::FormatIso(start + (int64_t{i} * 7919 * 86400) % span + (i % 86400));
      const int64_t org = org_ids[(i * 31) % org_ids.size()];
      const std::string commission =
          i % 50 == 0
              ? "(SELECT MIN(id) FROM commissions WHERE org_id = " + std::to_string(org) + ")"
              : "NULL";
      sql += std::string(sql.empty() ? "" : ",") + "('稿件', '正文', '" + states[i % 5] + "', " +
             std::to_string(org) + ", " + std::to_string(ccea) + ", " + commission +
             ", 0, 'bench', '" + at + "', '" + at + "', '" + at + "', '" + at + "')";
      if ((i + 1) % 500 == 0 || i + 1 == n_pieces) {
        s << "INSERT INTO pieces (title, body, state, owner_org_id, target_org_id, commission_id, "
             "created_by, created_by_login, created_at, updated_at, first_submitted_at, "
             "submitted_at) VALUES " +
                 sql;
        sql.clear();
      }
    }
    return Status::Ok();
  });
  if (!st.ok()) {
    std::cerr << st.ToString() << "\n";
    std::exit(1);
  }
}

int Main(int argc, char** argv) {
  std::string url;
  int n_pieces = 100000, n_orgs = 300, runs = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--db") url = v;
    if (k == "--pieces") n_pieces = std::stoi(v);
    if (k == "--orgs") n_orgs = std::stoi(v);
    if (k == "--runs") runs = std::stoi(v);
  }
  BenchImport(runs);
  std::string file;
  if (url.empty()) {
    file = (std::filesystem::temp_directory_path() / "jb-submissions-bench.db").string();
    std::filesystem::remove(file);
    std::filesystem::remove(file + "-wal");
    url = "sqlite:" + file;
  }
  auto db = std::move(store::Database::Open(url)).value();
  db->AddMigrations("orgs", orgs::repo::Migrations());
  db->AddMigrations("notify", notify::Migrations());
  db->AddMigrations("submissions", repo::Migrations());
  if (!db->Migrate().ok()) return 1;
  Config config;
  orgs::OrgService orgs(db.get(), config);
  if (!orgs::LoadDemo(orgs).ok()) return 1;
  SubmissionService svc(db.get(), &orgs, config);
  const auto fill_start = Clock::now();
  Fill(*db, orgs, n_orgs, n_pieces);
  std::printf("filled %d pieces from %d organisations in %.1f s (%s)\n", n_pieces, n_orgs,
              std::chrono::duration<double>(Clock::now() - fill_start).count(),
              db->display_url().c_str());
  Result<Stats> stats = Status::Internal("not run");
  Time("statistics, one year (2026)", runs,
       [&] { stats = svc.Statistics(Actor::System(), "2026", "ccea"); });
  if (!stats.ok()) {
    std::cerr << stats.status().ToString() << "\n";
    return 1;
  }
  std::printf("  rows %zu, submitted %lld, adopted %lld, commissioned %lld\n", stats->rows.size(),
              static_cast<long long>(stats->total.submitted),
              static_cast<long long>(stats->total.adopted),
              static_cast<long long>(stats->total.commissioned));
  Time("statistics, one quarter (2026-Q2)", runs,
       [&] { stats = svc.Statistics(Actor::System(), "2026-Q2", "ccea"); });
  Time("statistics .xlsx export, one year", std::max(3, runs / 4),
       [&] { (void)svc.ExportStatistics(Actor::System(), "2026", "ccea", "xlsx"); });
  if (!file.empty()) std::filesystem::remove(file);
  return 0;
}

}  // namespace
}  // namespace jianbao::submissions

int main(int argc, char** argv) { return jianbao::submissions::Main(argc, argv); }
