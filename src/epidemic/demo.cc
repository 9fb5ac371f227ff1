// Copyright 2026 The Jianbao Authors.

#include "epidemic/demo.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "epidemic/embedded.h"

namespace jianbao::epidemic {
namespace {

// The demo keeps the shared CSV's rows from this date on (the header always).
constexpr std::string_view kDemoFrom = "2020-03-01";

// Returns `csv` without the data lines dated before kDemoFrom. Lines are
// "YYYY-MM-DD,…" in the shared format; anything else is kept as is.
std::string KeepFrom(const std::string& csv) {
  std::string out;
  out.reserve(csv.size());
  size_t pos = 0;
  bool header = true;
  while (pos < csv.size()) {
    size_t end = csv.find('\n', pos);
    end = end == std::string::npos ? csv.size() : end + 1;
    std::string_view line(csv.data() + pos, end - pos);
    if (header || line.size() < 10 || line.substr(0, 10) >= kDemoFrom) out.append(line);
    header = false;
    pos = end;
  }
  return out;
}

}  // namespace

Status LoadDemo(EpidemicService& svc, const std::string& seed_dir) {
  const Actor system = Actor::System();
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(seed_dir) / ".." / "data" / "epidemic";
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(dir, ec)) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".csv") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    JB_RETURN_IF_ERROR(
        svc.Import(system, KeepFrom(ss.str()), "demo:" + file.filename().string()).status());
  }
  JB_RETURN_IF_ERROR(
      svc.Import(system, embedded::kNhc20200318Figures, "demo:nhc_2020-03-18.csv").status());
  return svc.LoadKnownCorrections(system).status();
}

}  // namespace jianbao::epidemic
