#pragma once

// Conformance runs: tollgate's grammars measured against other projects'
// public test suites, read at run time (their data is not copied here).

#include <functional>

namespace CLI {
class App;
}

namespace tollgate::conformance {

/// A registered subcommand: `parsed()` after the command line is read, then
/// `run()` gives the exit code.
struct command {
  std::function<bool()> parsed;
  std::function<int()> run;
};

/// Adds `numbers SPECS_DIR` under the `conformance` command: runs the number and range
/// grammar over Recognizers-Text's NumberModel.json and NumberRangeModel.json
/// and Duckling's numeral-en.json under SPECS_DIR, and prints pass rates,
/// failures and exclusions. Exit code 0 when every file meets its target.
command add_numbers_command(CLI::App& conformance);

}  // namespace tollgate::conformance
