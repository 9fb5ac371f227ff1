// Copyright 2026 The Jianbao Authors.
//
// Test and benchmark support: builds an Issue from the text of a legacy
// bulletin extracted from PDF (the shape of ../shared/seed), splitting it
// into sections by the titles of its 目录. Not part of the library API.

#ifndef JIANBAO_TYPESET_TESTING_SEED_ISSUE_H_
#define JIANBAO_TYPESET_TESTING_SEED_ISSUE_H_

#include <string>

#include "core/status.h"
#include "typeset/typeset.h"

namespace jianbao::typeset {

// Returns the issue, or kInvalidArgument when no 目录 or no sections are found.
Result<Issue> IssueFromLegacyText(const std::string& text);

// Returns the path of the seed bulletin: $JIANBAO_SHARED/seed/<first .txt>,
// falling back to ../shared/seed; "" when there is none.
std::string SeedPath();

// Returns the issue as the JSON of docs/typeset.md.
std::string IssueToJson(const Issue& issue);

}  // namespace jianbao::typeset

#endif  // JIANBAO_TYPESET_TESTING_SEED_ISSUE_H_
