// Copyright 2026 The Jianbao Authors.

#include "http/errors.h"

#include <map>

#include "http/json_io.h"

namespace jianbao::http {
namespace {

struct Texts {
  const char* zh;
  const char* en;
};

// Messages by key; "{field}" is replaced with the offending field's name.
const std::map<std::string, Texts>& Table() {
  static const std::map<std::string, Texts> kTable = {
      {"required", {"缺少必填项：{field}", "{field} is required"}},
      {"too_long", {"{field} 太长", "{field} is too long"}},
      {"wrong_type", {"{field} 的类型不正确", "{field} has the wrong type"}},
      {"unknown_field", {"不认识的字段：{field}", "unknown field: {field}"}},
      {"invalid_json", {"请求内容不是有效的 JSON", "the request body is not valid JSON"}},
      {"invalid_utf8", {"请求内容不是有效的 UTF-8 文本", "the request body is not valid UTF-8"}},
      {"not_object", {"请求内容必须是 JSON 对象", "the request body must be a JSON object"}},
      {"json_too_deep",
       {"请求内容的 JSON 嵌套超过 64 层", "the request body nests JSON more than 64 levels deep"}},
      {"duplicate_field", {"字段重复：{field}", "duplicate field: {field}"}},
      {"json_content_type",
       {"请求内容须以 Content-Type: application/json 发送",
        "send the request body as Content-Type: application/json"}},
      {"table_too_wide",
       {"{field} 中的表格超过 64 列", "a table in {field} has more than 64 columns"}},
      {"table_too_large",
       {"{field} 中的表格合计超过 20000 个单元格",
        "the tables in {field} have more than 20,000 cells in all"}},
      {"too_many_lines", {"{field} 超过 50000 行", "{field} has more than 50,000 lines"}},
      {"too_much_markup",
       {"{field} 中的 Markdown 标记符号过多（超过 100000 个）",
        "{field} has more than 100,000 Markdown markup characters"}},
      {"nesting_too_deep",
       {"{field} 中的引用或列表嵌套超过 32 层",
        "quotes and lists in {field} nest more than 32 deep"}},
      {"render_timeout",
       {"排版超时：简报内容过多或表格过大，请缩短后重试",
        "typesetting took too long: shorten the issue or its tables"}},
      {"template_too_deep",
       {"模板的区块嵌套超过 10 层", "the template's sections nest more than 10 deep"}},
      {"template_too_costly",
       {"模板的区块重复次数过多，请减少嵌套的列表",
        "the template's sections repeat too often; nest fewer lists"}},
      {"narrative_too_long", {"生成的文字超过 1 MiB", "the narrative would be longer than 1 MiB"}},
      {"out_of_range", {"{field} 超出允许范围", "{field} is out of range"}},
      {"control_char", {"{field} 含有控制字符", "{field} contains a control character"}},
      {"too_many", {"{field} 的项目太多", "{field} has too many items"}},
      {"unauthenticated", {"请先登录", "please sign in"}},
      {"bad_credentials", {"用户名或密码不正确", "wrong login or password"}},
      {"account_disabled", {"该账号已停用", "this account is disabled"}},
      {"csrf",
       {"页面已过期，请刷新后重试（CSRF 校验失败）",
        "the page is stale, reload and retry (CSRF check failed)"}},
      {"permission_denied", {"没有权限执行此操作", "you are not allowed to do this"}},
      {"route_not_found", {"接口不存在", "no such API endpoint"}},
      {"method_not_allowed", {"此接口不支持该请求方法", "method not allowed on this endpoint"}},
      {"duplicate", {"已存在相同的记录", "a record with the same key already exists"}},
      {"login_taken", {"登录名已被使用", "this login is already taken"}},
      {"code_taken", {"机构代码已被使用", "this organisation code is already taken"}},
      {"payload_too_large", {"请求内容过大", "the request body is too large"}},
      {"too_many_requests", {"尝试次数过多，请稍后再试", "too many attempts, try again later"}},
      {"weak_password", {"密码至少需要 10 个字符", "the password needs at least 10 characters"}},
      {"password_one_kind",
       {"密码不能只由一类字符组成，请混合使用字母、数字或符号",
        "the password must mix letters, digits or other characters"}},
      {"password_is_login", {"密码不能与登录名相同", "the password must not be the login"}},
      {"image_too_large",
       {"{field}：图片尺寸过大（每边最多 8000 像素，合计最多 4800 万像素）",
        "{field}: the image is too large (at most 8000 pixels a side, 48 million in all)"}},
      {"too_many_pixels",
       {"{field}：本文件所有图片的像素合计超过 2 亿，请减少图片或缩小尺寸",
        "{field}: the images of this document declare more than 200 megapixels together; use "
        "fewer or smaller images"}},
      {"password_common",
       {"这个密码太常见，容易被猜中，请换一个", "this password is too common; choose another"}},
      {"wrong_password", {"原密码不正确", "the current password is wrong"}},
      {"invalid_role", {"角色无效：{field}", "invalid role in {field}"}},
      {"invalid_email", {"电子邮箱地址格式不正确", "invalid e-mail address"}},
      {"invalid_login",
       {"登录名只能包含字母、数字、点、横线和下划线（2–64 个字符）",
        "a login has 2–64 letters, digits, '.', '-' or '_'"}},
      {"invalid_code",
       {"机构代码只能包含小写字母、数字和横线（2–32 个字符）",
        "an organisation code has 2–32 lower-case letters, digits or '-'"}},
      {"invalid_kind", {"机构类型无效", "invalid organisation kind"}},
      {"org_not_found", {"机构不存在", "no such organisation"}},
      {"user_not_found", {"用户不存在", "no such user"}},
      {"parent_not_found", {"上级机构不存在", "no such parent organisation"}},
      {"outside_scope",
       {"只能管理本机构及下级机构",
        "you can only manage your own organisation and those below it"}},
      {"last_admin",
       {"不能移除本机构最后一位管理员", "cannot remove the organisation's last admin"}},
      {"invalid_date",
       {"{field} 不是有效日期（YYYY-MM-DD）", "{field} is not a valid date (YYYY-MM-DD)"}},
      {"day_not_found", {"该日期没有疫情数据", "no epidemic figures for that day"}},
      {"issue_not_found", {"简报不存在", "no such bulletin issue"}},
      {"wrong_state", {"当前状态不允许此操作", "not allowed in the issue's current state"}},
      {"submission_not_found", {"稿件不存在", "no such piece"}},
      {"invalid_transition",
       {"稿件当前状态不允许此操作", "this action is not allowed in the piece's state"}},
      {"invalid_state", {"状态无效：{field}", "invalid state in {field}"}},
      {"invalid_action", {"操作无效", "invalid action"}},
      {"empty_reason", {"退回或不采用时必须填写理由", "a reason is required"}},
      {"target_not_allowed", {"不能向该机构报送", "pieces cannot be offered to this organisation"}},
      {"commission_not_found", {"约稿不存在", "no such commission"}},
      {"commission_closed", {"约稿已关闭", "the commission is closed"}},
      {"attachment_not_found", {"附件不存在", "no such attachment"}},
      {"version_not_found", {"版本不存在", "no such version"}},
      {"notification_not_found", {"通知不存在", "no such notification"}},
      {"invalid_period", {"统计周期无效", "invalid period"}},
      {"not_text", {"文件不是 UTF-8 文本", "the file is not UTF-8 text"}},
      {"unsupported_type",
       {"不支持的文件类型（按内容识别）", "unsupported file type (judged by its content)"}},
      {"file_unreadable", {"无法读取文件", "the file cannot be read"}},
      {"docx_bomb",
       {"Word 文件解压后过大或条目过多，已拒绝",
        "the Word file expands too much or has too many entries"}},
      {"docx_encrypted",
       {"Word 文件已加密，请先取消密码", "the Word file is encrypted; remove the password first"}},
      {"docx_entities",
       {"Word 文件含有不允许的 XML 实体声明",
        "the Word file declares XML entities, which are not allowed"}},
      {"docx_malformed", {"Word 文件已损坏或格式不正确", "the Word file is damaged or malformed"}},
      {"docx_not_word", {"这不是 Word (.docx) 文件", "this is not a Word (.docx) file"}},
      {"docx_path", {"Word 文件含有可疑路径，已拒绝", "the Word file contains a suspicious path"}},
      {"correction_not_found", {"更正记录不存在", "no such correction"}},
      {"template_not_found", {"模板不存在", "no such template"}},
      {"unknown_template", {"模板不存在", "no such template"}},
      {"zero_delta", {"更正数值不能为 0", "a correction's delta cannot be 0"}},
      {"import_empty", {"导入文件为空", "the import file is empty"}},
      {"summary_not_found", {"没有这种汇总", "no such summary"}},
      {"source_unavailable", {"数据来源暂不可用", "the data source is unavailable"}},
      {"deadline_past", {"截止日期已过", "the deadline has already passed"}},
      {"invalid_format",
       {"格式应为 docx 或 txt（导出为 xlsx 或 csv）",
        "format must be docx or txt (xlsx or csv for exports)"}},
      {"internal", {"服务器内部错误，请稍后重试", "internal server error, please retry later"}},
      {"self_approval",
       {"您编辑过这一期，须由另一位签发人签发", "you edited this issue; another approver must sign it"}},
      {"outside_association",
       {"分发范围只能是本协会及其下属单位和政府部门",
        "a series is distributed inside its association and to government bodies only"}},
      {"masthead_not_owner",
       {"报头须为主办协会的名称", "the masthead must be the name of the owning association"}},
      {"issuer_not_owner",
       {"编发单位须为主办单位或其上级协会", "the issuer must be the owner or its association"}},
      {"owner_not_association",
       {"主办单位须为协会或协会下属机构", "the owner must be an association or belong to one"}},
      {"db_busy",
       {"系统繁忙，请稍后重试", "the server is busy, please retry in a moment"}},
      {"render_busy",
       {"排版任务繁忙，请稍候重试", "the typesetter is busy with other renders, retry shortly"}},
      {"db_unavailable",
       {"数据库暂时不可用，请稍后重试", "the database is unavailable, please retry later"}},
  };
  return kTable;
}

}  // namespace

std::string LocalizedMessage(const Status& status, const std::string& lang) {
  auto it = Table().find(status.key());
  if (it == Table().end()) return status.message();
  std::string msg = lang == "en" ? it->second.en : it->second.zh;
  const size_t p = msg.find("{field}");
  if (p != std::string::npos) msg.replace(p, 7, status.field().empty() ? "?" : status.field());
  return msg;
}

Response ErrorResponse(const Status& status, const std::string& lang) {
  Json body = {{"error",
                {{"code", CodeName(status.code())},
                 {"key", status.key()},
                 {"message", LocalizedMessage(status, lang)},
                 {"field", status.field()}}}};
  Response r = JsonResponse(HttpStatusFor(status.code()), body);
  if (status.code() == Code::kTooManyRequests) {
    r.Header("Retry-After", std::to_string(std::max(1, status.retry_after_seconds())));
  }
  return r;
}

}  // namespace jianbao::http
