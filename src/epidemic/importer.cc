// Copyright 2026 The Jianbao Authors.

#include "epidemic/importer.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/clock.h"
#include "core/text.h"
#include "epidemic/csv.h"
#include "epidemic/regions.h"

namespace jianbao::epidemic {

namespace {

constexpr std::string_view kCanghailanHeader =
    "date,country,countryCode,province,provinceCode,city,cityCode,confirmed,suspected,cured,dead";
constexpr std::string_view kCorrectionsHeader = "date,region,field,delta,reason,source";
// The corrections format with the optional day the revised figures are "as of".
constexpr std::string_view kCorrectionsDatedHeader =
    "date,region,field,delta,reason,source,data_date";
// From this day the shared CSV's national row includes HK, Macau and Taiwan and
// its province rows carry no suspected counts (data README, quirks 2 and 4).
constexpr std::string_view kCanghailanScopeChange = "2020-02-07";

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
  return out;
}

// Builds the error for a bad cell, "line 12, column 8 (confirmed): reason",
// or for a line (column 0), "line 1: reason", and fills `*why` when given.
Status Reject(std::string_view key, int line, int column, std::string_view name,
              const std::string& reason, ImportRejection* why) {
  std::string where = "line " + std::to_string(line);
  if (column > 0) where += ", column " + std::to_string(column);
  std::string message = where;
  if (!name.empty()) message += " (" + std::string(name) + ")";
  Status st = Status::Invalid(where, std::string(key), message + ": " + reason);
  st.set_detail("line", line);
  if (column > 0) st.set_detail("column", column);
  if (why != nullptr) *why = ImportRejection{line, column, std::string(name), reason};
  return st;
}

class Parser {
 public:
  Parser(std::string_view content, const RegionExists& exists, ImportRejection* why)
      : reader_(content), exists_(exists), why_(why) {}

  Result<ImportBatch> Run() {
    std::vector<std::string> header;
    if (!reader_.Next(&header)) {
      if (!reader_.error().ok()) return ReaderError();
      return Status::Invalid("file", "import_empty", "the file is empty");
    }
    for (auto& h : header) h = text::Trim(h);
    Status st = DetectFormat(header);
    if (!st.ok()) return st;
    std::vector<std::string> f;
    while (reader_.Next(&f)) {
      ++batch_.records;
      if (f.size() != header.size()) {
        return RowError(reader_.line(), static_cast<int>(std::min(f.size(), header.size())) + 1,
                        "row",
                        "expected " + std::to_string(header.size()) + " fields, found " +
                            std::to_string(f.size()));
      }
      switch (batch_.format) {
        case ImportFormat::kCanghailan:
          st = Canghailan(f);
          break;
        case ImportFormat::kFigures:
          st = Figures(f);
          break;
        case ImportFormat::kCorrections:
          st = CorrectionRow(f);
          break;
      }
      if (!st.ok()) return st;
    }
    if (!reader_.error().ok()) return ReaderError();
    // Stored in (date, region) order, the primary key's, for locality.
    std::sort(batch_.rows.begin(), batch_.rows.end(), [](const RegionDay& a, const RegionDay& b) {
      return std::tie(a.date, a.region) < std::tie(b.date, b.region);
    });
    for (auto& [code, region] : cities_) batch_.regions.push_back(region);
    return std::move(batch_);
  }

 private:
  // A bad cell of the current record.
  Status RowError(int line, int column, std::string_view name, const std::string& reason) {
    return Reject("import_bad_row", line, column, name, reason, why_);
  }
  // A bad header: the whole line 1, or one of its cells (column > 0).
  Status HeaderError(int column, const std::string& reason) {
    return Reject("import_bad_header", 1, column, "", reason, why_);
  }
  // The CSV reader's error (an unclosed quote), with its line.
  Status ReaderError() {
    if (why_ != nullptr)
      *why_ = ImportRejection{reader_.line(), 0, "", std::string(kUnclosedQuote)};
    return reader_.error();
  }

  Status DetectFormat(const std::vector<std::string>& header) {
    std::string joined = Join(header);
    if (joined == kCanghailanHeader) {
      batch_.format = ImportFormat::kCanghailan;
      return Status::Ok();
    }
    if (joined == kCorrectionsHeader || joined == kCorrectionsDatedHeader) {
      batch_.format = ImportFormat::kCorrections;
      return Status::Ok();
    }
    if (header.size() >= 3 && header[0] == "date" && header[1] == "region") {
      batch_.format = ImportFormat::kFigures;
      std::set<Field> seen;
      for (size_t i = 2; i < header.size(); ++i) {
        auto field = FieldFromName(header[i]);
        if (!field) {
          return HeaderError(
              static_cast<int>(i + 1),
              "unknown field \"" + header[i] + "\" (see docs/epidemic.md for the field names)");
        }
        if (!seen.insert(*field).second) {
          return HeaderError(0, "field \"" + header[i] + "\" appears twice");
        }
        columns_.push_back(*field);
      }
      return Status::Ok();
    }
    return HeaderError(0, "unrecognised header \"" + joined.substr(0, 200) +
                              "\"; expected one of: \"" + std::string(kCanghailanHeader) +
                              "\" (shared CSV), \"date,region,<fields>\" (figures), \"" +
                              std::string(kCorrectionsHeader) + "\" (corrections)");
  }

  Status CheckDate(const std::string& s, int column) {
    if (!clock::IsValidDate(s)) {
      return RowError(reader_.line(), column, "date", "not a date YYYY-MM-DD: \"" + s + "\"");
    }
    return Status::Ok();
  }

  Status Number(const std::string& s, int column, std::string_view name, bool allow_negative,
                int64_t* out) {
    if (!ParseInt64(s, out) || (!allow_negative && *out < 0)) {
      return RowError(
          reader_.line(), column, name,
          std::string(allow_negative ? "not an integer" : "not a non-negative integer") + ": \"" +
              s.substr(0, 40) + "\"");
    }
    return Status::Ok();
  }

  Status Put(const std::string& date, const std::string& region, const FigureSet& figs) {
    auto [it, inserted] = index_.try_emplace(date + "|" + region, lines_.size());
    if (!inserted) {
      return RowError(reader_.line(), 1, "date",
                      "duplicate row for " + date + " region " + region + ", first at line " +
                          std::to_string(lines_[it->second]));
    }
    batch_.rows.push_back({date, region, figs});
    lines_.push_back(reader_.line());
    return Status::Ok();
  }

  // The shared CSV. See the file comment in importer.h and docs/epidemic.md.
  Status Canghailan(const std::vector<std::string>& f) {
    JB_RETURN_IF_ERROR(CheckDate(f[0], 1));
    if (f[2] != "CN")
      return RowError(reader_.line(), 3, "countryCode", "only CN rows are accepted");
    int64_t v[4];
    const char* names[4] = {"confirmed", "suspected", "cured", "dead"};
    for (int i = 0; i < 4; ++i) JB_RETURN_IF_ERROR(Number(f[7 + i], 8 + i, names[i], false, &v[i]));
    FigureSet figs;
    figs.set(Field::kCumConfirmed, v[0]);
    figs.set(Field::kCumCured, v[2]);
    figs.set(Field::kCumDeaths, v[3]);
    const bool before_change = f[0] < kCanghailanScopeChange;
    if (f[3].empty()) {  // national row
      if (before_change) {
        figs.set(Field::kCurrentSuspected, v[1]);
        return Put(f[0], std::string(kMainland), figs);
      }
      FigureSet suspected;
      suspected.set(Field::kCurrentSuspected, v[1]);
      JB_RETURN_IF_ERROR(Put(f[0], std::string(kMainland), suspected));
      return Put(f[0], std::string(kNational), figs);
    }
    const Region* province = FindBuiltinRegion(f[4]);
    if (province == nullptr ||
        (province->level != RegionLevel::kProvince && province->level != RegionLevel::kSpecial)) {
      return RowError(reader_.line(), 5, "provinceCode", "unknown province code \"" + f[4] + "\"");
    }
    if (f[5].empty()) {  // province row
      if (before_change) figs.set(Field::kCurrentSuspected, v[1]);
      return Put(f[0], f[4], figs);
    }
    // City rows: real divisions only, stored for the day they report (D-1).
    // Pseudo-units (境外输入 1100y0 …), HK/MO/TW repeating themselves and codes
    // outside the province (the source has postal codes, e.g. 公主岭 136100) are skipped.
    if (!IsDivisionCode(f[6]) || IsHkMacauTaiwan(f[4]) || f[6] == f[4] ||
        f[6].compare(0, 2, f[4], 0, 2) != 0) {
      ++batch_.skipped;
      return Status::Ok();
    }
    if (!cities_.count(f[6])) {
      const Region* builtin = FindBuiltinRegion(f[6]);
      cities_[f[6]] = builtin ? *builtin : Region{f[6], f[5], f[5], RegionLevel::kCity, f[4]};
    }
    std::string day = clock::DateFromDays(clock::DaysFromDate(f[0]) - 1);
    return Put(day, f[6], figs);
  }

  Status Figures(const std::vector<std::string>& f) {
    JB_RETURN_IF_ERROR(CheckDate(f[0], 1));
    if (!FindBuiltinRegion(f[1]) && !(exists_ && exists_(f[1]))) {
      return RowError(reader_.line(), 2, "region",
                      "unknown region code \"" + f[1].substr(0, 20) + "\"");
    }
    FigureSet figs;
    for (size_t i = 2; i < f.size(); ++i) {
      if (text::Trim(f[i]).empty()) continue;
      Field field = columns_[i - 2];
      int64_t v = 0;
      JB_RETURN_IF_ERROR(Number(text::Trim(f[i]), static_cast<int>(i + 1), FieldName(field),
                                field == Field::kSevereChange, &v));
      figs.set(field, v);
    }
    return Put(f[0], f[1], figs);
  }

  Status CorrectionRow(const std::vector<std::string>& f) {
    JB_RETURN_IF_ERROR(CheckDate(f[0], 1));
    if (!FindBuiltinRegion(f[1]) && !(exists_ && exists_(f[1]))) {
      return RowError(reader_.line(), 2, "region",
                      "unknown region code \"" + f[1].substr(0, 20) + "\"");
    }
    auto field = FieldFromName(f[2]);
    if (!field || !IsCumulative(*field)) {
      return RowError(reader_.line(), 3, "field",
                      "not a cumulative field (cum_confirmed, cum_deaths, cum_cured, cum_contacts, "
                      "cum_imported): \"" +
                          f[2].substr(0, 40) + "\"");
    }
    Correction c;
    JB_RETURN_IF_ERROR(Number(f[3], 4, "delta", true, &c.delta));
    if (c.delta == 0) return RowError(reader_.line(), 4, "delta", "a correction cannot be 0");
    if (text::Trim(f[4]).empty())
      return RowError(reader_.line(), 5, "reason", "the reason is empty");
    if (!text::IsValidUtf8(f[4]) || !text::IsValidUtf8(f[5])) {
      return RowError(reader_.line(), 5, "reason", "not valid UTF-8");
    }
    c.date = f[0];
    c.region = f[1];
    c.field = *field;
    c.reason = text::Trim(f[4]);
    c.source = text::Trim(f[5]);
    if (f.size() > 6 && !text::Trim(f[6]).empty()) {
      JB_RETURN_IF_ERROR(CheckDate(text::Trim(f[6]), 7));
      c.data_date = text::Trim(f[6]);
    }
    batch_.corrections.push_back(std::move(c));
    return Status::Ok();
  }

  CsvReader reader_;
  const RegionExists& exists_;
  ImportRejection* why_;  // may be null
  ImportBatch batch_;
  std::vector<Field> columns_;
  std::unordered_map<std::string, size_t> index_;  // "date|region" -> position in lines_
  std::vector<int> lines_;                         // the line of each stored row
  std::map<std::string, Region> cities_;
};

}  // namespace

std::string_view ImportFormatName(ImportFormat f) {
  switch (f) {
    case ImportFormat::kCanghailan:
      return "canghailan";
    case ImportFormat::kFigures:
      return "figures";
    case ImportFormat::kCorrections:
      return "corrections";
  }
  return "figures";
}

Result<ImportBatch> ParseImport(std::string_view content, const RegionExists& region_exists,
                                ImportRejection* rejection) {
  if (content.size() > kMaxImportBytes) {
    return Status(Code::kPayloadTooLarge, "import_too_large",
                  "the file is larger than " + std::to_string(kMaxImportBytes >> 20) + " MB");
  }
  if (!text::IsValidUtf8(content)) {
    return Status::Invalid("file", "import_not_utf8", "the file is not valid UTF-8");
  }
  return Parser(content, region_exists, rejection).Run();
}

}  // namespace jianbao::epidemic
