// Copyright 2026 The Jianbao Authors.

#include "bulletins/demo.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace jianbao::bulletins {

Status LoadDemo(BulletinService& service, const std::string& seed_dir) {
  const Actor system = Actor::System();
  // The government bodies each association's series report to (报/送).
  for (const auto& [association, orgs] :
       {std::pair<std::string, std::vector<std::string>>{"ccea", {"miit", "hubei-ca"}},
        std::pair<std::string, std::vector<std::string>>{"hubei", {"hubei-ca"}}}) {
    auto allowed = service.SetGovernmentRecipients(system, association, orgs);
    if (!allowed.ok()) return allowed.status();
  }
  Series national;
  national.code = "ccea-epidemic";
  national.title = "信息通信行业抗击疫情及复工复产\n信息简报";
  national.subtitle = "协会专刊";
  national.masthead = "中国通信企业协会";
  national.issuer = "中国通信企业协会秘书处";
  national.owner_org = "ccea-sec";
  national.numbering = "yearly";
  national.distribution = {
      {"报", {"miit"}},
      {"送", {"hubei-ca"}},
      {"发", {"hubei", "hebei", "shaanxi", "qinghai", "heilongjiang", "hubei-ctc", "hubei-cmcc"}}};
  auto created = service.CreateSeries(system, national);
  if (!created.ok()) return created.status();

  Series hubei;
  hubei.code = "hubei-daily";
  hubei.title = "湖北通信行业抗疫保通信\n专题简报";
  hubei.masthead = "湖北省通信行业协会";
  hubei.issuer = "湖北省通信行业协会秘书处";
  hubei.owner_org = "hubei";
  hubei.numbering = "running";
  hubei.is_public = true;
  hubei.distribution = {{"发", {"hubei-ctc", "hubei-xinke", "hubei-cmcc", "hubei-ct", "hubei-cu"}}};
  created = service.CreateSeries(system, hubei);
  if (!created.ok()) return created.status();

  std::error_code ec;
  if (std::filesystem::is_directory(seed_dir, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(seed_dir, ec)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      auto imported = service.ImportLegacy(system, "ccea-epidemic", text.str(), {});
      if (!imported.ok()) return imported.status();
    }
  }
  return Status::Ok();
}

}  // namespace jianbao::bulletins
