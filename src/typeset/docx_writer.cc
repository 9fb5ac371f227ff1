// Copyright 2026 The Jianbao Authors.

#include "typeset/writers.h"

namespace jianbao::typeset {

Result<std::string> WriteDocx(const Issue& issue, const Fonts& fonts) {
  return Status::Internal("docx output is not implemented yet");
}

}  // namespace jianbao::typeset
