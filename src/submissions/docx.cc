// Copyright 2026 The Jianbao Authors.
//
// The zip and safety half of the .docx reader; docx_body.cc converts.

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <pugixml.hpp>

#include "core/image_size.h"
#include "submissions/docx_body.h"
#include "submissions/import.h"
#include "submissions/sniff.h"

namespace jianbao::submissions {
namespace {

Status Bad(const std::string& key, const std::string& message) {
  return Status::Invalid("file", key, message);
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool BadName(std::string_view name) {
  if (name.empty() || name[0] == '/' || name.find('\\') != std::string_view::npos ||
      name.find(':') != std::string_view::npos) {
    return true;
  }
  size_t pos = 0;
  while (pos <= name.size()) {
    size_t end = name.find('/', pos);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(pos, end - pos) == "..") return true;
    pos = end + 1;
  }
  return false;
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return std::toupper(a) == std::toupper(b); });
  return it != hay.end();
}

class Archive {
 public:
  Archive(const ImportLimits& limits) : limits_(limits) {}

  Status Open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) return Bad("docx_malformed", "the file cannot be read as a .docx");
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    zip_error_fini(&error);
    if (!z) {
      zip_source_free(src);
      return Bad("docx_malformed", "the file is not a valid .docx (zip) archive");
    }
    zip_.reset(z);
    const zip_int64_t n = zip_get_num_entries(z, 0);
    if (n < 0 || static_cast<size_t>(n) > limits_.max_entries) {
      return Bad("docx_bomb", "the .docx has too many entries (" + std::to_string(n) + ")");
    }
    uint64_t total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      if (zip_stat_index(z, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
        return Bad("docx_malformed", "a .docx entry cannot be read");
      }
      if (BadName(st.name)) {
        return Bad("docx_path", "the .docx has an entry with an unsafe path: " +
                                    std::string(st.name).substr(0, 80));
      }
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        return Bad("docx_encrypted", "the .docx is encrypted; save it without a password");
      }
      if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
        return Bad("docx_malformed", "a .docx entry has no size");
      }
      total += st.size;
      if (total > limits_.max_total_bytes) {
        return Bad("docx_bomb", "the .docx expands to more than " +
                                    std::to_string(limits_.max_total_bytes >> 20) + " MiB");
      }
      if (st.size > (1 << 20) &&
          st.size / std::max<uint64_t>(st.comp_size, 1) > limits_.max_ratio) {
        return Bad("docx_bomb", "the .docx has an entry compressed beyond any real document");
      }
      entries_[st.name] = {static_cast<uint64_t>(i), st.size};
    }
    return Status::Ok();
  }

  bool Has(const std::string& name) const { return entries_.count(name) > 0; }

  // Reads an entry of at most `cap` bytes; the actual size must match the declared one.
  Result<std::string> Read(const std::string& name, size_t cap) {
    auto it = entries_.find(name);
    if (it == entries_.end()) return Bad("docx_malformed", "the .docx lacks " + name);
    if (it->second.size > cap) {
      return Bad("docx_bomb", name + " is larger than " + std::to_string(cap >> 20) + " MiB");
    }
    std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen_index(zip_.get(), it->second.index, 0));
    if (!f) {
      const int ze = zip_error_code_zip(zip_get_error(zip_.get()));
      if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP) {
        return Bad("docx_encrypted", "the .docx is encrypted; save it without a password");
      }
      return Bad("docx_malformed", "cannot open " + name + " in the .docx");
    }
    std::string out;
    out.reserve(it->second.size);
    char buf[64 << 10];
    for (;;) {
      const zip_int64_t got = zip_fread(f.get(), buf, sizeof buf);
      if (got < 0) return Bad("docx_malformed", name + " in the .docx is corrupt");
      if (got == 0) break;
      out.append(buf, static_cast<size_t>(got));
      if (out.size() > it->second.size) {
        return Bad("docx_bomb", name + " expands beyond its declared size");
      }
    }
    if (out.size() != it->second.size) return Bad("docx_malformed", name + " is truncated");
    return out;
  }

  // Reads and parses an XML part; a missing optional part gives an empty document.
  Status ReadXml(const std::string& name, bool required, pugi::xml_document* doc) {
    if (!required && !Has(name)) return Status::Ok();
    JB_ASSIGN_OR_RETURN(std::string xml, Read(name, limits_.max_part_bytes));
    if (ContainsNoCase(xml, "<!DOCTYPE") || ContainsNoCase(xml, "<!ENTITY")) {
      return Bad("docx_entities", "the .docx contains XML DOCTYPE or entity declarations");
    }
    pugi::xml_parse_result r = doc->load_buffer(xml.data(), xml.size(), pugi::parse_default);
    if (!r) return Bad("docx_malformed", name + " is not well-formed XML: " + r.description());
    return Status::Ok();
  }

 private:
  struct Entry {
    uint64_t index;
    uint64_t size;
  };
  const ImportLimits& limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::map<std::string, Entry> entries_;
};

// Resolves a relationship target against word/; "" when it leaves the package.
std::string ResolveTarget(const std::string& target) {
  std::vector<std::string> parts;
  std::string path = target.empty() || target[0] != '/' ? "word/" + target : target.substr(1);
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(pos, end - pos);
    if (seg == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    pos = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace

Result<Imported> ReadDocx(std::string_view bytes, const ImportLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Status(
        Code::kPayloadTooLarge, "payload_too_large",
        "the file is larger than " + std::to_string(limits.max_input_bytes >> 20) + " MiB", "file");
  }
  if (bytes.size() >= 8 &&
      bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    return Bad("docx_encrypted",
               "the file is an encrypted document or an old .doc; save it as .docx without a "
               "password");
  }
  if (bytes.size() < 4 || bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) {
    return Bad("docx_malformed", "the file is not a .docx (it does not start as a zip archive)");
  }
  Archive zip(limits);
  JB_RETURN_IF_ERROR(zip.Open(bytes));
  if (!zip.Has("word/document.xml")) {
    return Bad("docx_not_word", "the archive is not a Word document (no word/document.xml)");
  }
  pugi::xml_document document, styles, numbering, rels;
  JB_RETURN_IF_ERROR(zip.ReadXml("word/document.xml", true, &document));
  JB_RETURN_IF_ERROR(zip.ReadXml("word/styles.xml", false, &styles));
  JB_RETURN_IF_ERROR(zip.ReadXml("word/numbering.xml", false, &numbering));
  JB_RETURN_IF_ERROR(zip.ReadXml("word/_rels/document.xml.rels", false, &rels));

  std::map<std::string, std::string> targets;  // relationship id → package path
  for (pugi::xml_node r : rels.document_element().children()) {
    if (docx::LocalName(r.name()) != "Relationship") continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    const std::string resolved = ResolveTarget(r.attribute("Target").value());
    if (resolved.empty() || BadName(resolved)) {
      return Bad("docx_path", "the .docx refers to a part outside the package");
    }
    targets[r.attribute("Id").value()] = resolved;
  }
  pugi::xml_node body;
  for (pugi::xml_node n : document.document_element().children()) {
    if (docx::LocalName(n.name()) == "body") body = n;
  }
  if (!body) return Bad("docx_malformed", "word/document.xml has no body");

  Imported out;
  Status image_error;
  std::map<std::string, std::string> refs;  // package path → body reference
  docx::Parts parts{body, docx::ReadStyles(styles), docx::ReadNumbering(numbering), nullptr};
  parts.image = [&](const std::string& rid) -> std::string {
    auto t = targets.find(rid);
    if (t == targets.end() || !zip.Has(t->second)) return "";
    if (auto known = refs.find(t->second); known != refs.end()) return known->second;
    if (out.images.size() >= limits.max_images) return "";
    auto data = zip.Read(t->second, limits.max_image_bytes);
    if (!data.ok()) {
      if (image_error.ok()) image_error = data.status();
      return "";
    }
    const std::string mime = SniffMime(*data);
    if (!IsImageMime(mime)) return "";  // EMF/WMF and the like are left out
    const std::string ref =
        t->second.substr(t->second.rfind('/') == std::string::npos ? 0 : (t->second.find('/') + 1));
    // A decompression bomb is refused on the size it declares.
    if (Status size = image_size::Check(*data, "file", ref); !size.ok()) {
      if (image_error.ok()) image_error = size;
      return "";
    }
    out.images.push_back({ref, mime, std::move(data).value()});
    refs[t->second] = ref;
    return ref;
  };
  bool too_large = false;
  docx::Converted c = docx::Convert(parts, limits.max_body_bytes, &too_large);
  if (!image_error.ok()) return image_error;
  if (too_large) {
    return Status(Code::kPayloadTooLarge, "payload_too_large",
                  "the document's text is larger than " +
                      std::to_string(limits.max_body_bytes >> 20) + " MiB",
                  "file");
  }
  out.title = std::move(c.title);
  for (char& ch : out.title) {
    if (ch == '\n') ch = ' ';
  }
  out.body = std::move(c.body);
  return out;
}

}  // namespace jianbao::submissions
