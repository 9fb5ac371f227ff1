// Copyright 2026 The Jianbao Authors.

#include "submissions/cli.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "submissions/import.h"

namespace jianbao::submissions {

void AddCommands(CLI::App& app) {
  struct Options {
    std::string file;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "import-docx",
      "Convert a .docx (or .txt) to a title and a CommonMark body, without a database");
  cmd->add_option("file", opt->file, "the .docx or .txt file")->required();
  cmd->add_flag("--json", opt->json, "print {\"title\", \"body\"} as JSON");
  cmd->callback([opt] {
    const ImportLimits limits;
    std::ifstream in(opt->file, std::ios::binary);
    if (!in) {
      std::cerr << "jianbao import-docx: cannot read " << opt->file << "\n";
      throw CLI::RuntimeError(2);
    }
    std::ostringstream ss;
    // Read at most one byte more than the limit so an oversized file is refused, not loaded.
    std::string bytes(limits.max_input_bytes + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    const bool txt = opt->file.size() > 4 && opt->file.substr(opt->file.size() - 4) == ".txt";
    Result<Imported> doc = txt ? ReadText(bytes, limits) : ReadDocx(bytes, limits);
    if (!doc.ok()) {
      std::cerr << "jianbao import-docx: " << doc.status().message() << " (" << doc.status().key()
                << ")\n";
      throw CLI::RuntimeError(2);
    }
    if (opt->json) {
      std::cout << nlohmann::ordered_json{{"title", doc->title}, {"body", doc->body}}.dump() << "\n";
    } else {
      std::cout << doc->title << "\n\n" << doc->body << "\n";
    }
  });
}

}  // namespace jianbao::submissions
