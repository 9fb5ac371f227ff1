// Copyright 2026 The Jianbao Authors.

#include "epidemic/handlers.h"

namespace jianbao::epidemic {

// Every Status key the module returns, except the generic ones of the core
// catalogue (required, too_long, invalid_date, unknown_field, …). The import
// answer keeps the importer's own text as its message (it names the line,
// column and value; docs/epidemic.md and the web UI show it as written), so
// the import_* and csv_quote texts here serve other renderers. template_invalid
// and day_json_invalid have no entry on purpose: their message names where a
// custom template or a day JSON is wrong (mustache's text, the JSON path), and
// an entry would replace it with a general text.
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
          {"import_not_utf8", "导入文件不是有效的 UTF-8 文本",
           "the import file is not valid UTF-8"},
          {"import_too_large", "导入文件过大，请用命令行导入",
           "the import file is too large; import it with the command line"},
          {"import_bad_row", "{field}：这一行的数据有误", "{field}: this row is not valid"},
          {"import_bad_header", "{field}：表头无法识别", "{field}: the header is not recognised"},
          {"csv_quote", "{field}：引号没有闭合", "{field}: a quoted field is not closed"},
          {"bad_date", "{field} 不是有效日期（YYYY-MM-DD）",
           "{field} is not a valid date (YYYY-MM-DD)"},
          {"bad_days", "图表天数须在 2 到 366 之间", "days must be between 2 and 366"},
          {"chart_empty", "所选时间段没有可画的数据", "the chart has no days"},
          {"unknown_region_code", "地区代码不存在：{field}", "unknown region code in {field}"},
          {"unknown_level", "地区级别不存在（可选 mainland、national、province、city、special）",
           "unknown region level (mainland, national, province, city or special)"},
          {"unknown_rule", "校验规则不存在", "no such validation rule"},
          {"negative_value", "{field} 不能为负数", "{field} cannot be negative"},
          {"not_cumulative", "只能更正累计类指标", "corrections apply to cumulative fields"},
          {"missing_day", "请给出 --date（配合 --db）或 --day-json 文件",
           "give --date (with --db) or --day-json FILE"},
          {"bad_value", "{field} 应为 字段=整数", "{field}: expected field=integer"},
          {"file_too_large", "文件超过 64 MB", "the file is larger than 64 MB"},
          {"file_unwritable", "无法写入文件", "the file cannot be written"},
          {"note_not_found", "来源说明不存在", "no such source note"},
          {"followup_not_found", "跟进记录不存在", "no such follow-up"},
          {"followup_exists", "该校验结果已在跟进中", "the finding is already followed up"},
          {"followup_wrong_state", "跟进记录当前状态不允许此操作",
           "the follow-up is not in a state that allows this"},
          {"finding_not_found", "该日期没有这条校验结果",
           "the rules find no such finding that day"},
          {"invalid_assignee", "只能指派给在用的数据编辑（editor）",
           "assign to an active desk user (editor)"},
          {"invalid_action", "操作无效", "invalid action"},
          // Notification titles (notify::Notification::title_key), sent by FollowupService.
          {"notification.epidemic.followup_mark", "{by} 把 {date} 的校验结果交给你跟进",
           "{by} gave you a finding of {date} to follow up"},
          {"notification.epidemic.followup_assign", "{by} 把 {date} 的校验结果交给你跟进",
           "{by} gave you a finding of {date} to follow up"},
          {"notification.epidemic.followup_comment", "{by} 评论了你跟进的 {date} 校验结果",
           "{by} commented on your follow-up of {date}"},
          {"notification.epidemic.followup_close", "{by} 关闭了你跟进的 {date} 校验结果",
           "{by} closed your follow-up of {date}"},
          {"notification.epidemic.followup_reopen", "{by} 重新打开了你跟进的 {date} 校验结果",
           "{by} reopened your follow-up of {date}"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::epidemic
