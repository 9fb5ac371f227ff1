// Copyright 2026 The Jianbao Authors.

#include "typeset/pdf_finish.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string_view>
#include <utility>

#include "core/text.h"

namespace jianbao::typeset {
namespace {

struct Obj {
  int num = 0;
  size_t offset = 0;
  std::string text;  // "N 0 obj … endobj\n"
};

// Returns the integer after `key` (and blanks) in `s`, or -1.
long IntAfter(std::string_view s, std::string_view key) {
  size_t p = s.find(key);
  if (p == std::string_view::npos) return -1;
  p += key.size();
  while (p < s.size() && (s[p] == ' ' || s[p] == '\n' || s[p] == '\r')) ++p;
  if (p >= s.size() || s[p] < '0' || s[p] > '9') return -1;
  return std::strtol(std::string(s.substr(p, 12)).c_str(), nullptr, 10);
}

// Returns the part of an object before its stream data, if any.
std::string_view DictPart(const std::string& text) {
  std::string_view v(text);
  size_t s = v.find("stream");
  return s == std::string_view::npos ? v : v.substr(0, s);
}

// True when `dict` holds `key` followed by a delimiter ("/Type /Page" is not
// "/Type /Pages").
bool Has(std::string_view dict, std::string_view key) {
  for (size_t p = dict.find(key); p != std::string_view::npos; p = dict.find(key, p + 1)) {
    size_t e = p + key.size();
    if (e >= dict.size()) return true;
    char c = dict[e];
    if (c == ' ' || c == '\n' || c == '\r' || c == '/' || c == '>' || c == '[' || c == '(' ||
        c == '<') {
      return true;
    }
  }
  return false;
}

// Inserts `what` just after the first "<<" of the object.
void Insert(Obj* o, const std::string& what) {
  size_t p = o->text.find("<<");
  if (p != std::string::npos) o->text.insert(p + 2, " " + what + " ");
}

// A PDF text string: UTF-16BE with a byte order mark, in hex.
std::string PdfText(const std::string& utf8) {
  std::string out = "<FEFF";
  char buf[8];
  auto unit = [&](unsigned u) {
    std::snprintf(buf, sizeof buf, "%04X", u & 0xFFFF);
    out += buf;
  };
  for (char32_t c : text::DecodeUtf8(text::IsValidUtf8(utf8) ? utf8 : std::string())) {
    if (c >= 0x10000) {
      c -= 0x10000;
      unit(0xD800 + (c >> 10));
      unit(0xDC00 + (c & 0x3FF));
    } else {
      unit(c);
    }
  }
  return out + ">";
}

// Returns the PDF string literal "(…)" starting at `p` in `s` (escapes kept), or "".
std::string LiteralAt(std::string_view s, size_t p) {
  if (p >= s.size() || s[p] != '(') return "";
  int depth = 0;
  for (size_t i = p; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')' && --depth == 0) {
      return std::string(s.substr(p, i - p + 1));
    }
  }
  return "";
}

// Decodes a PDF literal string's escapes (enough for what Cairo writes).
std::string Unescape(const std::string& lit) {
  std::string out;
  for (size_t i = 1; i + 1 < lit.size(); ++i) {
    if (lit[i] == '\\' && i + 2 < lit.size()) {
      ++i;
    }
    out += lit[i];
  }
  return out;
}

std::string Xmp(const PdfExtras& x, const std::string& producer) {
  std::string s =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "   <dc:format>application/pdf</dc:format>\n"
      "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
      text::EscapeXml(x.title) +
      "</rdf:li></rdf:Alt></dc:title>\n"
      "   <dc:creator><rdf:Seq><rdf:li>" +
      text::EscapeXml(x.author) +
      "</rdf:li></rdf:Seq></dc:creator>\n"
      "   <dc:language><rdf:Bag><rdf:li>" +
      text::EscapeXml(x.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
  if (!x.date.empty()) {
    s += "   <dc:date><rdf:Seq><rdf:li>" + text::EscapeXml(x.date) +
         "</rdf:li></rdf:Seq></dc:date>\n"
         "   <xmp:CreateDate>" +
         text::EscapeXml(x.date) + "</xmp:CreateDate>\n   <xmp:ModifyDate>" +
         text::EscapeXml(x.date) + "</xmp:ModifyDate>\n   <xmp:MetadataDate>" +
         text::EscapeXml(x.date) + "</xmp:MetadataDate>\n";
  }
  s += "   <xmp:CreatorTool>" + text::EscapeXml(x.creator) +
       "</xmp:CreatorTool>\n"
       "   <pdf:Producer>" +
       text::EscapeXml(producer) +
       "</pdf:Producer>\n"
       "  </rdf:Description>\n"
       " </rdf:RDF>\n"
       "</x:xmpmeta>\n";
  // Padding lets a tool edit the packet in place, as XMP recommends.
  s += std::string(20, ' ') + "\n<?xpacket end=\"w\"?>";
  return s;
}

}  // namespace

Result<std::string> FinishPdf(const std::string& pdf, const PdfExtras& extras) {
  auto bad = [](const char* what) {
    return Status::Internal(std::string("pdf: unexpected Cairo output (") + what + ")");
  };
  size_t sx = pdf.rfind("startxref");
  if (sx == std::string::npos) return bad("startxref");
  long xref = IntAfter(std::string_view(pdf).substr(sx), "startxref");
  if (xref <= 0 || static_cast<size_t>(xref) >= pdf.size() || pdf.compare(xref, 5, "xref\n") != 0) {
    return bad("xref");
  }
  size_t p = xref + 5;
  int first = 0, count = 0;
  if (std::sscanf(pdf.c_str() + p, "%d %d", &first, &count) != 2 || first != 0 || count <= 0) {
    return bad("xref subsection");
  }
  p = pdf.find('\n', p) + 1;
  std::vector<Obj> objs;
  for (int i = 0; i < count; ++i, p += 20) {
    if (p + 20 > pdf.size()) return bad("xref entry");
    if (pdf[p + 17] == 'n') objs.push_back({i, std::strtoul(pdf.c_str() + p, nullptr, 10), ""});
  }
  size_t tr = pdf.find("trailer", p);
  if (tr == std::string::npos) return bad("trailer");
  std::string_view trailer = std::string_view(pdf).substr(tr, sx - tr);
  long root = IntAfter(trailer, "/Root"), info = IntAfter(trailer, "/Info");
  if (root <= 0) return bad("root");
  std::sort(objs.begin(), objs.end(),
            [](const Obj& a, const Obj& b) { return a.offset < b.offset; });
  for (size_t i = 0; i < objs.size(); ++i) {
    size_t end = i + 1 < objs.size() ? objs[i + 1].offset : static_cast<size_t>(xref);
    if (objs[i].offset >= end) return bad("object offsets");
    objs[i].text = pdf.substr(objs[i].offset, end - objs[i].offset);
    if (objs[i].text.compare(0, std::to_string(objs[i].num).size() + 6,
                             std::to_string(objs[i].num) + " 0 obj") != 0) {
      return bad("object header");
    }
  }
  // Page order, from the page tree's /Kids.
  std::map<long, int> page_index;
  for (const Obj& o : objs) {
    std::string_view d = DictPart(o.text);
    if (!Has(d, "/Type /Pages")) continue;
    size_t k = d.find("/Kids");
    size_t e = k == std::string_view::npos ? k : d.find(']', k);
    if (e == std::string_view::npos) continue;
    std::string kids(d.substr(k + 5, e - k - 5));
    const char* c = kids.c_str();
    while (*c != 0) {
      char* end = nullptr;
      long n = std::strtol(c, &end, 10);
      if (end == c) {
        ++c;
        continue;
      }
      page_index.emplace(n, static_cast<int>(page_index.size()));
      c = end;
      while (*c == ' ' || *c == '\n') ++c;
      if (*c == '0') ++c;  // generation
      while (*c == ' ' || *c == '\n') ++c;
      if (*c == 'R') ++c;
    }
  }
  std::string producer;
  std::vector<std::pair<std::pair<int, long>, Obj*>> figures;
  const int meta = count;  // the new object's number
  for (Obj& o : objs) {
    std::string_view d = DictPart(o.text);
    if (o.num == root) {
      Insert(&o, "/Lang (" + extras.lang + ") /Metadata " + std::to_string(meta) +
                     " 0 R /ViewerPreferences << /DisplayDocTitle true >>");
    } else if (o.num == info) {
      size_t at = d.find("/Producer");
      if (at != std::string_view::npos) {
        at = d.find('(', at);
        if (at != std::string_view::npos) producer = Unescape(LiteralAt(d, at));
      }
    } else if (Has(d, "/Type /Page")) {
      Insert(&o, "/Tabs /S");
    } else if (Has(d, "/S /Figure")) {
      long pg = IntAfter(d, "/Pg");
      long mcid = IntAfter(d, "/K");
      if (mcid < 0) {
        size_t k = d.find("/K");
        if (k != std::string_view::npos) mcid = IntAfter(d.substr(k), "[");
      }
      auto pi = page_index.find(pg);
      figures.push_back({{pi == page_index.end() ? 1 << 30 : pi->second, mcid}, &o});
    } else if (Has(d, "/Subtype /Link")) {
      std::string contents;
      size_t at = d.find("/Dest");
      if (at != std::string_view::npos) {
        std::string name = Unescape(LiteralAt(d, d.find('(', at)));
        auto t = extras.dest_titles.find(name);
        if (t != extras.dest_titles.end()) contents = PdfText(t->second);
      } else if ((at = d.find("/URI")) != std::string_view::npos) {
        contents = LiteralAt(d, d.find('(', at));
      }
      if (!contents.empty()) Insert(&o, "/Contents " + contents);
    }
  }
  std::stable_sort(figures.begin(), figures.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < figures.size() && i < extras.figure_alts.size(); ++i) {
    Insert(figures[i].second, "/Alt " + PdfText(extras.figure_alts[i]));
  }
  std::string xmp = Xmp(extras, producer);
  objs.push_back({meta, 0,
                  std::to_string(meta) + " 0 obj\n<< /Type /Metadata /Subtype /XML /Length " +
                      std::to_string(xmp.size()) + " >>\nstream\n" + xmp +
                      "\nendstream\nendobj\n"});
  // Write it again: the header, the objects, a new cross-reference table.
  std::string out = pdf.substr(0, objs.front().offset);
  std::vector<size_t> offsets(count + 1, 0);
  for (Obj& o : objs) {
    offsets[o.num] = out.size();
    out += o.text;
  }
  size_t new_xref = out.size();
  out += "xref\n0 " + std::to_string(count + 1) + "\n";
  char line[32];
  out += "0000000000 65535 f \n";
  for (int i = 1; i <= count; ++i) {
    if (offsets[i] == 0) {
      out += "0000000000 00001 f \n";
    } else {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", offsets[i]);
      out += line;
    }
  }
  // The identifier is a hash of the content, so the same issue gives the same file.
  size_t h1 = std::hash<std::string>{}(out), h2 = std::hash<std::string>{}(out + extras.title);
  char id[40];
  std::snprintf(id, sizeof id, "%016zx%016zx", h1, h2);
  out +=
      "trailer\n<< /Size " + std::to_string(count + 1) + " /Root " + std::to_string(root) + " 0 R";
  if (info > 0) out += " /Info " + std::to_string(info) + " 0 R";
  out += " /ID [<" + std::string(id) + "><" + std::string(id) + ">] >>\nstartxref\n" +
         std::to_string(new_xref) + "\n%%EOF\n";
  return out;
}

}  // namespace jianbao::typeset
