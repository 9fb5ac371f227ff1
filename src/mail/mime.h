// Copyright 2026 The Jianbao Authors.
//
// MIME composition for outgoing e-mail: a multipart message with a plain-text
// and an HTML alternative and any number of attachments, as the bytes an SMTP
// server receives after DATA (RFC 5322 headers, CRLF line ends, base64 bodies
// wrapped at 76 columns, RFC 2047 encoded subjects and names, RFC 2231 file
// names). Knows nothing about sockets.
//
//   mail::Message m;
//   m.from = {"简报系统", "bulletin@example.org"};
//   m.to = {{"张三", "zhang@example.org"}};
//   m.subject = "信息简报 第31期";
//   m.text = "…"; m.html = "<html>…";
//   m.attachments.push_back({"第31期.pdf", "application/pdf", pdf_bytes});
//   std::string data = mail::Compose(m);

#ifndef JIANBAO_MAIL_MIME_H_
#define JIANBAO_MAIL_MIME_H_

#include <string>
#include <vector>

namespace jianbao::mail {

struct Address {
  std::string name;   // display name, any UTF-8; may be ""
  std::string email;  // REQUIRES: no CR, LF, '<' or '>' (checked by the caller's validation)
};

struct Attachment {
  std::string filename;      // UTF-8
  std::string content_type;  // "application/pdf"
  std::string bytes;
};

// An image the HTML part shows inline ("cid:<content_id>"), sent in a
// multipart/related part: mail clients that block data: URIs show these.
struct InlineImage {
  std::string content_id;    // without angle brackets: "img1@jianbao"
  std::string content_type;  // "image/png"
  std::string bytes;
};

struct Message {
  Address from;
  std::vector<Address> to;
  std::string subject;                     // UTF-8
  std::string text;                        // plain-text alternative (UTF-8); may be ""
  std::string html;                        // HTML alternative (UTF-8); may be ""
  std::vector<InlineImage> inline_images;  // referenced from `html` as cid:…
  std::vector<Attachment> attachments;
  std::string message_id;  // "<…@host>"; generated when ""
  std::string date;        // RFC 5322 date; now when ""
};

// Returns the message as the bytes to send after SMTP DATA (without the
// final "." line; the SMTP client does dot-stuffing).
std::string Compose(const Message& message);

// Returns `text` as RFC 2047 encoded words ("=?UTF-8?B?…?=") when it is not
// plain printable ASCII, else unchanged. Words never split a UTF-8 sequence.
std::string EncodeHeaderWord(const std::string& text);

// Moves every `src="data:image/png;base64,…"` (or image/jpeg, image/gif) of
// `html` into an InlineImage and points the src at "cid:…" instead. Data
// URIs that are not valid base64 are left as they are.
std::vector<InlineImage> ExtractDataImages(std::string* html);

// Returns "Name <email>" with the name encoded as needed.
std::string FormatAddress(const Address& address);

// Returns "zh***@example.org": the first two characters of the local part
// and the domain, for showing an address to people other than its owner.
std::string MaskEmail(const std::string& email);

}  // namespace jianbao::mail

#endif  // JIANBAO_MAIL_MIME_H_
