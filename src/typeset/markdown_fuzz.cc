// Copyright 2026 The Jianbao Authors.
//
// libFuzzer: random CommonMark through the block parser and every writer,
// including the Pango/Cairo layout and, for short inputs, the PDF writer with
// its kept font subsets (one warm Typesetter for the process).

#include <sanitizer/lsan_interface.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "typeset/markdown.h"
#include "typeset/typeset.h"

// fontconfig keeps its caches for the life of the process; that is not a leak of ours.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<jianbao::typeset::Typesetter> ts = [] {
    auto r = jianbao::typeset::Typesetter::Create(jianbao::typeset::Fonts());
    return r.ok() ? std::move(r).value() : nullptr;
  }();
  std::string md(reinterpret_cast<const char*>(data), size);
  auto blocks = jianbao::typeset::ParseMarkdown(md);
  if (!blocks.ok() || ts == nullptr) return 0;
  jianbao::typeset::Issue issue;
  issue.title_lines = {"模糊测试"};
  issue.number = 1;
  issue.issuer = "测试";
  issue.date = "2020-03-19";
  issue.sections.push_back({"标题", md, ""});
  (void)ts->Paginate(issue);
  (void)ts->RenderHtml(issue);
  (void)ts->RenderDocx(issue);
  if (size < 1024) {
    // Cairo 1.16's CFF subsetter loses one small array per embedded CFF font
    // when the PDF surface finishes (with Pango's drawing as with ours), and
    // Cairo has no frame pointers to tell that apart by stack: the PDF writer
    // runs with leak checking off; the layout above is checked.
    __lsan_disable();
    (void)ts->RenderPdf(issue);
    __lsan_enable();
  }
  return 0;
}
