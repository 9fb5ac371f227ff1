// Copyright 2026 The Jianbao Authors.
//
// The commands end to end, in-process: parse arguments, run, capture stdout.

#include "epidemic/cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "epidemic/testing/test_util.h"

namespace jianbao::epidemic {
namespace {

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("jb_epidemic_cli_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Runs `jianbao <args>`; returns stdout, sets *exit_code (0 on success).
  std::string Run(std::vector<std::string> args, int* exit_code) {
    CLI::App app{"test"};
    app.require_subcommand(1);
    AddCommands(app);
    args.insert(args.begin(), "jianbao");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out;
    std::streambuf* old = std::cout.rdbuf(out.rdbuf());
    *exit_code = 0;
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::Error& e) {
      *exit_code = e.get_exit_code();
    }
    std::cout.rdbuf(old);
    return out.str();
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CliTest, NarrativeFromDayJsonMatchesTheSeed) {
  std::string day = Write("day.json", testing::kIssueDayJson);
  int code = 0;
  std::string text = Run({"epidemic", "narrative", "--day-json", day}, &code);
  ASSERT_EQ(code, 0);
  for (size_t p = text.find("**"); p != std::string::npos; p = text.find("**", p)) text.erase(p, 2);
  EXPECT_EQ(text, testing::SeedSection() + "\n");
}

TEST_F(CliTest, ImportDayValidateAndCorrect) {
  std::string csv = Write("figures.csv",
                          "date,region,cum_confirmed,cum_cured,cum_deaths\n"
                          "2020-03-17,420000,67799,56883,3122\n"
                          "2020-03-18,420000,67800,57678,3130\n");
  int code = 0;
  std::string out = Run({"epidemic", "import", csv, "--db", db_}, &code);
  ASSERT_EQ(code, 0);
  EXPECT_NE(out.find("\"changed\": 2"), std::string::npos) << out;
  out = Run({"epidemic", "day", "--date", "2020-03-18", "--db", db_, "--json"}, &code);
  ASSERT_EQ(code, 0);
  EXPECT_NE(out.find("\"cum_confirmed\": 67800"), std::string::npos) << out;
  out = Run({"epidemic", "validate", "--db", db_, "--json"}, &code);
  ASSERT_EQ(code, 0);
  EXPECT_EQ(out, "[]\n");
  out = Run({"epidemic", "set", "--db", db_, "--date", "2020-03-18", "--region", "420000",
             "cum_confirmed=67790", "cum_cured=57678", "cum_deaths=3130"},
            &code);
  ASSERT_EQ(code, 0);
  out = Run({"epidemic", "validate", "--db", db_, "--json", "--unexplained"}, &code);
  EXPECT_NE(out.find("\"rule\": \"cumulative_monotone\""), std::string::npos) << out;
  out = Run({"epidemic", "correct", "--db", db_, "--date", "2020-03-18", "--region", "420000",
             "--field", "cum_confirmed", "--delta", "-9", "--reason", "核减", "--source", "test"},
            &code);
  ASSERT_EQ(code, 0) << out;
  out = Run({"epidemic", "validate", "--db", db_, "--json", "--unexplained"}, &code);
  EXPECT_EQ(out, "[]\n");
}

TEST_F(CliTest, ChartPngAndNarrativeWithChart) {
  int code = 0;
  Run({"epidemic", "import", Write("day.json", testing::kIssueDayJson), "--db", db_}, &code);
  ASSERT_EQ(code, 0);
  const std::string png = (dir_ / "chart.png").string();
  Run({"epidemic", "chart", "--date", "2020-03-18", "--days", "7", "-o", png, "--db", db_}, &code);
  ASSERT_EQ(code, 0);
  std::ifstream in(png, std::ios::binary);
  std::string head(8, '\0');
  in.read(head.data(), 8);
  EXPECT_EQ(head, "\x89PNG\r\n\x1a\n");
  std::string out =
      Run({"epidemic", "narrative", "--date", "2020-03-18", "--db", db_, "--chart", "--days", "7"},
          &code);
  ASSERT_EQ(code, 0);
  EXPECT_NE(
      out.find("\n\n![全国新增确诊病例和现有确诊病例（3月12日—3月18日）](data:image/png;base64,"),
      std::string::npos);
  Run({"epidemic", "chart", "--date", "2020-03-19", "-o", png, "--db", db_}, &code);
  EXPECT_NE(code, 0) << "no figures on 03-19";
  Run({"epidemic", "chart", "--date", "2020-03-18", "--days", "0", "-o", png, "--db", db_}, &code);
  EXPECT_NE(code, 0);
  Run({"epidemic", "narrative", "--day-json", Write("d.json", testing::kIssueDayJson), "--chart"},
      &code);
  EXPECT_NE(code, 0) << "the chart needs stored days";
}

TEST_F(CliTest, FailuresExitNonZero) {
  std::string bad = Write("bad.csv", "date,region,cum_confirmed\n2020-03-18,420000,x\n");
  int code = 0;
  Run({"epidemic", "import", bad, "--db", db_}, &code);
  EXPECT_NE(code, 0);
  Run({"epidemic", "import", (dir_ / "missing.csv").string(), "--db", db_}, &code);
  EXPECT_NE(code, 0);
  Run({"epidemic", "day", "--date", "2020-02-30", "--db", db_, "--json"}, &code);
  EXPECT_NE(code, 0);
  Run({"epidemic", "narrative", "--db", db_}, &code);
  EXPECT_NE(code, 0);
}

}  // namespace
}  // namespace jianbao::epidemic
