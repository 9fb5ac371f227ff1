// Copyright 2026 The Jianbao Authors.

#include "typeset/docx_parts.h"

#include <pango/pango.h>
#include <zip.h>

#include <memory>

#include "core/text.h"

namespace jianbao::typeset::docx {
namespace {

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

std::string Fonts4(const std::string& family) { return FontRpr(family); }

// A paragraph style; ppr and rpr are inner XML.
std::string Style(const std::string& id, const std::string& name, const std::string& ppr,
                  const std::string& rpr, const std::string& extra = "") {
  return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
         "\"/><w:basedOn w:val=\"Normal\"/>" + extra + "<w:pPr>" + ppr + "</w:pPr><w:rPr>" + rpr +
         "</w:rPr></w:style>";
}

}  // namespace

std::string Esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : text::DecodeUtf8(text::IsValidUtf8(s) ? s : std::string())) {
    switch (c) {
      case U'&':
        out += "&amp;";
        break;
      case U'<':
        out += "&lt;";
        break;
      case U'>':
        out += "&gt;";
        break;
      case U'"':
        out += "&quot;";
        break;
      default:
        if ((c < 0x20 && c != U'\t' && c != U'\n') || c == 0xFFFE || c == 0xFFFF) continue;
        text::AppendUtf8(c, &out);
    }
  }
  return out;
}

std::string FontRpr(const std::string& family) {
  std::string f = Esc(family);
  return "<w:rFonts w:ascii=\"" + f + "\" w:hAnsi=\"" + f + "\" w:eastAsia=\"" + f + "\" w:cs=\"" +
         f + "\" w:hint=\"eastAsia\"/>";
}

std::string AltName(const std::string& office) {
  if (office == "仿宋_GB2312") return "仿宋";
  if (office == "楷体_GB2312") return "楷体";
  if (office == "方正小标宋简体" || office == "方正小标宋_GBK") return "宋体";
  return "";
}

std::string FontTable(const Fonts& f) {
  std::string out = std::string(kXmlHead) + "<w:fonts " + kW + ">";
  // One entry per face: GB 2312 charset (86), the PANOSE family class, and
  // for the legacy *_GB2312 and 方正 names the face Windows itself has.
  auto font = [&](const std::string& name, const char* family, const char* pitch,
                  const char* panose) {
    out += "<w:font w:name=\"" + Esc(name) + "\">";
    std::string alt = AltName(name);
    if (!alt.empty()) out += "<w:altName w:val=\"" + Esc(alt) + "\"/>";
    out += std::string("<w:panose1 w:val=\"") + panose +
           "\"/><w:charset w:val=\"86\"/><w:family w:val=\"" + family + "\"/><w:pitch w:val=\"" +
           pitch + "\"/></w:font>";
  };
  font(f.docx_song, "auto", "variable", "02010600030101010101");
  font(f.docx_fangsong, "modern", "fixed", "02010609060101010101");
  font(f.docx_hei, "modern", "fixed", "02010609060101010101");
  font(f.docx_kai, "modern", "fixed", "02010609060101010101");
  font(f.docx_title, "auto", "variable", "02010600030101010101");
  // The free faces the PDF uses, for machines that have them.
  for (const std::string* free : {&f.song, &f.hei, &f.kai, &f.mono}) {
    font(Family(*free), "auto", "variable", "00000000000000000000");
  }
  return out + "</w:fonts>";
}

std::string Family(const std::string& description) {
  PangoFontDescription* d = pango_font_description_from_string(description.c_str());
  const char* fam = pango_font_description_get_family(d);
  std::string out = fam ? fam : description;
  pango_font_description_free(d);
  return out;
}

namespace {

bool HasExtension(const std::vector<Part>& media, const std::string& ext) {
  for (const Part& m : media) {
    if (m.first.size() > ext.size() &&
        m.first.compare(m.first.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  }
  return false;
}

}  // namespace

std::string ContentTypes(const std::vector<Part>& media) {
  return std::string(kXmlHead) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
         (HasExtension(media, ".png") ? "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                                      : "") +
         (HasExtension(media, ".jpeg") ? "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
                                       : "") +
         "<Override PartName=\"/word/document.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
         "<Override PartName=\"/word/footer1.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
         "<Override PartName=\"/word/footer2.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "</Types>";
}

std::string PackageRels() {
  return std::string(kXmlHead) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
         "core-properties\" Target=\"docProps/core.xml\"/>"
         "</Relationships>";
}

std::string DocumentRels(const std::vector<Part>& media) {
  std::string out =
      std::string(kXmlHead) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdStyles\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdSettings\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
      "Target=\"settings.xml\"/>"
      "<Relationship Id=\"rIdFontTable\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" "
      "Target=\"fontTable.xml\"/>"
      "<Relationship Id=\"rIdFooterOdd\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
      "Target=\"footer1.xml\"/>"
      "<Relationship Id=\"rIdFooterEven\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
      "Target=\"footer2.xml\"/>";
  for (size_t i = 0; i < media.size(); ++i) {
    out += "<Relationship Id=\"rIdImg" + std::to_string(i + 1) +
           "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
           "Target=\"" +
           Esc(media[i].first.substr(media[i].first.find('/') + 1)) + "\"/>";
  }
  return out + "</Relationships>";
}

std::string Styles(const Fonts& f) {
  const std::string body = "<w:spacing w:line=\"579\" w:lineRule=\"exact\"/>";
  std::string out = std::string(kXmlHead) + "<w:styles " + kW + ">";
  out += "<w:docDefaults><w:rPrDefault><w:rPr>" + Fonts4(f.docx_fangsong) +
         "<w:spacing w:val=\"-5\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
         "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
         "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val=\"both\"/>" +
         body + "</w:pPr></w:pPrDefault></w:docDefaults>";
  out +=
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/>"
      "<w:pPr><w:kinsoku/><w:overflowPunct/><w:autoSpaceDE/><w:autoSpaceDN/></w:pPr>"
      // The size again here: LibreOffice takes the character grid's pitch from
      // the Normal style's own East Asian size (12 pt when it has none).
      "<w:rPr><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>";
  out += Style("Body", "Body Text", "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>", "");
  out += Style("Masthead", "Masthead",
               "<w:jc w:val=\"center\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>",
               Fonts4(f.docx_title) + "<w:b/><w:color w:val=\"" + Esc(f.red.substr(1)) + "\"/>");
  out += Style("Heading1", "heading 1",
               "<w:keepNext/><w:jc w:val=\"center\"/><w:spacing w:before=\"579\" w:after=\"290\" "
               "w:line=\"680\" w:lineRule=\"exact\"/><w:outlineLvl w:val=\"0\"/>",
               Fonts4(f.docx_title) + "<w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>",
               "<w:next w:val=\"Body\"/>");
  out += Style("Heading2", "heading 2",
               "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl "
               "w:val=\"1\"/>",
               Fonts4(f.docx_hei), "<w:next w:val=\"Body\"/>");
  out += Style("Heading3", "heading 3",
               "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl "
               "w:val=\"2\"/>",
               Fonts4(f.docx_kai), "<w:next w:val=\"Body\"/>");
  out += Style("Heading4", "heading 4",
               "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl "
               "w:val=\"3\"/>",
               "<w:b/>", "<w:next w:val=\"Body\"/>");
  out += Style("TOC1", "toc 1",
               "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"8844\"/></w:tabs>"
               "<w:ind w:left=\"480\" w:hanging=\"480\"/><w:jc w:val=\"left\"/>"
               // 26 pt, as the PDF sets its contents (layout.cc, kContentsPitch).
               "<w:spacing w:line=\"520\" w:lineRule=\"exact\"/>",
               Fonts4(f.docx_song));
  out +=
      Style("Quote", "Quote",
            "<w:ind w:left=\"640\" w:right=\"640\" w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
            Fonts4(f.docx_kai));
  out += Style("Code", "Code",
               "<w:ind w:left=\"640\"/><w:jc w:val=\"left\"/><w:spacing w:line=\"400\" "
               "w:lineRule=\"exact\"/>",
               Fonts4(Family(f.mono)) + "<w:sz w:val=\"24\"/>");
  out += Style("Cell", "Table Text",
               "<w:jc w:val=\"left\"/><w:spacing w:line=\"400\" w:lineRule=\"exact\"/>",
               Fonts4(f.docx_song) + "<w:sz w:val=\"24\"/>");
  out += Style(
      "Distribution", "Distribution",
      "<w:ind w:left=\"280\" w:right=\"280\"/><w:spacing w:line=\"520\" w:lineRule=\"exact\"/>",
      "<w:sz w:val=\"28\"/>");
  out += Style("Footer", "footer", "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>",
               Fonts4(f.docx_song) + "<w:sz w:val=\"28\"/>");
  return out + "</w:styles>";
}

std::string Settings() {
  return std::string(kXmlHead) + "<w:settings " + kW +
         "><w:updateFields w:val=\"true\"/><w:evenAndOddHeaders/>"
         "<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl "
         "w:val=\"compressPunctuation\"/>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
         "</w:settings>";
}

std::string Footer(bool odd) {
  std::string ind = odd ? "<w:ind w:right=\"280\"/>" : "<w:ind w:left=\"280\"/>";
  return std::string(kXmlHead) + "<w:ftr " + kW +
         "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"" + (odd ? "right" : "left") +
         "\"/>" + ind +
         "</w:pPr><w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
         "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
         "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";
}

std::string CoreProps(const std::string& title, const std::string& author) {
  return std::string(kXmlHead) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         Esc(title) + "</dc:title><dc:creator>" + Esc(author) + "</dc:creator></cp:coreProperties>";
}

Result<std::string> Zip(const std::vector<std::pair<std::string, std::string>>& files) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (src == nullptr) return Status::Internal("zip: cannot create buffer");
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    zip_source_free(src);
    return Status::Internal("zip: cannot open archive");
  }
  zip_source_keep(src);
  for (const auto& [name, data] : files) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    if (s == nullptr || zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
      if (s) zip_source_free(s);
      zip_discard(za);
      zip_source_free(src);
      return Status::Internal("zip: cannot add " + name);
    }
  }
  if (zip_close(za) < 0) {
    zip_discard(za);
    zip_source_free(src);
    return Status::Internal("zip: cannot write archive");
  }
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    out.resize(static_cast<size_t>(size));
    zip_source_read(src, out.data(), size);
    zip_source_close(src);
  }
  zip_source_free(src);
  return out;
}

}  // namespace jianbao::typeset::docx
