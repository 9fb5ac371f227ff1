// Copyright 2026 The Jianbao Authors.
//
// Warm-render benchmark: one Typesetter, the same issue rendered N times.
//   jb_typeset_bench ISSUE.json [N]
// Prints the first (cold) render and the median / p90 of the warm ones, for
// layout only (Paginate), PDF and DOCX, and the peak RSS.
//   jb_typeset_bench ISSUE.json 0 OUT.pdf
// renders one PDF cold and exits: a whole-process figure that does not
// depend on the rest of the jianbao binary being buildable.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "typeset/typeset.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename F>
void Measure(const char* name, int n, F f) {
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    auto t0 = Clock::now();
    if (!f()) {
      std::fprintf(stderr, "%s failed\n", name);
      return;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  double first = ms.front();
  std::vector<double> warm(ms.begin() + (n > 1 ? 1 : 0), ms.end());
  std::sort(warm.begin(), warm.end());
  std::printf("%-10s first %7.1f ms   warm median %7.1f ms   p90 %7.1f ms   (n=%d)\n", name, first,
              warm[warm.size() / 2], warm[warm.size() * 9 / 10], n);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s ISSUE.json [N]\n", argv[0]);
    return 2;
  }
  int n = argc > 2 ? std::atoi(argv[2]) : 20;
  std::ifstream in(argv[1]);
  std::stringstream ss;
  ss << in.rdbuf();
  auto issue = jianbao::typeset::ParseIssueJson(ss.str());
  if (!issue.ok()) {
    std::fprintf(stderr, "%s\n", issue.status().message().c_str());
    return 1;
  }
  auto t0 = Clock::now();
  auto ts = jianbao::typeset::Typesetter::Create(jianbao::typeset::Fonts());
  if (!ts.ok()) return 1;
  if (n == 0 && argc > 3) {
    auto pdf = (*ts)->RenderPdf(*issue);
    if (!pdf.ok()) return 1;
    std::ofstream(argv[3], std::ios::binary) << *pdf;
    return 0;
  }
  std::printf("create     %7.1f ms\n",
              std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  size_t pdf_size = 0;
  int pages = 0;
  Measure("layout", n, [&] {
    auto m = (*ts)->Paginate(*issue);
    if (m.ok()) pages = m->page_count;
    return m.ok();
  });
  Measure("pdf", n, [&] {
    auto r = (*ts)->RenderPdf(*issue);
    if (r.ok()) pdf_size = r->size();
    return r.ok();
  });
  Measure("docx", n, [&] { return (*ts)->RenderDocx(*issue).ok(); });
  Measure("html", n, [&] { return (*ts)->RenderHtml(*issue).ok(); });
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("pages %d, pdf %zu bytes, peak RSS %ld MB\n", pages, pdf_size, ru.ru_maxrss / 1024);
  return 0;
}
