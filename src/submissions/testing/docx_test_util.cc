// Copyright 2026 The Jianbao Authors.

#include "submissions/testing/docx_test_util.h"

#include <zip.h>

#include <stdexcept>

namespace jianbao::submissions::testing {

std::string BuildZip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (!z) throw std::runtime_error("zip_open_from_source");
  for (const ZipEntry& e : entries) {
    zip_source_t* data = zip_source_buffer(z, e.data.data(), e.data.size(), 0);
    const zip_int64_t idx = zip_file_add(z, e.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (idx < 0) throw std::runtime_error("zip_file_add " + e.name);
    zip_set_file_compression(z, idx, e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    if (!e.password.empty() &&
        zip_file_set_encryption(z, idx, ZIP_EM_AES_256, e.password.c_str()) != 0) {
      throw std::runtime_error("zip_file_set_encryption");
    }
  }
  if (zip_close(z) != 0) throw std::runtime_error("zip_close");
  zip_stat_t st;
  zip_source_stat(src, &st);
  std::string out(st.size, '\0');
  zip_source_open(src);
  zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

std::string Para(const std::string& text, const std::string& style, bool bold) {
  std::string p = "<w:p>";
  if (!style.empty()) p += "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
  p += "<w:r>";
  if (bold) p += "<w:rPr><w:b/></w:rPr>";
  return p + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string MinimalDocx(const std::string& body_xml, std::vector<ZipEntry> extra,
                        const std::string& rels_xml) {
  const std::string ns =
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"";
  std::vector<ZipEntry> entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + ns +
                                "><w:body>" + body_xml + "</w:body></w:document>"},
      {"word/styles.xml",
       "<?xml version=\"1.0\"?><w:styles " + ns +
           "><w:style w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
           "<w:style w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
           "<w:style w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>"
           "<w:style w:styleId=\"a3\"><w:name w:val=\"标题 3\"/></w:style>"
           "<w:style w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr>"
           "</w:style></w:styles>"},
      {"word/numbering.xml",
       "<?xml version=\"1.0\"?><w:numbering " + ns +
           "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt "
           "w:val=\"bullet\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl>"
           "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt "
           "w:val=\"decimal\"/></w:lvl></w:abstractNum>"
           "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
           "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"},
  };
  if (!rels_xml.empty()) entries.push_back({"word/_rels/document.xml.rels", rels_xml});
  for (auto& e : extra) entries.push_back(std::move(e));
  return BuildZip(entries);
}

std::string TinyPng() {
  static const unsigned char kPng[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
      0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
      0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
      0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
      0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(kPng), sizeof kPng);
}

}  // namespace jianbao::submissions::testing
