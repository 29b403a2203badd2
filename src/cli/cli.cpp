#include "cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <tuple>
#include <set>
#include <optional>

#include "claims/claims.hpp"
#include "cli/parallel_extract.hpp"
#include "cli/progress.hpp"
#include "conformance/conformance.hpp"
#include "conformance/dates.hpp"
#include "core/diagnostic.hpp"
#include "core/io_buffer.hpp"
#include "core/stored_text.hpp"
#include "eval/eval.hpp"
#include "ingest/ingest.hpp"
#include "report/report.hpp"
#include "rules/config.hpp"
#include "rules/fixture.hpp"
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
  std::string config_file;
  std::vector<std::string> inputs;
  std::string manifest;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> lexicon_files;
  std::string format;
  std::string output;          // lint: write `format` here; the terminal gets text
  std::string baseline;        // lint: report only findings not in this baseline
  std::string write_baseline;  // lint: record today's findings here
  std::string fail_on = "error";
  std::string input_format = "jsonl";
  bool no_color = false;
  bool quiet = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

void add_config(CLI::App& cmd, std::string& file) {
  cmd.add_option("--config", file, "settings file (default: ./tollgate.yaml when present)");
}

void add_common(CLI::App& cmd, common_options& o, bool with_rules) {
  cmd.add_option("paths", o.inputs, "files, directories, or - for standard input")->required();
  add_config(cmd, o.config_file);
  cmd.add_option("--manifest", o.manifest, "YAML or CSV giving each document's source, published date and url");
  cmd.add_option("--lexicon", o.lexicon_files, "extra lexicon YAML files, added to the built-in ones");
  cmd.add_option("--input-format", o.input_format, "format of standard input")
      ->check(CLI::IsMember({"jsonl", "txt"}));
  cmd.add_flag("--no-color", o.no_color, "no colour in text output (also NO_COLOR)");
  cmd.add_flag("-q,--quiet", o.quiet, "no summary on stderr");
  cmd.add_option("-j,--jobs", o.jobs, "extraction threads (default: the machine's cores)")
      ->check(CLI::Range(1u, 256u));
  if (with_rules) {
    cmd.add_option("--rules", o.rule_dirs, "rule directories (default: the built-in pack)");
    cmd.add_option("--fail-on", o.fail_on, "lowest severity that makes the exit code 1")
        ->check(CLI::IsMember({"error", "warning", "info", "never"}));
    cmd.add_option("-o,--output", o.output, "write the --format output to FILE; the terminal still gets text");
    cmd.add_option("--baseline", o.baseline, "report only findings not recorded in FILE (see --write-baseline)");
    cmd.add_option("--write-baseline", o.write_baseline, "record every finding of this run in FILE");
  }
}

void print_problems(const core::diagnostics& problems) {
  for (const auto& d : problems) std::cerr << core::render(d);
}

bool use_color(const common_options& o) {
  return !o.no_color && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO);
}

// tollgate.yaml: `file`, else ./tollgate.yaml when present, else none (an
// empty config). Its problems go to `problems`.
rules::config settings(const std::string& file, core::diagnostics& problems) {
  std::string path = file;
  std::error_code ec;
  if (path.empty() && fs::is_regular_file("tollgate.yaml", ec)) path = "tollgate.yaml";
  if (path.empty()) return {};
  if (!fs::is_regular_file(path, ec)) {
    problems.push_back({path, 0, 0, core::severity::error, "configuration file not found", "config"});
    return {};
  }
  auto loaded = rules::load_config(path);
  problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
  return loaded.value;
}

// Rule directories: those given, else the built-in pack (unless the config
// turns it off) and the config's own.
std::vector<std::string> rule_dirs(const std::vector<std::string>& given, const rules::config& cfg) {
  if (!given.empty()) return given;
  std::vector<std::string> dirs;
  if (cfg.builtin) dirs.push_back(data_dir());
  dirs.insert(dirs.end(), cfg.rule_dirs.begin(), cfg.rule_dirs.end());
  return dirs;
}

// Loads the lexicon (built-in, the config's files, then --lexicon); records its
// problems. Null when it cannot be used.
std::shared_ptr<const claims::lexicon> lexicon_or_report(const std::vector<std::string>& extra, const rules::config& cfg,
                                                         core::diagnostics& problems) {
  std::vector<std::string> files = cfg.lexicon_files;
  files.insert(files.end(), extra.begin(), extra.end());
  auto lex = claims::load_lexicon((fs::path(data_dir()) / "lexicon").string(), files);
  problems.insert(problems.end(), lex.problems.begin(), lex.problems.end());
  if (core::has_errors(lex.problems)) return nullptr;
  return lex.value;
}

// What a command wants from reading and extracting a batch.
struct extraction_plan {
  // Sees each document and what was extracted from it as soon as they exist,
  // so that `extract` can stream.
  std::function<void(const ingest::document&, const extracted&)> each;
  bool keep = false;  // hold the claims and documents in the batch (for rules and trace)
  const std::vector<rules::rule>* scan_rules = nullptr;  // rules that read the text
  std::vector<report::document_place>* places = nullptr;  // where each document is, for reports
  parallel_extractor::render_fn render;  // output lines, made on the extraction threads
};

// Reads the batch and extracts its claims as `plan` asks.
void read_and_extract(const common_options& o, const claims::lexicon& lex, core::diagnostics& problems,
                      ingest::summary& totals, rules::batch& batch, extraction_plan plan) {
  const bool keep = plan.keep;
  auto* const places = plan.places;
  const auto& each = plan.each;
  ingest::manifest metadata;
  ingest::options opts;
  opts.stdin_format = o.input_format;
  if (!o.manifest.empty()) {
    auto m = ingest::load_manifest(o.manifest);
    problems.insert(problems.end(), m.problems.begin(), m.problems.end());
    metadata = std::move(m.value);
    opts.metadata = &metadata;
  }
  progress shown(o.inputs);
  // Places ingest has already judged (a dateline's date), so that a date is
  // not reported twice; kept up to date as problems come in.
  std::set<std::tuple<std::string, int, int>> judged;
  std::size_t judged_upto = 0;
  parallel_extractor extractor(lex, o.jobs, [&](ingest::document&& doc, extracted&& result) {
    shown.advance(doc.text.size());
    for (; judged_upto < problems.size(); ++judged_upto) {
      const auto& p = problems[judged_upto];
      judged.emplace(p.path, p.line, p.column);
    }
    for (auto& d : result.date_warnings) {
      if (judged.count({d.path, d.line, d.column})) continue;
      problems.push_back(std::move(d));
    }
    if (places) {
      if (places->size() <= doc.index) places->resize(doc.index + 1);
      (*places)[doc.index] = report::place_of(doc);
    }
    if (each) each(doc, result);
    // Only a batch that is kept needs its documents; `extract` holds nothing.
    if (keep) batch.add(doc, std::move(result.claims), std::move(result.scanned));
  }, plan.scan_rules, std::move(plan.render));
  ingest::read_batch(o.inputs, opts, [&](ingest::document&& doc) { extractor.add(std::move(doc)); }, problems,
                     totals);
  extractor.finish();
}

int run_extract(const common_options& o) {
  core::diagnostics problems;
  const auto cfg = settings(o.config_file, problems);
  auto lex = lexicon_or_report(o.lexicon_files, cfg, problems);
  if (!lex) {
    print_problems(problems);
    return kExitError;
  }
  ingest::summary totals;
  rules::batch batch;
  std::size_t claims = 0;
  const bool csv = o.format == "csv";
  if (csv) std::cout << report::claims_csv_header() << '\n';
  // Each document's lines are made on the extraction threads and written here in batch order.
  auto render = [csv](const std::vector<claims::claim>& found) {
    std::string lines;
    for (const auto& c : found) {
      if (csv) lines += report::claim_csv(c);
      else report::append_claim_json(lines, c);
      lines += '\n';
    }
    return lines;
  };
  std::size_t undated = 0;
  extraction_plan plan;
  plan.each = [&](const ingest::document& doc, const extracted& result) {
    std::cout << result.rendered;
    claims += result.claims.size();
    undated += doc.published ? 0 : 1;
  };
  plan.render = render;
  read_and_extract(o, *lex, problems, totals, batch, std::move(plan));
  print_problems(problems);
  if (!o.quiet) {
    auto s = report::summarize(batch, totals, {});
    s.claims = claims;
    s.undated = undated;
    std::cerr << report::summary_line(s, false) << '\n';
  }
  return core::has_errors(problems) ? kExitError : kExitClean;
}

int run_trace(const common_options& o) {
  core::diagnostics problems;
  const auto cfg = settings(o.config_file, problems);
  auto lex = lexicon_or_report(o.lexicon_files, cfg, problems);
  if (!lex) {
    print_problems(problems);
    return kExitError;
  }
  ingest::summary totals;
  rules::batch batch;
  extraction_plan plan;
  plan.keep = true;
  read_and_extract(o, *lex, problems, totals, batch, std::move(plan));
  const auto timelines = trace::build(batch.claims);
  if (o.format == "json") report::write_trace_json(std::cout, timelines);
  else if (o.format == "csv") report::write_trace_csv(std::cout, timelines);
  else report::write_trace_table(std::cout, timelines);
  print_problems(problems);
  if (!o.quiet) std::cerr << report::summary_line(report::summarize(batch, totals, {}), false) << '\n';
  return core::has_errors(problems) ? kExitError : kExitClean;
}

void write_lint_format(std::ostream& out, const std::string& format, const report::lint_report& r, bool color) {
  if (format == "json") report::write_findings_json(out, r);
  else if (format == "sarif") report::write_findings_sarif(out, r);
  else if (format == "junit") report::write_findings_junit(out, r);
  else if (format == "github") report::write_findings_github(out, r);
  else report::write_findings_text(out, r.findings, color);
}

// Writes a file through `write`; false (with a diagnostic) when it cannot.
bool write_file(const std::string& path, core::diagnostics& problems, const std::function<void(std::ostream&)>& write,
                const char* what) {
  std::vector<char> buffer;
  std::ofstream file;
  core::open_buffered(file, buffer, path, std::ios::out | std::ios::binary | std::ios::trunc);
  if (file) write(file);
  file.close();
  if (!file) {
    problems.push_back({path, 0, 0, core::severity::error, std::string("cannot write ") + what, "output"});
    return false;
  }
  return true;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_lint(const common_options& o, const hooks& at) {
  core::diagnostics problems;
  const auto cfg = settings(o.config_file, problems);
  auto lex = lexicon_or_report(o.lexicon_files, cfg, problems);
  auto loaded = rules::load_rules(rule_dirs(o.rule_dirs, cfg), &cfg.overrides);
  problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
  if (!lex) {
    print_problems(problems);
    return kExitError;
  }
  ingest::summary totals;
  rules::batch batch;
  std::vector<report::document_place> places;
  extraction_plan plan;
  plan.keep = true;
  plan.scan_rules = &loaded.value;
  plan.places = &places;
  read_and_extract(o, *lex, problems, totals, batch, std::move(plan));
  if (at.after_extraction) at.after_extraction();
  std::vector<rules::finding> findings = rules::run_rules(loaded.value, batch, *lex, o.jobs);
  if (const std::string why = core::stored_text::spill_failure(); !why.empty()) {
    problems.push_back({"tollgate", 0, 0, core::severity::warning,
                        why + "; the batch's wording stays in memory", "memory"});
  }
  // Fingerprints read every claim of every finding back from the spilled
  // text: made only for a baseline and the formats that print them.
  const bool fingerprinted = !o.baseline.empty() || !o.write_baseline.empty() || o.format == "json" ||
                             o.format == "sarif";
  std::vector<report::fingerprint> fps;
  if (fingerprinted) fps = report::fingerprints(findings, batch);

  // With a baseline, only the findings it does not know are reported, and
  // only they can fail the run.
  std::optional<report::baseline_outcome> outcome;
  std::vector<std::size_t> fresh;
  if (!o.baseline.empty()) {
    auto known = report::read_baseline(o.baseline);
    problems.insert(problems.end(), known.problems.begin(), known.problems.end());
    if (known.problems.empty()) {
      outcome.emplace();
      fresh = report::new_findings(known.value, fps, *outcome);
    }
  }
  // Written after the old baseline is read, so both may name one file.
  if (!o.write_baseline.empty()) {
    write_file(o.write_baseline, problems, [&](std::ostream& out) { report::write_baseline(out, findings, fps); },
               "baseline");
  }
  // Findings are many on a large batch: keep the new ones in place rather
  // than copy them.
  if (outcome) {
    for (std::size_t k = 0; k < fresh.size(); ++k) {
      if (fresh[k] == k) continue;  // ascending, so fresh[k] >= k
      findings[k] = std::move(findings[fresh[k]]);
      fps[k] = std::move(fps[fresh[k]]);
    }
    findings.resize(fresh.size());
    fps.resize(fresh.size());
  }

  const auto summary = report::summarize(batch, totals, findings);
  const report::lint_report rep{batch, loaded.value, places, findings, fps, summary, problems, outcome};
  if (!o.output.empty()) {
    write_file(o.output, problems, [&](std::ostream& out) { write_lint_format(out, o.format, rep, false); },
               "the report");
    report::write_findings_text(std::cout, findings, use_color(o));
  } else {
    write_lint_format(std::cout, o.format, rep, use_color(o));
  }
  print_problems(problems);
  if (!o.quiet) {
    std::cerr << report::summary_line(summary, true) << '\n';
    if (outcome) {
      std::cerr << "baseline " << o.baseline << ": " << plural(findings.size(), "new finding", "new findings") << ", "
                << plural(outcome->suppressed, "known finding", "known findings") << " suppressed, "
                << plural(outcome->disappeared, "known finding", "known findings") << " no longer found\n";
    }
  }
  if (core::has_errors(problems)) return kExitError;
  core::severity threshold = core::severity::error;
  if (o.fail_on == "never") return kExitClean;
  core::parse_severity(o.fail_on, threshold);
  for (const auto& f : findings) {
    if (f.level <= threshold) return kExitFindings;  // enum order: error < warning < info
  }
  return kExitClean;
}

struct rules_options {
  std::string config_file;
  std::vector<std::string> dirs;
  std::vector<std::string> lexicon_files;
  std::string id;  // explain
};

// Where a rule came from, for `rules list`: "built-in" or its file.
std::string origin(const rules::rule& r) {
  std::error_code ec;
  const auto builtin = fs::weakly_canonical(data_dir(), ec);
  const auto here = fs::weakly_canonical(fs::path(r.file).parent_path(), ec);
  std::string out = here == builtin ? "built-in (" + fs::path(r.file).filename().string() + ")" : r.file;
  for (const auto& o : r.overridden) out += "; " + o;
  return out;
}

int run_rules_list(const rules_options& o) {
  core::diagnostics problems;
  const auto cfg = settings(o.config_file, problems);
  auto loaded = rules::load_rules(rule_dirs(o.dirs, cfg), &cfg.overrides);
  problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
  print_problems(problems);
  std::size_t id_w = 2, kind_w = 4;
  for (const auto& r : loaded.value) {
    id_w = std::max(id_w, r.id.size());
    kind_w = std::max(kind_w, r.check.size());
  }
  auto pad = [](const std::string& s, std::size_t w) { return s + std::string(w + 2 - s.size(), ' '); };
  std::cout << pad("id", id_w) << pad("kind", kind_w) << pad("severity", 8) << "origin\n";
  for (const auto& r : loaded.value) {
    std::cout << pad(r.id, id_w) << pad(r.check, kind_w) << pad(core::severity_name(r.level), 8) << origin(r) << '\n';
  }
  return core::has_errors(problems) ? kExitError : kExitClean;
}

int run_rules_check(const rules_options& o) {
  core::diagnostics problems;
  const auto cfg = settings(o.config_file, problems);
  auto loaded = rules::load_rules(rule_dirs(o.dirs, cfg), &cfg.overrides);
  problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
  print_problems(problems);
  std::cerr << loaded.value.size() << " rules loaded, " << problems.size() << " problems\n";
  return core::has_errors(problems) ? kExitError : kExitClean;
}

int run_rules_explain(const rules_options& o) {
  core::diagnostics problems;
  const auto cfg = settings(o.config_file, problems);
  auto loaded = rules::load_rules(rule_dirs(o.dirs, cfg), &cfg.overrides);
  problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
  print_problems(problems);
  const rules::rule* found = nullptr;
  std::vector<std::string> ids;
  for (const auto& r : loaded.value) {
    ids.push_back(r.id);
    if (r.id == o.id) found = &r;
  }
  if (!found) {
    const std::string best = rules::nearest(o.id, ids);
    std::cerr << "tollgate: no rule '" << o.id << "'" << (best.empty() ? "" : "; did you mean '" + best + "'?")
              << '\n';
    return kExitError;
  }
  const rules::rule& r = *found;
  std::cout << r.id << " (" << r.check << ", " << core::severity_name(r.level) << ")\n  " << origin(r) << "\n\n";
  std::cout << "Checks: " << r.kind->summary() << ".\n";
  if (!r.description.empty()) std::cout << r.description << (r.description.back() == '\n' ? "" : "\n");
  std::cout << "\nParameters (under 'with:'):\n";
  if (r.params.empty()) std::cout << "  none\n";
  for (const auto& p : r.params) {
    std::cout << "  " << p.name << "  (" << p.type << ", default " << p.fallback
              << (p.value.empty() ? "" : "; this rule: " + p.value) << ")\n      " << p.about << '\n';
  }
  std::cout << "\nMessage:\n  " << r.message << '\n';
  if (!r.link.empty()) std::cout << "\nMore: " << r.link << '\n';
  std::cout << "\nExample:\n";
  std::string example = r.kind->example();
  for (std::size_t at = 0; (at = example.find('\n', at)) != std::string::npos; at += 3) example.replace(at, 1, "\n  ");
  std::cout << "  " << example << '\n';
  if (const auto dir = rules::test_dir_of(r); !dir.empty()) std::cout << "\nTest batch: " << dir << '\n';
  return core::has_errors(problems) ? kExitError : kExitClean;
}

int run_rules_test(const rules_options& o) {
  core::diagnostics problems;
  const auto cfg = settings(o.config_file, problems);
  auto lex = lexicon_or_report(o.lexicon_files, cfg, problems);
  // Rule files are tested as written: tollgate.yaml's changes would break the
  // expectations written for them.
  auto loaded = rules::load_rules(rule_dirs(o.dirs, cfg));
  problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
  print_problems(problems);
  if (!lex) return kExitError;
  std::size_t passed = 0, failed = 0, untested = 0;
  for (const auto& r : loaded.value) {
    const std::string dir = rules::test_dir_of(r);
    if (dir.empty()) {
      std::cout << "SKIP  " << r.id << ": no test batch (" << (fs::path(r.file).parent_path() / (r.id + ".test")).string()
                << "/)\n";
      ++untested;
      continue;
    }
    const auto res = rules::run_fixture(r, dir, *lex);
    std::cout << (res.passed ? "PASS  " : "FAIL  ") << r.id << " (" << dir << ": " << res.expected << " expected, "
              << res.near_misses << " near misses)\n";
    for (const auto& line : res.diff) std::cout << "    " << line << '\n';
    print_problems(res.problems);
    (res.passed ? passed : failed)++;
  }
  std::cerr << passed << " passed, " << failed << " failed, " << untested << " without a test batch\n";
  if (failed > 0) return kExitFindings;
  return core::has_errors(problems) ? kExitError : kExitClean;
}

struct eval_options {
  std::string gold;
  common_options common;
  double min_f1 = 0;
  double min_accuracy = 0;  // metric, group and qualifier
  double min_as_of = 0;
  bool details = false;
};

int run_eval(eval_options& e) {
  core::diagnostics problems;
  const auto cfg = settings(e.common.config_file, problems);
  auto lex = lexicon_or_report(e.common.lexicon_files, cfg, problems);
  auto gold = eval::load_gold(e.gold);
  problems.insert(problems.end(), gold.problems.begin(), gold.problems.end());
  if (!lex || core::has_errors(gold.problems)) {
    print_problems(problems);
    return kExitError;
  }
  if (e.common.inputs.empty()) e.common.inputs = {(fs::path(e.gold).parent_path() / "articles").string()};
  ingest::summary totals;
  rules::batch batch;
  extraction_plan plan;
  plan.keep = true;
  read_and_extract(e.common, *lex, problems, totals, batch, std::move(plan));
  const auto r = eval::compare(gold.value, batch.claims);
  eval::print(std::cout, r, e.details);
  print_problems(problems);
  if (core::has_errors(problems)) return kExitError;
  bool below = r.f1() < e.min_f1 || r.accuracy("as_of") < e.min_as_of;
  for (const char* f : {"metric", "group", "qualifier"}) below = below || r.accuracy(f) < e.min_accuracy;
  if (below) std::cerr << "tollgate eval: below the required figures\n";
  return below ? kExitFindings : kExitClean;
}

}  // namespace

int run(int argc, char** argv, const hooks& at) {
  // Output to a file or a pipe goes out in large writes: stdio's own 4 KiB
  // buffer made 36,000 system calls for the claims of a 200 MB batch. A
  // terminal keeps its line buffering. Set before anything is written.
  if (!isatty(STDOUT_FILENO)) {
    static char stdout_buffer[core::kIoBufferBytes];
    std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  }
  CLI::App app{"tollgate: checks casualty figures in news for consistency"};
  app.name("tollgate");
  app.set_version_flag("--version", std::string("tollgate ") + TOLLGATE_VERSION);
  app.require_subcommand(1);

  common_options lint_opts, extract_opts, trace_opts;
  auto* lint = app.add_subcommand("lint", "extract claims and check them with the rules; findings to stdout");
  add_common(*lint, lint_opts, true);
  lint->add_option("--format", lint_opts.format, "text, json, sarif, junit or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}))
      ->default_val("text");

  auto* extract = app.add_subcommand("extract", "print every casualty claim as JSON lines");
  add_common(*extract, extract_opts, false);
  extract->add_option("--format", extract_opts.format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->default_val("jsonl");

  auto* trace = app.add_subcommand("trace", "print how each figure changes across sources and days");
  add_common(*trace, trace_opts, false);
  trace->add_option("--format", trace_opts.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->default_val("table");

  eval_options eval_opts;
  auto* eval_cmd = app.add_subcommand("eval", "compare extracted claims with a hand-annotated gold file");
  eval_cmd->add_option("gold", eval_opts.gold, "gold JSONL (format: fixtures/gold/README.md)")->required();
  eval_cmd->add_option("paths", eval_opts.common.inputs, "the annotated articles (default: articles/ beside the gold file)");
  eval_cmd->add_option("--min-f1", eval_opts.min_f1, "exit 1 when claim F1 is lower");
  eval_cmd->add_option("--min-accuracy", eval_opts.min_accuracy, "exit 1 when metric, group or qualifier accuracy is lower");
  eval_cmd->add_option("--min-as-of", eval_opts.min_as_of, "exit 1 when as-of accuracy is lower");
  eval_cmd->add_flag("--details", eval_opts.details, "list misses, false alarms and wrong fields");
  eval_cmd->add_option("--manifest", eval_opts.common.manifest, "manifest for the articles");
  eval_cmd->add_option("--lexicon", eval_opts.common.lexicon_files, "extra lexicon YAML files");

  auto* rules_cmd = app.add_subcommand("rules", "list, check, explain or test rule files");
  rules_cmd->require_subcommand(1);
  rules_options list_opts, check_opts, explain_opts, test_opts;
  auto* list = rules_cmd->add_subcommand("list", "id, kind, severity and origin of each rule");
  auto* check = rules_cmd->add_subcommand("check", "validate rule files (and tollgate.yaml) without running them");
  auto* explain = rules_cmd->add_subcommand("explain", "what a rule checks, its parameters and an example");
  auto* test = rules_cmd->add_subcommand("test", "run each rule over its test batch <id>.test/ and compare findings");
  explain->add_option("id", explain_opts.id, "rule id")->required();
  for (auto [cmd, opts] : {std::pair{list, &list_opts}, {check, &check_opts}, {explain, &explain_opts}, {test, &test_opts}}) {
    if (cmd == explain) cmd->add_option("--rules", opts->dirs, "rule directories (default: the built-in pack)");
    else cmd->add_option("dirs", opts->dirs, "rule directories (default: the built-in pack)");
    add_config(*cmd, opts->config_file);
  }
  test->add_option("--lexicon", test_opts.lexicon_files, "extra lexicon YAML files, added to the built-in ones");

  auto* conformance_cmd = app.add_subcommand("conformance", "run the peers' test suites against tollgate's grammars");
  conformance_cmd->require_subcommand(1);
  std::string dates_specs;
  auto* conformance_dates = conformance_cmd->add_subcommand("dates", "date cases of Recognizers-Text and Duckling");
  conformance_dates->add_option("specs", dates_specs, "the peer-specs directory")->required();

  const auto conformance_numbers = conformance::add_numbers_command(*conformance_cmd);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }
  try {
    if (lint->parsed()) return run_lint(lint_opts, at);
    if (extract->parsed()) return run_extract(extract_opts);
    if (trace->parsed()) return run_trace(trace_opts);
    if (eval_cmd->parsed()) return run_eval(eval_opts);
    if (list->parsed()) return run_rules_list(list_opts);
    if (check->parsed()) return run_rules_check(check_opts);
    if (explain->parsed()) return run_rules_explain(explain_opts);
    if (test->parsed()) return run_rules_test(test_opts);
    if (conformance_dates->parsed()) return conformance::run_dates(dates_specs, std::cout);
    if (conformance_numbers.parsed()) return conformance_numbers.run();
  } catch (const std::exception& e) {
    // A bug, not an input problem: say so rather than crash silently.
    std::cerr << "tollgate: internal error: " << e.what() << '\n';
    return kExitError;
  }
  return kExitError;
}

}  // namespace tollgate::cli
