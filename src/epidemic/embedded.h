// Copyright 2026 The Jianbao Authors.
//
// Files compiled into the binary (generated from embedded.cc.in by CMake):
// the narrative templates in templates/ and the known corrections in data/.

#ifndef JIANBAO_EPIDEMIC_EMBEDDED_H_
#define JIANBAO_EPIDEMIC_EMBEDDED_H_

#include <string_view>

namespace jianbao::epidemic::embedded {

extern const std::string_view kNhcDailyTemplate;       // templates/nhc_daily.mustache
extern const std::string_view kNhcDailyPlainTemplate;  // templates/nhc_daily_plain.mustache
extern const std::string_view kKnownCorrections;       // data/known_corrections.csv
extern const std::string_view kKnownNotes;             // data/known_notes.csv
extern const std::string_view kNhc20200318Figures;     // data/nhc_2020-03-18.csv

}  // namespace jianbao::epidemic::embedded

#endif  // JIANBAO_EPIDEMIC_EMBEDDED_H_
