// Copyright 2026 The Jianbao Authors.

#include "members/notices.h"

namespace jianbao::members {

const messages::Catalogue& NoticeMessages() {
  static const messages::Catalogue kCatalogue{
      "members.notices",
      {
          {"notice_not_found", "通知不存在", "no such notice"},
          {"notice_not_draft", "通知已发出，不能再修改或重发",
           "the notice was sent; it can no longer be changed or sent again"},
          {"notice_not_sent", "通知尚未发出", "the notice has not been sent yet"},
          {"invalid_notice_kind", "请选择类型：通知、慰问信或倡议书",
           "choose a kind: notice, letter of sympathy or initiative"},
          {"invalid_notice_status", "状态只能是草稿或已发出", "status: draft or sent"},
          {"recipient_outside_scope", "收文单位 {code} 不在本协会范围内",
           "recipient {code} is outside the association"},
          {"group_not_found", "收文分组不存在", "no such recipient group"},
          {"typesetter_unavailable", "排版字体未安装，暂不能生成 PDF",
           "the typesetting fonts are missing; no PDF can be made"},
          {"notification.notice.received", "{sender}：{title}", "{sender}: {title}"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::members
