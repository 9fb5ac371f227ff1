// Copyright 2026 The Jianbao Authors.

#include "bulletins/messages.h"

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
          {"render_busy", "排版任务繁忙，请稍候重试",
           "the typesetter is busy with other renders, retry shortly"},
      }};
  return kCatalogue;
}

}  // namespace jianbao::bulletins
