// Copyright 2026 The Jianbao Authors.
//
// Prints the issue JSON built from a legacy bulletin text (default: the seed),
// with a sample distribution list. Used by bench/typeset and for examples.
//   jb_typeset_seed2json [TEXT_FILE] > issue.json

#include <fstream>
#include <iostream>
#include <sstream>

#include "typeset/testing/seed_issue.h"

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : jianbao::typeset::SeedPath();
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << (path.empty() ? "the seed" : path) << "\n";
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto issue = jianbao::typeset::IssueFromLegacyText(ss.str());
  if (!issue.ok()) {
    std::cerr << issue.status().message() << "\n";
    return 1;
  }
  issue->distribution = {{"报", {"工业和信息化部"}},
                         {"送", {"各省、自治区、直辖市通信管理局"}},
                         {"发", {"各省通信行业协会", "会员单位"}}};
  issue->copies = 100;
  std::cout << jianbao::typeset::IssueToJson(*issue) << "\n";
  return 0;
}
