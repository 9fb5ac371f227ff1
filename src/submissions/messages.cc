// Copyright 2026 The Jianbao Authors.

#include "submissions/service.h"

namespace jianbao::submissions {

const messages::Catalogue& Messages() {
  static const messages::Catalogue kCatalogue{
      "submissions",
      {
          {"submission_not_found", "稿件不存在", "no such piece"},
          {"invalid_transition", "稿件当前状态不允许此操作",
           "this action is not allowed in the piece's state"},
          {"invalid_state", "状态无效：{field}", "invalid state in {field}"},
          {"invalid_action", "操作无效", "invalid action"},
          {"target_not_allowed", "不能向该机构报送",
           "pieces cannot be offered to this organisation"},
          {"commission_not_found", "约稿不存在", "no such commission"},
          {"commission_closed", "约稿已关闭", "the commission is closed"},
          {"attachment_not_found", "附件不存在", "no such attachment"},
          {"version_not_found", "版本不存在", "no such version"},
          {"invalid_period", "统计周期无效", "invalid period"},
          {"not_text", "文件不是 UTF-8 文本", "the file is not UTF-8 text"},
          {"unsupported_type", "不支持的文件类型（按内容识别）",
           "unsupported file type (judged by its content)"},
          {"docx_bomb", "Word 文件解压后过大或条目过多，已拒绝",
           "the Word file expands too much or has too many entries"},
          {"docx_encrypted", "Word 文件已加密，请先取消密码",
           "the Word file is encrypted; remove the password first"},
          {"docx_entities", "Word 文件含有不允许的 XML 实体声明",
           "the Word file declares XML entities, which are not allowed"},
          {"docx_malformed", "Word 文件已损坏或格式不正确",
           "the Word file is damaged or malformed"},
          {"docx_not_word", "这不是 Word (.docx) 文件", "this is not a Word (.docx) file"},
          {"docx_path", "Word 文件含有可疑路径，已拒绝",
           "the Word file contains a suspicious path"},
          {"summary_not_found", "没有这种汇总", "no such summary"},
          {"deadline_past", "截止日期已过", "the deadline has already passed"},
          {"invalid_format", "格式应为 docx 或 txt（导出为 xlsx 或 csv）",
           "format must be docx or txt (xlsx or csv for exports)"},
          // Workflow labels (workflow.h): StateLabelKey / ActionLabelKey.
          {"submissions.state.draft", "草稿", "draft"},
          {"submissions.state.submitted", "已报送", "submitted"},
          {"submissions.state.returned", "退回修改", "returned for revision"},
          {"submissions.state.resubmitted", "重新报送", "resubmitted"},
          {"submissions.state.adopted", "已采用", "adopted"},
          {"submissions.state.not_adopted", "未采用", "not adopted"},
          {"submissions.action.edit", "修改", "edit"},
          {"submissions.action.submit", "报送", "submit"},
          {"submissions.action.withdraw", "撤回", "withdraw"},
          {"submissions.action.resubmit", "重新报送", "resubmit"},
          {"submissions.action.adopt", "采用", "adopt"},
          {"submissions.action.return", "退回修改", "return for revision"},
          {"submissions.action.reject", "不采用", "not adopt"},
          // Statistics export (export.cc).
          {"submissions.export.title", "{org} 信息报送采用情况统计（{from} 至 {to}）",
           "{org}: adoption of reported pieces, {from} to {to}"},
          {"submissions.export.sheet", "采用统计", "Adoption"},
          {"submissions.export.rank", "排名", "Rank"},
          {"submissions.export.org_code", "机构代码", "Code"},
          {"submissions.export.org", "机构", "Organisation"},
          {"submissions.export.submitted", "报送", "Submitted"},
          {"submissions.export.adopted", "采用", "Adopted"},
          {"submissions.export.adoption_rate", "采用率", "Adoption rate"},
          {"submissions.export.commissioned", "约稿", "Commissioned"},
          {"submissions.export.on_time", "按时报送", "On time"},
          {"submissions.export.late", "逾期报送", "Late"},
          {"submissions.export.total", "合计", "Total"},
          // Notification titles (notify::Notification::title_key), sent by this module.
          {"notification.submission.submitted", "收到新的报送稿件", "New piece submitted"},
          {"notification.submission.resubmitted", "稿件已修改后重新报送",
           "Piece resubmitted after revision"},
          {"notification.submission.adopted", "稿件已被采用", "Your piece was adopted"},
          {"notification.submission.returned", "稿件被退回修改：{reason}",
           "Piece returned for revision: {reason}"},
          {"notification.submission.not_adopted", "稿件未被采用", "Your piece was not adopted"},
          {"notification.submission.comment", "编辑对稿件发表了意见",
           "An editor commented on your piece"},
          {"notification.submission.comment_for_editor", "报送单位对稿件发表了意见",
           "The reporting organisation commented on a piece"},
          {"notification.commission.created", "收到约稿：{topic}", "Commission received: {topic}"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::submissions
