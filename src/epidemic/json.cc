// Copyright 2026 The Jianbao Authors.

#include "epidemic/json.h"

#include <nlohmann/json.hpp>

namespace jianbao::epidemic {

namespace {
using Json = nlohmann::ordered_json;
}  // namespace

std::string ViolationsToJson(const std::vector<Violation>& violations) {
  Json out = Json::array();
  for (const Violation& v : violations) {
    out.push_back({{"date", v.date},
                   {"region", v.region},
                   {"rule", v.rule},
                   {"expected", v.expected},
                   {"actual", v.actual},
                   {"message", v.message},
                   {"field", std::string(FieldName(v.field))},
                   {"explained", v.explained}});
  }
  return out.dump(2);
}

std::string DayStatusesToJson(const std::vector<DayStatus>& days) {
  Json out = Json::array();
  for (const DayStatus& d : days) {
    out.push_back({{"date", d.date},
                   {"violations", d.violations},
                   {"unexplained", d.unexplained},
                   {"verified", d.verified}});
  }
  return out.dump(2);
}

std::string CorrectionsToJson(const std::vector<Correction>& corrections) {
  Json out = Json::array();
  for (const Correction& c : corrections) {
    out.push_back({{"id", c.id},
                   {"date", c.date},
                   {"region", c.region},
                   {"field", std::string(FieldName(c.field))},
                   {"delta", c.delta},
                   {"reason", c.reason},
                   {"source", c.source}});
  }
  return out.dump(2);
}

std::string ImportReportToJson(const ImportReport& r) {
  Json out = {{"format", r.format},   {"records", r.records},
              {"rows", r.rows},       {"changed", r.changed},
              {"skipped", r.skipped}, {"corrections_added", r.corrections_added}};
  return out.dump(2);
}

std::string SeriesToJson(const std::vector<Series>& series) {
  Json out = Json::array();
  for (const Series& s : series) {
    Json points = Json::array();
    for (const SeriesPoint& p : s.points) {
      points.push_back({{"date", p.date}, {"value", p.value}, {"derived", p.derived}});
    }
    out.push_back({{"region", s.region},
                   {"name", s.name},
                   {"field", std::string(FieldName(s.field))},
                   {"points", points}});
  }
  return out.dump(2);
}

std::string RowsToJson(const std::vector<RegionDay>& rows) {
  Json out = Json::array();
  for (const RegionDay& r : rows) {
    Json row = {{"date", r.date}, {"region", r.region}};
    for (Field f : AllFields()) {
      if (r.figures.has(f)) row[std::string(FieldName(f))] = *r.figures.get(f);
    }
    out.push_back(row);
  }
  return out.dump(2);
}

}  // namespace jianbao::epidemic
