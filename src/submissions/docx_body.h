// Copyright 2026 The Jianbao Authors.
//
// Internal to the .docx reader: turns the parsed WordprocessingML parts into
// a title and a CommonMark body. docx.cc does the zip and safety work and
// hands over parsed XML; this part never touches the archive itself.

#ifndef JIANBAO_SUBMISSIONS_DOCX_BODY_H_
#define JIANBAO_SUBMISSIONS_DOCX_BODY_H_

#include <functional>
#include <map>
#include <pugixml.hpp>
#include <string>

namespace jianbao::submissions::docx {

struct StyleInfo {
  std::string name;    // lower-case style name: "heading 1", "title", "标题 1"
  int heading = 0;     // 1..9 for heading styles, 0 otherwise
  bool title = false;  // the Title style
  bool bold = false;   // the style's run properties make text bold
  std::string num_id;  // list numbering carried by the style, "" when none
  int num_level = 0;
  std::string based_on;  // parent style id
};

struct Parts {
  const pugi::xml_node body;                           // w:body of word/document.xml
  std::map<std::string, StyleInfo> styles;             // by style id, inheritance resolved
  std::map<std::string, std::map<int, bool>> ordered;  // numId → level → ordered list?
  // Returns the body reference ("media/image1.png") for relationship id `rid`,
  // or "" when it is not a usable image.
  std::function<std::string(const std::string& rid)> image;
};

// Reads w:style elements of word/styles.xml (may be an empty document).
std::map<std::string, StyleInfo> ReadStyles(const pugi::xml_document& styles);
// Reads word/numbering.xml: for each numId, which levels are ordered lists.
std::map<std::string, std::map<int, bool>> ReadNumbering(const pugi::xml_document& numbering);

struct Converted {
  std::string title;
  std::string body;
};
// Converts the document body. Stops adding blocks once the body exceeds
// `max_body_bytes` and sets *too_large.
Converted Convert(const Parts& parts, size_t max_body_bytes, bool* too_large);

// Returns the local part of an XML name ("w:p" → "p").
std::string_view LocalName(const char* name);

}  // namespace jianbao::submissions::docx

#endif  // JIANBAO_SUBMISSIONS_DOCX_BODY_H_
