#pragma once

// tollgate.yaml: a desk's settings for the rules, read from the working
// directory or from --config FILE.
//
//   rules: [desk-rules]          # more rule directories, after the built-in pack
//   builtin: true                # false: only the directories under `rules`
//   disable: [jump]              # rule ids left out
//   severity: { vague: info }    # rule id -> error | warning | info
//   with:                        # rule id -> parameters, over the rule's own
//     disagreement: { tolerance: 0.05 }
//   lexicon: [desk-lexicon.yaml] # extra lexicon files
//
// Paths are relative to the file's folder.

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "rules/rules.hpp"

namespace tollgate::rules {

struct config {
  std::string file;  // empty when there is none
  bool builtin = true;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> lexicon_files;
  rule_overrides overrides;
};

/// Reads a configuration file strictly: unknown keys, wrong types, unknown
/// severities and missing directories or files are diagnostics at
/// file:line:col. Rule ids are checked later, by load_rules.
core::result<config> load_config(const std::string& path);

}  // namespace tollgate::rules
