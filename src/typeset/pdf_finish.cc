// Copyright 2026 The Jianbao Authors.

#include "typeset/pdf_finish.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
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

// Inflates zlib `data` into `out`; false when it is not a whole zlib stream.
bool Inflate(std::string_view data, std::string* out) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END;
}

// A stream object split up: the dictionary's entries without /Length, the
// object number holding the length when it is indirect (0 if not), the data.
struct StreamObj {
  std::string entries;
  long length_obj = 0;
  std::string data;
};

// Splits `text` ("N 0 obj\n<< … >>\nstream\n…\nendstream\nendobj\n"); false
// when it is not a stream object.
bool SplitStream(const std::string& text, StreamObj* s) {
  size_t open = text.find("<<");
  size_t st = text.find(">>\nstream\n");
  if (open == std::string::npos || st == std::string::npos || st < open) {
    // Cairo also writes the dictionary's end and "stream" on separate lines.
    st = text.find("\nstream\n");
    if (open == std::string::npos || st == std::string::npos) return false;
    size_t close = text.rfind(">>", st);
    if (close == std::string::npos || close < open) return false;
    s->entries = text.substr(open + 2, close - open - 2);
    st += 1;
  } else {
    s->entries = text.substr(open + 2, st - open - 2);
    st += 3;
  }
  size_t begin = st + 7;  // after "stream\n"
  size_t end = text.rfind("endstream");
  if (end == std::string::npos || end < begin) return false;
  if (end > begin && text[end - 1] == '\n') --end;
  if (end > begin && text[end - 1] == '\r') --end;
  s->data = text.substr(begin, end - begin);
  size_t l = s->entries.find("/Length");
  if (l != std::string::npos) {
    size_t e = l + 7;
    while (e < s->entries.size() && s->entries[e] == ' ') ++e;
    char* num_end = nullptr;
    long n = std::strtol(s->entries.c_str() + e, &num_end, 10);
    e = num_end - s->entries.c_str();
    if (s->entries.compare(e, 4, " 0 R") == 0) {
      s->length_obj = n;
      e += 4;
    }
    s->entries.erase(l, e - l);
  }
  return true;
}

// Returns object `num`'s text for a stream with `entries` (no /Length) and
// `data`, compressed by the caller when `filtered`.
std::string StreamText(long num, const std::string& entries, const std::string& data,
                       bool filtered) {
  return std::to_string(num) + " 0 obj\n<< " + entries + (filtered ? " /Filter /FlateDecode" : "") +
         " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
         "\nendstream\nendobj\n";
}

// Replaces the text markers of `content` by `ops`, in order; false when
// their numbers differ.
bool ReplaceMarkers(std::string* content, const std::vector<std::string>& ops) {
  std::string out;
  const std::string_view marker(kTextMarker);
  size_t from = 0, k = 0;
  for (size_t at = content->find(marker); at != std::string::npos;
       at = content->find(marker, from)) {
    if (k >= ops.size()) return false;
    out.append(*content, from, at - from);
    out += ops[k++];
    from = at + marker.size();
  }
  if (k != ops.size()) return false;
  out.append(*content, from, std::string::npos);
  *content = std::move(out);
  return true;
}

// Returns the objects of `f` numbered from `first`: Type0 font, CIDFont,
// FontDescriptor, font program, ToUnicode CMap.
std::vector<std::string> FontObjects(const PdfFont& f, long first) {
  auto ref = [&](int k) { return std::to_string(first + k) + " 0 R"; };
  auto head = [&](int k) { return std::to_string(first + k) + " 0 obj\n"; };
  std::vector<std::string> out;
  out.push_back(head(0) + "<< /Type /Font /Subtype /Type0 /BaseFont /" + f.base_font +
                " /Encoding /Identity-H /DescendantFonts [" + ref(1) + "] /ToUnicode " + ref(4) +
                " >>\nendobj\n");
  out.push_back(head(1) + "<< /Type /Font /Subtype /" + (f.cff ? "CIDFontType0" : "CIDFontType2") +
                " /BaseFont /" + f.base_font +
                " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                " /FontDescriptor " +
                ref(2) + (f.cff ? "" : " /CIDToGIDMap /Identity") + " /DW 1000 /W " + f.widths +
                " >>\nendobj\n");
  out.push_back(head(2) + "<< /Type /FontDescriptor /FontName /" + f.base_font + " " +
                f.descriptor + (f.cff ? " /FontFile3 " : " /FontFile2 ") + ref(3) +
                " >>\nendobj\n");
  out.push_back(StreamText(
      first + 3, f.cff ? "/Subtype /CIDFontType0C" : "/Length1 " + std::to_string(f.program_size),
      f.program, true));
  out.push_back(StreamText(first + 4, "", f.to_unicode, true));
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

std::string Deflate(std::string_view data, int level, bool huffman_only) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, 15, 8,
                   huffman_only ? Z_HUFFMAN_ONLY : Z_DEFAULT_STRATEGY) != Z_OK) {
    return "";
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : "";
}

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
  // The text: markers replaced by the operators, streams compressed, the
  // fonts named in every page's resources.
  std::map<long, Obj*> by_num;
  for (Obj& o : objs) by_num[o.num] = &o;
  const long first_font = count + 1;
  std::string font_refs;
  for (size_t i = 0; i < extras.fonts.size(); ++i) {
    font_refs +=
        " /" + extras.fonts[i]->resource + " " + std::to_string(first_font + 5 * i) + " 0 R";
  }
  std::set<long> resources_done;
  std::map<long, size_t> content_page;  // content stream object → page index
  for (Obj& o : objs) {
    std::string_view d = DictPart(o.text);
    if (!Has(d, "/Type /Page")) continue;
    auto pi = page_index.find(o.num);
    long contents = IntAfter(d, "/Contents");
    long res = IntAfter(d, "/Resources");
    if (pi == page_index.end() || contents <= 0 || res <= 0) return bad("page");
    content_page[contents] = pi->second;
    auto r = by_num.find(res);
    if (r == by_num.end()) return bad("page resources");
    if (font_refs.empty() || !resources_done.insert(res).second) continue;
    std::string& t = r->second->text;
    size_t f = t.find("/Font");
    if (f != std::string::npos) f = t.find("<<", f);
    if (f != std::string::npos) {
      t.insert(f + 2, font_refs + " ");
    } else {
      Insert(r->second, "/Font <<" + font_refs + " >>");
    }
  }
  const std::vector<std::string> no_text;
  for (Obj& o : objs) {
    std::string_view d = DictPart(o.text);
    auto cp = content_page.find(o.num);
    const bool content = cp != content_page.end();
    if (!content && (Has(d, "/Filter") || o.text.find("endstream") == std::string::npos)) continue;
    StreamObj s;
    if (!SplitStream(o.text, &s)) {
      if (content) return bad("content stream");
      continue;
    }
    if (content) {
      size_t f = s.entries.find("/Filter /FlateDecode");
      if (f != std::string::npos) {  // Cairo compressed it after all
        std::string raw;
        if (!Inflate(s.data, &raw)) return bad("content filter");
        s.data = std::move(raw);
        s.entries.erase(f, 20);
      } else if (Has(s.entries, "/Filter")) {
        return bad("content filter");
      }
      const auto& ops =
          cp->second < extras.page_text.size() ? extras.page_text[cp->second] : no_text;
      if (!ReplaceMarkers(&s.data, ops)) return bad("text markers");
    }
    std::string z = Deflate(s.data, extras.zlib_level);
    if (z.empty()) return bad("zlib");
    o.text = StreamText(o.num, s.entries, z, true);
    auto l = by_num.find(s.length_obj);
    if (l != by_num.end()) {
      l->second->text =
          std::to_string(s.length_obj) + " 0 obj\n   " + std::to_string(z.size()) + "\nendobj\n";
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
  for (size_t i = 0; i < extras.fonts.size(); ++i) {
    const long first = first_font + 5 * static_cast<long>(i);
    std::vector<std::string> texts = FontObjects(*extras.fonts[i], first);
    for (size_t k = 0; k < texts.size(); ++k) {
      objs.push_back({static_cast<int>(first + k), 0, std::move(texts[k])});
    }
  }
  const int size = static_cast<int>(first_font + 5 * extras.fonts.size());
  // Write it again: the header, the objects, a new cross-reference table.
  std::string out = pdf.substr(0, objs.front().offset);
  std::vector<size_t> offsets(size, 0);
  for (Obj& o : objs) {
    offsets[o.num] = out.size();
    out += o.text;
  }
  size_t new_xref = out.size();
  out += "xref\n0 " + std::to_string(size) + "\n";
  char line[32];
  out += "0000000000 65535 f \n";
  for (int i = 1; i < size; ++i) {
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
  out += "trailer\n<< /Size " + std::to_string(size) + " /Root " + std::to_string(root) + " 0 R";
  if (info > 0) out += " /Info " + std::to_string(info) + " 0 R";
  out += " /ID [<" + std::string(id) + "><" + std::string(id) + ">] >>\nstartxref\n" +
         std::to_string(new_xref) + "\n%%EOF\n";
  return out;
}

}  // namespace jianbao::typeset
