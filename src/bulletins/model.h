// Copyright 2026 The Jianbao Authors.
//
// Values of the bulletins module: series, issues and their sections,
// rendered files, deliveries, and what BulletinService takes and returns.
// Plain values: no invariants beyond the comments, copy freely.

#ifndef JIANBAO_BULLETINS_MODEL_H_
#define JIANBAO_BULLETINS_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bulletins/states.h"
#include "core/edit_version.h"
#include "core/page.h"
#include "receipts/receipts.h"

namespace jianbao::bulletins {

struct DistributionLine {
  std::string label;                   // 报 / 送 / 发
  std::vector<std::string> org_codes;  // recipients from the organisation tree
};

struct Series {
  int64_t id = 0;
  std::string code;                  // URL-safe: "ccea-epidemic"
  std::string title;                 // lines separated by '\n'; the last is set largest
  std::string subtitle;              // 协会专刊
  std::string masthead;              // 中国通信企业协会
  std::string issuer;                // 中国通信企业协会秘书处
  std::string owner_org;             // code of the owning organisation
  std::string numbering = "yearly";  // "yearly" or "running"
  bool is_public = false;
  std::vector<DistributionLine> distribution;  // the default list of new issues
};

// One section of an issue: an adopted piece, a generated data section (the
// epidemic dynamics of a day, or another module's summary of a period), or free text.
struct SectionSpec {
  std::string kind;                // "piece", "epidemic", "summary", "text"
  int64_t piece_id = 0;            // kind == "piece"
  std::string data_date;           // kind == "epidemic": the reporting day
  bool chart = false;              // kind == "epidemic": with the trend chart
  std::string source;              // kind == "summary": the module ("submissions")
  std::string data_from, data_to;  // kind == "summary": the period
  std::string title;               // shown (with the org's short-name prefix for pieces)
  std::string org;   // contributing organisation's short name ("湖北行协"), may be ""
  std::string body;  // CommonMark
};

struct IssueRecord {
  int64_t id = 0;
  int64_t series_id = 0;
  std::string series_code;
  int year = 0;
  int number = 0;
  bool supplement = false;  // 增刊, numbered separately
  IssueState status = kInitialState;
  std::string date;  // YYYY-MM-DD (Asia/Shanghai)
  std::vector<SectionSpec> sections;
  int section_count = 0;  // sections.size(); the only section field of a list row
  std::string closing_note;
  std::vector<DistributionLine> distribution;
  int copies = 0;
  int revision = 1;
  int64_t revises_id = 0;     // the published issue this revision corrects
  std::string revision_note;  // the visible 更正 note
  std::string created_by, approved_by, published_by;
  std::string created_at, approved_at, published_at;
  bool imported = false;  // came from the legacy importer
  EditStamp stamp;        // version of the content, who saved it last and when
  // SHA-256 of what the pages show (BulletinService::ContentHash); filled in
  // when the issue is loaded with its content, "" in list rows.
  std::string content_hash;
  // The content_hash the approver signed (签发); "" before sign-off. Publishing
  // refuses when the content no longer has this hash.
  std::string approved_hash;
};

struct FileInfo {
  std::string format;  // pdf, docx, html, txt
  std::string sha256;
  int64_t size = 0;
};

struct Receipt {
  int64_t user_id = 0;
  std::string login, name, org_code, org_name;
  std::string delivered_at, read_at, acknowledged_at;  // "" when not yet
  // E-mail copy: status "" (not e-mailed), "queued", "sending", "sent" or "failed".
  std::string email, mail_status, mail_error, mailed_at;
  int mail_attempts = 0;
};

// One e-mail copy the outbox has to send (a delivery with mail_status queued).
struct MailJob {
  int64_t issue_id = 0, user_id = 0;
  std::string email, name;
  int attempts = 0;
};

// An organisation named by code and full name.
struct OrgRef {
  std::string code, name;
};

// The government organisations (报/送 recipients such as a ministry or a
// provincial bureau) an association lets its series distribute to.
struct GovernmentRecipients {
  std::string association;        // code of a national or provincial organisation
  std::vector<OrgRef> allowed;    // in the organisation tree's order
  std::vector<OrgRef> available;  // government organisations not yet allowed
};

struct InboxItem {
  int64_t issue_id = 0;
  std::string series_title, date, delivered_at, read_at, acknowledged_at;
  int number = 0;
  bool supplement = false;
  int revision = 1;
};

// A user's inbox page and how many of all their copies are unread.
struct Inbox {
  Page<InboxItem> page;
  int64_t unread = 0;
};

// Something about an issue its editor should look at, not an error: today
// "date_before_previous" (the date is earlier than the previous issue's).
struct IssueWarning {
  std::string key;
  int64_t previous_id = 0;  // the previous issue of the series
  int previous_year = 0, previous_number = 0;
  std::string previous_date;
};

// An issue with its series and its rendered files (none before publication).
struct IssueView {
  IssueRecord issue;
  Series series;
  std::vector<FileInfo> files;
  std::vector<IssueWarning> warnings;  // only from GetIssue and the calls that return it
  // The name and unit of each login in created_by, approved_by, published_by
  // (only from GetIssue), so people are shown by name: login → {name, unit}.
  std::map<std::string, std::pair<std::string, std::string>> people;
};

// Which issues to list (BulletinService::ListIssues).
struct IssueQuery {
  std::string series_code;         // "" = every series
  int year = 0;                    // 0 = any
  std::vector<IssueState> states;  // empty = any
  bool returned = false;           // only issues whose last hand-off is 退回 (returned)
  PageRequest page;
};

// The new content of a draft (BulletinService::UpdateIssue).
struct IssueContent {
  std::string date;  // YYYY-MM-DD
  std::vector<SectionSpec> sections;
  std::string closing_note;
  std::optional<std::vector<DistributionLine>> distribution;  // nullopt: keep the issue's
  int copies = 0;
  std::string revision_note;       // kept unless given, and only for revisions
  std::optional<int64_t> version;  // the version edited (If-Match); nullopt: any
};

// A new issue (BulletinService::CreateIssue).
struct NewIssue {
  std::string series_code, date;
  bool supplement = false;
};

// The delivery receipts of an issue and their counts.
struct ReceiptSummary {
  std::vector<Receipt> items;
  int read = 0, acknowledged = 0;
  std::map<std::string, int> mail;  // e-mail copies by status: {"sent": 3, "queued": 1}
  bool mail_enabled = false;
  // Per recipient unit (receipts module): read / acknowledged by anyone,
  // external recipients, reminders.
  receipts::Summary units;
  std::string title;  // "疫情防控专刊 2020年第32期": the export and the distribution sheet
};

// A stored rendering of a published issue.
struct StoredFile {
  FileInfo info;
  std::string bytes;
  std::string name, ascii_name;  // file_name.h: 信息简报2020年第32期.pdf, its ASCII fallback
};

// The pages of a preview and the page each section starts on.
// One entry of an issue's hand-off thread: a comment, or a step of the
// sign-off workflow (送审, 退回 with its comment, 签发) with who did it.
struct IssueComment {
  int64_t id = 0;
  int64_t issue_id = 0;
  std::string kind;  // "comment", "submit", "return", "approve"
  std::string body;  // the comment ("" for submit and approve)
  int64_t author_id = 0;
  std::string author_login, author_name;
  std::string created_at;
};

struct Preview {
  std::vector<std::string> png_pages;  // PNG bytes
  std::vector<int> section_pages;
  std::string content_hash;  // of the content these pages show (IssueRecord::content_hash)
};

// What the legacy importer made of an old bulletin: the stored issue, what
// it recognised and what it could not or had to repair.
struct ImportResult {
  IssueView view;
  std::vector<std::string> recognised, problems;
};

// A public series and its published issues, newest first.
struct PublicSeries {
  Series series;
  std::vector<IssueRecord> issues;
};

}  // namespace jianbao::bulletins

#endif  // JIANBAO_BULLETINS_MODEL_H_
