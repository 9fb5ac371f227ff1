// Copyright 2026 The Jianbao Authors.

#include "typeset/testing/pdf_probe.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "core/text.h"

namespace jianbao::typeset::probe {
namespace {

Word ReadWord(const pugi::xml_node& w) {
  return Word{w.attribute("xMin").as_double(), w.attribute("yMin").as_double(),
              w.attribute("xMax").as_double(), w.attribute("yMax").as_double(),
              std::u32string(text::DecodeUtf8(w.child_value()).data(),
                             text::DecodeUtf8(w.child_value()).size())};
}

}  // namespace

int Run(const std::string& cmd) { return std::system(cmd.c_str()); }

std::string TempFile(const std::string& bytes, const std::string& suffix) {
  static std::atomic<int> counter{0};
  auto path = std::filesystem::temp_directory_path() /
              ("jb_typeset_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + suffix);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

Result<std::vector<PdfPage>> ReadPdf(const std::string& pdf_bytes) {
  std::string pdf = TempFile(pdf_bytes, ".pdf");
  std::string html = pdf + ".html";
  int rc = Run("pdftotext -bbox-layout '" + pdf + "' '" + html + "' 2>/dev/null");
  std::filesystem::remove(pdf);
  if (rc != 0) return Status::Internal("pdftotext failed (is poppler-utils installed?)");
  pugi::xml_document doc;
  pugi::xml_parse_result ok = doc.load_file(html.c_str());
  std::filesystem::remove(html);
  if (!ok)
    return Status::Internal(std::string("cannot parse pdftotext output: ") + ok.description());
  std::vector<PdfPage> pages;
  for (pugi::xpath_node pn : doc.select_nodes("//page")) {
    PdfPage page;
    for (pugi::xpath_node ln : pn.node().select_nodes(".//line")) {
      TextLine line{ln.node().attribute("xMin").as_double(),
                    ln.node().attribute("yMin").as_double(),
                    ln.node().attribute("xMax").as_double(),
                    ln.node().attribute("yMax").as_double(),
                    {},
                    {}};
      for (pugi::xml_node w : ln.node().children("word")) {
        line.words.push_back(ReadWord(w));
        line.text += line.words.back().text;
        page.words.push_back(line.words.back());
      }
      if (!line.text.empty()) page.lines.push_back(std::move(line));
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace jianbao::typeset::probe
