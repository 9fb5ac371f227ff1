// Copyright 2026 The Jianbao Authors.
//
// The search benchmark (bench/search/README.md): builds 50,000 Chinese
// documents of 1–2 KB, indexes them through SearchService, reports build time
// and index size, then the latency of 2-character, 4-character and phrase
// queries (page of 10, totals and facets included) as a user with reader keys.
//   jb_search_bench [--db URL] [--docs N] [--queries N]

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "search/repository.h"
#include "search/service.h"
#include "search/tokenizer.h"

using jianbao::Actor;
using jianbao::Status;
namespace search = jianbao::search;

namespace {

// Everyday words of association reports, most common first (Zipf-sampled).
const char* const kWords[] = {
    "的",   "工作", "协会", "会员", "单位",   "通信", "网络",   "发展",     "企业",   "建设",
    "服务", "行业", "开展", "信息", "安全",   "组织", "推进",   "管理",     "技术",   "数据",
    "全省", "全国", "要求", "落实", "疫情",   "防控", "复工",   "复产",     "基站",   "宽带",
    "用户", "运营", "保障", "应急", "会议",   "培训", "标准",   "创新",     "数字",   "经济",
    "平台", "项目", "市场", "质量", "投诉",   "处理", "政策",   "通知",     "北京",   "上海",
    "湖北", "河北", "武汉", "广东", "陕西",   "青海", "京山",   "京津冀",   "雄安",   "西安",
    "移动", "联通", "电信", "铁塔", "光纤",   "5G",   "云计算", "人工智能", "物联网", "大数据",
    "一是", "二是", "三是", "同时", "进一步", "加强", "提升",   "完善",     "健全",   "研究",
    "部署", "调研", "走访", "座谈", "交流",   "经验", "成效",   "问题",     "困难",   "措施",
    "方案", "计划", "年度", "季度", "本月",   "今年", "以来",   "累计",     "同比",   "增长",
    "下降", "完成", "目标", "节能", "减排",   "绿色", "低碳",   "机房",     "空调",   "电力",
    "供电", "维护", "巡检", "故障", "抢修",   "恢复", "畅通",   "指挥",     "调度",   "值班",
    "人员", "物资", "车辆", "设备", "线路",   "乡村", "振兴",   "农村",     "覆盖",   "普及",
    "提速", "降费", "资费", "套餐", "消费者", "权益", "诈骗",   "防范",     "宣传",   "教育",
    "知识", "竞赛", "评选", "表彰", "先进",   "典型", "案例",   "党建",     "学习",   "贯彻",
    "精神", "思想", "作风", "纪律", "廉洁",   "制度", "规范",   "流程",
};
const char* const kPunct[] = {"，", "，", "，", "、", "。", "。", "；", "！", "\n"};

struct Stats {
  double p50 = 0, p99 = 0, mean = 0;
  int64_t hits = 0;
};

Stats Measure(std::vector<double> ms, int64_t hits) {
  std::sort(ms.begin(), ms.end());
  Stats s;
  s.p50 = ms[ms.size() / 2];
  s.p99 = ms[std::min(ms.size() - 1, static_cast<size_t>(std::ceil(ms.size() * 0.99)) - 1)];
  for (double m : ms) s.mean += m / ms.size();
  s.hits = hits;
  return s;
}

double ThreadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  int docs = 50000, queries = 1000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) url = argv[i + 1];
    if (!std::strcmp(argv[i], "--docs")) docs = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--queries")) queries = std::atoi(argv[i + 1]);
  }
  search::repo::InstallSqliteTokenizer();
  std::string path;
  if (url.empty()) {
    path = "/tmp/jb_search_bench.db";
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
    url = "sqlite:" + path;
  }
  auto opened = jianbao::store::Database::Open(url);
  if (!opened.ok()) {
    std::cerr << opened.status().ToString() << "\n";
    return 1;
  }
  std::unique_ptr<jianbao::store::Database> db = std::move(opened).value();
  db->AddMigrations("search", search::repo::Migrations(db->engine()));
  if (Status st = db->Migrate(); !st.ok()) {
    std::cerr << st.ToString() << "\n";
    return 1;
  }
  search::SearchService svc(db.get());
  search::Kind kind;
  kind.name = "piece";
  kind.load = [](soci::session&, int64_t) { return std::optional<search::Document>(); };
  kind.ids = [](soci::session&) { return std::vector<int64_t>(); };
  kind.readers_of = [](const Actor& a) -> jianbao::Result<std::vector<std::string>> {
    return std::vector<std::string>{"public", "org:" + std::to_string(a.org_id)};
  };
  svc.AddKind(kind);

  // ---- corpus ----
  const size_t nwords = sizeof(kWords) / sizeof(kWords[0]);
  std::vector<double> weights;
  for (size_t i = 0; i < nwords; ++i) weights.push_back(1.0 / (i + 1));
  std::discrete_distribution<size_t> word(weights.begin(), weights.end());
  std::mt19937 rng(2026);
  int64_t text_bytes = 0;
  std::vector<std::string> bodies;
  auto make_text = [&](size_t bytes) {
    std::string t;
    while (t.size() < bytes) {
      t += kWords[word(rng)];
      if (rng() % 6 == 0) t += kPunct[rng() % (sizeof(kPunct) / sizeof(kPunct[0]))];
    }
    return t;
  };
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = CpuSeconds();
  constexpr int kBatch = 1000;
  for (int from = 1; from <= docs; from += kBatch) {
    Status st = db->Write([&](soci::session& s) {
      for (int id = from; id < from + kBatch && id <= docs; ++id) {
        search::Document d;
        d.kind = "piece";
        d.id = id;
        d.title = make_text(30 + rng() % 30);
        d.body = make_text(1024 + rng() % 1024);
        d.org = "org" + std::to_string(id % 300);
        d.date = "2026-" + std::string(id % 12 < 9 ? "0" : "") + std::to_string(1 + id % 12) +
                 "-1" + std::to_string(id % 10);
        d.readers = {id % 10 == 0 ? "org:" + std::to_string(id % 300) : "public"};
        text_bytes += d.title.size() + d.body.size();
        if (bodies.size() < 2000) bodies.push_back(d.body);
        search::SearchService::Index(s, d);
      }
      return Status::Ok();
    });
    if (!st.ok()) {
      std::cerr << st.ToString() << "\n";
      return 1;
    }
  }
  const double build_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double build_cpu = CpuSeconds() - c0;
  auto size = svc.Size().value();
  std::cout << "engine "
            << (db->engine() == jianbao::store::Engine::kPostgres ? "postgresql" : "sqlite") << ", "
            << docs << " documents, " << text_bytes / 1e6 << " MB of text\n";
  std::cout.setf(std::ios::unitbuf);  // figures appear as they are measured
  std::cout << "build " << build_s << " s wall, " << build_cpu << " s CPU in this process\n";
  std::cout << "index " << size.first / 1e6 << " MB (" << 100.0 * size.first / size.second
            << "% of the text), stored text " << size.second / 1e6 << " MB\n";
  if (!path.empty()) {
    std::cout << "database file " << std::filesystem::file_size(path) / 1e6 << " MB\n";
  }
  {
    const auto o0 = std::chrono::steady_clock::now();
    if (Status st = svc.Optimize(); !st.ok()) std::cerr << st.ToString() << "\n";
    if (db->engine() == jianbao::store::Engine::kPostgres) {
      // What autovacuum would do after a bulk load: statistics and the visibility map.
      Status st = db->Read([](soci::session& s) {
        s << "VACUUM ANALYZE search_docs";
        s << "VACUUM ANALYZE search_tsv";
        return Status::Ok();
      });
      if (!st.ok()) std::cerr << "vacuum: " << st.ToString() << "\n";
    }
    size = svc.Size().value();
    std::cout << "optimize "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - o0).count()
              << " s; index then " << size.first / 1e6 << " MB ("
              << 100.0 * size.first / size.second << "% of the text)\n";
  }

  // ---- queries: words as users type them, weighted like the text ----
  auto cut = [&](size_t chars) {
    for (;;) {
      const std::string f = search::Fold(bodies[rng() % bodies.size()]);
      std::vector<search::Token> t = search::TokenizeAll(f);
      const search::Token& a = t[rng() % t.size()];
      if (a.colocated || a.text == search::kGapToken || a.text.size() != 6) continue;
      // Extend to `chars` CJK characters inside one run.
      size_t end = a.start;
      size_t n = 0;
      while (end < f.size() && n < chars) {
        const unsigned char c = f[end];
        if (c < 0xE4 || c > 0xE9) break;  // not a common CJK ideograph
        end += 3;
        ++n;
      }
      if (n == chars) return f.substr(a.start, end - a.start);
    }
  };
  std::vector<std::string> two, four, phrase;
  for (int i = 0; i < queries; ++i) {
    std::string w;
    do {
      w = kWords[word(rng)];
    } while (w.size() != 6);
    two.push_back(w);
    four.push_back(cut(4));
    phrase.push_back("\"" + cut(3) + " " + "\"");
  }
  for (int i = 0; i < queries; ++i) phrase[i] = "\"" + cut(6) + "\"";
  Actor actor;
  actor.user_id = 5;
  actor.login = "reader";
  actor.org_id = 17;
  // Each list twice: first with the result cache off (every search computed
  // in full: the cost of a search the cache has not seen), then with it on,
  // the same queries in the same order (a repeated query is answered from the
  // cache; the first of each is computed and cached).
  for (const bool cached : {false, true}) {
    svc.set_cache_bytes(cached ? search::kCacheBytes : 0);
    for (const auto& [name, list] :
         {std::pair{"2-character", &two}, std::pair{"4-character", &four},
          std::pair{"phrase (6 characters, quoted)", &phrase}}) {
      std::vector<double> ms, cpu;
      int64_t hits = 0;
      const auto [cache_hits0, cache_misses0] = svc.cache_lookups();
      for (const std::string& q : *list) {
        search::SearchRequest req;
        req.q = q;
        req.page.page_size = 10;
        const auto a = std::chrono::steady_clock::now();
        const double ca = ThreadCpuMs();
        auto r = svc.Search(actor, req);
        cpu.push_back(ThreadCpuMs() - ca);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a)
                         .count());
        if (!r.ok()) {
          std::cerr << q << ": " << r.status().ToString() << "\n";
          return 1;
        }
        hits += r.value().total;
      }
      const auto [cache_hits1, cache_misses1] = svc.cache_lookups();
      Stats s = Measure(ms, hits), c = Measure(cpu, hits);
      std::cout << (cached ? "cache on,  " : "cache off, ") << name << " queries (" << list->size()
                << "): wall p50 " << s.p50 << " ms, p99 " << s.p99 << " ms; CPU of this thread p50 "
                << c.p50 << " ms, p99 " << c.p99 << " ms; mean total "
                << s.hits / static_cast<double>(list->size()) << " documents";
      if (cached) {
        std::cout << "; answered by the cache " << cache_hits1 - cache_hits0 << " of "
                  << (cache_hits1 - cache_hits0) + (cache_misses1 - cache_misses0);
      }
      std::cout << "\n";
    }
  }
  return 0;
}
