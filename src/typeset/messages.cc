// Copyright 2026 The Jianbao Authors.

#include "typeset/typeset.h"

namespace jianbao::typeset {

// The engine's Status keys with a fixed meaning. Keys whose message names the
// very thing at fault (bad_image, bad_image_path, glyph_missing, font_missing,
// invalid_issue: the image, the character, the font, the issue field) have no
// entry on purpose: an entry would replace that message with a general text
// (http::LocalizedMessage fills in only {field}); they reach the reader as
// the engine wrote them, as before. Generic keys (invalid_utf8, too_long,
// table_too_wide, image_too_large, …) are in the core catalogue.
const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "typeset",
      {
          {"render_timeout", "排版超时：简报内容过多或表格过大，请缩短后重试",
           "typesetting took too long: shorten the issue or its tables"},
          {"too_many_pixels", "{field}：本文件所有图片的像素合计超过 2 亿，请减少图片或缩小尺寸",
           "{field}: the images of this document declare more than 200 megapixels together; use "
           "fewer or smaller images"},
          {"bad_color", "{field} 应为 #FF3333 这样的颜色", "{field} must be a colour like #FF3333"},
          {"bad_dpi", "{field} 须在 10 到 600 之间", "{field} must be between 10 and 600"},
          {"body_too_large", "{field} 超过 8 MiB", "{field} is larger than 8 MiB"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::typeset
