#pragma once

// Helpers shared by the test files: fixture paths and a lexicon loaded once.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "claims/claims.hpp"
#include "rules/rules.hpp"

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

/// The built-in rule pack from rules/, loaded once; fails the test if it has problems.
inline const std::vector<rules::rule>& builtin_rules() {
  static const std::vector<rules::rule> loaded = [] {
    auto r = rules::load_rules({source_path("rules")});
    REQUIRE(r.problems.empty());
    return r.value;
  }();
  return loaded;
}

/// A fresh directory under the system temp dir, removed with its contents
/// when the test ends.
class temp_dir {
 public:
  temp_dir() {
    namespace fs = std::filesystem;
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
      const fs::path p = fs::temp_directory_path() / ("tollgate-test-" + std::to_string(rd()));
      std::error_code ec;
      if (fs::create_directory(p, ec)) {
        path_ = p;
        return;
      }
    }
    FAIL("cannot create a temp directory");
  }
  ~temp_dir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  /// Writes `bytes` to `rel` (creating parent folders); returns the full path.
  std::string write(const std::string& rel, const std::string& bytes) const {
    const std::filesystem::path p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

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
