// Copyright 2026 The Jianbao Authors.
//
// Demo data of the submissions module: pieces written for the demo (not the
// seed bulletin's text) from the five provincial associations, in every
// workflow state, with versions, comments and two commissions, spread over
// the last weeks so that the statistics show something.

#ifndef JIANBAO_SUBMISSIONS_DEMO_H_
#define JIANBAO_SUBMISSIONS_DEMO_H_

#include "orgs/service.h"
#include "submissions/service.h"

namespace jianbao::submissions {

// Loads the demo pieces. REQUIRES: the orgs demo is loaded and no pieces exist.
// Returns the first failure.
Status LoadDemo(SubmissionService& service, orgs::OrgService& orgs);

}  // namespace jianbao::submissions

#endif  // JIANBAO_SUBMISSIONS_DEMO_H_
