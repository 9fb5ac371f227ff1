// Copyright 2026 The Jianbao Authors.
//
// Time helpers. Instants are stored as UTC ISO-8601 strings with a 'Z'
// ("2026-11-29T08:00:00Z"); reporting days are plain dates in Asia/Shanghai.

#ifndef JIANBAO_CORE_CLOCK_H_
#define JIANBAO_CORE_CLOCK_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace jianbao::clock {

// Returns seconds since the Unix epoch.
int64_t NowUnix();

// Returns the current instant as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowIso();

// Formats a Unix time as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatIso(int64_t unix_seconds);

// Returns today's date in Asia/Shanghai (UTC+8, no DST) as "YYYY-MM-DD".
std::string TodayShanghai();

// Asia/Shanghai is UTC+8 all year (no DST): the one home of that offset.
inline constexpr int64_t kShanghaiOffsetSeconds = 8 * 3600;

// Returns the Shanghai calendar date ("YYYY-MM-DD") of a Unix time.
std::string ShanghaiDate(int64_t unix_seconds);

// Returns the Unix time at which Shanghai day `date` begins (its 00:00 local).
// REQUIRES: IsValidDate(date).
int64_t ShanghaiDayStart(std::string_view date);

// Returns the Unix time at which Shanghai day `date` ends: the next day's 00:00
// local, so [ShanghaiDayStart, ShanghaiDayEnd) holds the whole day.
// REQUIRES: IsValidDate(date).
int64_t ShanghaiDayEnd(std::string_view date);

// Returns true when `s` is a valid calendar date "YYYY-MM-DD".
bool IsValidDate(std::string_view s);

// Returns days since 1970-01-01 for a valid "YYYY-MM-DD". REQUIRES: IsValidDate(s).
int64_t DaysFromDate(std::string_view s);

// Returns "YYYY-MM-DD" for a day number from DaysFromDate.
std::string DateFromDays(int64_t days);

}  // namespace jianbao::clock

#endif  // JIANBAO_CORE_CLOCK_H_
