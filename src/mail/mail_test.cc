// Copyright 2026 The Jianbao Authors.

#include <gtest/gtest.h>

#include "core/bytes.h"
#include "mail/fake_smtp.h"
#include "mail/mime.h"
#include "mail/outbox.h"
#include "mail/smtp.h"

namespace jianbao::mail {
namespace {

Message Sample() {
  Message m;
  m.from = {"简报系统", "bulletin@example.org"};
  m.to = {{"张三", "zhang@example.org"}};
  m.subject = "信息通信行业抗击疫情及复工复产信息简报（协会专刊）第31期（2020年3月19日）";
  m.text = "正文\n.第二行以点开头\n";
  m.html = "<html><body><p>正文</p></body></html>";
  m.attachments.push_back({"第31期.pdf", "application/pdf", std::string("%PDF-1.5\0\x01\x02", 11)});
  return m;
}

// Returns the decoded body of the first part whose headers contain `type`.
std::string PartBody(const std::string& data, const std::string& type) {
  size_t at = data.find("Content-Type: " + type);
  if (at == std::string::npos) return "";
  size_t start = data.find("\r\n\r\n", at) + 4;
  size_t end = data.find("\r\n--", start);
  std::string b64;
  for (size_t i = start; i < end; ++i) {
    if (data[i] != '\r' && data[i] != '\n') b64 += data[i];
  }
  return bytes::Base64Decode(b64).value_or("<bad base64>");
}

TEST(MimeTest, ComposesAlternativesAndAttachment) {
  const std::string data = Compose(Sample());
  EXPECT_NE(data.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(data.find("multipart/mixed"), std::string::npos);
  EXPECT_NE(data.find("multipart/alternative"), std::string::npos);
  EXPECT_EQ(PartBody(data, "text/plain"), Sample().text);
  EXPECT_EQ(PartBody(data, "text/html"), Sample().html);
  EXPECT_EQ(PartBody(data, "application/pdf"), Sample().attachments[0].bytes);
  EXPECT_NE(data.find("filename*=UTF-8''%E7%AC%AC31%E6%9C%9F.pdf"), std::string::npos);
  // No bare LF and no line over 998 characters anywhere.
  size_t line_start = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '\n') {
      ASSERT_GT(i, 0u);
      ASSERT_EQ(data[i - 1], '\r') << "bare LF at " << i;
      ASSERT_LE(i - line_start, 998u);
      line_start = i + 1;
    }
  }
}

TEST(MimeTest, EncodesHeadersWithoutSplittingCharacters) {
  EXPECT_EQ(EncodeHeaderWord("Issue 31"), "Issue 31");
  const std::string subject = Sample().subject;
  const std::string encoded = EncodeHeaderWord(subject);
  std::string decoded;
  size_t pos = 0;
  while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
    pos += 10;
    size_t end = encoded.find("?=", pos);
    auto word = bytes::Base64Decode(encoded.substr(pos, end - pos));
    ASSERT_TRUE(word.has_value());
    // Each word is whole UTF-8: it never starts with a continuation byte.
    ASSERT_NE(static_cast<unsigned char>((*word)[0]) & 0xC0, 0x80);
    decoded += *word;
    EXPECT_LE(end - pos + 12, 75u);
    pos = end;
  }
  EXPECT_EQ(decoded, subject);
  EXPECT_EQ(FormatAddress({"A \"B\"", "a@b.org"}), "\"A \\\"B\\\"\" <a@b.org>");
}

TEST(MimeTest, MovesDataImagesIntoRelatedParts) {
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
  std::string html = "<p><img alt=\"图\" src=\"data:image/png;base64," + bytes::Base64Encode(png) +
                     "\"><img src=\"data:image/png;base64,!!!\"><img src=\"x.png\"></p>";
  Message m = Sample();
  m.inline_images = ExtractDataImages(&html);
  ASSERT_EQ(m.inline_images.size(), 1u);
  EXPECT_EQ(m.inline_images[0].bytes, png);
  EXPECT_EQ(m.inline_images[0].content_type, "image/png");
  EXPECT_NE(html.find("src=\"cid:" + m.inline_images[0].content_id + "\""), std::string::npos);
  EXPECT_NE(html.find("data:image/png;base64,!!!"), std::string::npos);  // not base64: left alone
  m.html = html;
  const std::string data = Compose(m);
  EXPECT_NE(data.find("multipart/related"), std::string::npos);
  EXPECT_NE(data.find("Content-ID: <" + m.inline_images[0].content_id + ">"), std::string::npos);
  EXPECT_EQ(PartBody(data, "image/png"), png);
  EXPECT_EQ(PartBody(data, "text/html"), html);
}

TEST(MimeTest, MasksAddresses) {
  EXPECT_EQ(MaskEmail("zhangsan@example.org"), "zh***@example.org");
  EXPECT_EQ(MaskEmail("z@example.org"), "z***@example.org");
  EXPECT_EQ(MaskEmail("nonsense"), "***");
}

TEST(SmtpTest, ConfigIsValidated) {
  Config config;
  EXPECT_FALSE(SmtpConfigFrom(config).enabled());
  config.Set("mail.smtp_url", "http://x");
  config.Set("mail.from", "a@b.org");
  EXPECT_EQ(ValidateSmtpConfig(SmtpConfigFrom(config)).field(), "mail.smtp_url");
  config.Set("mail.smtp_url", "smtp://127.0.0.1:25");
  config.Set("mail.from", "a@b.org\r\nBcc: x@y.org");
  EXPECT_EQ(ValidateSmtpConfig(SmtpConfigFrom(config)).field(), "mail.from");
  config.Set("mail.from", "a@b.org");
  config.Set("mail.starttls", "maybe");
  EXPECT_EQ(ValidateSmtpConfig(SmtpConfigFrom(config)).field(), "mail.starttls");
  config.Set("mail.starttls", "off");
  EXPECT_TRUE(ValidateSmtpConfig(SmtpConfigFrom(config)).ok());
  config.Set("server.public_url", "javascript:alert(1)");
  EXPECT_EQ(ValidateSmtpConfig(SmtpConfigFrom(config)).field(), "server.public_url");
  config.Set("server.public_url", "https://jianbao.example.org/");
  EXPECT_TRUE(ValidateSmtpConfig(SmtpConfigFrom(config)).ok());
  EXPECT_EQ(SmtpConfigFrom(config).public_url, "https://jianbao.example.org");
}

TEST(SmtpTest, DeliversToALocalServer) {
  FakeSmtpServer server;
  SmtpConfig config;
  config.url = server.url();
  config.from = "bulletin@example.org";
  config.starttls = "off";
  const std::string data = Compose(Sample());
  ASSERT_TRUE(SendMail(config, {"zhang@example.org"}, data).ok());
  auto got = server.Received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].from, "bulletin@example.org");
  EXPECT_EQ(got[0].to, std::vector<std::string>{"zhang@example.org"});
  EXPECT_EQ(PartBody(got[0].data, "application/pdf"), Sample().attachments[0].bytes);
  EXPECT_EQ(PartBody(got[0].data, "text/plain"), Sample().text);
}

TEST(SmtpTest, ReportsRefusalAndUnreachableServer) {
  FakeSmtpServer server;
  server.RejectRecipientsContaining("nobody");
  SmtpConfig config;
  config.url = server.url();
  config.from = "bulletin@example.org";
  config.starttls = "off";
  Status st = SendMail(config, {"nobody@example.org"}, Compose(Sample()));
  EXPECT_EQ(st.code(), Code::kUnavailable);
  EXPECT_NE(st.message().find("SMTP"), std::string::npos);
  config.starttls = "required";  // the fake server offers no STARTTLS
  EXPECT_EQ(SendMail(config, {"zhang@example.org"}, Compose(Sample())).code(), Code::kUnavailable);
  config.url = "smtp://127.0.0.1:1";
  config.starttls = "off";
  EXPECT_EQ(SendMail(config, {"zhang@example.org"}, Compose(Sample())).code(), Code::kUnavailable);
  EXPECT_TRUE(server.Received().empty());
}

TEST(OutboxTest, OutcomeLeaseAndMessageId) {
  const Status down(Code::kUnavailable, "smtp", "connection refused");
  auto o = DecideOutboxOutcome(Status::Ok(), false, false, 0, "interrupted", 1000);
  EXPECT_EQ(o.status, "sent");
  EXPECT_EQ(o.attempts, 1);
  o = DecideOutboxOutcome(down, true, true, 1, "interrupted", 1000);
  EXPECT_EQ(o.status, "failed");
  EXPECT_EQ(o.error, "interrupted");
  EXPECT_EQ(o.attempts, 2);
  o = DecideOutboxOutcome(down, false, true, 1, "interrupted", 1000);
  EXPECT_EQ(o.kind, OutboxOutcome::Kind::kAbandoned);
  EXPECT_EQ(o.status, "queued");
  EXPECT_EQ(o.attempts, 1);
  EXPECT_EQ(o.next_at, "1970-01-01T00:16:40Z");
  o = DecideOutboxOutcome(down, false, false, 1, "interrupted", 1000);
  EXPECT_EQ(o.kind, OutboxOutcome::Kind::kFailed);
  EXPECT_EQ(o.status, "queued");
  EXPECT_EQ(o.next_at, "1970-01-01T00:21:40Z");  // 5 minutes after the second attempt
  EXPECT_EQ(o.error, "connection refused");
  o = DecideOutboxOutcome(down, false, false, 4, "interrupted", 1000);
  EXPECT_EQ(o.status, "failed");
  EXPECT_EQ(o.next_at, "");
  SmtpConfig config;
  config.timeout_seconds = 60;
  EXPECT_EQ(OutboxLeaseSeconds(config), 600);
  config.timeout_seconds = 900;
  EXPECT_EQ(OutboxLeaseSeconds(config), 1200);
  EXPECT_EQ(OutboxMessageId("x-1", "a@mail.example.org"), "<jianbao-x-1@mail.example.org>");
  EXPECT_EQ(OutboxMessageId("x-1", "local"), "<jianbao-x-1@jianbao.invalid>");
}

}  // namespace
}  // namespace jianbao::mail
