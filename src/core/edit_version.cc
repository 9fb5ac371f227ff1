// Copyright 2026 The Jianbao Authors.

#include "core/edit_version.h"

#include <cstdio>

#include "core/clock.h"

namespace jianbao {

std::string ShanghaiClockTime(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T' || iso[13] != ':') return "";
  if (!clock::IsValidDate(iso.substr(0, 10))) return "";
  int h = 0, m = 0;
  if (std::sscanf(iso.c_str() + 11, "%2d:%2d", &h, &m) != 2) return "";
  const int64_t unix = clock::DaysFromDate(iso.substr(0, 10)) * 86400 + h * 3600 + m * 60;
  const int64_t local = ((unix + clock::kShanghaiOffsetSeconds) % 86400 + 86400) % 86400;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(local / 3600),
                static_cast<int>(local / 60 % 60));
  return buf;
}

Status EditConflict(const EditStamp& current) {
  Status st(Code::kPreconditionFailed, "edit_conflict",
            (current.by.empty() ? std::string("someone") : current.by) + " saved a newer version" +
                (current.at.empty() ? "" : " at " + ShanghaiClockTime(current.at)));
  st.set_detail("version", current.version);
  st.set_text("by", current.by.empty() ? "?" : current.by);
  st.set_text("at", current.at);
  st.set_text("time", current.at.empty() ? "?" : ShanghaiClockTime(current.at));
  return st;
}

Status CheckVersion(const std::optional<int64_t>& expected, const EditStamp& current) {
  if (!expected || *expected == current.version) return Status::Ok();
  return EditConflict(current);
}

}  // namespace jianbao
