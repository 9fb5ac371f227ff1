// Copyright 2026 The Jianbao Authors.
//
// document.xml of the DOCX: the red header, the contents (page numbers as
// PAGEREF fields), the articles with heading styles (so a TOC Word inserts
// and the navigation pane see them), tables,
// images, and the distribution block; A4 with the GB/T 9704 margins and
// odd/even page-number footers.

#include <algorithm>

#include "typeset/blocks.h"
#include "typeset/docx_parts.h"
#include "typeset/images.h"
#include "typeset/markdown.h"
#include "typeset/writers.h"

namespace jianbao::typeset {
namespace {

using docx::Esc;
using docx::Family;

constexpr int kTextTwips = 8844;  // 156 mm

std::string RunXml(const std::string& text, const std::string& rpr = "") {
  std::string out = "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>");
  std::string chunk;
  auto flush = [&] {
    if (!chunk.empty()) out += "<w:t xml:space=\"preserve\">" + Esc(chunk) + "</w:t>";
    chunk.clear();
  };
  for (char c : text) {
    if (c == '\n' || c == '\t') {
      flush();
      out += c == '\n' ? "<w:br/>" : "<w:tab/>";
    } else {
      chunk += c;
    }
  }
  flush();
  return out + "</w:r>";
}

class DocxBuilder {
 public:
  DocxBuilder(const Issue& issue, const Fonts& fonts, const PageMap* pages)
      : issue_(issue), fonts_(fonts), pages_(pages), red_(Esc(fonts.red.substr(1))) {}
  Result<std::string> Build();

 private:
  void Para(const std::string& style, const std::string& runs, const std::string& ppr = "") {
    body_ += "<w:p><w:pPr>" + (style.empty() ? "" : "<w:pStyle w:val=\"" + style + "\"/>") + ppr +
             "</w:pPr>" + runs + "</w:p>";
  }
  std::string Runs(const Spans& spans, const std::string& base_rpr = "");
  Status Header();
  void Contents();
  Status Blocks(const std::vector<Block>& blocks);
  void Table(const Block& b);
  Status Image(const Block& b);
  void Distribution(const std::string& date);

  const Issue& issue_;
  const Fonts& fonts_;
  const PageMap* pages_;
  std::string red_;
  std::string body_;
  std::vector<std::pair<std::string, std::string>> media_;
  ImageBudget images_;  // the pixels all images of the document may declare
};

std::string DocxBuilder::Runs(const Spans& spans, const std::string& base) {
  std::string out;
  for (const Span& s : spans) {
    std::string rpr = base;
    if (s.marks & kStrong) rpr += docx::FontRpr(fonts_.docx_hei);
    if (s.marks & kEmph) rpr += docx::FontRpr(fonts_.docx_kai);
    if (s.marks & kCode) rpr += docx::FontRpr(Family(fonts_.mono));
    if (s.marks & kStrike) rpr += "<w:strike/>";
    if (s.marks & kLink) rpr += "<w:u w:val=\"single\"/>";
    out += RunXml(s.text, rpr);
  }
  return out;
}

Status DocxBuilder::Header() {
  const std::string centre = "<w:jc w:val=\"center\"/>";
  auto exact = [](int twips) {
    return "<w:spacing w:line=\"" + std::to_string(twips) + "\" w:lineRule=\"exact\"/>";
  };
  if (!issue_.masthead.empty()) {
    Para("Masthead", RunXml(issue_.masthead, "<w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>"),
         exact(680));
  }
  for (size_t i = 0; i < issue_.title_lines.size(); ++i) {
    bool last = i + 1 == issue_.title_lines.size();
    std::string rpr = last ? "<w:spacing w:val=\"120\"/><w:sz w:val=\"96\"/><w:szCs w:val=\"96\"/>"
                           : "<w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>";
    // The PDF's pitches (layout.cc): 40 pt, and 66 pt for the last line.
    Para("Masthead", RunXml(issue_.title_lines[i], rpr), exact(last ? 1320 : 800));
  }
  if (!issue_.subtitle.empty()) {
    Para(
        "",
        RunXml("（" + issue_.subtitle + "）", docx::FontRpr(fonts_.docx_kai) + "<w:color w:val=\"" +
                                                  red_ + "\"/><w:sz w:val=\"36\"/>"),
        centre);
  }
  Para("", RunXml("第" + std::to_string(issue_.number) + "期"), centre);
  JB_ASSIGN_OR_RETURN(std::string date, ChineseDate(issue_.date));
  Para("", RunXml(issue_.issuer + "\t" + date),
       "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"16\" w:space=\"4\" w:color=\"" + red_ +
           "\"/></w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"" +
           std::to_string(kTextTwips - 320) +
           "\"/></w:tabs><w:ind w:left=\"320\" w:right=\"0\"/><w:jc w:val=\"left\"/>");
  if (!issue_.revision_note.empty()) {
    Para("Body", RunXml(issue_.revision_note,
                        docx::FontRpr(fonts_.docx_kai) + "<w:color w:val=\"" + red_ + "\"/>"));
  }
  return Status();
}

// The 目录: one paragraph per article, its title linked to the article's
// bookmark and its page number a PAGEREF field to that bookmark. The field's
// cached result is the page of the PDF layout; LibreOffice and WPS compute the
// field from their own layout when they open the file, and Word updates it
// (w:updateFields in settings.xml, or F9). A TOC field around the entries is
// not written: LibreOffice shows a TOC field's cached text as it is, and its
// own layout differs from the PDF's by a page here and there.
void DocxBuilder::Contents() {
  Para("", RunXml("目  录", docx::FontRpr(fonts_.docx_hei)),
       "<w:jc w:val=\"center\"/><w:spacing w:before=\"290\"/>");
  for (size_t i = 0; i < issue_.sections.size(); ++i) {
    const std::string anchor = "s" + std::to_string(i + 1);
    const std::string page =
        pages_ && i < pages_->section_pages.size() ? std::to_string(pages_->section_pages[i]) : "";
    Para("TOC1", "<w:hyperlink w:anchor=\"" + anchor + "\">" +
                     RunXml(std::to_string(i + 1) + ". " + issue_.sections[i].title) +
                     "<w:r><w:tab/></w:r>"
                     "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
                     "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF " +
                     anchor +
                     " \\h </w:instrText></w:r>"
                     "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                     RunXml(page) + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>");
  }
}

void DocxBuilder::Table(const Block& b) {
  size_t cols = b.align.size();
  for (const auto& row : b.rows) cols = std::max(cols, row.size());
  if (cols == 0) return;
  int w = kTextTwips / static_cast<int>(cols);
  body_ += "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextTwips) +
           "\" w:type=\"dxa\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    body_ += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/>";
  }
  body_ += "</w:tblBorders></w:tblPr><w:tblGrid>";
  for (size_t c = 0; c < cols; ++c) body_ += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  body_ += "</w:tblGrid>";
  for (size_t r = 0; r < b.rows.size(); ++r) {
    body_ += r == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (size_t c = 0; c < cols; ++c) {
      char al = c < b.align.size() ? b.align[c] : ' ';
      std::string jc = r == 0 || al == 'c' ? "center" : al == 'r' ? "right" : "left";
      Spans spans = c < b.rows[r].size() ? b.rows[r][c] : Spans();
      body_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(w) + "\" w:type=\"dxa\"/></w:tcPr>";
      Para("Cell", Runs(spans, r == 0 ? docx::FontRpr(fonts_.docx_hei) : ""),
           "<w:jc w:val=\"" + jc + "\"/>");
      body_ += "</w:tc>";
    }
    body_ += "</w:tr>";
  }
  body_ += "</w:tbl>";
  Para("", "", "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>");
}

Status DocxBuilder::Image(const Block& b) {
  JB_ASSIGN_OR_RETURN(auto image, LoadImage(issue_.base_dir, b.src, &images_));
  double cx = image->width * 9525.0, cy = image->height * 9525.0;  // EMU at 96 dpi
  // At most the text block's width and 0.8 of its height, as in the PDF.
  double scale = std::min({1.0, 5616000.0 / std::max(cx, 1.0), 6480000.0 / std::max(cy, 1.0)});
  std::string w = std::to_string(static_cast<int64_t>(cx * scale));
  std::string h = std::to_string(static_cast<int64_t>(cy * scale));
  std::string id = std::to_string(media_.size() + 1);
  std::string name = "image" + id + "." + image->extension();
  media_.emplace_back("word/media/" + name, image->bytes);
  std::string drawing =
      "<w:r><w:drawing><wp:inline><wp:extent cx=\"" + w + "\" cy=\"" + h + "\"/><wp:docPr id=\"" +
      id + "\" name=\"Picture " + id + "\" descr=\"" + Esc(b.alt) +
      "\"/><a:graphic><a:graphicData "
      "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
      "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"" +
      id + "\" name=\"" + name +
      "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImg" + id +
      "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
      "y=\"0\"/>"
      "<a:ext cx=\"" +
      w + "\" cy=\"" + h +
      "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
      "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
  Para("", drawing, "<w:jc w:val=\"center\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>");
  if (!b.alt.empty())
    Para("", RunXml(b.alt, docx::FontRpr(fonts_.docx_kai) + "<w:sz w:val=\"28\"/>"),
         "<w:jc w:val=\"center\"/>");
  return Status();
}

Status DocxBuilder::Blocks(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::kParagraph:
        Para("Body", Runs(b.spans));
        break;
      case Block::Kind::kHeading:
        Para(b.level <= 2 ? "Heading2" : b.level == 3 ? "Heading3" : "Heading4", Runs(b.spans));
        break;
      case Block::Kind::kListItem: {
        Spans spans = b.spans;
        if (!b.marker.empty()) spans.insert(spans.begin(), Span{b.marker + " ", 0, ""});
        Para("Body", Runs(spans),
             "<w:ind w:left=\"" + std::to_string(640 * std::min(b.level - 1, 4)) +
                 "\" w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
        break;
      }
      case Block::Kind::kQuote:
        Para("Quote", Runs(b.spans));
        break;
      case Block::Kind::kCode:
        Para("Code", RunXml(b.literal));
        break;
      case Block::Kind::kTable:
        Table(b);
        break;
      case Block::Kind::kImage:
        JB_RETURN_IF_ERROR(Image(b));
        break;
      case Block::Kind::kRule:
        Para("", RunXml("＊　＊　＊"), "<w:jc w:val=\"center\"/>");
        break;
    }
  }
  return Status();
}

void DocxBuilder::Distribution(const std::string& date) {
  body_ += "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextTwips) +
           "\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\"/>"
           "<w:bottom w:val=\"single\" w:sz=\"8\"/><w:insideH w:val=\"single\" w:sz=\"4\"/>"
           "</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"" +
           std::to_string(kTextTwips) + "\"/></w:tblGrid>";
  auto row = [&](const std::string& runs, const std::string& ppr) {
    body_ += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(kTextTwips) +
             "\" w:type=\"dxa\"/></w:tcPr>";
    Para("Distribution", runs, ppr);
    body_ += "</w:tc></w:tr>";
  };
  for (const Recipients& r : issue_.distribution) {
    std::string to;
    for (size_t j = 0; j < r.to.size(); ++j) to += (j ? "，" : "") + r.to[j];
    row(RunXml(r.label + "：" + to + "。"), "");
  }
  std::string printed = date + "印发";
  if (issue_.copies > 0) printed += "（共印" + std::to_string(issue_.copies) + "份）";
  row(RunXml(issue_.issuer + "\t" + printed), "<w:tabs><w:tab w:val=\"right\" w:pos=\"" +
                                                  std::to_string(kTextTwips - 560) +
                                                  "\"/></w:tabs>");
  body_ += "</w:tbl>";
}

Result<std::string> DocxBuilder::Build() {
  JB_RETURN_IF_ERROR(Header());
  Contents();
  for (size_t i = 0; i < issue_.sections.size(); ++i) {
    const Section& s = issue_.sections[i];
    std::string anchor = "s" + std::to_string(i + 1);
    // As in the PDF, the first article needs only half a line above it, so
    // that it follows the contents on page 1 when they leave room.
    Para("Heading1",
         "<w:bookmarkStart w:id=\"" + std::to_string(i + 1) + "\" w:name=\"" + anchor + "\"/>" +
             RunXml(s.title) + "<w:bookmarkEnd w:id=\"" + std::to_string(i + 1) + "\"/>",
         i == 0 ? "<w:spacing w:before=\"290\"/>" : "");
    if (!s.org.empty())
      Para("", RunXml(s.org, docx::FontRpr(fonts_.docx_kai)), "<w:jc w:val=\"center\"/>");
    std::string field = "sections[" + std::to_string(i) + "].body";
    auto blocks = ParseMarkdown(s.body_markdown);
    Status st = blocks.ok() ? Blocks(*blocks) : blocks.status();
    if (!st.ok()) return Status::Invalid(field, st.key(), field + ": " + st.message());
  }
  if (!issue_.closing_note.empty()) Para("Body", RunXml(issue_.closing_note));
  JB_ASSIGN_OR_RETURN(std::string date, ChineseDate(issue_.date));
  if (!issue_.distribution.empty() || issue_.copies > 0) {
    Para("", "", "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>");
    Distribution(date);
  }
  body_ +=
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
      "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
      "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" "
      "w:footer=\"1247\" w:gutter=\"0\"/>"
      // GB/T 9704's 22 lines (225 mm / 22 = 579 twips). The 28 characters of
      // 156 mm come from -0.25 pt character spacing (docDefaults, styles.xml):
      // 16 pt type does not fit 28 times otherwise. A character grid
      // (linesAndChars) is not used: LibreOffice 7.4 sets such a document
      // one character per line.
      "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"
      "</w:sectPr>";
  std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" +
      body_ + "</w:body></w:document>";
  std::string title;
  for (const auto& l : issue_.title_lines) title += l;
  title += "（第" + std::to_string(issue_.number) + "期）";
  std::vector<std::pair<std::string, std::string>> files = {
      {"[Content_Types].xml", docx::ContentTypes(media_)},
      {"_rels/.rels", docx::PackageRels()},
      {"word/document.xml", doc},
      {"word/_rels/document.xml.rels", docx::DocumentRels(media_)},
      {"word/styles.xml", docx::Styles(fonts_)},
      {"word/settings.xml", docx::Settings()},
      {"word/fontTable.xml", docx::FontTable(fonts_)},
      {"word/footer1.xml", docx::Footer(true)},
      {"word/footer2.xml", docx::Footer(false)},
      {"docProps/core.xml", docx::CoreProps(title, issue_.issuer)},
  };
  for (auto& m : media_) files.push_back(std::move(m));
  return docx::Zip(files);
}

}  // namespace

Result<std::string> WriteDocx(const Issue& issue, const Fonts& fonts, const PageMap* pages) {
  DocxBuilder builder(issue, fonts, pages);
  return builder.Build();
}

}  // namespace jianbao::typeset
