#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "claims/claims.hpp"
#include "ingest/ingest.hpp"
#include "rules/rules.hpp"

namespace tollgate::cli {

/// What extraction makes of one document: its claims, warnings about its
/// dates (claims::check_dates), and the findings of rules that read the text
/// (rules::scan_document). All depend on that document alone.
struct extracted {
  std::vector<claims::claim> claims;
  core::diagnostics date_warnings;
  std::vector<rules::finding> scanned;
  std::string rendered;  // the claims as output lines, when a render function is given
};

/// Extraction as a map over documents: a chunk of documents is extracted on
/// `jobs` threads while the next chunk is read. Each document and what was
/// extracted from it reach `done` in batch order, so output is the same for
/// any `jobs`. Memory holds at most three chunks of documents (filling,
/// running, being handed on).
class parallel_extractor {
 public:
  using done_fn = std::function<void(ingest::document&&, extracted&&)>;
  /// Writes a document's claims as output text; runs on the worker threads,
  /// so that output formatting is not left to the one thread that hands on.
  using render_fn = std::function<std::string(const std::vector<claims::claim>&)>;
  /// REQUIRES: jobs >= 1. With `scan_rules`, documents are also scanned
  /// by those rules; with `render`, claims are also rendered.
  parallel_extractor(const claims::lexicon& lex, unsigned jobs, done_fn done,
                     const std::vector<rules::rule>* scan_rules = nullptr, render_fn render = nullptr);
  ~parallel_extractor();
  parallel_extractor(const parallel_extractor&) = delete;
  parallel_extractor& operator=(const parallel_extractor&) = delete;

  void add(ingest::document&& doc);
  /// Extracts what is left and hands it on.
  void finish();

 private:
  void launch();  // starts extracting the filled chunk
  // Waits for the running chunk, starts the filled one, then hands on the
  // finished chunk's results while the workers run.
  void cycle();
  void wait_for_workers();
  void work();  // a worker's loop: extract each chunk it is woken for
  extracted extract_one(const ingest::document& doc) const;

  const claims::lexicon& lex_;
  unsigned jobs_;
  done_fn done_;
  const std::vector<rules::rule>* scan_rules_;
  render_fn render_;
  std::vector<ingest::document> filling_;
  std::size_t filling_bytes_ = 0;
  std::vector<ingest::document> running_;
  std::vector<extracted> results_;
  // The workers live as long as the extractor: a thread for each chunk
  // would leave each thread's allocator heap behind, hundreds in a large
  // batch, holding memory the claims kept from them.
  std::vector<std::thread> workers_;
  std::mutex lock_;
  std::condition_variable wake_, finished_;
  std::size_t chunk_number_ = 0;  // of the running chunk; a worker that has seen it waits
  unsigned busy_ = 0;  // workers still on the running chunk
  bool stopping_ = false;
  std::atomic<std::size_t> next_{0};  // the running chunk's next document
};

}  // namespace tollgate::cli
