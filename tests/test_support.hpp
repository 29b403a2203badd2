#pragma once

// Helpers shared by the test files: fixture paths and a lexicon loaded once.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

/// Appends the text of `file` (each record's "text" of a JSONL batch, or a text file) to `out`.
inline void add_texts(const std::filesystem::path& file, std::vector<std::string>& out) {
  const auto ext = file.extension();
  std::ifstream in(file, std::ios::binary);
  if (ext == ".jsonl") {
    std::string line;
    while (std::getline(in, line)) {
      const auto doc = nlohmann::json::parse(line, nullptr, false);
      if (doc.is_object() && doc.contains("text") && doc["text"].is_string()) out.push_back(doc["text"]);
    }
  } else if (ext == ".txt" || ext == ".md" || ext == ".html") {
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
}

/// Every text of the fixtures (the gold corpus and the article files), and of
/// the JSONL batch named by TOLLGATE_SHORTCUT_CORPUS when it is set: the check
/// can be run over a large generated batch by hand.
inline std::vector<std::string> fixture_texts() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(source_path("fixtures"))) {
    if (entry.is_regular_file()) add_texts(entry.path(), out);
  }
  if (const char* extra = std::getenv("TOLLGATE_SHORTCUT_CORPUS")) add_texts(extra, out);
  return out;
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
