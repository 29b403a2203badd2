#include "cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "claims/claims.hpp"
#include "conformance/conformance.hpp"
#include "core/diagnostic.hpp"
#include "ingest/ingest.hpp"
#include "report/report.hpp"
#include "rules/rules.hpp"
#include "trace/trace.hpp"

namespace tollgate::cli {
namespace fs = std::filesystem;
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

// Where the built-in rules and lexicons live: $TOLLGATE_DATA, else the
// source tree the binary was built from.
std::string data_dir() {
  if (const char* env = std::getenv("TOLLGATE_DATA")) return env;
  return TOLLGATE_DATA_DIR;
}

struct common_options {
  std::vector<std::string> inputs;
  std::string manifest;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> lexicon_files;
  std::string format;
  std::string fail_on = "error";
  std::string input_format = "jsonl";
  bool no_color = false;
  bool quiet = false;
};

void add_common(CLI::App& cmd, common_options& o, bool with_rules) {
  cmd.add_option("paths", o.inputs, "files, directories, or - for standard input")->required();
  cmd.add_option("--manifest", o.manifest, "YAML or CSV giving each document's source, published date and url");
  cmd.add_option("--lexicon", o.lexicon_files, "extra lexicon YAML files, added to the built-in ones");
  cmd.add_option("--input-format", o.input_format, "format of standard input")
      ->check(CLI::IsMember({"jsonl", "txt"}));
  cmd.add_flag("--no-color", o.no_color, "no colour in text output (also NO_COLOR)");
  cmd.add_flag("-q,--quiet", o.quiet, "no summary on stderr");
  if (with_rules) {
    cmd.add_option("--rules", o.rule_dirs, "rule directories (default: the built-in pack)");
    cmd.add_option("--fail-on", o.fail_on, "lowest severity that makes the exit code 1")
        ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  }
}

void print_problems(const core::diagnostics& problems) {
  for (const auto& d : problems) std::cerr << core::render(d);
}

bool use_color(const common_options& o) {
  return !o.no_color && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO);
}

// Loads the lexicon; prints its problems. Null when it cannot be used.
std::shared_ptr<const claims::lexicon> lexicon_or_report(const common_options& o, core::diagnostics& problems) {
  auto lex = claims::load_lexicon((fs::path(data_dir()) / "lexicon").string(), o.lexicon_files);
  problems.insert(problems.end(), lex.problems.begin(), lex.problems.end());
  if (core::has_errors(lex.problems)) return nullptr;
  return lex.value;
}

// Reads the batch and extracts its claims; `each` sees each document's claims
// as soon as they exist, so `extract` can stream.
void read_and_extract(const common_options& o, const claims::lexicon& lex, core::diagnostics& problems,
                      ingest::summary& totals, rules::batch& batch,
                      const std::function<void(const std::vector<claims::claim>&)>& each, bool keep) {
  ingest::manifest metadata;
  ingest::options opts;
  opts.stdin_format = o.input_format;
  if (!o.manifest.empty()) {
    auto m = ingest::load_manifest(o.manifest);
    problems.insert(problems.end(), m.problems.begin(), m.problems.end());
    metadata = std::move(m.value);
    opts.metadata = &metadata;
  }
  ingest::read_batch(
      o.inputs, opts,
      [&](ingest::document&& doc) {
        auto found = claims::extract(doc, lex);
        rules::document_info info{doc.id, doc.location, doc.source, doc.published, doc.published_from,
                                  doc.index, found.size(), {}};
        info.first_line = doc.text.substr(0, doc.text.find('\n'));
        batch.documents.push_back(std::move(info));
        if (each) each(found);
        if (keep) batch.claims.insert(batch.claims.end(), std::make_move_iterator(found.begin()),
                                      std::make_move_iterator(found.end()));
      },
      problems, totals);
}

int run_extract(const common_options& o) {
  core::diagnostics problems;
  auto lex = lexicon_or_report(o, problems);
  if (!lex) {
    print_problems(problems);
    return kExitError;
  }
  ingest::summary totals;
  rules::batch batch;
  std::size_t claims = 0;
  read_and_extract(o, *lex, problems, totals, batch, [&](const std::vector<claims::claim>& found) {
    for (const auto& c : found) std::cout << report::claim_json(c) << '\n';
    claims += found.size();
  }, false);
  print_problems(problems);
  if (!o.quiet) {
    auto s = report::summarize(batch, totals, {});
    s.claims = claims;
    std::cerr << report::summary_line(s, false) << '\n';
  }
  return core::has_errors(problems) ? kExitError : kExitClean;
}

int run_trace(const common_options& o) {
  core::diagnostics problems;
  auto lex = lexicon_or_report(o, problems);
  if (!lex) {
    print_problems(problems);
    return kExitError;
  }
  ingest::summary totals;
  rules::batch batch;
  read_and_extract(o, *lex, problems, totals, batch, nullptr, true);
  const auto timelines = trace::build(batch.claims);
  if (o.format == "json") report::write_trace_json(std::cout, timelines);
  else report::write_trace_table(std::cout, timelines);
  print_problems(problems);
  if (!o.quiet) std::cerr << report::summary_line(report::summarize(batch, totals, {}), false) << '\n';
  return core::has_errors(problems) ? kExitError : kExitClean;
}

std::vector<std::string> rule_dirs_or_default(const std::vector<std::string>& dirs) {
  return dirs.empty() ? std::vector<std::string>{data_dir()} : dirs;
}

int run_lint(const common_options& o) {
  core::diagnostics problems;
  auto lex = lexicon_or_report(o, problems);
  auto loaded = rules::load_rules(rule_dirs_or_default(o.rule_dirs));
  problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
  if (!lex) {
    print_problems(problems);
    return kExitError;
  }
  ingest::summary totals;
  rules::batch batch;
  read_and_extract(o, *lex, problems, totals, batch, nullptr, true);
  const auto findings = rules::run_rules(loaded.value, batch, *lex);
  const auto summary = report::summarize(batch, totals, findings);
  if (o.format == "json") report::write_findings_json(std::cout, findings, summary);
  else report::write_findings_text(std::cout, findings, use_color(o));
  print_problems(problems);
  if (!o.quiet) std::cerr << report::summary_line(summary, true) << '\n';
  if (core::has_errors(problems)) return kExitError;
  core::severity threshold = core::severity::error;
  if (o.fail_on == "never") return kExitClean;
  core::parse_severity(o.fail_on, threshold);
  for (const auto& f : findings) {
    if (f.level <= threshold) return kExitFindings;  // enum order: error < warning < info
  }
  return kExitClean;
}

int run_rules_list(const std::vector<std::string>& dirs) {
  auto loaded = rules::load_rules(rule_dirs_or_default(dirs));
  print_problems(loaded.problems);
  for (const auto& r : loaded.value) {
    std::cout << r.id << "  " << r.check << "  " << core::severity_name(r.level) << "  " << r.file << '\n';
  }
  return core::has_errors(loaded.problems) ? kExitError : kExitClean;
}

int run_rules_check(const std::vector<std::string>& dirs) {
  auto loaded = rules::load_rules(rule_dirs_or_default(dirs));
  print_problems(loaded.problems);
  std::cerr << loaded.value.size() << " rules loaded, " << loaded.problems.size() << " problems\n";
  return core::has_errors(loaded.problems) ? kExitError : kExitClean;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"tollgate: checks casualty figures in news for consistency"};
  app.name("tollgate");
  app.set_version_flag("--version", std::string("tollgate ") + TOLLGATE_VERSION);
  app.require_subcommand(1);

  common_options lint_opts, extract_opts, trace_opts;
  auto* lint = app.add_subcommand("lint", "extract claims and check them with the rules; findings to stdout");
  add_common(*lint, lint_opts, true);
  lint->add_option("--format", lint_opts.format, "text or json")->check(CLI::IsMember({"text", "json"}))->default_val("text");

  auto* extract = app.add_subcommand("extract", "print every casualty claim as JSON lines");
  add_common(*extract, extract_opts, false);
  extract->add_option("--format", extract_opts.format, "jsonl")->check(CLI::IsMember({"jsonl"}))->default_val("jsonl");

  auto* trace = app.add_subcommand("trace", "print how each figure changes across sources and days");
  add_common(*trace, trace_opts, false);
  trace->add_option("--format", trace_opts.format, "table or json")->check(CLI::IsMember({"table", "json"}))->default_val("table");

  auto* rules_cmd = app.add_subcommand("rules", "list or check rule files");
  rules_cmd->require_subcommand(1);
  std::vector<std::string> list_dirs, check_dirs;
  auto* list = rules_cmd->add_subcommand("list", "id, kind, severity and file of each rule");
  list->add_option("dirs", list_dirs, "rule directories (default: the built-in pack)");
  auto* check = rules_cmd->add_subcommand("check", "validate rule files without running them");
  check->add_option("dirs", check_dirs, "rule directories (default: the built-in pack)");

  const auto conformance_cmd = conformance::add_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }
  try {
    if (lint->parsed()) return run_lint(lint_opts);
    if (extract->parsed()) return run_extract(extract_opts);
    if (trace->parsed()) return run_trace(trace_opts);
    if (list->parsed()) return run_rules_list(list_dirs);
    if (check->parsed()) return run_rules_check(check_dirs);
    if (conformance_cmd.parsed()) return conformance_cmd.run();
  } catch (const std::exception& e) {
    // A bug, not an input problem: say so rather than crash silently.
    std::cerr << "tollgate: internal error: " << e.what() << '\n';
    return kExitError;
  }
  return kExitError;
}

}  // namespace tollgate::cli
