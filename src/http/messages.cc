// Copyright 2026 The Jianbao Authors.

#include "http/errors.h"

namespace jianbao::http {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "http",
      {
          {"unknown_field", "不认识的字段：{field}", "unknown field: {field}"},
          {"not_object", "请求内容必须是 JSON 对象", "the request body must be a JSON object"},
          {"json_content_type", "请求内容须以 Content-Type: application/json 发送",
           "send the request body as Content-Type: application/json"},
          {"csrf", "页面已过期，请刷新后重试（CSRF 校验失败）",
           "the page is stale, reload and retry (CSRF check failed)"},
          {"route_not_found", "接口不存在", "no such API endpoint"},
          {"method_not_allowed", "此接口不支持该请求方法", "method not allowed on this endpoint"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::http
