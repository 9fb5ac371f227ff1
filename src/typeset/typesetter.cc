// Copyright 2026 The Jianbao Authors.

#include "typeset/draw.h"
#include "typeset/engine.h"
#include "typeset/layout.h"
#include "typeset/typeset.h"
#include "typeset/writers.h"

namespace jianbao::typeset {

Typesetter::Typesetter(Fonts fonts, std::unique_ptr<Engine> engine)
    : fonts_(std::move(fonts)), engine_(std::move(engine)) {}

Typesetter::~Typesetter() = default;

Result<std::unique_ptr<Typesetter>> Typesetter::Create(const Fonts& fonts) {
  if (fonts.red.size() != 7 || fonts.red[0] != '#' ||
      fonts.red.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
    return Status::Invalid("fonts.red", "bad_color", "fonts.red: must be a colour like #FF3333");
  }
  JB_ASSIGN_OR_RETURN(auto engine, Engine::Create(fonts));
  return std::unique_ptr<Typesetter>(new Typesetter(fonts, std::move(engine)));
}

void Typesetter::SetRenderBudget(std::chrono::milliseconds budget) {
  std::lock_guard<std::mutex> lock(mu_);
  budget_ = budget;
}

Result<std::string> Typesetter::RenderPdf(const Issue& issue) {
  std::lock_guard<std::mutex> lock(mu_);
  engine_->StartBudget(budget_);
  JB_ASSIGN_OR_RETURN(Document doc, LayoutIssue(*engine_, issue, fonts_));
  return DrawPdf(doc, engine_->pdf_fonts());
}

Result<std::vector<std::string>> Typesetter::RenderPngPages(const Issue& issue, int dpi) {
  if (dpi < 10 || dpi > 600) {
    return Status::Invalid("dpi", "bad_dpi", "dpi: must be between 10 and 600");
  }
  std::lock_guard<std::mutex> lock(mu_);
  engine_->StartBudget(budget_);
  JB_ASSIGN_OR_RETURN(Document doc, LayoutIssue(*engine_, issue, fonts_));
  return DrawPng(doc, dpi);
}

Result<PageMap> Typesetter::Paginate(const Issue& issue) {
  std::lock_guard<std::mutex> lock(mu_);
  engine_->StartBudget(budget_);
  JB_ASSIGN_OR_RETURN(Document doc, LayoutIssue(*engine_, issue, fonts_));
  return doc.map;
}

Result<std::string> Typesetter::RenderDocx(const Issue& issue) {
  JB_ASSIGN_OR_RETURN(PageMap map, Paginate(issue));
  return WriteDocx(issue, fonts_, &map);
}

Result<std::string> Typesetter::RenderHtml(const Issue& issue) {
  JB_RETURN_IF_ERROR(ValidateIssue(issue));
  return WriteHtml(issue, fonts_);
}

Result<std::string> Typesetter::RenderText(const Issue& issue) {
  JB_ASSIGN_OR_RETURN(PageMap map, Paginate(issue));
  return WriteText(issue, &map);
}

Result<std::string> RenderPdf(const Issue& issue, const Fonts& fonts) {
  JB_ASSIGN_OR_RETURN(auto ts, Typesetter::Create(fonts));
  return ts->RenderPdf(issue);
}

Result<std::vector<std::string>> RenderPngPages(const Issue& issue, const Fonts& fonts, int dpi) {
  JB_ASSIGN_OR_RETURN(auto ts, Typesetter::Create(fonts));
  return ts->RenderPngPages(issue, dpi);
}

Result<std::string> RenderDocx(const Issue& issue, const Fonts& fonts) {
  JB_ASSIGN_OR_RETURN(auto ts, Typesetter::Create(fonts));
  return ts->RenderDocx(issue);
}

Result<std::string> RenderHtml(const Issue& issue, const Fonts& fonts) {
  JB_RETURN_IF_ERROR(ValidateIssue(issue));
  return WriteHtml(issue, fonts);
}

Result<std::string> RenderText(const Issue& issue, const Fonts& fonts) {
  JB_ASSIGN_OR_RETURN(auto ts, Typesetter::Create(fonts));
  return ts->RenderText(issue);
}

}  // namespace jianbao::typeset
