// Copyright 2026 The Jianbao Authors.
//
// Personal data of a case (the consumer's name and phone number): the one
// masking function every answer passes through, and the checks of what a
// consumer may type.
//
// Thread safety: pure functions; callable from any thread.

#ifndef JIANBAO_COMPLAINTS_PRIVACY_H_
#define JIANBAO_COMPLAINTS_PRIVACY_H_

#include <string>

#include "complaints/model.h"

namespace jianbao::complaints {

// How much personal data a reader may see.
enum class Privacy { kMasked, kFull };

// Returns `c` with name and phone masked (text::MaskName, text::MaskPhone:
// 张*, 138****1234) unless `privacy` is kFull, and the personal-data flag set
// accordingly. Erased (purged) personal data stays empty. Every case that leaves ComplaintService
// goes through here.
Complaint MaskPersonalData(Complaint c, Privacy privacy);

// Returns the phone number with spaces and dashes removed when it is a
// mainland mobile number (11 digits starting 1[3-9]) or a landline with area
// code (0 + 9–11 digits); "" when it is neither.
std::string NormalizePhone(const std::string& phone);

// Returns true when `text` holds HTML or script markup: '<' followed by a
// letter, '/', '!' or '?', or a "javascript:" URL. Such text is refused.
bool HasMarkup(const std::string& text);

}  // namespace jianbao::complaints

#endif  // JIANBAO_COMPLAINTS_PRIVACY_H_
