// Copyright 2026 The Jianbao Authors.

#include "orgs/handlers.h"

namespace jianbao::orgs {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "orgs",
      {
          {"bad_credentials", "用户名或密码不正确", "wrong login or password"},
          {"account_disabled", "该账号已停用", "this account is disabled"},
          {"login_taken", "登录名已被使用", "this login is already taken"},
          {"code_taken", "机构代码已被使用", "this organisation code is already taken"},
          {"weak_password", "密码至少需要 10 个字符", "the password needs at least 10 characters"},
          {"password_one_kind", "密码不能只由一类字符组成，请混合使用字母、数字或符号",
           "the password must mix letters, digits or other characters"},
          {"password_is_login", "密码不能与登录名相同", "the password must not be the login"},
          {"password_common", "这个密码太常见，容易被猜中，请换一个",
           "this password is too common; choose another"},
          {"wrong_password", "原密码不正确", "the current password is wrong"},
          {"invalid_role", "角色无效：{field}", "invalid role in {field}"},
          {"invalid_email", "电子邮箱地址格式不正确", "invalid e-mail address"},
          {"invalid_login", "登录名只能包含字母、数字、点、横线和下划线（2–64 个字符）",
           "a login has 2–64 letters, digits, '.', '-' or '_'"},
          {"invalid_code", "机构代码只能包含小写字母、数字和横线（2–32 个字符）",
           "an organisation code has 2–32 lower-case letters, digits or '-'"},
          {"invalid_org_kind", "机构类型无效", "invalid organisation kind"},
          {"org_not_found", "机构不存在", "no such organisation"},
          {"user_not_found", "用户不存在", "no such user"},
          {"parent_not_found", "上级机构不存在", "no such parent organisation"},
          {"outside_scope", "只能管理本机构及下级机构",
           "you can only manage your own organisation and those below it"},
          {"last_admin", "不能移除本机构最后一位管理员",
           "cannot remove the organisation's last admin"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::orgs
