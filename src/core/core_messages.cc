// Copyright 2026 The Jianbao Authors.
//
// The core catalogue: keys every module may return (input checks, access,
// content limits of core/markdown_limits and core/image_size, the store).

#include "core/messages.h"

namespace jianbao::messages {

const Catalogue& CoreMessages() {
  static const Catalogue kCatalogue{
      "core",
      {
          {"required", "请填写{field}", "{field} is required"},
          {"too_long", "{field}太长", "{field} is too long"},
          {"wrong_type", "{field} 的类型不正确", "{field} has the wrong type"},
          {"invalid_json", "请求内容不是有效的 JSON", "the request body is not valid JSON"},
          {"invalid_utf8", "请求内容不是有效的 UTF-8 文本", "the request body is not valid UTF-8"},
          {"json_too_deep", "请求内容的 JSON 嵌套超过 64 层",
           "the request body nests JSON more than 64 levels deep"},
          {"duplicate_field", "字段重复：{field}", "duplicate field: {field}"},
          {"table_too_wide", "{field} 中的表格超过 64 列",
           "a table in {field} has more than 64 columns"},
          {"table_too_large", "{field} 中的表格合计超过 20000 个单元格",
           "the tables in {field} have more than 20,000 cells in all"},
          {"too_many_lines", "{field} 超过 50000 行", "{field} has more than 50,000 lines"},
          {"too_much_markup", "{field} 中的 Markdown 标记符号过多（超过 100000 个）",
           "{field} has more than 100,000 Markdown markup characters"},
          {"nesting_too_deep", "{field} 中的引用或列表嵌套超过 32 层",
           "quotes and lists in {field} nest more than 32 deep"},
          {"out_of_range", "{field} 超出允许范围", "{field} is out of range"},
          {"control_char", "{field} 含有控制字符", "{field} contains a control character"},
          {"too_many", "{field} 的项目太多", "{field} has too many items"},
          {"unauthenticated", "请先登录", "please sign in"},
          {"permission_denied", "没有权限执行此操作", "you are not allowed to do this"},
          {"edit_conflict", "{by} 已于 {time} 保存了更新的版本，您的修改未保存",
           "{by} saved a newer version at {time}; your changes were not stored"},
          {"duplicate", "已存在相同的记录", "a record with the same key already exists"},
          {"not_found", "该记录已不存在", "the record no longer exists"},
          {"payload_too_large", "请求内容过大", "the request body is too large"},
          {"too_many_requests", "尝试次数过多，请稍后再试", "too many attempts, try again later"},
          {"image_too_large", "{field}：图片尺寸过大（每边最多 8000 像素，合计最多 4800 万像素）",
           "{field}: the image is too large (at most 8000 pixels a side, 48 million in all)"},
          {"invalid_date", "{field} 不是有效日期（YYYY-MM-DD）",
           "{field} is not a valid date (YYYY-MM-DD)"},
          {"internal", "服务器内部错误，请稍后重试", "internal server error, please retry later"},
          {"db_busy", "系统繁忙，请稍后重试", "the server is busy, please retry in a moment"},
          {"db_unavailable", "数据库暂时不可用，请稍后重试",
           "the database is unavailable, please retry later"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::messages
