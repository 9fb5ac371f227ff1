// Copyright 2026 The Jianbao Authors.

#include "epidemic/demo.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "epidemic/embedded.h"

namespace jianbao::epidemic {

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
        svc.Import(system, ss.str(), "demo:" + file.filename().string()).status());
  }
  JB_RETURN_IF_ERROR(
      svc.Import(system, embedded::kNhc20200318Figures, "demo:nhc_2020-03-18.csv").status());
  JB_RETURN_IF_ERROR(svc.LoadKnownCorrections(system).status());
  return svc.LoadKnownNotes(system).status();
}

}  // namespace jianbao::epidemic
