// Copyright 2026 The Jianbao Authors.
//
// decode (library_json.cc) → one LibraryService call → encode.

#include "members/library_handlers.h"

#include "core/text.h"
#include "http/json_io.h"
#include "members/library_json.h"

namespace jianbao::members {
namespace {

using http::Context;
using http::JsonResponse;
using http::Response;

Result<Response> GetPolicies(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  PolicyFilter f{ctx.req.Query("q"), ctx.req.Query("region"), ctx.req.Query("tag"),
                 ctx.req.Query("year")};
  JB_ASSIGN_OR_RETURN(Page<Policy> p, svc.ListPolicies(ctx.actor(), f, page));
  return JsonResponse(200, http::PageJson(p, page, PolicyJson));
}

Result<Response> PostPolicy(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(PolicyInput in, ReadPolicyInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Policy p, svc.CreatePolicy(ctx.actor(), in));
  return JsonResponse(201, PolicyJson(p));
}

Result<Response> GetPolicy(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "policy_not_found"));
  JB_ASSIGN_OR_RETURN(Policy p, svc.GetPolicy(ctx.actor(), id));
  return JsonResponse(200, PolicyJson(p));
}

Result<Response> PutPolicy(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "policy_not_found"));
  JB_ASSIGN_OR_RETURN(PolicyInput in, ReadPolicyInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Policy p, svc.UpdatePolicy(ctx.actor(), id, in));
  return JsonResponse(200, PolicyJson(p));
}

Result<Response> DeletePolicy(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "policy_not_found"));
  JB_RETURN_IF_ERROR(svc.DeletePolicy(ctx.actor(), id));
  return http::NoContent();
}

Result<Response> PostAttachment(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "policy_not_found"));
  JB_ASSIGN_OR_RETURN(Policy p,
                      svc.SetAttachment(ctx.actor(), id, ctx.req.Query("name"), ctx.req.body));
  return JsonResponse(200, PolicyJson(p));
}

// The file as stored, never sniffed by the browser; PDF and images shown inline.
Result<Response> GetAttachment(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "policy_not_found"));
  JB_ASSIGN_OR_RETURN(PolicyFile f, svc.GetAttachment(ctx.actor(), id));
  const bool show = f.mime == "application/pdf" || f.mime.rfind("image/", 0) == 0;
  Response r;
  r.status = 200;
  r.body = std::move(f.data);
  r.Header("Content-Type", f.mime);
  r.Header("Content-Disposition", std::string(show ? "inline" : "attachment") +
                                      "; filename*=UTF-8''" + text::PercentEncode(f.name));
  r.Header("X-Content-Type-Options", "nosniff");
  return r;
}

Result<Response> DeleteAttachment(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "policy_not_found"));
  JB_RETURN_IF_ERROR(svc.DeleteAttachment(ctx.actor(), id));
  return http::NoContent();
}

Result<Response> PostDigest(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(DigestInput in, ReadDigestInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Digest d, svc.MakeDigest(ctx.actor(), in.policy_ids, in.title));
  return JsonResponse(200, DigestJson(d));
}

Result<Response> GetCourses(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(PageRequest page, http::ParsePage(ctx.req));
  CourseFilter f{ctx.req.Query("q"), ctx.req.Query("format"), ctx.req.Query("from"),
                 ctx.req.Query("to")};
  JB_ASSIGN_OR_RETURN(Page<Course> p, svc.ListCourses(ctx.actor(), f, page));
  return JsonResponse(200, http::PageJson(p, page, CourseJson));
}

Result<Response> PostCourse(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(CourseInput in, ReadCourseInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Course c, svc.CreateCourse(ctx.actor(), in));
  return JsonResponse(201, CourseJson(c));
}

Result<Response> GetCourse(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(Course c, svc.GetCourse(ctx.actor(), id));
  return JsonResponse(200, CourseJson(c));
}

Result<Response> PutCourse(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(CourseInput in, ReadCourseInput(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Course c, svc.UpdateCourse(ctx.actor(), id, in));
  return JsonResponse(200, CourseJson(c));
}

Result<Response> PostRegister(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(Course c, svc.Register(ctx.actor(), id));
  return JsonResponse(200, CourseJson(c));
}

Result<Response> DeleteRegister(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(Course c, svc.Unregister(ctx.actor(), id));
  return JsonResponse(200, CourseJson(c));
}

Json RegistrationsJson(const std::vector<Registration>& rows) {
  Json items = Json::array();
  for (const Registration& r : rows) items.push_back(RegistrationJson(r));
  return http::ItemsObject(std::move(items));
}

Result<Response> GetRegistrations(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(auto rows, svc.ListRegistrations(ctx.actor(), id));
  return JsonResponse(200, RegistrationsJson(rows));
}

Result<Response> PostAttendance(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(std::vector<Attendance> in, ReadAttendance(ctx.req.body));
  JB_ASSIGN_OR_RETURN(auto rows, svc.MarkAttendance(ctx.actor(), id, in));
  return JsonResponse(200, RegistrationsJson(rows));
}

Result<Response> PostPostpone(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(PostponeInput in, ReadPostpone(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Course c, svc.Postpone(ctx.actor(), id, in.start, in.end, in.reason));
  return JsonResponse(200, CourseJson(c));
}

Result<Response> PostExtend(Context& ctx, LibraryService& svc) {
  JB_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id", "course_not_found"));
  JB_ASSIGN_OR_RETURN(ExtendInput in, ReadExtend(ctx.req.body));
  JB_ASSIGN_OR_RETURN(Course c, svc.Extend(ctx.actor(), id, in.valid_until, in.reason));
  return JsonResponse(200, CourseJson(c));
}

}  // namespace

const messages::Catalogue& LibraryMessages() {
  static const messages::Catalogue kCatalogue{
      "members.library",
      {
          {"policy_not_found", "政策不存在", "no such policy"},
          {"invalid_doc_number", "文号格式应如 工信部规〔2020〕12号",
           "a document number looks like 工信部规〔2020〕12号"},
          {"invalid_region", "地区应为六位行政区划代码（GB/T 2260）",
           "region must be a six-digit GB/T 2260 code"},
          {"invalid_link", "链接应以 http:// 或 https:// 开头", "a link must be http or https"},
          {"invalid_tag", "标签不能为空或含有 |", "a tag may not be empty or hold |"},
          {"unsupported_attachment", "附件应为 PDF、图片、.docx、.xlsx 或文本（按内容识别）",
           "a policy's file may be PDF, an image, .docx, .xlsx or text"},
          {"policy_file_not_found", "该政策没有附件", "the policy has no file"},
          {"course_not_found", "课程不存在", "no such course"},
          {"invalid_course_format", "形式应为 online 或 offline",
           "format must be online or offline"},
          {"invalid_datetime", "时间格式应为 YYYY-MM-DDTHH:MM",
           "a time looks like YYYY-MM-DDTHH:MM"},
          {"end_before_start", "结束时间早于开始时间", "the end is before the start"},
          {"capacity_below_registered", "名额不能少于已报名的 {registered} 人",
           "the capacity cannot be below the {registered} registered"},
          {"course_full", "名额已满", "the course is full"},
          {"already_registered", "您已报名", "you are registered already"},
          {"registration_not_found", "未找到报名", "no such registration"},
          {"validity_not_extended", "新的有效期应晚于现有有效期",
           "the new date must be after the current validity"},
      }};
  return kCatalogue;
}

void RegisterLibrary(http::App& app, LibraryService& svc) {
  auto bind = [&svc](Result<Response> (*fn)(Context&, LibraryService&)) {
    return http::Bind(svc, fn);
  };
  app.Get("/api/v1/policies", bind(GetPolicies));
  app.Post("/api/v1/policies", bind(PostPolicy));
  app.Post("/api/v1/policies/digest", bind(PostDigest));
  app.Get("/api/v1/policies/:id", bind(GetPolicy));
  app.Put("/api/v1/policies/:id", bind(PutPolicy));
  app.Delete("/api/v1/policies/:id", bind(DeletePolicy));
  app.Post("/api/v1/policies/:id/attachment", bind(PostAttachment),
           http::RouteOptions{.max_body = 12 << 20, .json_body = false});
  app.Get("/api/v1/policies/:id/attachment", bind(GetAttachment));
  app.Delete("/api/v1/policies/:id/attachment", bind(DeleteAttachment));
  const std::string c = "/api/v1/training/courses";
  app.Get(c, bind(GetCourses));
  app.Post(c, bind(PostCourse));
  app.Get(c + "/:id", bind(GetCourse));
  app.Put(c + "/:id", bind(PutCourse));
  app.Post(c + "/:id/register", bind(PostRegister));
  app.Delete(c + "/:id/register", bind(DeleteRegister));
  app.Get(c + "/:id/registrations", bind(GetRegistrations));
  app.Post(c + "/:id/attendance", bind(PostAttendance));
  app.Post(c + "/:id/postpone", bind(PostPostpone));
  app.Post(c + "/:id/extend", bind(PostExtend));
}

}  // namespace jianbao::members
