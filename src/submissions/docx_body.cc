// Copyright 2026 The Jianbao Authors.
//
// WordprocessingML → CommonMark. Element names are compared by their local
// part so that unusual namespace prefixes still work.

#include "submissions/docx_body.h"

#include <cstring>
#include <vector>

#include "core/text.h"
#include "submissions/import.h"

namespace jianbao::submissions::docx {
namespace {

constexpr size_t kMaxHeadingChars = 40;  // a short bold one-line paragraph is a heading
constexpr int kMaxDepth = 100;           // deeper XML is ignored, so the stack stays bounded

bool Is(pugi::xml_node n, std::string_view local) { return LocalName(n.name()) == local; }

pugi::xml_node Child(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c : n.children()) {
    if (Is(c, local)) return c;
  }
  return {};
}

std::string Attr(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_attribute a : n.attributes()) {
    if (LocalName(a.name()) == local) return a.value();
  }
  return "";
}

// w:b, w:i: present and not switched off.
bool Toggle(pugi::xml_node props, std::string_view local) {
  pugi::xml_node n = Child(props, local);
  if (!n) return false;
  const std::string v = Attr(n, "val");
  return v != "0" && v != "false" && v != "off";
}

struct Run {
  std::string text;
  bool bold = false, italic = false;
};

struct Para {
  std::vector<Run> runs;  // image references are runs with bold=italic=false
  const StyleInfo* style = nullptr;
  std::string num_id;
  int num_level = 0;
  int outline = 0;  // 1-based outline level from direct properties, 0 when none
};

class Converter {
 public:
  Converter(const Parts& parts, size_t max_bytes) : parts_(parts), max_bytes_(max_bytes) {}

  Converted Go(bool* too_large) {
    Blocks(parts_.body);
    *too_large = too_large_;
    if (title_.empty() && !first_text_.empty()) title_ = TitleFromText(first_text_);
    return {title_, out_};
  }

 private:
  // Counts the recursion depth of the walk; Deep() is true beyond kMaxDepth.
  struct Depth {
    explicit Depth(int* d) : d_(d) { ++*d_; }
    ~Depth() { --*d_; }
    bool Deep() const { return *d_ > kMaxDepth; }
    int* d_;
  };

  void Blocks(pugi::xml_node parent) {
    Depth depth(&depth_);
    if (depth.Deep()) return;
    for (pugi::xml_node n : parent.children()) {
      if (too_large_) return;
      if (Is(n, "p")) {
        Paragraph(n);
      } else if (Is(n, "tbl")) {
        Table(n);
      } else if (Is(n, "sdt")) {
        Blocks(Child(n, "sdtContent"));
      } else if (Is(n, "customXml") || Is(n, "ins") || Is(n, "smartTag")) {
        Blocks(n);
      }
    }
  }

  // Collects the runs of a paragraph, depth first, skipping deleted text,
  // field instructions, text boxes and alternate-content fallbacks.
  void Inline(pugi::xml_node n, const StyleInfo* pstyle, Para* p, bool bold, bool italic) {
    Depth depth(&depth_);
    if (depth.Deep()) return;
    for (pugi::xml_node c : n.children()) {
      const std::string_view name = LocalName(c.name());
      if (name == "pPr" || name == "rPr" || name == "delText" || name == "instrText" ||
          name == "del" || name == "Fallback" || name == "txbxContent") {
        continue;
      }
      if (name == "r") {
        pugi::xml_node rpr = Child(c, "rPr");
        bool b = pstyle && pstyle->bold, i = false;
        if (pugi::xml_node rs = Child(rpr, "rStyle")) {
          auto st = parts_.styles.find(Attr(rs, "val"));
          if (st != parts_.styles.end()) b = b || st->second.bold;
        }
        if (Child(rpr, "b")) b = Toggle(rpr, "b");
        if (Child(rpr, "i")) i = Toggle(rpr, "i");
        Inline(c, pstyle, p, b, i);
      } else if (name == "t") {
        p->runs.push_back({c.text().get(), bold, italic});
      } else if (name == "tab") {
        p->runs.push_back({" ", bold, italic});
      } else if (name == "br" || name == "cr") {
        if (Attr(c, "type") != "page" && Attr(c, "type") != "column") {
          p->runs.push_back({"\n", false, false});
        }
      } else if (name == "blip" || name == "imagedata") {
        const std::string rid = Attr(c, name == "blip" ? "embed" : "id");
        const std::string ref = rid.empty() ? "" : parts_.image(rid);
        if (!ref.empty()) p->runs.push_back({"\x01" + ref, false, false});
      } else {
        Inline(c, pstyle, p, bold, italic);
      }
    }
  }

  Para Read(pugi::xml_node n) {
    Para p;
    pugi::xml_node ppr = Child(n, "pPr");
    if (pugi::xml_node ps = Child(ppr, "pStyle")) {
      auto it = parts_.styles.find(Attr(ps, "val"));
      if (it != parts_.styles.end()) p.style = &it->second;
    }
    if (p.style && !p.style->num_id.empty()) {
      p.num_id = p.style->num_id;
      p.num_level = p.style->num_level;
    }
    if (pugi::xml_node np = Child(ppr, "numPr")) {
      p.num_id = Attr(Child(np, "numId"), "val");
      p.num_level = std::atoi(Attr(Child(np, "ilvl"), "val").c_str());
    }
    if (p.num_id == "0") p.num_id.clear();
    if (pugi::xml_node ol = Child(ppr, "outlineLvl")) {
      const int v = std::atoi(Attr(ol, "val").c_str());
      if (v >= 0 && v < 9) p.outline = v + 1;
    }
    Inline(n, p.style, &p, false, false);
    return p;
  }

  static std::string Plain(const Para& p) {
    std::string s;
    for (const auto& r : p.runs) {
      if (r.text.empty() || r.text[0] != '\x01') s += r.text;
    }
    return text::Trim(s);
  }

  static bool AllBold(const Para& p) {
    bool any = false;
    for (const auto& r : p.runs) {
      if (r.text[0] == '\x01') return false;
      if (text::Trim(r.text).empty()) continue;
      if (!r.bold) return false;
      any = true;
    }
    return any;
  }

  // Renders runs as CommonMark inline text; `plain` drops emphasis (headings).
  static std::string Render(const Para& p, bool plain) {
    std::string out;
    size_t i = 0;
    while (i < p.runs.size()) {
      const auto& r = p.runs[i];
      if (r.text[0] == '\x01') {
        out += "![](" + r.text.substr(1) + ")";
        ++i;
        continue;
      }
      if (r.text == "\n") {
        out += plain ? " " : "\\\n";
        ++i;
        continue;
      }
      std::string chunk;
      size_t j = i;
      while (j < p.runs.size() && p.runs[j].text[0] != '\x01' && p.runs[j].text != "\n" &&
             p.runs[j].bold == r.bold && p.runs[j].italic == r.italic) {
        chunk += p.runs[j++].text;
      }
      i = j;
      const std::string core = text::Trim(chunk);
      const std::string marker =
          plain ? "" : std::string(r.bold ? "**" : "") + (r.italic ? "*" : "");
      if (core.empty() || marker.empty()) {
        out += EscapeMarkdown(chunk);
        continue;
      }
      const size_t lead = chunk.find(core);
      out += chunk.substr(0, lead) + marker + EscapeMarkdown(core) +
             std::string(marker.rbegin(), marker.rend()) + chunk.substr(lead + core.size());
    }
    return text::Trim(out);
  }

  void Paragraph(pugi::xml_node n) {
    Para p = Read(n);
    const std::string plain = Plain(p);
    bool has_image = false;
    for (const auto& r : p.runs) has_image = has_image || r.text[0] == '\x01';
    if (plain.empty() && !has_image) return;
    if (first_text_.empty()) first_text_ = plain;
    const bool title_style = p.style && p.style->title;
    int level = p.style ? p.style->heading : 0;
    if (!level && p.outline) level = p.outline;
    const bool short_bold = !level && !title_style && p.num_id.empty() && AllBold(p) &&
                            plain.find('\n') == std::string::npos &&
                            text::CodePointCount(plain) <= kMaxHeadingChars && !EndsSentence(plain);
    if ((title_style || level || short_bold) && title_.empty() && !has_image) {
      title_ = text::Trim(Plain(p));
      return;
    }
    if (title_style || level || short_bold) {
      const int hashes = std::min(6, (title_style ? 1 : level ? level : 1) + 1);
      Emit(std::string(hashes, '#') + " " + Render(p, true), false);
      return;
    }
    if (!p.num_id.empty()) {
      auto num = parts_.ordered.find(p.num_id);
      bool ordered = false;
      if (num != parts_.ordered.end()) {
        auto lvl = num->second.find(p.num_level);
        ordered = lvl != num->second.end() && lvl->second;
      }
      const int level_clamped = std::clamp(p.num_level, 0, 8);
      std::string prefix(static_cast<size_t>(level_clamped) * 4, ' ');
      int& counter = counters_[p.num_id + "/" + std::to_string(level_clamped)];
      prefix += ordered ? std::to_string(++counter) + ". " : "- ";
      Emit(prefix + Render(p, false), true);
      return;
    }
    Emit(Render(p, false), false);
  }

  static bool EndsSentence(const std::string& s) {
    for (const char* end : {"。", "；", "，", "、", "：", "！", "？", ".", ";", ",", ":"}) {
      const size_t len = std::strlen(end);
      if (s.size() >= len && s.compare(s.size() - len, len, end) == 0) return true;
    }
    return false;
  }

  void Table(pugi::xml_node tbl) {
    std::vector<std::vector<std::string>> rows;
    size_t width = 0;
    for (pugi::xml_node tr : tbl.children()) {
      if (!Is(tr, "tr")) continue;
      std::vector<std::string> row;
      for (pugi::xml_node tc : tr.children()) {
        if (!Is(tc, "tc")) continue;
        std::string cell;
        CellText(tc, &cell);
        const int span =
            std::max(1, std::atoi(Attr(Child(Child(tc, "tcPr"), "gridSpan"), "val").c_str()));
        row.push_back(text::Trim(cell));
        for (int k = 1; k < span && k < 64; ++k) row.push_back("");
      }
      width = std::max(width, row.size());
      rows.push_back(std::move(row));
    }
    if (rows.empty() || width == 0) return;
    std::string md;
    for (size_t r = 0; r < rows.size(); ++r) {
      rows[r].resize(width);
      md += "|";
      for (const std::string& c : rows[r]) md += " " + c + " |";
      md += "\n";
      if (r == 0) {
        md += "|";
        for (size_t k = 0; k < width; ++k) md += " --- |";
        md += "\n";
      }
    }
    md.pop_back();
    Emit(md, false);
  }

  void CellText(pugi::xml_node n, std::string* cell) {
    Depth depth(&depth_);
    if (depth.Deep()) return;
    for (pugi::xml_node c : n.children()) {
      if (Is(c, "p")) {
        Para p = Read(c);
        const std::string t = Render(p, false);
        if (!t.empty()) *cell += (cell->empty() ? "" : " ") + t;
      } else if (!Is(c, "tcPr")) {
        CellText(c, cell);
      }
    }
    for (size_t pos = cell->find('\n'); pos != std::string::npos; pos = cell->find('\n', pos)) {
      cell->replace(pos, 1, " ");
    }
  }

  void Emit(const std::string& block, bool list_item) {
    if (block.empty()) return;
    if (!out_.empty()) out_ += (list_item && last_list_) ? "\n" : "\n\n";
    if (!list_item) counters_.clear();
    out_ += block;
    last_list_ = list_item;
    if (out_.size() > max_bytes_) too_large_ = true;
  }

  const Parts& parts_;
  size_t max_bytes_;
  std::string out_, title_, first_text_;
  bool last_list_ = false, too_large_ = false;
  int depth_ = 0;
  std::map<std::string, int> counters_;
};

}  // namespace

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

Converted Convert(const Parts& parts, size_t max_body_bytes, bool* too_large) {
  return Converter(parts, max_body_bytes).Go(too_large);
}

}  // namespace jianbao::submissions::docx
