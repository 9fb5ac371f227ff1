// Copyright 2026 The Jianbao Authors.
//
// word/styles.xml and word/numbering.xml: which styles are titles, headings,
// bold or lists, and which list levels are numbered.

#include <cctype>
#include <cstring>

#include "submissions/docx_body.h"

namespace jianbao::submissions::docx {
namespace {

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

bool Toggle(pugi::xml_node props, std::string_view local) {
  pugi::xml_node n = Child(props, local);
  if (!n) return false;
  const std::string v = Attr(n, "val");
  return v != "0" && v != "false" && v != "off";
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int HeadingFromName(const std::string& name) {
  for (const char* prefix : {"heading ", "标题 ", "标题"}) {
    const size_t len = std::strlen(prefix);
    if (name.size() > len && name.compare(0, len, prefix) == 0) {
      const char d = name[len];
      if (d >= '1' && d <= '9') return d - '0';
    }
  }
  return 0;
}

}  // namespace

std::map<std::string, StyleInfo> ReadStyles(const pugi::xml_document& doc) {
  std::map<std::string, StyleInfo> out;
  for (pugi::xml_node s : doc.document_element().children()) {
    if (!Is(s, "style")) continue;
    StyleInfo info;
    info.name = Lower(Attr(Child(s, "name"), "val"));
    info.heading = HeadingFromName(info.name);
    info.title = info.name == "title" || info.name == "标题";
    pugi::xml_node ppr = Child(s, "pPr");
    if (pugi::xml_node ol = Child(ppr, "outlineLvl"); ol && !info.heading) {
      const int v = std::atoi(Attr(ol, "val").c_str());
      if (v >= 0 && v < 9) info.heading = v + 1;
    }
    if (pugi::xml_node np = Child(ppr, "numPr")) {
      info.num_id = Attr(Child(np, "numId"), "val");
      info.num_level = std::atoi(Attr(Child(np, "ilvl"), "val").c_str());
    }
    info.bold = Toggle(Child(s, "rPr"), "b");
    info.based_on = Attr(Child(s, "basedOn"), "val");
    out[Attr(s, "styleId")] = info;
  }
  // Inherit heading level, bold and numbering from based-on styles (bounded depth).
  for (auto& [id, info] : out) {
    std::string parent = info.based_on;
    for (int depth = 0; depth < 10 && !parent.empty(); ++depth) {
      auto it = out.find(parent);
      if (it == out.end()) break;
      if (!info.heading && !info.title) info.heading = it->second.heading;
      info.bold = info.bold || it->second.bold;
      if (info.num_id.empty()) info.num_id = it->second.num_id;
      parent = it->second.based_on;
    }
  }
  return out;
}

std::map<std::string, std::map<int, bool>> ReadNumbering(const pugi::xml_document& doc) {
  std::map<std::string, std::map<int, bool>> abstract;
  std::map<std::string, std::map<int, bool>> out;
  for (pugi::xml_node a : doc.document_element().children()) {
    if (!Is(a, "abstractNum")) continue;
    auto& levels = abstract[Attr(a, "abstractNumId")];
    for (pugi::xml_node l : a.children()) {
      if (!Is(l, "lvl")) continue;
      const std::string fmt = Attr(Child(l, "numFmt"), "val");
      levels[std::atoi(Attr(l, "ilvl").c_str())] = fmt != "bullet" && fmt != "none" && !fmt.empty();
    }
  }
  for (pugi::xml_node n : doc.document_element().children()) {
    if (!Is(n, "num")) continue;
    out[Attr(n, "numId")] = abstract[Attr(Child(n, "abstractNumId"), "val")];
  }
  return out;
}

}  // namespace jianbao::submissions::docx
