// Copyright 2026 The Jianbao Authors.
//
// The print trend chart: its data from stored figures, the PNG it draws
// (decoded again with Cairo) and the service's errors.

#include "epidemic/chart.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <memory>

#include "core/bytes.h"
#include "epidemic/service.h"
#include "epidemic/testing/test_util.h"
#include "epidemic/trend.h"

namespace jianbao::epidemic {
namespace {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

struct PngReader {
  const std::string* bytes;
  size_t pos = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->pos + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  r->bytes->copy(reinterpret_cast<char*>(data), length, r->pos);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

Surface DecodePng(const std::string& png) {
  PngReader reader{&png};
  return Surface(cairo_image_surface_create_from_png_stream(ReadPng, &reader));
}

// Counts the pixels close to `r, g, b` (0..255 each).
int CountPixels(cairo_surface_t* s, int r, int g, int b, int tolerance = 40) {
  cairo_surface_flush(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  int n = 0;
  for (int y = 0; y < cairo_image_surface_get_height(s); ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + y * stride);
    for (int x = 0; x < cairo_image_surface_get_width(s); ++x) {
      const uint32_t p = row[x];
      n += std::abs(static_cast<int>((p >> 16) & 0xff) - r) <= tolerance &&
           std::abs(static_cast<int>((p >> 8) & 0xff) - g) <= tolerance &&
           std::abs(static_cast<int>(p & 0xff) - b) <= tolerance;
    }
  }
  return n;
}

int CountNonWhite(cairo_surface_t* s) {
  const int all = cairo_image_surface_get_width(s) * cairo_image_surface_get_height(s);
  return all - CountPixels(s, 255, 255, 255, 8);
}

TrendChart SampleChart() {
  TrendChart chart{TrendChartTitle("2020-02-18", "2020-03-18"), {}};
  for (int d = 0; d < 30; ++d) {
    const std::string date =
        d < 12 ? "2020-02-" + std::to_string(18 + d)
               : "2020-03-" + (d < 21 ? "0" + std::to_string(d - 11) : std::to_string(d - 11));
    chart.points.push_back({date, 2000 - 60 * d, d % 3 == 0, 50000 - 1400 * d});
  }
  chart.points[5].new_confirmed.reset();
  chart.points[6].current_confirmed.reset();
  return chart;
}

TEST(ChartTest, DrawsAPrintSizedPngWithBarsAndLine) {
  auto png = RenderTrendChartPng(SampleChart());
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  ASSERT_EQ(png->substr(0, 8), "\x89PNG\r\n\x1a\n");
  Surface s = DecodePng(*png);
  ASSERT_EQ(cairo_surface_status(s.get()), CAIRO_STATUS_SUCCESS);
  // 15.6 cm x 7 cm at 300 dpi.
  EXPECT_EQ(cairo_image_surface_get_width(s.get()), 1843);
  EXPECT_EQ(cairo_image_surface_get_height(s.get()), 827);
  EXPECT_GT(CountNonWhite(s.get()), 50'000);
  EXPECT_GT(CountPixels(s.get(), 204, 51, 46, 10), 20'000) << "reported new cases (bars)";
  EXPECT_GT(CountPixels(s.get(), 240, 163, 158, 10), 5'000) << "estimated new cases";
  EXPECT_GT(CountPixels(s.get(), 31, 77, 140, 10), 2'000) << "current cases (line)";
}

TEST(ChartTest, EmptyChartIsAnError) {
  auto png = RenderTrendChartPng(TrendChart{"空", {}});
  ASSERT_FALSE(png.ok());
  EXPECT_EQ(png.status().code(), Code::kInvalidArgument);
}

TEST(ChartTest, MarkdownImageIsADataUri) {
  const std::string md = PngMarkdownImage("图", "\x89PNG");
  EXPECT_EQ(md, "![图](data:image/png;base64," + bytes::Base64Encode("\x89PNG") + ")");
  EXPECT_EQ(ChineseMonthDay("2020-03-01"), "3月1日");
  EXPECT_EQ(ChineseMonthDay("2020-12-31"), "12月31日");
}

RegionDay Row(const std::string& date, const std::string& region,
              std::initializer_list<std::pair<Field, int64_t>> values) {
  RegionDay row{date, region, {}};
  for (auto [f, v] : values) row.figures.set(f, v);
  return row;
}

TEST(TrendTest, NewCasesReportedOrEstimatedFromTheCumulativeCount) {
  std::vector<RegionDay> rows{
      Row("2020-03-14", "000000", {{Field::kCumConfirmed, 100}}),
      Row("2020-03-15", "000000", {{Field::kCumConfirmed, 110}, {Field::kCurrentConfirmed, 50}}),
      // No mainland row: summed from the provinces, current computed.
      Row("2020-03-16", "420000",
          {{Field::kCumConfirmed, 100}, {Field::kCumCured, 20}, {Field::kCumDeaths, 5}}),
      Row("2020-03-16", "110000",
          {{Field::kCumConfirmed, 15}, {Field::kCumCured, 0}, {Field::kCumDeaths, 0}}),
      Row("2020-03-17", "000000", {{Field::kCumConfirmed, 112}}),  // a write-off
      Row("2020-03-18", "000000", {{Field::kCumConfirmed, 140}, {Field::kNewConfirmed, 34}}),
  };
  TrendChart chart = BuildTrendChart("2020-03-18", 4, rows);
  EXPECT_EQ(chart.title, "全国新增确诊病例和现有确诊病例（3月15日—3月18日）");
  ASSERT_EQ(chart.points.size(), 4u);
  EXPECT_EQ(chart.points[0].date, "2020-03-15");
  EXPECT_EQ(chart.points[0].new_confirmed, 10);
  EXPECT_TRUE(chart.points[0].new_estimated);
  EXPECT_EQ(chart.points[0].current_confirmed, 50);
  EXPECT_EQ(chart.points[1].new_confirmed, 5);
  EXPECT_EQ(chart.points[1].current_confirmed, 90);
  EXPECT_FALSE(chart.points[2].new_confirmed) << "a fall is a write-off, not new cases";
  EXPECT_EQ(chart.points[3].new_confirmed, 34);
  EXPECT_FALSE(chart.points[3].new_estimated);
}

TEST(TrendTest, DaysBounds) {
  EXPECT_FALSE(CheckChartDays(1).ok());
  EXPECT_TRUE(CheckChartDays(2).ok());
  EXPECT_TRUE(CheckChartDays(366).ok());
  Status st = CheckChartDays(367);
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "days");
}

class ChartServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenFreshDatabase(testing::TestDatabaseUrls().front());
    ASSERT_TRUE(db_);
    svc_ = std::make_unique<EpidemicService>(*db_);
    std::string csv = "date,region,cum_confirmed,current_confirmed\n";
    for (int d = 1; d <= 17; ++d) {
      csv += "2020-03-" + std::string(d < 10 ? "0" : "") + std::to_string(d) + ",000000," +
             std::to_string(80000 + 20 * d) + "," + std::to_string(20000 - 700 * d) + "\n";
    }
    ASSERT_TRUE(svc_->Import(Actor::System(), csv, "test.csv").ok());
    ASSERT_TRUE(svc_->Import(Actor::System(), testing::kIssueDayJson, "day.json").ok());
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<EpidemicService> svc_;
};

TEST_F(ChartServiceTest, PngOfStoredDays) {
  auto chart = svc_->TrendChartFor("2020-03-18", 30);
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  ASSERT_EQ(chart->points.size(), 30u);
  EXPECT_EQ(chart->points.front().date, "2020-02-18");
  EXPECT_FALSE(chart->points.front().current_confirmed);
  EXPECT_EQ(chart->points.back().new_confirmed, 34);
  EXPECT_EQ(chart->points.back().current_confirmed, 7263);
  EXPECT_EQ(chart->points[28].new_confirmed, 20);
  auto png = svc_->TrendChartPng("2020-03-18", 30);
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  Surface s = DecodePng(*png);
  ASSERT_EQ(cairo_surface_status(s.get()), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(s.get()), 1843);
  EXPECT_GT(CountNonWhite(s.get()), 20'000);
}

TEST_F(ChartServiceTest, Errors) {
  auto none = svc_->TrendChartPng("2020-05-01", 30);
  EXPECT_EQ(none.status().code(), Code::kNotFound);
  for (int days : {0, 1, 367, -5}) {
    auto bad = svc_->TrendChartPng("2020-03-18", days);
    EXPECT_EQ(bad.status().code(), Code::kInvalidArgument) << days;
    EXPECT_EQ(bad.status().field(), "days");
  }
  for (const char* date : {"", "2020-02-30", "18.3.2020"}) {
    auto bad = svc_->TrendChartPng(date, 30);
    EXPECT_EQ(bad.status().code(), Code::kInvalidArgument) << date;
    EXPECT_EQ(bad.status().field(), "date");
  }
}

TEST_F(ChartServiceTest, NarrativeWithChartPutsTheImageBeforeTheSourceNote) {
  auto plain = svc_->NarrativeFor("2020-03-18", DefaultTemplate());
  ASSERT_TRUE(plain.ok());
  auto with =
      svc_->NarrativeFor("2020-03-18", DefaultTemplate(), {.chart = true, .chart_days = 14});
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  EXPECT_EQ(with->title, plain->title);
  // The plain body ends with the source note paragraph "（信息来自…）".
  std::string figures = plain->body;
  while (figures.back() == '\n') figures.pop_back();
  const size_t cut = figures.rfind("\n\n");
  ASSERT_NE(cut, std::string::npos);
  const std::string note = figures.substr(cut + 2);
  ASSERT_EQ(note.rfind("（信息来自", 0), 0u) << note;
  figures.resize(cut);
  const std::string prefix =
      figures + "\n\n![全国新增确诊病例和现有确诊病例（3月5日—3月18日）](data:image/png;base64,";
  ASSERT_EQ(with->body.substr(0, prefix.size()), prefix);
  const std::string suffix = ")\n\n" + note + "\n";
  ASSERT_EQ(with->body.substr(with->body.size() - suffix.size()), suffix);
  auto png = bytes::Base64Decode(
      with->body.substr(prefix.size(), with->body.size() - prefix.size() - suffix.size()));
  ASSERT_TRUE(png);
  EXPECT_EQ(cairo_surface_status(DecodePng(*png).get()), CAIRO_STATUS_SUCCESS);

  // Without a closing note the image simply comes last.
  auto bare = svc_->NarrativeFor("2020-03-18", "疫情动态\n\n今日数据如下。", {.chart = true, .chart_days = 14});
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  EXPECT_EQ(bare->body.rfind("今日数据如下。\n\n![", 0), 0u) << bare->body.substr(0, 80);
  EXPECT_EQ(bare->body.back(), ')');
  auto bad = svc_->NarrativeFor("2020-03-18", "", {.chart = true, .chart_days = 0});
  EXPECT_EQ(bad.status().field(), "days");
}

}  // namespace
}  // namespace jianbao::epidemic
