// Copyright 2026 The Jianbao Authors.

#include "epidemic/cli.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "epidemic/importer.h"
#include "epidemic/json.h"
#include "epidemic/repository.h"
#include "epidemic/service.h"
#include "orgs/repository.h"

namespace jianbao::epidemic {

namespace {

constexpr int kExitFailure = 2;

[[noreturn]] void Fail(const Status& st) {
  std::cerr << "jianbao epidemic: " << st.message() << "\n";
  throw CLI::RuntimeError(kExitFailure);
}

template <typename T>
T Check(Result<T> r) {
  if (!r.ok()) Fail(r.status());
  return std::move(r).value();
}

void Check(const Status& st) {
  if (!st.ok()) Fail(st);
}

std::unique_ptr<store::Database> OpenDb(const std::string& url) {
  auto db = Check(store::Database::Open(url));
  db->AddMigrations("orgs", orgs::repo::Migrations());  // the audit log
  db->AddMigrations("epidemic", Migrations());
  Check(db->Migrate());
  return db;
}

std::string ReadFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > kMaxImportBytes && !ec) {
    Fail(Status(Code::kPayloadTooLarge, "file_too_large", path + " is larger than 64 MB"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(Status::Invalid("file", "file_unreadable", "cannot read " + path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Resolves --template: a built-in name ("default", "plain") or a file path.
std::string TemplateText(const std::string& arg) {
  if (arg.empty()) return std::string(DefaultTemplate());
  if (auto builtin = BuiltinTemplate(arg)) return std::string(*builtin);
  return ReadFile(arg);
}

Field ParseField(const std::string& name) {
  auto f = FieldFromName(name);
  if (!f) Fail(Status::Invalid("field", "unknown_field", "unknown field \"" + name + "\""));
  return *f;
}

// Options shared by the subcommands. CLI11 callbacks must be copyable, hence shared_ptr.
struct Options {
  std::string db = "jianbao.db", file, date, from, to, region, field, reason, source;
  std::string day_json, template_arg, output, data_date;
  std::vector<std::string> values;
  int64_t delta = 0;
  int days = kDefaultChartDays;
  bool json = false, unexplained = false, load_known = false, chart = false;
};

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) Fail(Status::Invalid("output", "file_unwritable", "cannot write " + path));
}

void AddImport(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c =
      epi->add_subcommand("import", "Import a CSV (shared, figures, corrections) or day JSON");
  c->add_option("FILE", o->file, "file to import")->required();
  c->add_option("--db", o->db, "database URL");
  c->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    ImportReport r = Check(svc.Import(Actor::System(), ReadFile(o->file), o->file));
    std::cout << ImportReportToJson(r) << "\n";
  });
}

void AddDay(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c = epi->add_subcommand("day", "Print one reporting day as JSON (or its stored rows)");
  c->add_option("--date", o->date, "reporting day YYYY-MM-DD")->required();
  c->add_option("--db", o->db, "database URL");
  c->add_flag("--json", o->json, "print the day JSON; without it, the stored rows (the grid)");
  c->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    if (o->json) {
      std::cout << DayToJson(Check(svc.GetDay(o->date))) << "\n";
    } else {
      std::cout << RowsToJson(Check(svc.GetDayFigures(o->date))) << "\n";
    }
  });
}

void AddSet(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c = epi->add_subcommand("set", "Replace one region's figures for a day (the grid row)");
  c->add_option("--date", o->date, "reporting day")->required();
  c->add_option("--region", o->region, "GB/T 2260 code")->required();
  c->add_option("--db", o->db, "database URL");
  c->add_option("VALUES", o->values, "field=value pairs, e.g. cum_confirmed=67800");
  c->callback([o] {
    FigureSet figs;
    for (const std::string& kv : o->values) {
      size_t eq = kv.find('=');
      if (eq == std::string::npos)
        Fail(Status::Invalid("values", "bad_value", "expected field=value: " + kv));
      try {
        figs.set(ParseField(kv.substr(0, eq)), std::stoll(kv.substr(eq + 1)));
      } catch (const std::exception&) {
        Fail(Status::Invalid("values", "bad_value", "not an integer: " + kv));
      }
    }
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    Check(svc.UpdateFigures(Actor::System(), o->date, o->region, figs, "cli"));
  });
}

void AddValidate(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c = epi->add_subcommand("validate", "Run the validation rules");
  c->add_option("--db", o->db, "database URL");
  c->add_option("--from", o->from, "first day");
  c->add_option("--to", o->to, "last day");
  c->add_flag("--json", o->json, "print violations as a JSON array");
  c->add_flag("--unexplained", o->unexplained, "only violations no correction or note explains");
  c->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    ValidationReport r = Check(svc.Validate(o->from, o->to));
    if (o->unexplained) std::erase_if(r.violations, [](const Violation& v) { return v.explained; });
    if (o->json) {
      std::cout << ViolationsToJson(r.violations) << "\n";
      return;
    }
    for (const Violation& v : r.violations) {
      std::cout << v.date << " " << v.region << " " << v.rule << " " << FieldName(v.field)
                << " expected " << v.expected << " actual " << v.actual
                << (v.explained_by ? " [explained by " + v.explained_by->kind + " " +
                                         std::to_string(v.explained_by->id) + "] "
                                   : " ")
                << v.message << "\n";
    }
    int verified = 0;
    for (const DayStatus& d : r.days) verified += d.verified;
    std::cout << r.violations.size() << " violations; " << verified << " of " << r.days.size()
              << " days verified\n";
  });
}

void AddNarrative(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c = epi->add_subcommand("narrative", "Print the day's 疫情动态 text");
  auto* date = c->add_option("--date", o->date, "reporting day (with --db)");
  auto* file = c->add_option("--day-json", o->day_json, "read the day from this JSON file");
  date->excludes(file);
  c->add_option("--db", o->db, "database URL");
  c->add_option("--template", o->template_arg, "template file, or default | plain");
  auto* chart = c->add_flag("--chart", o->chart,
                            "append the trend chart as a Markdown PNG data URI (needs --date)");
  chart->excludes(file);
  c->add_option("--days", o->days, "the chart's window in days, ending at --date")->needs(chart);
  c->callback([o] {
    if (o->date.empty() && o->day_json.empty()) {
      Fail(Status::Invalid("date", "missing_day", "give --date (with --db) or --day-json FILE"));
    }
    std::string tmpl = TemplateText(o->template_arg);
    Narrative n;
    if (!o->day_json.empty()) {
      n = Check(RenderNarrative(Check(DayFromJson(ReadFile(o->day_json))), tmpl));
    } else {
      auto db = OpenDb(o->db);
      EpidemicService svc(*db);
      n = Check(svc.NarrativeFor(o->date, tmpl, {.chart = o->chart, .chart_days = o->days}));
    }
    std::cout << n.Text() << "\n";
  });
}

void AddChart(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c =
      epi->add_subcommand("chart", "Draw the print trend chart (PNG, 15.6 cm x 7 cm, 300 dpi)");
  c->add_option("--date", o->date, "last day of the chart")->required();
  c->add_option("--days", o->days, "window in days (2..366, default 30)");
  c->add_option("-o,--output", o->output, "PNG file to write")->required();
  c->add_option("--db", o->db, "database URL");
  c->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    WriteFile(o->output, Check(svc.TrendChartPng(o->date, o->days)));
  });
}

void AddCorrections(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* list =
      epi->add_subcommand("corrections", "List corrections (optionally load the known ones)");
  list->add_option("--db", o->db, "database URL");
  list->add_option("--from", o->from, "first day");
  list->add_option("--to", o->to, "last day");
  list->add_flag("--load-known", o->load_known, "first record the known corrections (data/)");
  list->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    if (o->load_known)
      std::cerr << Check(svc.LoadKnownCorrections(Actor::System())) << " corrections added\n";
    std::cout << CorrectionsToJson(Check(svc.ListCorrections(o->from, o->to))) << "\n";
  });
  auto* add = epi->add_subcommand("correct", "Record a correction (核减/核增/订正)");
  add->add_option("--db", o->db, "database URL");
  add->add_option("--date", o->date, "day the correction applies to")->required();
  add->add_option("--region", o->region, "GB/T 2260 code")->required();
  add->add_option("--field", o->field, "cumulative field, e.g. cum_deaths")->required();
  add->add_option("--delta", o->delta, "signed change")->required();
  add->add_option("--reason", o->reason, "why")->required();
  add->add_option("--source", o->source, "where it was published");
  add->add_option("--data-date", o->data_date, "the day the revised figures are as of");
  add->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    Correction c{0,        o->date,   o->region, ParseField(o->field),
                 o->delta, o->reason, o->source, o->data_date};
    std::cout << CorrectionsToJson({Check(svc.AddCorrection(Actor::System(), c))}) << "\n";
  });
}

void AddNotes(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c = epi->add_subcommand("notes", "List source notes (optionally load the known ones)");
  c->add_option("--db", o->db, "database URL");
  c->add_flag("--load-known", o->load_known, "first record the known source notes (data/)");
  c->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    if (o->load_known) std::cerr << Check(svc.LoadKnownNotes(Actor::System())) << " notes added\n";
    std::cout << NotesJson(Check(svc.ListNotes())).dump(2) << "\n";
  });
}

void AddSeries(CLI::App* epi, std::shared_ptr<Options> o) {
  auto* c = epi->add_subcommand("series", "Print a chart series as JSON");
  c->add_option("--db", o->db, "database URL");
  c->add_option("--region", o->region, "GB/T 2260 code, 000000 = mainland, or hubei-vs-rest")
      ->required();
  c->add_option("--field", o->field, "field, e.g. cum_confirmed")->required();
  c->add_option("--from", o->from, "first day");
  c->add_option("--to", o->to, "last day");
  c->callback([o] {
    auto db = OpenDb(o->db);
    EpidemicService svc(*db);
    Field f = ParseField(o->field);
    std::vector<Series> out =
        o->region == "hubei-vs-rest"
            ? Check(svc.HubeiVsRest(f, o->from, o->to))
            : std::vector<Series>{Check(svc.GetSeries(o->region, f, o->from, o->to))};
    std::cout << SeriesToJson(out) << "\n";
  });
}

}  // namespace

void AddCommands(CLI::App& app) {
  auto* epi =
      app.add_subcommand("epidemic", "疫情动态: daily figures, corrections, rules, narrative");
  epi->require_subcommand(1);
  auto o = std::make_shared<Options>();
  AddImport(epi, o);
  AddDay(epi, o);
  AddSet(epi, o);
  AddValidate(epi, o);
  AddNarrative(epi, o);
  AddChart(epi, o);
  AddCorrections(epi, o);
  AddNotes(epi, o);
  AddSeries(epi, o);
}

}  // namespace jianbao::epidemic
