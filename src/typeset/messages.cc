// Copyright 2026 The Jianbao Authors.

#include "typeset/messages.h"

namespace jianbao::typeset {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "typeset",
      {
          {"render_timeout", "排版超时：简报内容过多或表格过大，请缩短后重试",
           "typesetting took too long: shorten the issue or its tables"},
          {"too_many_pixels", "{field}：本文件所有图片的像素合计超过 2 亿，请减少图片或缩小尺寸",
           "{field}: the images of this document declare more than 200 megapixels together; use "
           "fewer or smaller images"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::typeset
