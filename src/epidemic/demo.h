// Copyright 2026 The Jianbao Authors.
//
// Demo data for `make run`: the shared CSV (when present), the built-in NHC
// figures for 2020-03-18, the known corrections and notes, so that the screens and
// the bulletin composer's 疫情动态 section for 2020-03-18 have data.

#ifndef JIANBAO_EPIDEMIC_DEMO_H_
#define JIANBAO_EPIDEMIC_DEMO_H_

#include <string>

#include "epidemic/service.h"

namespace jianbao::epidemic {

// Imports, as the system actor: every `<seed_dir>/../data/epidemic/*.csv`
// (the whole shared CSV: 0.4 s on SQLite, 1.8 s on PostgreSQL, measured on a
// loaded 2-core machine), then data/nhc_2020-03-18.csv, the known corrections
// and the known source notes.
// A missing shared directory is not an error.
Status LoadDemo(EpidemicService& svc, const std::string& seed_dir);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_DEMO_H_
