// Copyright 2026 The Jianbao Authors.

#include "members/import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "core/text.h"
#include "members/credit_code.h"

namespace jianbao::members {
namespace {

enum Column { kName, kShortName, kCreditCode, kContact, kPhone, kEmail, kSector, kColumns };

// Header spellings of each column (English compared case-insensitively).
const std::vector<std::vector<std::string>>& Spellings() {
  static const std::vector<std::vector<std::string>> kSpellings = {
      {"单位名称", "name"},  {"简称", "short_name"}, {"统一社会信用代码", "credit_code"},
      {"联系人", "contact"}, {"手机", "phone"},      {"邮箱", "email"},
      {"行业", "sector"},
  };
  return kSpellings;
}

std::optional<Column> ColumnOf(const std::string& header) {
  std::string h = text::Trim(header);
  // "单位名称*" and "单位名称（必填）" name the same column.
  for (const std::string& suffix : {std::string("*"), std::string("（必填）")}) {
    if (h.size() > suffix.size() &&
        h.compare(h.size() - suffix.size(), suffix.size(), suffix) == 0) {
      h = text::Trim(h.substr(0, h.size() - suffix.size()));
    }
  }
  std::string lower = h;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (size_t c = 0; c < Spellings().size(); ++c) {
    for (const std::string& s : Spellings()[c]) {
      if (h == s || lower == s) return static_cast<Column>(c);
    }
  }
  return std::nullopt;
}

bool ValidPhone(const std::string& p) {
  if (p.size() < 5 || p.size() > 20) return false;
  return std::all_of(p.begin(), p.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == ' ';
  });
}

ImportError Error(int row, const std::string& column, const std::string& key,
                  const std::string& message, const std::string& value = "") {
  return ImportError{row, column, key, message, value};
}

}  // namespace

bool IsMemberHeader(const std::vector<std::string>& cells) {
  bool name = false, code = false;
  for (const std::string& c : cells) {
    const auto col = ColumnOf(c);
    name = name || col == kName;
    code = code || col == kCreditCode;
  }
  return name && code;
}

Result<Sheet> ReadMemberSheet(const std::string& format, std::string_view bytes,
                              const SheetLimits& limits) {
  if (format == "xlsx") return ReadXlsx(bytes, IsMemberHeader, limits);
  if (format == "csv") return ReadCsv(bytes, IsMemberHeader, limits);
  return Status::Invalid("format", "member_invalid_format", "format must be xlsx or csv");
}

std::string MemberCode(const std::string& parent_code, const std::string& credit_code) {
  std::string lower;
  for (char c : credit_code)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (parent_code.size() + 1 + lower.size() <= 32) return parent_code + "-" + lower;
  return "m" + lower;
}

Result<MemberRows> CheckMemberRows(const Sheet& sheet) {
  MemberRows out;
  if (sheet.rows.empty()) return out;
  const std::vector<std::string>& header = sheet.rows[0].cells;
  std::vector<int> index(kColumns, -1);
  for (size_t i = 0; i < header.size(); ++i) {
    const auto col = ColumnOf(header[i]);
    if (!col) continue;
    if (index[*col] >= 0) {
      return Status::Invalid("file", "duplicate_column",
                             "the column " + header[i] + " is given twice")
          .set_text("column", header[i]);
    }
    index[*col] = static_cast<int>(i);
  }
  auto name_of = [&](Column c) { return header[static_cast<size_t>(index[c])]; };
  std::map<std::string, int> seen;  // credit code → first row
  for (size_t r = 1; r < sheet.rows.size(); ++r) {
    const SheetRow& row = sheet.rows[r];
    auto cell = [&](Column c) -> std::string {
      if (index[c] < 0 || static_cast<size_t>(index[c]) >= row.cells.size()) return "";
      return row.cells[static_cast<size_t>(index[c])];
    };
    const size_t before = out.errors.size();
    Member m;
    m.name = cell(kName);
    m.short_name = cell(kShortName);
    m.credit_code = NormalizeCreditCode(cell(kCreditCode));
    m.contact = cell(kContact);
    m.phone = cell(kPhone);
    m.email = cell(kEmail);
    m.sector = cell(kSector);
    if (m.name.empty()) {
      out.errors.push_back(Error(row.number, name_of(kName), "required", "required"));
    } else if (text::CodePointCount(m.name) > 100) {
      out.errors.push_back(Error(row.number, name_of(kName), "too_long", "too long"));
    }
    if (m.credit_code.empty()) {
      out.errors.push_back(Error(row.number, name_of(kCreditCode), "required", "required"));
    } else if (!IsValidCreditCode(m.credit_code)) {
      out.errors.push_back(Error(row.number, name_of(kCreditCode), "invalid_credit_code",
                                 "not a valid unified social credit code", m.credit_code));
    } else if (auto it = seen.find(m.credit_code); it != seen.end()) {
      out.errors.push_back(Error(row.number, name_of(kCreditCode), "duplicate_credit_code",
                                 "the same credit code as row " + std::to_string(it->second),
                                 std::to_string(it->second)));
    } else {
      seen[m.credit_code] = row.number;
    }
    const std::pair<Column, size_t> lengths[] = {{kShortName, 30}, {kContact, 50}, {kSector, 30}};
    for (const auto& [c, max] : lengths) {
      if (text::CodePointCount(cell(c)) > max) {
        out.errors.push_back(Error(row.number, name_of(c), "too_long", "too long"));
      }
    }
    if (!m.phone.empty() && !ValidPhone(m.phone)) {
      out.errors.push_back(
          Error(row.number, name_of(kPhone), "member_invalid_phone", "not a telephone number", m.phone));
    }
    if (!m.email.empty() && !text::IsValidEmail(m.email)) {
      out.errors.push_back(Error(row.number, name_of(kEmail), "member_invalid_email",
                                 "not an e-mail address", m.email));
    }
    if (out.errors.size() == before) out.rows.push_back(ImportRow{row.number, "", "", m});
  }
  return out;
}

}  // namespace jianbao::members
