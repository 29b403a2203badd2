#pragma once

// The built-in check kinds. Each is defined in its own file; registry.cpp
// lists them.

#include <string_view>

#include "rules/rules.hpp"

namespace tollgate::rules {

class decrease_check final : public check_kind {
 public:
  static constexpr std::string_view name = "decrease";
  explicit decrease_check(param_reader& p);
  void run(const rule& r, const batch& b, const claims::lexicon& lex, std::vector<finding>& out) const override;
  std::vector<std::string> claim_prefixes() const override { return {"", "prev."}; }
  std::string default_message() const override;
  std::string summary() const override;

 private:
  double tolerance_;
  std::string revision_severity_;
};

class exceeds_total_check final : public check_kind {
 public:
  static constexpr std::string_view name = "exceeds-total";
  explicit exceeds_total_check(param_reader& p);
  void run(const rule& r, const batch& b, const claims::lexicon& lex, std::vector<finding>& out) const override;
  std::vector<std::string> extra_placeholders() const override;
  std::string default_message() const override;
  std::string summary() const override;

 private:
  double tolerance_;
};

class undated_check final : public check_kind {
 public:
  static constexpr std::string_view name = "undated";
  explicit undated_check(param_reader& p);
  void run(const rule& r, const batch& b, const claims::lexicon& lex, std::vector<finding>& out) const override;
  std::vector<std::string> extra_placeholders() const override;
  std::vector<std::string> claim_prefixes() const override;
  std::string default_message() const override;
  std::string summary() const override;
};

}  // namespace tollgate::rules
