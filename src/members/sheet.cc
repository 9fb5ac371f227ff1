// Copyright 2026 The Jianbao Authors.

#include "members/sheet.h"

#include <iconv.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <pugixml.hpp>

#include "core/text.h"

namespace jianbao::members {
namespace {

Status Bad(const std::string& key, const std::string& message) {
  return Status::Invalid("file", key, message);
}

Status TooLarge(size_t limit) {
  return Status(Code::kPayloadTooLarge, "payload_too_large",
                "the file is larger than " + std::to_string(limit >> 20) + " MiB");
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool UnsafeName(std::string_view name) {
  return name.empty() || name[0] == '/' || name.find('\\') != std::string_view::npos ||
         name.find(':') != std::string_view::npos || name.find("..") != std::string_view::npos;
}

// The zip half: entries checked once at open, parts read with their declared size as a cap.
class Package {
 public:
  explicit Package(const SheetLimits& limits) : limits_(limits) {}

  Status Open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) return Bad("sheet_malformed", "the file cannot be read as an .xlsx workbook");
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    zip_error_fini(&error);
    if (!z) {
      zip_source_free(src);
      return Bad("sheet_malformed", "the file is not an .xlsx workbook (zip)");
    }
    zip_.reset(z);
    const zip_int64_t n = zip_get_num_entries(z, 0);
    if (n < 0 || static_cast<size_t>(n) > limits_.max_entries) {
      return Bad("sheet_bomb", "the workbook has too many parts (" + std::to_string(n) + ")");
    }
    uint64_t total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      if (zip_stat_index(z, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
          !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
        return Bad("sheet_malformed", "a part of the workbook cannot be read");
      }
      if (UnsafeName(st.name))
        return Bad("sheet_malformed", "the workbook has an unsafe part name");
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        return Bad("sheet_encrypted", "the workbook is encrypted; save it without a password");
      }
      total += st.size;
      if (total > limits_.max_total_bytes || st.size > limits_.max_part_bytes ||
          (st.size > (1u << 20) &&
           st.size / std::max<uint64_t>(st.comp_size, 1) > limits_.max_ratio)) {
        return Bad("sheet_bomb", "the workbook expands far beyond any real member list");
      }
      entries_[st.name] = {static_cast<uint64_t>(i), st.size};
    }
    return Status::Ok();
  }

  bool Has(const std::string& name) const { return entries_.count(name) > 0; }

  Status ReadXml(const std::string& name, pugi::xml_document* doc) {
    auto it = entries_.find(name);
    if (it == entries_.end()) return Bad("sheet_malformed", "the workbook lacks " + name);
    std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen_index(zip_.get(), it->second.index, 0));
    if (!f) return Bad("sheet_malformed", "cannot open " + name + " in the workbook");
    std::string xml;
    xml.reserve(it->second.size);
    char buf[64 << 10];
    for (;;) {
      const zip_int64_t got = zip_fread(f.get(), buf, sizeof buf);
      if (got < 0) return Bad("sheet_malformed", name + " in the workbook is corrupt");
      if (got == 0) break;
      xml.append(buf, static_cast<size_t>(got));
      if (xml.size() > it->second.size) return Bad("sheet_bomb", name + " expands beyond its size");
    }
    if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos) {
      return Bad("sheet_malformed", "the workbook contains XML DOCTYPE or entity declarations");
    }
    pugi::xml_parse_result r = doc->load_buffer(xml.data(), xml.size(), pugi::parse_default);
    if (!r) return Bad("sheet_malformed", name + " is not well-formed XML");
    return Status::Ok();
  }

 private:
  struct Entry {
    uint64_t index;
    uint64_t size;
  };
  const SheetLimits& limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::map<std::string, Entry> entries_;
};

// Returns the text of a shared string or inline string: every <t> outside phonetic runs.
std::string RichText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    const std::string_view n = child.name();
    if (n == "t") out += child.text().get();
    if (n == "r") out += child.child("t").text().get();
  }
  return out;
}

// Splits "AB12" into a 0-based column and a row number; false when malformed.
bool ParseRef(std::string_view ref, size_t* col, int* row) {
  size_t i = 0, c = 0;
  while (i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i])) && i < 4) {
    c = c * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == ref.size() || ref.size() - i > 7) return false;
  int r = 0;
  for (; i < ref.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
    r = r * 10 + (ref[i] - '0');
  }
  *col = c - 1;
  *row = r;
  return r > 0;
}

// Returns a numeric cell as a person would type it: integers without ".0" or exponent.
std::string NumberText(const std::string& v) {
  if (v.find_first_of(".eE") == std::string::npos) return v;
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || *end != '\0') return v;
  char buf[64];
  if (d == static_cast<double>(static_cast<long long>(d)) && d < 1e15 && d > -1e15) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
  } else {
    std::snprintf(buf, sizeof buf, "%.15g", d);
  }
  return buf;
}

struct SheetRef {
  std::string name, path;
};

Result<std::vector<SheetRef>> ListSheets(Package& pkg) {
  pugi::xml_document wb, rels;
  JB_RETURN_IF_ERROR(pkg.ReadXml("xl/workbook.xml", &wb));
  JB_RETURN_IF_ERROR(pkg.ReadXml("xl/_rels/workbook.xml.rels", &rels));
  std::map<std::string, std::string> targets;
  for (pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
    std::string t = r.attribute("Target").value();
    if (!t.empty() && t[0] == '/') {
      t = t.substr(1);
    } else {
      t = "xl/" + t;
    }
    targets[r.attribute("Id").value()] = t;
  }
  std::vector<SheetRef> out;
  for (pugi::xml_node s : wb.child("workbook").child("sheets").children("sheet")) {
    auto it = targets.find(s.attribute("r:id").value());
    if (it != targets.end()) out.push_back({s.attribute("name").value(), it->second});
  }
  if (out.empty()) return Bad("sheet_malformed", "the workbook has no sheets");
  return out;
}

// Reads the cells of a <row> into `row` (values trimmed); `formula_ref` gets the
// first cell holding a formula.
Status ReadRow(const pugi::xml_node& xr, const std::vector<std::string>& strings,
               const SheetLimits& limits, SheetRow* row) {
  size_t next = 0;
  for (pugi::xml_node c : xr.children("c")) {
    size_t col = next;
    int r = row->number;
    const char* ref = c.attribute("r").value();
    if (*ref && !ParseRef(ref, &col, &r))
      return Bad("sheet_malformed", "a cell has a bad reference");
    next = col + 1;
    if (col >= limits.max_columns) continue;
    if (c.child("f")) {
      return Bad("sheet_formula", "cell " + ColumnLetters(col) + std::to_string(row->number) +
                                      " holds a formula; paste the values instead")
          .set_detail("row", row->number)
          .set_text("cell", ColumnLetters(col) + std::to_string(row->number));
    }
    const std::string_view type = c.attribute("t").value();
    std::string value;
    if (type == "s") {
      const long long i = c.child("v").text().as_llong(-1);
      if (i < 0 || static_cast<size_t>(i) >= strings.size()) {
        return Bad("sheet_malformed", "a cell refers to a missing shared string");
      }
      value = strings[static_cast<size_t>(i)];
    } else if (type == "inlineStr") {
      value = RichText(c.child("is"));
    } else if (type == "b") {
      value = c.child("v").text().as_bool() ? "TRUE" : "FALSE";
    } else if (type == "str" || type == "e") {
      value = c.child("v").text().get();
    } else {
      value = NumberText(c.child("v").text().get());
    }
    if (row->cells.size() <= col) row->cells.resize(col + 1);
    row->cells[col] = text::Trim(value);
  }
  return Status::Ok();
}

bool Blank(const SheetRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const std::string& c) { return c.empty(); });
}

// Reads one worksheet; returns false in *found when its first row is no header.
Result<Sheet> ReadWorksheet(Package& pkg, const SheetRef& ref,
                            const std::vector<std::string>& strings, const HeaderCheck& is_header,
                            const SheetLimits& limits, bool* found) {
  pugi::xml_document doc;
  JB_RETURN_IF_ERROR(pkg.ReadXml(ref.path, &doc));
  pugi::xml_node ws = doc.child("worksheet");
  Sheet sheet{ref.name, {}};
  *found = false;
  int number = 0;
  for (pugi::xml_node xr : ws.child("sheetData").children("row")) {
    SheetRow row;
    number = xr.attribute("r").as_int(number + 1);
    row.number = number;
    JB_RETURN_IF_ERROR(ReadRow(xr, strings, limits, &row));
    if (Blank(row)) continue;
    if (sheet.rows.empty()) {
      if (!is_header(row.cells)) return sheet;
      *found = true;
    }
    sheet.rows.push_back(std::move(row));
    if (sheet.rows.size() > limits.max_rows + 1) {
      return Bad("sheet_too_many_rows",
                 "the sheet has more than " + std::to_string(limits.max_rows) + " rows")
          .set_detail("max", static_cast<int64_t>(limits.max_rows));
    }
  }
  if (!*found) return sheet;
  for (pugi::xml_node m : ws.child("mergeCells").children("mergeCell")) {
    const std::string r = m.attribute("ref").value();
    size_t col = 0;
    int row = 0;
    ParseRef(r.substr(0, r.find(':')), &col, &row);
    return Bad("sheet_merged", "the sheet has merged cells (" + r +
                                   "); unmerge them so that every row has its own values")
        .set_detail("row", row)
        .set_text("cells", r);
  }
  return sheet;
}

std::string FromGb18030(std::string_view in, bool* ok) {
  *ok = false;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  const size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - dst_left);
  *ok = true;
  return out;
}

}  // namespace

std::string ColumnLetters(size_t index) {
  std::string out;
  ++index;
  while (index > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (index - 1) % 26));
    index = (index - 1) / 26;
  }
  return out;
}

Result<Sheet> ReadXlsx(std::string_view bytes, const HeaderCheck& is_header,
                       const SheetLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) return TooLarge(limits.max_input_bytes);
  Package pkg(limits);
  JB_RETURN_IF_ERROR(pkg.Open(bytes));
  JB_ASSIGN_OR_RETURN(std::vector<SheetRef> sheets, ListSheets(pkg));
  std::vector<std::string> strings;
  if (pkg.Has("xl/sharedStrings.xml")) {
    pugi::xml_document sst;
    JB_RETURN_IF_ERROR(pkg.ReadXml("xl/sharedStrings.xml", &sst));
    for (pugi::xml_node si : sst.child("sst").children("si")) strings.push_back(RichText(si));
  }
  std::string names;
  for (const SheetRef& ref : sheets) {
    bool found = false;
    JB_ASSIGN_OR_RETURN(Sheet sheet, ReadWorksheet(pkg, ref, strings, is_header, limits, &found));
    if (found) return sheet;
    names += (names.empty() ? "" : ", ") + ref.name;
  }
  return Bad("sheet_no_header",
             "no sheet starts with a header row naming the columns (sheets: " + names + ")")
      .set_text("sheets", names);
}

Result<Sheet> ReadCsv(std::string_view bytes, const HeaderCheck& is_header,
                      const SheetLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) return TooLarge(limits.max_input_bytes);
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) {
    return Bad("sheet_not_text", "the file is not a CSV text file");
  }
  std::string text(bytes);
  if (!text::IsValidUtf8(text)) {
    bool ok = false;
    text = FromGb18030(bytes, &ok);
    if (!ok) return Bad("sheet_not_text", "the file is neither UTF-8 nor GB18030 text");
  }
  Sheet sheet;
  SheetRow row;
  std::string cell;
  bool quoted = false, any = false;
  int number = 1;
  auto end_cell = [&] {
    row.cells.push_back(text::Trim(cell));
    cell.clear();
  };
  auto end_row = [&]() -> Status {
    end_cell();
    row.number = number++;
    if (!Blank(row)) {
      if (sheet.rows.empty() && !is_header(row.cells)) {
        return Bad("sheet_no_header", "the first line is not a header row naming the columns")
            .set_text("sheets", "CSV");
      }
      if (row.cells.size() > limits.max_columns) row.cells.resize(limits.max_columns);
      sheet.rows.push_back(std::move(row));
      if (sheet.rows.size() > limits.max_rows + 1) {
        return Bad("sheet_too_many_rows",
                   "the file has more than " + std::to_string(limits.max_rows) + " rows")
            .set_detail("max", static_cast<int64_t>(limits.max_rows));
      }
    }
    row = SheetRow();
    any = false;
    return Status::Ok();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    any = true;
    if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      end_cell();
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      JB_RETURN_IF_ERROR(end_row());
    } else {
      cell += ch;
    }
  }
  if (any || !cell.empty() || !row.cells.empty()) JB_RETURN_IF_ERROR(end_row());
  if (sheet.rows.empty())
    return Bad("sheet_no_header", "the file is empty").set_text("sheets", "CSV");
  return sheet;
}

}  // namespace jianbao::members
