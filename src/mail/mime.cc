// Copyright 2026 The Jianbao Authors.

#include "mail/mime.h"

#include <sodium.h>

#include <ctime>
#include <optional>

#include "core/bytes.h"
#include "core/text.h"

namespace jianbao::mail {
namespace {

constexpr const char* kCrlf = "\r\n";

bool IsPlainAscii(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// Base64 of `bytes` in lines of 76 characters, each ending in CRLF.
std::string WrappedBase64(const std::string& bytes) {
  const std::string b64 = bytes::Base64Encode(bytes);
  std::string out;
  out.reserve(b64.size() + b64.size() / 38 + 2);
  for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + kCrlf;
  return out;
}

std::string RandomHex(size_t n_bytes) {
  std::string raw(n_bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string NowRfc5322() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

// RFC 2231 extended parameter value: UTF-8''percent-encoded.
std::string Rfc2231(const std::string& s) { return "UTF-8''" + text::PercentEncode(s); }

// An ASCII stand-in for a file name: keeps letters, digits, '.', '-' and '_'.
std::string AsciiFilename(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') out += static_cast<char>(c);
  }
  return out.empty() || out[0] == '.' ? "attachment" + out : out;
}

std::string TextPart(const std::string& subtype, const std::string& body) {
  return std::string("Content-Type: text/") + subtype + "; charset=UTF-8" + kCrlf +
         "Content-Transfer-Encoding: base64" + kCrlf + kCrlf + WrappedBase64(body);
}

std::string AttachmentPart(const Attachment& a) {
  return "Content-Type: " + a.content_type + "; name=\"" + AsciiFilename(a.filename) + "\"" +
         kCrlf + "Content-Disposition: attachment; filename=\"" + AsciiFilename(a.filename) +
         "\"; filename*=" + Rfc2231(a.filename) + kCrlf + "Content-Transfer-Encoding: base64" +
         kCrlf + kCrlf + WrappedBase64(a.bytes);
}

// Returns a multipart body of `parts` under `boundary` (parts carry their own headers).
std::string Multipart(const std::string& boundary, const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += "--" + boundary + kCrlf + p;
  return out + "--" + boundary + "--" + kCrlf;
}

std::string InlinePart(const InlineImage& image) {
  return "Content-Type: " + image.content_type + kCrlf + "Content-ID: <" + image.content_id + ">" +
         kCrlf + "Content-Disposition: inline" + kCrlf + "Content-Transfer-Encoding: base64" +
         kCrlf + kCrlf + WrappedBase64(image.bytes);
}

// The HTML part, wrapped with its inline images in multipart/related.
std::string HtmlPart(const Message& m) {
  if (m.inline_images.empty()) return TextPart("html", m.html);
  std::vector<std::string> parts = {TextPart("html", m.html)};
  for (const InlineImage& image : m.inline_images) parts.push_back(InlinePart(image));
  const std::string boundary = "=_rel_" + RandomHex(12);
  return "Content-Type: multipart/related; type=\"text/html\"; boundary=\"" + boundary + "\"" +
         kCrlf + kCrlf + Multipart(boundary, parts);
}

std::string Alternatives(const Message& m) {
  if (m.html.empty()) return TextPart("plain", m.text);
  if (m.text.empty()) return HtmlPart(m);
  const std::string boundary = "=_alt_" + RandomHex(12);
  return "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"" + kCrlf + kCrlf +
         Multipart(boundary, {TextPart("plain", m.text), HtmlPart(m)});
}

}  // namespace

std::string EncodeHeaderWord(const std::string& text) {
  if (IsPlainAscii(text)) return text;
  // Each encoded word holds at most 45 bytes (60 base64 characters), cut at
  // UTF-8 character starts so every word decodes on its own.
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = std::min(text.size(), i + 45);
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (end == i) end = std::min(text.size(), i + 45);
    if (!out.empty()) out += std::string(kCrlf) + " ";
    out += "=?UTF-8?B?" + bytes::Base64Encode(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::vector<InlineImage> ExtractDataImages(std::string* html) {
  std::vector<InlineImage> out;
  static const std::string kSrc = "src=\"data:";
  size_t pos = 0;
  while ((pos = html->find(kSrc, pos)) != std::string::npos) {
    const size_t start = pos + 5;  // at "data:"
    const size_t end = html->find('"', start);
    if (end == std::string::npos) break;
    const std::string uri = html->substr(start, end - start);
    const size_t semi = uri.find(";base64,");
    const std::string type = semi == std::string::npos ? "" : uri.substr(5, semi - 5);
    std::optional<std::string> bytes;
    if (type == "image/png" || type == "image/jpeg" || type == "image/gif") {
      bytes = bytes::Base64Decode(uri.substr(semi + 8));
    }
    if (!bytes) {
      pos = end;
      continue;
    }
    InlineImage image{"img" + std::to_string(out.size() + 1) + "." + RandomHex(6) + "@jianbao",
                      type, std::move(*bytes)};
    const std::string cid = "cid:" + image.content_id;
    html->replace(start, end - start, cid);
    pos = start + cid.size();
    out.push_back(std::move(image));
  }
  return out;
}

std::string FormatAddress(const Address& a) {
  if (a.name.empty()) return "<" + a.email + ">";
  std::string name = a.name;
  if (IsPlainAscii(name)) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" <" + a.email + ">";
  }
  return EncodeHeaderWord(name) + " <" + a.email + ">";
}

std::string MaskEmail(const std::string& email) {
  const size_t at = email.find('@');
  if (at == std::string::npos) return "***";
  return email.substr(0, std::min<size_t>(2, at)) + "***" + email.substr(at);
}

std::string Compose(const Message& m) {
  std::string to;
  for (const Address& a : m.to) to += (to.empty() ? "" : ", ") + FormatAddress(a);
  const size_t at = m.from.email.find('@');
  const std::string host =
      at == std::string::npos ? "jianbao.invalid" : m.from.email.substr(at + 1);
  std::string out;
  out += "From: " + FormatAddress(m.from) + kCrlf;
  out += "To: " + to + kCrlf;
  out += "Subject: " + EncodeHeaderWord(m.subject) + kCrlf;
  out += "Date: " + (m.date.empty() ? NowRfc5322() : m.date) + kCrlf;
  out += "Message-ID: " +
         (m.message_id.empty() ? "<" + RandomHex(16) + "@" + host + ">" : m.message_id) + kCrlf;
  out += std::string("MIME-Version: 1.0") + kCrlf;
  out += std::string("Auto-Submitted: auto-generated") + kCrlf;
  if (m.attachments.empty()) return out + Alternatives(m);
  std::vector<std::string> parts = {Alternatives(m)};
  for (const Attachment& a : m.attachments) parts.push_back(AttachmentPart(a));
  const std::string boundary = "=_mix_" + RandomHex(12);
  return out + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"" + kCrlf + kCrlf +
         Multipart(boundary, parts);
}

}  // namespace jianbao::mail
