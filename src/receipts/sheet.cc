// Copyright 2026 The Jianbao Authors.
//
// The printable distribution sheet (分发签收单).

#include "core/text.h"
#include "receipts/receipts.h"

namespace jianbao::receipts {
namespace {

std::string T(const std::string& key, const std::string& lang) {
  return text::EscapeXml(messages::Text(key, lang, key));
}

}  // namespace

std::string DistributionSheetHtml(const std::string& title, const Summary& summary,
                                  const std::string& lang) {
  std::string h =
      "<!DOCTYPE html><html lang=\"" + std::string(lang == "en" ? "en" : "zh-CN") +
      "\"><head><meta charset=\"utf-8\"><title>" + T("receipts.sheet.title", lang) + " · " +
      text::EscapeXml(title) +
      "</title><style>body{font-family:serif;margin:2cm}h1{font-size:20pt;text-align:center}"
      "h2{font-size:14pt;text-align:center;font-weight:normal}table{width:100%;border-collapse:"
      "collapse}th,td{border:1px solid #000;padding:6pt 8pt;font-size:12pt}td.blank{width:"
      "18%}p{font-size:10pt;color:#444}@media print{body{margin:0}}</style></head><body><h1>" +
      T("receipts.sheet.title", lang) + "</h1><h2>" + text::EscapeXml(title) +
      "</h2><table><thead><tr><th>#</th><th>" + T("receipts.export.unit", lang) + "</th><th>" +
      T("receipts.export.delivery", lang) + "</th><th>" + T("receipts.export.state", lang) +
      "</th><th>" + T("receipts.sheet.signature", lang) + "</th><th>" +
      T("receipts.sheet.date", lang) + "</th></tr></thead><tbody>";
  int n = 0;
  for (const Unit& u : summary.units) {
    h += "<tr><td>" + std::to_string(++n) + "</td><td>" + text::EscapeXml(u.org_name) +
         "</td><td>" + T("receipts.delivery." + u.delivery, lang) + "</td><td>" +
         T("receipts.state." + u.state, lang) + "</td><td class=\"blank\"></td>" +
         "<td class=\"blank\"></td></tr>";
  }
  h += "</tbody></table><p>" + T("receipts.sheet.note", lang) + "</p></body></html>";
  return h;
}

}  // namespace jianbao::receipts
