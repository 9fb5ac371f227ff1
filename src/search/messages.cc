// Copyright 2026 The Jianbao Authors.

#include "search/handlers.h"

namespace jianbao::search {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "search",
      {
          {"search_query_empty", "请输入要查找的词（不能只有排除词）",
           "enter a word to look for (not only words to leave out)"},
          {"search_query_too_complex", "查询中的词太多（最多 16 个）",
           "the query has too many words (16 at most)"},
          {"invalid_kind", "{field}不在可选范围内", "{field} is not one of the choices"},
          {"stopped", "索引已中断，下次启动时继续",
           "indexing stopped; it goes on at the next start"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::search
