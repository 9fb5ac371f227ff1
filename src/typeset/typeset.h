// Copyright 2026 The Jianbao Authors.
//
// The typesetting engine: turns a bulletin issue (简报) into a print-ready PDF
// in the red-header layout of GB/T 9704, and into DOCX, HTML, plain text and
// PNG page previews. It takes plain values and returns bytes; it knows nothing
// about HTTP or SQL.
//
// Typical use in a long-running process:
//
//   auto ts = jianbao::typeset::Typesetter::Create(
//       jianbao::typeset::FontsFromConfig(config));
//   if (!ts.ok()) { ... ts.status() names the missing font ... }
//   auto issue = jianbao::typeset::ParseIssueJson(json_text);
//   auto pdf = (*ts)->RenderPdf(*issue);   // bytes of the PDF file
//
// The free functions RenderPdf() etc. build a Typesetter for one call.

#ifndef JIANBAO_TYPESET_TYPESET_H_
#define JIANBAO_TYPESET_TYPESET_H_

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/messages.h"
#include "core/status.h"

namespace jianbao::typeset {

// Returns this module's message catalogue: the Chinese and English texts of
// every Status key it returns (messages.cc; cli/wiring.cc adds it at start-up,
// messages_test.cc checks it is complete). Thread safety: callable from any thread.
const messages::Catalogue& Messages();

// One article or data section of an issue.
struct Section {
  std::string title;          // set centred in 2号 title type; appears in 目录
  std::string body_markdown;  // CommonMark with GitHub tables; images: PNG/JPEG path or data URI
  std::string org;            // optional: the contributing organisation
};

// One line of the distribution block: "报：工业和信息化部，…".
struct Recipients {
  std::string label;            // "报", "送", "发" …
  std::vector<std::string> to;  // recipients, joined with "，"
};

// What a document is laid out as. A bulletin issue prints its 第N期 line
// and a 目录; a notice (通知, 慰问信, 倡议书: GB/T 9704's 公文) prints neither:
// its red header (title lines, 文号 when it has one, issuer and date), the
// title and body of its one section, the 附件 list, the signature and date.
enum class Layout { kBulletin, kNotice };

// A bulletin issue, as the bulletins module hands it to the engine.
struct Issue {
  Layout layout = Layout::kBulletin;
  std::string masthead;                  // optional, e.g. the association's name
  std::vector<std::string> title_lines;  // at least one; the last is set largest
  std::string subtitle;                  // optional, e.g. "协会专刊"
  int number = 0;                        // 第N期; > 0 (kBulletin only)
  std::string doc_number;                // kNotice, optional: 文号 "中通协〔2020〕3号"
  std::vector<std::string> attachments;  // kNotice, optional: 附件 names, in order
  std::string issuer;                    // left under the title
  std::string date;                      // "YYYY-MM-DD", printed "2020年3月19日"
  std::vector<Section> sections;         // in order
  std::string closing_note;              // optional, after the last section
  std::vector<Recipients> distribution;  // optional, on the last page
  int copies = 0;                        // optional; 0 = not printed
  std::string revision_note;             // optional: visible note of a correction
  // Where relative image paths resolve. "" = no image files are read, only
  // data: URIs (the server renders text users wrote; never read its disk).
  std::string base_dir;
};

// Font for each typographic role, as Pango font descriptions without a size
// ("Noto Serif CJK SC", "Noto Serif CJK SC Bold"), plus the header red.
struct Fonts {
  std::string song = "Noto Serif CJK SC";  // 宋体: contents, tables
  // 仿宋: body text. FandolFang (texlive-lang-chinese) covers GB 2312; a
  // character it lacks falls back to the next family of the list.
  std::string fangsong = "FandolFang, Noto Serif CJK SC";
  std::string hei = "Noto Sans CJK SC";          // 黑体: first-level headings, bold
  std::string kai = "LXGW WenKai";               // 楷体: second-level headings, italic
  std::string title = "Noto Serif CJK SC Bold";  // 小标宋: header and article titles
  std::string mono = "Noto Sans Mono CJK SC";    // code
  std::string red = "#FF3333";                   // header red (M80 Y80), "#RRGGBB"
  // Font folders fontconfig does not know, ':'-separated; missing ones are
  // skipped. Debian installs the Fandol fonts only for TeX.
  std::string dirs = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";
  // The faces a DOCX names: those Chinese office PCs have (Word and WPS
  // substitute the w:altName of fontTable.xml when the first is missing).
  std::string docx_song = "宋体";
  std::string docx_fangsong = "仿宋_GB2312";  // altName 仿宋
  std::string docx_hei = "黑体";
  std::string docx_kai = "楷体_GB2312";       // altName 楷体
  std::string docx_title = "方正小标宋简体";  // altName 宋体
};

// Returns the fonts configured under "fonts.song", "fonts.fangsong",
// "fonts.hei", "fonts.kai", "fonts.title", "fonts.mono", "fonts.red" and
// "fonts.docx_song" … "fonts.docx_title" and "fonts.dirs", with the defaults
// above for unset keys.
Fonts FontsFromConfig(const Config& config);

// Parses the issue JSON of docs/typeset.md. On error returns
// kInvalidArgument whose field() names the key ("sections[2].title") and whose
// message says what is wrong. `base_dir` becomes Issue::base_dir.
Result<Issue> ParseIssueJson(std::string_view json, std::string base_dir = "");

// Returns "2020年3月19日" for "2020-03-19", or an error naming "date".
Result<std::string> ChineseDate(std::string_view iso_date);

// Checks an issue's invariants (title, number, date, sections) and that its
// section bodies together stay within the Markdown limits
// (core/markdown_limits.h: table width and cells, lines, markup). Returns OK
// or kInvalidArgument naming the field ("sections[2].body"). Every Render
// function calls it.
Status ValidateIssue(const Issue& issue);

// Where each section starts in the PDF (1-based page numbers) and how many
// pages there are; what the 目录 prints.
struct PageMap {
  std::vector<int> section_pages;
  int page_count = 0;
};

class Engine;  // the Pango/Cairo state, defined in engine.h

// How long one PDF, PNG, DOCX or text render may typeset before it stops
// with kInvalidArgument "render_timeout" (a full seed issue takes about 1 s).
inline constexpr std::chrono::seconds kDefaultRenderBudget{30};

// Holds the font map and fonts of one configuration so that repeated renders
// pay for font loading once. Thread-safe: calls are serialised by an internal
// mutex (Pango font maps must not be used from two threads at once); use one
// Typesetter per thread for parallel rendering.
class Typesetter {
 public:
  // Returns a ready Typesetter, or kInvalidArgument naming the role and font
  // ("fonts.fangsong: font 'X' is not installed") when a font is missing.
  static Result<std::unique_ptr<Typesetter>> Create(const Fonts& fonts);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // Returns the bytes of a PDF (A4, fonts embedded as subsets, outline,
  // linked contents, metadata), or an error: kInvalidArgument naming the
  // field for bad input or a character no configured font covers.
  Result<std::string> RenderPdf(const Issue& issue);

  // Returns one PNG file's bytes per page at `dpi`; InvalidArgument "bad_dpi"
  // outside 10..600, else errors as RenderPdf.
  Result<std::vector<std::string>> RenderPngPages(const Issue& issue, int dpi);

  // Returns where sections start in the PDF layout, without writing a PDF.
  Result<PageMap> Paginate(const Issue& issue);

  // Returns the bytes of a .docx (Office Open XML) document whose TOC field
  // caches the PDF layout's page numbers. Errors as RenderPdf.
  Result<std::string> RenderDocx(const Issue& issue);

  // Returns one self-contained UTF-8 HTML page (escaped, responsive, with a
  // print stylesheet); images are embedded as data URIs.
  Result<std::string> RenderHtml(const Issue& issue);

  // Returns the issue as UTF-8 plain text laid out like a legacy bulletin,
  // with the contents' page numbers of the PDF layout.
  Result<std::string> RenderText(const Issue& issue);

  const Fonts& fonts() const { return fonts_; }

  // Sets the time budget of each later render (zero: none). Thread-safe.
  void SetRenderBudget(std::chrono::milliseconds budget);

 private:
  Typesetter(Fonts fonts, std::unique_ptr<Engine> engine);
  Fonts fonts_;
  std::unique_ptr<Engine> engine_;
  std::mutex mu_;
  std::chrono::milliseconds budget_ = kDefaultRenderBudget;  // guarded by mu_
};

// Returns PNG or JPEG `bytes` reduced by a whole factor when they hold at
// least twice the pixels an issue prints them with (text block width, 0.8 of
// its height, 300 dpi), re-encoded in the same format (JPEG at quality 88);
// else, or when the reduced file would be larger than both `bytes` and
// 1 MiB, `bytes` unchanged.
// Errors: kInvalidArgument (key "bad_image") for what LoadImage refuses,
// bombs included; kInternal when encoding fails. Thread-safe.
Result<std::string> ReduceImageForPrint(const std::string& bytes);

// One-shot conveniences: build a Typesetter, render, discard. Same results
// and errors as the Typesetter methods plus the font errors of Create().
Result<std::string> RenderPdf(const Issue& issue, const Fonts& fonts);
Result<std::vector<std::string>> RenderPngPages(const Issue& issue, const Fonts& fonts, int dpi);
Result<std::string> RenderDocx(const Issue& issue, const Fonts& fonts);
Result<std::string> RenderHtml(const Issue& issue, const Fonts& fonts);
Result<std::string> RenderText(const Issue& issue, const Fonts& fonts);

// Returns HTML edition `html` (RenderHtml's output) with its 适老化 switch (a
// checkbox; large text and strong contrast by CSS alone) already on, so that a
// server can serve the large-text page to a reader who chose it elsewhere;
// `html` unchanged when it has no switch (pages written before it existed).
// Thread-safe.
std::string HtmlInElderMode(std::string html);

// Sets CAIRO_DEBUG_PDF in the environment, so that Cairo leaves the PDF's
// content streams uncompressed for the engine's own finishing pass. setenv
// races with getenv on other threads: a program calls this at start, before
// it starts any thread (cli/main.cc); the PDF writer calls it as well, for
// tests and tools that do not. Idempotent.
void PrepareCairoPdf();

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_TYPESET_H_
