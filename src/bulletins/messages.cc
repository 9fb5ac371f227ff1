// Copyright 2026 The Jianbao Authors.

#include "bulletins/handlers.h"

namespace jianbao::bulletins {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "bulletins",
      {
          {"issue_not_found", "简报不存在", "no such bulletin issue"},
          {"wrong_state", "当前状态不允许此操作", "not allowed in the issue's current state"},
          {"source_unavailable", "数据来源暂不可用", "the data source is unavailable"},
          {"self_approval", "您编辑过这一期，须由另一位签发人签发",
           "you edited this issue; another approver must sign it"},
          {"outside_association", "分发范围只能是本协会及其下属单位和本协会允许的政府部门",
           "a series is distributed inside its association and to the government bodies it "
           "allows only"},
          {"government_not_allowed", "该政府部门不在本协会允许的报送范围内，请协会管理员先行添加",
           "this government body is not among the recipients the association allows; an admin "
           "of the association can add it"},
          {"not_association", "须为全国或省级协会", "must be a national or provincial association"},
          {"not_government", "只能添加政府部门", "only government bodies can be added"},
          {"masthead_not_owner", "报头须为主办协会的名称",
           "the masthead must be the name of the owning association"},
          {"issuer_not_owner", "编发单位须为主办单位或其上级协会",
           "the issuer must be the owner or its association"},
          {"owner_not_association", "主办单位须为协会或协会下属机构",
           "the owner must be an association or belong to one"},
          {"series_not_found", "简报系列不存在", "no such bulletin series"},
          {"invalid_series_code", "系列代码只能包含小写字母、数字和横线（2–32 个字符）",
           "a series code has 2 to 32 lowercase letters, digits and hyphens"},
          {"series_code_taken", "系列代码已被使用", "this series code is already taken"},
          {"issue_exists", "该期号已在归档中；如需另存，请指定期号",
           "that number is already in the archive; give another number to keep both"},
          {"file_not_found", "该期没有这种格式的文件", "this issue has no file in that format"},
          {"not_adopted", "只有已采用的稿件才能编入简报",
           "only adopted pieces can go into a bulletin"},
          {"too_many_contents", "目录条目过多，无法导入", "the contents list has too many entries"},
          {"too_large", "文本超过 4 MiB", "the text is larger than 4 MiB"},
          {"no_articles", "未找到文章：文本既没有与标题对应的目录，也没有“湖北行协·…”式的标题",
           "no article found: neither a contents list matching the titles nor titles like "
           "\"湖北行协·…\""},
          {"too_many_articles", "文章篇数过多", "the text has too many articles"},
          {"no_title", "未在报头中找到简报名称",
           "the bulletin's title was not found in the header"},
          {"no_number", "未在报头中找到期号（第N期），请指定期号",
           "the issue number (第N期) was not found in the header; give the number"},
          {"no_date", "未在报头中找到日期（YYYY年M月D日），请指定日期",
           "the issue date (YYYY年M月D日) was not found in the header; give the date"},
          {"was_signed", "这一期曾经签发，只能更正，不能删除",
           "this issue was signed once; it can be corrected, not discarded"},
          {"content_changed", "简报内容在您查看版面后已有改动，请重新查看版面后再签发",
           "the issue changed after you looked at its pages; look at them again before signing"},
          {"changed_since_approval", "简报内容在签发后已有改动，须重新送审签发",
           "the issue changed after it was signed; it must be submitted and signed again"},
          // Notification titles (notify::Notification::title_key), sent by this module.
          {"notification.bulletin.submitted", "{year}年第{number}期简报已送审，等待签发",
           "Issue {number} of {year} is waiting for sign-off"},
          {"notification.bulletin.returned", "{year}年第{number}期简报被退回修改：{comment}",
           "Issue {number} of {year} was returned: {comment}"},
          {"notification.bulletin.approved", "{year}年第{number}期简报已签发",
           "Issue {number} of {year} was signed"},
          {"render_busy", "排版任务繁忙，请稍候重试",
           "the typesetter is busy with other renders, retry shortly"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::bulletins
