#pragma once

// The rules stage: YAML rule files naming a built-in check kind, a filter
// over claims, the kind's parameters and a message; run over the whole batch.

#include <array>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "claims/claims.hpp"
#include "core/diagnostic.hpp"
#include "core/symbol.hpp"
#include "ingest/ingest.hpp"
#include "core/yaml.hpp"

namespace tollgate::rules {

/// What the checks know of a document once its text is gone: the record
/// its claims share, and what only the batch counts. 16 bytes.
struct document_info {
  claims::document_ref facts;
  std::uint32_t claims = 0;
  core::stored_text first_line;  // kept only for an undated document, whose finding shows it

  const std::string& id() const { return facts->id; }
  /// Where a reader finds the document: its file, or "file#id" for a record.
  std::string location() const { return facts->location_label(); }
  const core::compact_optional<core::date>& published() const { return facts->published; }
  std::uint32_t index() const { return facts->index; }  // position in the batch
};

/// The claims a finding involves, in order: up to two in place (most
/// findings name a claim and the earlier one it contradicts), more on the
/// heap (the parts of a breakdown). 16 bytes, two pointers' worth, where a
/// small_vector of two took 40: a large batch has millions of findings.
class claim_refs {
 public:
  claim_refs() = default;
  claim_refs(const claim_refs& other);
  claim_refs& operator=(const claim_refs& other);
  claim_refs(claim_refs&& other) noexcept : inline_(std::exchange(other.inline_, {})) {}
  claim_refs& operator=(claim_refs&& other) noexcept {
    if (this != &other) {
      release();
      inline_ = std::exchange(other.inline_, {});
    }
    return *this;
  }
  ~claim_refs() { release(); }

  /// REQUIRES: `c` is not null.
  void push_back(const claims::claim* c);
  std::size_t size() const { return more() ? list()->size() : (inline_[0] != nullptr) + (inline_[1] != nullptr); }
  bool empty() const { return inline_[0] == nullptr; }
  const claims::claim* front() const { return *begin(); }
  const claims::claim* operator[](std::size_t i) const { return begin()[i]; }
  const claims::claim* const* begin() const { return more() ? list()->data() : inline_.data(); }
  const claims::claim* const* end() const { return begin() + size(); }

 private:
  using heap_list = std::vector<const claims::claim*>;
  // Past two claims, the first slot holds the heap list of them all and
  // the second this marker, an address no claim has.
  static const claims::claim* more_marker();
  bool more() const { return inline_[1] == more_marker(); }
  heap_list* list() const { return reinterpret_cast<heap_list*>(const_cast<claims::claim*>(inline_[0])); }
  void release();

  std::array<const claims::claim*, 2> inline_{};
};

/// One finding of one rule, placed at a claim or at a place in a document's
/// text. A large batch has hundreds of thousands, so a finding at a claim
/// points at the batch's claims rather than copying what they say: the
/// batch must outlive its findings.
struct finding {
  finding() = default;
  finding(const finding& other);  // copies `text`, which a finding owns
  finding& operator=(const finding& other);
  finding(finding&&) noexcept = default;
  finding& operator=(finding&&) noexcept = default;

  /// Moved out of memory (spilled) once run_rules has it: a large batch has
  /// hundreds of thousands, read only when reported.
  core::stored_text message;
  /// The claims involved; the first is where the finding is placed. Empty
  /// for a finding in a document's text, which sets `text` instead. Most
  /// findings involve one or two, held without a separate allocation.
  claim_refs claims;
  struct text_place {
    std::string doc;
    std::string location;  // path, or path#id for JSONL records
    int line = 0;
    int column = 0;
    core::stored_text line_text;
    int line_text_column = 1;  // column of line_text's first character
  };
  std::unique_ptr<const text_place> text;
  core::symbol rule;
  core::severity level = core::severity::warning;
  // Where it is, for sorting; the line and column are its claim's (or its
  // text place's), read from there rather than kept a second time.
  std::uint32_t doc_index = 0;
  std::uint32_t offset = 0;

  int line() const;
  /// Read from the claim's wording, so from the temporary file once spilled:
  /// a caller that also reads the claim's wording or line takes it from there.
  int column() const;

  /// Document id and its location, from its claim or its `text`; empty
  /// when it has neither.
  const std::string& doc() const;
  std::string location() const;
  /// The line (or a window of it) where the finding is, with the column of
  /// its first character; an empty text when it has neither claim nor `text`.
  struct line_window {
    std::string text;
    int column = 1;  // of text's first character
    int at = 0;  // the finding's own column
  };
  line_window window() const;
  /// The series of the claim it is placed at; empty for none.
  std::string series() const;
  /// The ids of `claims`, in order.
  std::vector<std::string> claim_ids() const;
};

/// The claims of a batch and its documents, in batch order.
struct batch {
  /// Deques, not vectors: growing them never copies what is already there,
  /// so a batch of millions of claims does not need twice their memory.
  claims::claim_list claims;
  core::block_deque<document_info> documents;
  /// Findings of kinds that read the text (term), made by scan_document
  /// while each document's text still existed.
  std::vector<finding> scanned;

  /// Takes the next document's claims and the findings scan_document made
  /// in it, and what the checks need of the document. Their wording moves
  /// out of memory (core::stored_text::spill): a batch keeps it to the end.
  void add(const ingest::document& doc, std::vector<claims::claim>&& found, std::vector<finding>&& found_in_text);

  /// claims::claim::series() of `c`, interned: made once a series, when
  /// add() takes its first claim (a claim it did not take gets it made).
  core::symbol series_key(const claims::claim& c) const;

 private:
  /// A series key is made of a claim's metric, group, place and start: the
  /// keys made so far by those symbols' numbers, so that a key is written
  /// out and interned once, not once a claim.
  struct series_parts {
    std::uint32_t metric, group, place, since;
    bool located;  // the place is the claim's location, not its story's
    bool operator==(const series_parts&) const = default;
  };
  static series_parts series_parts_of(const claims::claim& c);
  /// Makes the key of a claim's series on its first claim.
  void add_series_key(const claims::claim& c);
  // Open addressing in a flat array (a power of two in size, at most half
  // full; an empty key is a free slot): a batch has many series, and a
  // node-based map cost two cache misses a claim.
  struct series_slot {
    series_parts parts;
    core::symbol key;
  };
  /// The slot holding `p` in `slots`, or the free slot where it goes.
  static std::size_t slot_for(const std::vector<series_slot>& slots, const series_parts& p);
  std::vector<series_slot> series_keys_;
  std::size_t series_key_count_ = 0;
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
/// `overrides` (from tollgate.yaml, in `overrides_file`) win over `with`.
/// Every get_* records the parameter for `rules explain`.
class param_reader {
 public:
  param_reader(const YAML::Node* with, std::string file, core::diagnostics* problems,
               const YAML::Node* overrides = nullptr, std::string overrides_file = {});
  /// A number; outside [min, max] is a diagnostic and gives `fallback`.
  double get_number(const std::string& key, double fallback, const std::string& about,
                    std::optional<double> min = std::nullopt, std::optional<double> max = std::nullopt);
  bool get_bool(const std::string& key, bool fallback, const std::string& about);
  std::string get_string(const std::string& key, const std::string& fallback, const std::string& about);
  /// A list of phrases; a single phrase is a list of one. Default: empty.
  std::vector<std::string> get_list(const std::string& key, const std::string& about);
  /// A mapping of phrase to phrase, in file order. Default: empty.
  std::vector<std::pair<std::string, std::string>> get_map(const std::string& key, const std::string& about);
  /// A diagnostic at parameter `key` (or at the rule when it is not set),
  /// for checks a kind makes across its parameters.
  void fail(const std::string& key, const std::string& message);

  struct param {
    std::string name, type, fallback, about;
    std::string value;  // as set by the rule or tollgate.yaml; empty when defaulted
  };
  const std::vector<param>& params() const { return params_; }
  /// Reports keys of `with:` that no get_* asked for.
  void finish();

 private:
  // The node that sets `key` and the file it is in; a null node when unset.
  std::pair<YAML::Node, const std::string*> find(const std::string& key) const;
  void report_unknown(const YAML::Node& map, const std::string& file);

  const YAML::Node* with_;
  std::string file_;
  core::diagnostics* problems_;
  const YAML::Node* overrides_;
  std::string overrides_file_;
  std::vector<param> params_;
};

struct rule;

/// Where a check kind puts its findings. They are handed on in batches of
/// at most `batch_size`, so that a rule with hundreds of thousands of
/// findings holds one batch in memory, not all of them.
class finding_sink {
 public:
  using hand_on_fn = std::function<void(std::vector<finding>&&)>;
  finding_sink(hand_on_fn hand_on, std::size_t batch_size) : hand_on_(std::move(hand_on)), batch_size_(batch_size) {}
  void push_back(finding&& f) {
    pending_.push_back(std::move(f));
    if (pending_.size() >= batch_size_) flush();
  }
  /// Hands on what is pending.
  void flush() {
    if (!pending_.empty()) hand_on_(std::move(pending_));
    pending_.clear();
  }

 private:
  hand_on_fn hand_on_;
  std::size_t batch_size_;
  std::vector<finding> pending_;
};

/// A forward iterator over positions 0, 1, ... of a list that gives its
/// items by value (`list[i]`): how series_points and series_list are read.
template <typename List>
class position_iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = decltype(std::declval<const List&>()[std::size_t{}]);
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = value_type;
  position_iterator() = default;
  position_iterator(const List* list, std::size_t at) : list_(list), at_(at) {}
  value_type operator*() const { return (*list_)[at_]; }
  position_iterator& operator++() {
    ++at_;
    return *this;
  }
  position_iterator operator++(int) {
    position_iterator was = *this;
    ++at_;
    return was;
  }
  friend bool operator==(const position_iterator& a, const position_iterator& b) { return a.at_ == b.at_; }

 private:
  const List* list_ = nullptr;
  std::size_t at_ = 0;
};

/// Claims of one series, sorted by as_of. Held as positions in the batch's
/// claims, four bytes a claim where a pointer took eight (two rules at a
/// time each hold a list of the claims they select); reads as a list of
/// claim pointers.
class series_points {
 public:
  series_points(const claims::claim_list& claims, const std::uint32_t* first, std::size_t size)
      : claims_(&claims), first_(first), size_(size) {}
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const claims::claim* operator[](std::size_t i) const { return &(*claims_)[first_[i]]; }
  position_iterator<series_points> begin() const { return {this, 0}; }
  position_iterator<series_points> end() const { return {this, size_}; }

 private:
  const claims::claim_list* claims_;
  const std::uint32_t* first_;
  std::size_t size_;
};

/// Claims grouped by series, in the order of the series' keys: one array
/// for all, so that a batch of many small series costs four bytes a claim
/// and twelve a series. Iterating gives (key, points) pairs.
class series_list {
 public:
  using value_type = std::pair<core::symbol, series_points>;
  value_type operator[](std::size_t i) const {
    const entry& e = series_[i];
    return {e.key, series_points(*claims_, points_.data() + e.first, e.size)};
  }
  position_iterator<series_list> begin() const { return {this, 0}; }
  position_iterator<series_list> end() const { return {this, series_.size()}; }
  std::size_t size() const { return series_.size(); }

 private:
  friend class check_input;
  struct entry {
    core::symbol key;
    std::uint32_t first, size;  // in points_
  };
  const claims::claim_list* claims_ = nullptr;
  std::vector<std::uint32_t> points_;
  std::vector<entry> series_;
};

/// What the checks read: the batch, the lexicon, and the batch's claims
/// grouped by series, each claim's series key made once for all rules.
class check_input {
 public:
  check_input(const batch& batch, const claims::lexicon& lexicon);
  const batch& b;
  const claims::lexicon& lex;

  /// The claims `r.where` selects, grouped by series key; each series is
  /// sorted by as_of (stable: batch order within a day). With `dated_only`,
  /// claims with no as_of are left out; otherwise they come last.
  series_list series(const rule& r, bool dated_only = true) const;

 private:
  void split_at_onsets();
  bool subset_of_its_total(std::size_t i) const;
  // Series keys are made and sorted once for all rules: each claim has the
  // rank of its key among the batch's keys, in key order.
  std::vector<core::symbol> keys_by_rank_;
  std::vector<std::uint32_t> series_order_;  // claim positions, series by series
  // Where each series starts in series_order_, and its end: a number a
  // series, where a rank a claim took four bytes a claim.
  std::vector<std::uint32_t> series_start_;
};

/// A check kind: one file in src/rules/kinds/ plus a line in registry.cpp.
class check_kind {
 public:
  virtual ~check_kind() = default;
  /// Adds the rule's findings over the batch to `out`.
  virtual void run(const rule& r, const check_input& in, finding_sink& out) const = 0;
  /// For kinds that read the text: adds the rule's findings in one document,
  /// called while the document's text exists. Default: nothing.
  virtual void scan(const rule& r, const ingest::document& doc, std::vector<finding>& out) const;
  /// Placeholders a message of this kind may use beyond a claim's fields.
  virtual std::vector<std::string> extra_placeholders() const { return {}; }
  /// Prefixes of claim placeholders the kind fills ("prev." for the earlier claim).
  virtual std::vector<std::string> claim_prefixes() const { return {""}; }
  virtual std::string default_message() const = 0;
  virtual std::string summary() const = 0;
  /// A short illustration for `rules explain`: text that fires, text that does not.
  virtual std::string example() const = 0;
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
  /// What tollgate.yaml changed ("severity", "with"), with the place it says so.
  std::vector<std::string> overridden;
};

/// What tollgate.yaml changes in loaded rules, by rule id; nodes keep their
/// positions for diagnostics.
struct rule_overrides {
  std::string file;
  std::map<std::string, YAML::Node> disabled;  // id -> the list item
  std::map<std::string, YAML::Node> severity;  // id -> the severity value
  std::map<std::string, YAML::Node> with;      // id -> mapping of parameters
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
/// With `overrides`, disabled rules are left out, severities and parameters
/// changed, and ids that name no loaded rule are diagnostics in its file.
core::result<std::vector<rule>> load_rules(const std::vector<std::string>& dirs,
                                           const rule_overrides* overrides = nullptr);

/// Runs the per-document part of the rules (kinds that read the text) over
/// one document. Call it for each document during extraction (any thread)
/// and keep the findings in `batch::scanned`, in batch order; memory grows
/// with findings, not documents.
std::vector<finding> scan_document(const std::vector<rule>& rules, const ingest::document& doc);

/// Nearest of `valid` to `key` by edit distance, for "did you mean" (empty if none is close).
std::string nearest(const std::string& key, const std::vector<std::string>& valid);

/// Runs the rules; findings come back sorted by document, position and rule.
/// Rules run on up to `jobs` threads (each rule on one); a rule hands on its
/// findings `batch_size` at a time (finding_sink). The findings are the same
/// for any `jobs` and `batch_size`.
std::vector<finding> run_rules(const std::vector<rule>& rules, const batch& b,
                               const claims::lexicon& lex, unsigned jobs = 1, std::size_t batch_size = 1 << 14);

/// Message placeholders: {metric}, {value}, {prev.source}, ... A claim's
/// fields are read when a message names them, not copied for each finding.
class placeholder_values {
 public:
  placeholder_values() = default;
  placeholder_values(std::initializer_list<std::pair<std::string, std::string>> values) : values_(values) {}
  std::string& operator[](std::string_view name);
  /// The claim's fields under `prefix` ("" or "prev."); REQUIRES: `c`
  /// outlives this.
  void add_claim(std::string prefix, const claims::claim& c) { claims_.emplace_back(std::move(prefix), &c); }
  /// Appends the value of placeholder `name` to `out`; false when nothing sets it.
  bool append(std::string_view name, std::string& out) const;

 private:
  // A message has a handful of values: a list, searched in order, makes
  // fewer allocations than a map.
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::pair<std::string, const claims::claim*>> claims_;
};
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
