#pragma once

// The built-in check kinds. Each is defined in its own file; registry.cpp
// lists them.

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string_view>

#include "core/word_set.hpp"
#include "rules/rules.hpp"

namespace tollgate::rules {

class decrease_check final : public check_kind {
 public:
  static constexpr std::string_view name = "decrease";
  explicit decrease_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::vector<std::string> claim_prefixes() const override { return {"", "prev."}; }
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

 private:
  double tolerance_;
  double window_;
  core::severity revision_level_ = core::severity::info;
};

class disagreement_check final : public check_kind {
 public:
  static constexpr std::string_view name = "disagreement";
  explicit disagreement_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::vector<std::string> claim_prefixes() const override { return {"", "prev."}; }
  std::vector<std::string> extra_placeholders() const override { return {"days"}; }
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

 private:
  void compare_attack_counts(const rule& r, const check_input& in, finding_sink& out) const;
  double window_;
  double tolerance_;
  bool attack_counts_;
};

class exceeds_total_check final : public check_kind {
 public:
  static constexpr std::string_view name = "exceeds-total";
  explicit exceeds_total_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::vector<std::string> extra_placeholders() const override;
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

 private:
  double tolerance_;
  double open_total_margin_;
  std::optional<core::severity> open_total_level_;  // none: open totals are not asked
};

class jump_check final : public check_kind {
 public:
  static constexpr std::string_view name = "jump";
  explicit jump_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::vector<std::string> claim_prefixes() const override { return {"", "prev."}; }
  std::vector<std::string> extra_placeholders() const override { return {"ratio", "per_day", "days", "max_ratio"}; }
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

 private:
  double max_ratio_;
  double min_value_;
};

class stale_check final : public check_kind {
 public:
  static constexpr std::string_view name = "stale";
  explicit stale_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::vector<std::string> claim_prefixes() const override { return {"", "prev."}; }
  std::vector<std::string> extra_placeholders() const override { return {"days", "reported"}; }
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

 private:
  double lag_;
  double window_;
  double tolerance_;
};

class term_check final : public check_kind {
 public:
  static constexpr std::string_view name = "term";
  explicit term_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  void scan(const rule& r, const ingest::document& doc, std::vector<finding>& out) const override;
  std::vector<std::string> extra_placeholders() const override { return {"term", "suggestion", "doc", "source"}; }
  std::vector<std::string> claim_prefixes() const override { return {}; }
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

  struct entry {
    std::vector<std::string> words;  // lowercase tokens of the phrase
    std::string suggestion;          // empty: none
  };

 private:
  /// False when no phrase can occur in `text`.
  bool may_match(std::string_view text) const;

  std::map<std::string, std::vector<entry>, std::less<>> by_first_;  // longest phrase first
  /// For may_match(): the phrases' first words by length (up to 31 letters);
  /// all empty: tokenize every document.
  std::array<std::vector<std::string>, 32> first_words_;
  bool tokenize_all_ = false;
  std::array<bool, 256> first_bytes_{};  // their first letters, in either case
  /// The second letters of the words, a bit each, by their first letter.
  std::array<std::uint32_t, 26> second_letters_{};
  /// The first three letters of each first word ('\0' third for a word of
  /// two), once each, for the 16-byte scan when there are few.
  static constexpr std::size_t kMaxOpenings = 12;
  std::vector<std::array<char, 3>> first_openings_;
  bool skip_quotes_;
};

class unattributed_check final : public check_kind {
 public:
  static constexpr std::string_view name = "unattributed";
  explicit unattributed_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

 private:
  double min_value_;
  double background_days_;
};

class undated_check final : public check_kind {
 public:
  static constexpr std::string_view name = "undated";
  explicit undated_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::vector<std::string> extra_placeholders() const override;
  std::vector<std::string> claim_prefixes() const override;
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;
};

class vague_check final : public check_kind {
 public:
  static constexpr std::string_view name = "vague";
  explicit vague_check(param_reader& p);
  void run(const rule& r, const check_input& in, finding_sink& out) const override;
  std::vector<std::string> claim_prefixes() const override { return {"", "prev."}; }
  std::string default_message() const override;
  std::string summary() const override;
  std::string example() const override;

 private:
  double window_;
};

/// Who gives a claim's figure, for "different sources": the source its
/// sentence names, else its outlet, else its document.
core::symbol source_identity(const claims::claim& c);

}  // namespace tollgate::rules
