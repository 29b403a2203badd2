#pragma once

// The rules stage: YAML rule files naming a built-in check kind, a filter
// over claims, the kind's parameters and a message; run over the whole batch.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claims/claims.hpp"
#include "core/diagnostic.hpp"
#include "ingest/ingest.hpp"

namespace YAML {
class Node;
}

namespace tollgate::rules {

/// What the checks know of a document once its text is gone.
struct document_info {
  std::string id;
  std::string location;
  std::string source;
  std::optional<core::date> published;
  ingest::date_origin published_from = ingest::date_origin::none;
  std::size_t index = 0;
  std::size_t claims = 0;
  std::string first_line;
};

/// The claims of a batch and its documents, in batch order.
struct batch {
  std::vector<claims::claim> claims;
  std::vector<document_info> documents;
};

/// One finding of one rule, placed at a claim or a document.
struct finding {
  std::string rule;
  core::severity level = core::severity::warning;
  std::string message;
  std::string doc;
  std::string location;  // path, or path#id for JSONL records
  int line = 0;
  int column = 0;
  std::string line_text;
  std::vector<std::string> claims;  // ids; the first is where the finding is placed
  std::string series;
  std::size_t doc_index = 0;
  std::size_t offset = 0;
};

/// `where:` of a rule. An empty list matches everything; `group` matches the
/// group and every group under it in the lexicon.
struct where_filter {
  std::vector<std::string> metrics, groups, locations, sources, qualifiers;
  std::optional<bool> cumulative;
  bool matches(const claims::claim& c, const claims::lexicon& lex) const;
};

/// Reads a rule's `with:` strictly: each kind asks for its parameters with a
/// default and a description; what it did not ask for is an unknown key.
class param_reader {
 public:
  param_reader(const YAML::Node* with, std::string file, core::diagnostics* problems);
  double get_number(const std::string& key, double fallback, const std::string& about);
  std::string get_string(const std::string& key, const std::string& fallback, const std::string& about);

  struct param {
    std::string name, type, fallback, about;
  };
  const std::vector<param>& params() const { return params_; }
  /// Reports keys of `with:` that no get_* asked for.
  void finish();

 private:
  const YAML::Node* with_;
  std::string file_;
  core::diagnostics* problems_;
  std::vector<param> params_;
};

struct rule;

/// A check kind: one file in src/rules/kinds/ plus a line in registry.cpp.
class check_kind {
 public:
  virtual ~check_kind() = default;
  /// Adds the rule's findings over the batch to `out`.
  virtual void run(const rule& r, const batch& b, const claims::lexicon& lex,
                   std::vector<finding>& out) const = 0;
  /// Placeholders a message of this kind may use beyond a claim's fields.
  virtual std::vector<std::string> extra_placeholders() const { return {}; }
  /// Prefixes of claim placeholders the kind fills ("prev." for the earlier claim).
  virtual std::vector<std::string> claim_prefixes() const { return {""}; }
  virtual std::string default_message() const = 0;
  virtual std::string summary() const = 0;
};

struct rule {
  std::string id;
  std::string check;
  core::severity level = core::severity::warning;
  where_filter where;
  std::string message;
  std::string link;
  std::string description;
  std::string file;
  int line = 0;
  std::shared_ptr<const check_kind> kind;
  std::vector<param_reader::param> params;
};

/// Creates check kinds by name.
class registry {
 public:
  template <typename Kind>
  void add() {
    makers_[std::string(Kind::name)] = [](param_reader& p) { return std::make_shared<Kind>(p); };
  }
  std::shared_ptr<const check_kind> make(const std::string& name, param_reader& p) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::function<std::shared_ptr<const check_kind>(param_reader&)>> makers_;
};

/// The registry with every built-in kind.
const registry& builtin_kinds();

/// Loads every `*.yaml` rule file directly in each of `dirs` (lexicon/ and
/// test batches beside rules are not rules). Bad rules are diagnostics with
/// file:line:col and are left out; the others load.
core::result<std::vector<rule>> load_rules(const std::vector<std::string>& dirs);

/// Runs the rules; findings come back sorted by document, position and rule.
std::vector<finding> run_rules(const std::vector<rule>& rules, const batch& b,
                               const claims::lexicon& lex);

/// Message placeholders: {metric}, {value}, {prev.source}, ...
using placeholder_values = std::map<std::string, std::string>;
/// Adds a claim's fields under `prefix` ("" or "prev.").
void add_claim_fields(placeholder_values& values, const std::string& prefix, const claims::claim& c);
/// Names a claim's fields can be referred to by.
const std::vector<std::string>& claim_field_names();
/// Fills `{name}` placeholders; `{{` and `}}` are literal braces.
std::string render_message(const std::string& tmpl, const placeholder_values& values);
/// Placeholder names used in a template, with their byte offsets.
std::vector<std::pair<std::string, std::size_t>> placeholders_in(const std::string& tmpl);
/// "more than 2,800", "1,200", "thousands": a claim's figure as written.
std::string figure_as_written(const claims::claim& c);
/// 8700 -> "8,700".
std::string format_count(double v);

/// A finding placed at a claim, with the rule's id and severity.
finding finding_at(const rule& r, const claims::claim& c, std::string message);

}  // namespace tollgate::rules
