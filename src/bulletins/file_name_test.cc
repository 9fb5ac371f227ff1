// Copyright 2026 The Jianbao Authors.

#include "bulletins/file_name.h"

#include <gtest/gtest.h>

namespace jianbao::bulletins {
namespace {

Series Epidemic() {
  Series s;
  s.code = "ccea-epidemic";
  s.title = "信息通信行业抗击疫情及复工复产\n信息简报";
  return s;
}

TEST(FileNameTest, NamesFilesAsOfficesFileThem) {
  IssueRecord i;
  i.year = 2020, i.number = 32;
  EXPECT_EQ(IssueFileName(Epidemic(), i, "pdf"), "信息简报2020年第32期.pdf");
  EXPECT_EQ(IssueAsciiFileName(Epidemic(), i, "docx"), "ccea-epidemic-2020-32.docx");
  i.supplement = true, i.revision = 2;
  EXPECT_EQ(IssueFileName(Epidemic(), i, "txt"), "信息简报2020年增刊第32期（更正2）.txt");
  EXPECT_EQ(IssueAsciiFileName(Epidemic(), i, "txt"), "ccea-epidemic-2020-zk32-r2.txt");
  IssueRecord running;
  running.number = 7;
  EXPECT_EQ(IssueFileName(Epidemic(), running, "html"), "信息简报第7期.html");
}

TEST(FileNameTest, ContentDispositionCarriesBothNames) {
  EXPECT_EQ(ContentDisposition("attachment", "a-1.pdf", "简报 1.pdf"),
            "attachment; filename=\"a-1.pdf\"; "
            "filename*=UTF-8''%E7%AE%80%E6%8A%A5%201.pdf");
  EXPECT_EQ(ContentDisposition("inline", "q\"\\.pdf", "x"),
            "inline; filename=\"q__.pdf\"; filename*=UTF-8''x");
}

}  // namespace
}  // namespace jianbao::bulletins
