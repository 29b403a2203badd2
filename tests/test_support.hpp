#pragma once

// Helpers shared by the test files: fixture paths and a lexicon loaded once.

#include <doctest/doctest.h>

#include <string>

#include "claims/claims.hpp"

namespace tollgate::test {

inline std::string source_path(const std::string& rel) { return std::string(TOLLGATE_SOURCE_DIR) + "/" + rel; }

/// The built-in lexicon from rules/lexicon; fails the test if it has problems.
inline const claims::lexicon& builtin_lexicon() {
  static const std::shared_ptr<const claims::lexicon> lex = [] {
    auto loaded = claims::load_lexicon(source_path("rules/lexicon"));
    REQUIRE(loaded.problems.empty());
    return loaded.value;
  }();
  return *lex;
}

/// A document made from a string, published on `published` (ISO) when given.
inline ingest::document make_document(std::string text, const std::string& published = "2024-05-02",
                                      std::string id = "doc.txt") {
  ingest::document d;
  d.id = id;
  d.location = id;
  d.text = std::move(text);
  if (!published.empty()) d.published = core::date::parse_iso(published);
  return d;
}

}  // namespace tollgate::test
