// Copyright 2026 The Jianbao Authors.

#include "core/clock.h"

#include <cstdio>

namespace jianbao::clock {

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatIso(int64_t unix_seconds) {
  const int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  const int64_t rem = unix_seconds - days * 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", DateFromDays(days).c_str(),
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::string NowIso() { return FormatIso(NowUnix()); }

std::string TodayShanghai() { return ShanghaiDate(NowUnix()); }

std::string ShanghaiDate(int64_t unix_seconds) {
  const int64_t local = unix_seconds + kShanghaiOffsetSeconds;
  return DateFromDays(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

int64_t ShanghaiDayStart(std::string_view date) {
  return DaysFromDate(date) * 86400 - kShanghaiOffsetSeconds;
}

int64_t ShanghaiDayEnd(std::string_view date) { return ShanghaiDayStart(date) + 86400; }

bool IsValidDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = std::stoi(std::string(s.substr(5, 2)));
  const int d = std::stoi(std::string(s.substr(8, 2)));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

int64_t DaysFromDate(std::string_view s) {
  const std::chrono::year_month_day ymd{
      std::chrono::year(std::stoi(std::string(s.substr(0, 4)))),
      std::chrono::month(static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))))),
      std::chrono::day(static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2)))))};
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::string DateFromDays(int64_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace jianbao::clock
