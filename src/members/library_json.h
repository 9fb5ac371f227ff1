// Copyright 2026 The Jianbao Authors.
//
// The API forms of the policy library and training: strict request readers
// (known fields, types and lengths, the field named) and JSON encoders.

#ifndef JIANBAO_MEMBERS_LIBRARY_JSON_H_
#define JIANBAO_MEMBERS_LIBRARY_JSON_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "http/json_io.h"
#include "members/library.h"

namespace jianbao::members {

using http::Json;

Result<PolicyInput> ReadPolicyInput(const std::string& body);
struct DigestInput {
  std::vector<int64_t> policy_ids;
  std::string title;
};
Result<DigestInput> ReadDigestInput(const std::string& body);
Result<CourseInput> ReadCourseInput(const std::string& body);
Result<std::vector<Attendance>> ReadAttendance(const std::string& body);
struct PostponeInput {
  std::string start, end, reason;
};
Result<PostponeInput> ReadPostpone(const std::string& body);
struct ExtendInput {
  std::string valid_until, reason;
};
Result<ExtendInput> ReadExtend(const std::string& body);

Json PolicyJson(const Policy& p);
Json DigestJson(const Digest& d);
Json CourseJson(const Course& c);
Json RegistrationJson(const Registration& r);

}  // namespace jianbao::members

#endif  // JIANBAO_MEMBERS_LIBRARY_JSON_H_
