// Copyright 2026 The Jianbao Authors.
//
// Test support: builds .docx (zip) files in memory, including hostile ones.

#ifndef JIANBAO_SUBMISSIONS_TESTING_DOCX_TEST_UTIL_H_
#define JIANBAO_SUBMISSIONS_TESTING_DOCX_TEST_UTIL_H_

#include <string>
#include <utility>
#include <vector>

namespace jianbao::submissions::testing {

struct ZipEntry {
  ZipEntry(std::string n, std::string d, bool s = false, std::string pw = "")
      : name(std::move(n)), data(std::move(d)), store(s), password(std::move(pw)) {}
  std::string name;
  std::string data;
  bool store = false;    // store instead of deflate
  std::string password;  // non-empty: AES-256 encrypted
};

// Returns the bytes of a zip archive with `entries`, in order.
std::string BuildZip(const std::vector<ZipEntry>& entries);

// Returns a minimal .docx whose word/document.xml body is `body_xml`
// (w:p/w:tbl elements), with the standard Title/Heading styles, a numbering
// part (numId 1 bullets, numId 2 decimal) and `extra` entries added.
std::string MinimalDocx(const std::string& body_xml, std::vector<ZipEntry> extra = {},
                        const std::string& rels_xml = "");

// Returns a w:p element with `text` in one run; style id and bold optional.
std::string Para(const std::string& text, const std::string& style = "", bool bold = false);

// Returns a 1×1 PNG image.
std::string TinyPng();

}  // namespace jianbao::submissions::testing

#endif  // JIANBAO_SUBMISSIONS_TESTING_DOCX_TEST_UTIL_H_
