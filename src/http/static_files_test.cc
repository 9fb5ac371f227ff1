// Copyright 2026 The Jianbao Authors.

#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace jianbao::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("jb_static_" + std::to_string(getpid()));
    fs::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<html>app</html>";
    std::ofstream(root_ / "assets" / "app.123.js") << "console.log(1)";
    std::ofstream(root_.parent_path() / "secret.txt") << "secret";
  }
  void TearDown() override { fs::remove_all(root_); }
  Response Get(const std::string& path) {
    Request r;
    r.method = "GET";
    r.path = path;
    return StaticFiles(root_).Serve(r);
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesAssetsWithTypesAndCaching) {
  Response js = Get("/assets/app.123.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.GetHeader("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js.GetHeader("Cache-Control").find("immutable"), std::string::npos);
  Request again;
  again.method = "GET";
  again.path = "/assets/app.123.js";
  again.headers["if-none-match"] = js.GetHeader("ETag");
  EXPECT_EQ(StaticFiles(root_).Serve(again).status, 304);
}

TEST_F(StaticFilesTest, SpaFallbackAndNoTraversal) {
  Response spa = Get("/users/3");
  EXPECT_EQ(spa.body, "<html>app</html>");
  EXPECT_EQ(spa.GetHeader("Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/../secret.txt").body, "<html>app</html>");
  EXPECT_EQ(Get("/assets/../../secret.txt").body, "<html>app</html>");
}

}  // namespace
}  // namespace jianbao::http
