// Copyright 2026 The Jianbao Authors.

#include "receipts/receipts.h"

namespace jianbao::receipts {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "receipts",
      {
          {"not_a_recipient", "{unit} 不是收文单位", "{unit} is not a recipient unit"},
          {"invalid_units", "units 应为单位代码列表", "units: a list of organisation codes"},
          {"no_mail_content", "无法生成该类文件的邮件",
           "no e-mail content for this kind of document"},
          {"nothing_to_remind", "所有收文单位均已签收，无需催办",
           "every recipient unit has acknowledged; nobody to remind"},
          {"reminder_too_soon", "{unit} 一小时内已催办过，请稍后再试",
           "{unit} was reminded less than an hour ago; try again later"},
          {"notification.receipts.reminder", "催办：请签收《{title}》",
           "Reminder: please acknowledge “{title}”"},
          {"receipts.export.units", "按单位", "By unit"},
          {"receipts.export.people", "按人员", "By person"},
          {"receipts.export.unit", "单位", "Unit"},
          {"receipts.export.code", "代码", "Code"},
          {"receipts.export.state", "状态", "State"},
          {"receipts.export.delivery", "送达方式", "Delivery"},
          {"receipts.export.people_count", "人数", "People"},
          {"receipts.export.read", "已阅人数", "Read"},
          {"receipts.export.acknowledged", "已签收人数", "Acknowledged"},
          {"receipts.export.read_at", "首次阅读", "First read"},
          {"receipts.export.acknowledged_at", "首次签收", "First acknowledged"},
          {"receipts.export.reminders", "催办次数", "Reminders"},
          {"receipts.export.last_reminded_at", "最近催办", "Last reminded"},
          {"receipts.export.login", "账号", "Login"},
          {"receipts.export.name", "姓名", "Name"},
          {"receipts.export.delivered_at", "送达时间", "Delivered"},
          {"receipts.sheet.title", "分发签收单", "Distribution sheet"},
          {"receipts.sheet.signature", "签收人", "Received by"},
          {"receipts.sheet.date", "签收日期", "Date"},
          {"receipts.sheet.note", "平台外单位请签收后交回；平台内单位以系统签收为准。",
           "Units outside the platform sign and return this sheet; units on the platform "
           "acknowledge in the app."},
          {"receipts.state.acknowledged", "已签收", "acknowledged"},
          {"receipts.state.read", "已阅未签收", "read, not acknowledged"},
          {"receipts.state.unread", "未阅", "unread"},
          {"receipts.state.external", "平台外", "outside the platform"},
          {"receipts.delivery.platform", "平台", "platform"},
          {"receipts.delivery.email", "电子邮件", "e-mail"},
          {"receipts.delivery.print", "纸质分发", "print"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::receipts
