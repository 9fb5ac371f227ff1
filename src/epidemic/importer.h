// Copyright 2026 The Jianbao Authors.
//
// Parses an import file into rows to store, without touching the database,
// so that a file is either accepted whole or rejected with the line, column
// and reason of its first bad row. Three CSV formats are recognised by their
// header (docs/epidemic.md describes them):
//   canghailan  the shared CSV: date,country,countryCode,province,provinceCode,
//               city,cityCode,confirmed,suspected,cured,dead
//   figures     ours: date,region,<any figure fields> (empty cell = not reported)
//   corrections ours: date,region,field,delta,reason,source

#ifndef JIANBAO_EPIDEMIC_IMPORTER_H_
#define JIANBAO_EPIDEMIC_IMPORTER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "epidemic/model.h"

namespace jianbao::epidemic {

enum class ImportFormat { kCanghailan, kFigures, kCorrections };

// Returns "canghailan", "figures" or "corrections".
std::string_view ImportFormatName(ImportFormat f);

// Files larger than this are refused before parsing.
inline constexpr size_t kMaxImportBytes = 64 << 20;

// What a file holds, ready to be stored in one transaction.
struct ImportBatch {
  ImportFormat format = ImportFormat::kFigures;
  std::vector<RegionDay> rows;          // one per (date, region), no duplicates
  std::vector<Region> regions;          // cities the file names (created if missing)
  std::vector<Correction> corrections;  // for the corrections format
  int records = 0;                      // data records read (header excluded)
  int skipped = 0;                      // records deliberately not stored (pseudo-units …)
};

// Returns true when a region code is known to the database.
using RegionExists = std::function<bool(std::string_view code)>;

// Where and why a file was rejected, in parts, for clients that show them
// apart. The error Status carries the same line and column as its details
// ("line", "column"); this adds the texts a detail cannot hold.
struct ImportRejection {
  int line = 0;             // 1-based; 0 when the error is not tied to a line
  int column = 0;           // 1-based; 0 when the whole line is at fault
  std::string column_name;  // the faulty cell's column ("new_confirmed"), else ""
  std::string reason;       // what is wrong, without the position; "" when unknown
};

// Parses `content`. Returns the batch, or an InvalidArgument Status whose
// message names the line, column and reason of the first bad row (field()
// holds "line N, column C"; details "line" and "column"), or a wrong-header
// error listing the accepted headers (line 1). Other errors: PayloadTooLarge
// "import_too_large" above kMaxImportBytes, InvalidArgument "import_not_utf8",
// "import_empty", "csv_quote". Never partially succeeds. When `rejection` is
// not null and the file is rejected at a line, *rejection gets the parts.
Result<ImportBatch> ParseImport(std::string_view content, const RegionExists& region_exists,
                                ImportRejection* rejection = nullptr);

}  // namespace jianbao::epidemic

#endif  // JIANBAO_EPIDEMIC_IMPORTER_H_
