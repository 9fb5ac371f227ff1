// Copyright 2026 The Jianbao Authors.

#include "epidemic/messages.h"

namespace jianbao::epidemic {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "epidemic",
      {
          {"template_too_deep", "模板的区块嵌套超过 10 层",
           "the template's sections nest more than 10 deep"},
          {"template_too_costly", "模板的区块重复次数过多，请减少嵌套的列表",
           "the template's sections repeat too often; nest fewer lists"},
          {"narrative_too_long", "生成的文字超过 1 MiB",
           "the narrative would be longer than 1 MiB"},
          {"day_not_found", "该日期没有疫情数据", "no epidemic figures for that day"},
          {"empty_reason", "退回或不采用时必须填写理由", "a reason is required"},
          {"file_unreadable", "无法读取文件", "the file cannot be read"},
          {"correction_not_found", "更正记录不存在", "no such correction"},
          {"template_not_found", "模板不存在", "no such template"},
          {"unknown_template", "模板不存在", "no such template"},
          {"zero_delta", "更正数值不能为 0", "a correction's delta cannot be 0"},
          {"import_empty", "导入文件为空", "the import file is empty"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::epidemic
