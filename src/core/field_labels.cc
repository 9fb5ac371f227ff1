// Copyright 2026 The Jianbao Authors.
//
// The field-label catalogue: how the forms label the request fields that
// error messages name ("{field}"), so that "缺少必填项：title" reads
// "请填写标题". Keys are "field.NAME" for a field NAME (indices stripped:
// "sections[2].body" → "sections.body", then "body"), and "KEY.NAME" for a
// whole message that replaces the generic text of KEY for that field
// ("required.sections" → "简报至少需要一个栏目"). http::LocalizedMessage uses it.

#include "core/messages.h"

namespace jianbao::messages {

const Catalogue& FieldLabels() {
  static const Catalogue kCatalogue{
      "fields",
      {
          // Whole messages for one field.
          {"required.sections", "简报至少需要一个栏目", "an issue needs at least one section"},
          {"required.comment", "请填写意见", "write a comment"},
          {"required.reason", "请填写原因", "give a reason"},
          {"required.note", "请填写更正说明", "write the correction note"},
          // Labels, as the forms show them.
          {"field.title", "标题", "the title"},
          {"field.body", "正文", "the body"},
          {"field.sections", "栏目", "the sections"},
          {"field.sections.title", "栏目标题", "the section title"},
          {"field.sections.body", "栏目正文", "the section text"},
          {"field.closing_note", "结束语", "the closing note"},
          {"field.distribution", "分发范围", "the distribution"},
          {"field.copies", "印数", "the number of copies"},
          {"field.comment", "意见", "the comment"},
          {"field.reason", "原因", "the reason"},
          {"field.note", "更正说明", "the correction note"},
          {"field.date", "日期", "the date"},
          {"field.series", "简报系列", "the series"},
          {"field.masthead", "报头", "the masthead"},
          {"field.numbering", "编号方式", "the numbering"},
          {"field.owner", "主办单位", "the owning organisation"},
          {"field.association", "协会", "the association"},
          {"field.orgs", "单位", "the organisations"},
          {"field.org", "单位", "the organisation"},
          {"field.login", "登录名", "the login"},
          {"field.password", "密码", "the password"},
          {"field.old_password", "原密码", "the current password"},
          {"field.name", "姓名", "the name"},
          {"field.email", "电子邮箱", "the e-mail address"},
          {"field.phone", "联系电话", "the phone number"},
          {"field.roles", "角色", "the roles"},
          {"field.parent", "上级单位", "the parent organisation"},
          {"field.code", "代码", "the code"},
          {"field.authors", "作者", "the authors"},
          {"field.contact", "联系方式", "the contact"},
          {"field.topic", "主题", "the topic"},
          {"field.deadline", "截止日期", "the deadline"},
          {"field.description", "说明", "the description"},
          {"field.content", "内容", "the content"},
          {"field.text", "文本", "the text"},
          {"field.template", "模板", "the template"},
          {"field.category", "类别", "the category"},
          {"field.region", "地区", "the region"},
          {"field.operator", "运营商", "the operator"},
          {"field.units", "单位", "the units"},
          {"field.target", "对象", "the target"},
          {"field.schedule", "计划", "the schedule"},
          {"field.q", "搜索词", "the search words"},
          {"field.status", "状态", "the status"},
          {"field.year", "年份", "the year"},
          {"field.number", "期号", "the number"},
          {"field.from", "开始日期", "the start date"},
          {"field.to", "结束日期", "the end date"},
          {"field.quantity", "数量", "the quantity"},
          {"field.reference", "文号", "the reference"},
          {"field.record", "记录", "the record"},
          {"field.kind", "类型", "the kind"},
          {"field.file", "文件", "the file"},
          {"field.page", "页码", "the page"},
          {"field.page_size", "每页条数", "the page size"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::messages
