#include "cli/parallel_extract.hpp"

namespace tollgate::cli {
namespace {

// Big enough to keep every thread busy, small enough to bound memory.
constexpr std::size_t kChunkBytes = 4u << 20;
constexpr std::size_t kChunkDocuments = 2048;

}  // namespace

parallel_extractor::parallel_extractor(const claims::lexicon& lex, unsigned jobs, done_fn done,
                                       const std::vector<rules::rule>* scan_rules, render_fn render)
    : lex_(lex),
      jobs_(jobs == 0 ? 1 : jobs),
      done_(std::move(done)),
      scan_rules_(scan_rules),
      render_(std::move(render)) {}

extracted parallel_extractor::extract_one(const ingest::document& doc) const {
  extracted out{claims::extract(doc, lex_), claims::check_dates(doc), {}, {}};
  if (scan_rules_) out.scanned = rules::scan_document(*scan_rules_, doc);
  if (render_) out.rendered = render_(out.claims);
  return out;
}

parallel_extractor::~parallel_extractor() {
  wait_for_workers();
  {
    std::lock_guard<std::mutex> hold(lock_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& w : workers_) w.join();
}

void parallel_extractor::work() {
  std::size_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> hold(lock_);
      wake_.wait(hold, [&] { return stopping_ || chunk_number_ != seen; });
      if (stopping_) return;
      seen = chunk_number_;
    }
    for (std::size_t i = next_++; i < running_.size(); i = next_++) results_[i] = extract_one(running_[i]);
    std::lock_guard<std::mutex> hold(lock_);
    if (--busy_ == 0) finished_.notify_one();
  }
}

void parallel_extractor::wait_for_workers() {
  std::unique_lock<std::mutex> hold(lock_);
  finished_.wait(hold, [&] { return busy_ == 0; });
}

void parallel_extractor::add(ingest::document&& doc) {
  if (jobs_ == 1) {
    auto found = extract_one(doc);
    done_(std::move(doc), std::move(found));
    return;
  }
  filling_bytes_ += doc.text.size();
  filling_.push_back(std::move(doc));
  if (filling_bytes_ >= kChunkBytes || filling_.size() >= kChunkDocuments) cycle();
}

void parallel_extractor::finish() {
  cycle();  // the last chunk starts while the one before is handed on
  cycle();  // the last chunk is handed on
}

void parallel_extractor::cycle() {
  wait_for_workers();
  std::vector<ingest::document> docs = std::move(running_);
  std::vector<extracted> results = std::move(results_);
  launch();
  // Handing on (output, rules' bookkeeping) runs while the workers extract.
  for (std::size_t i = 0; i < docs.size(); ++i) done_(std::move(docs[i]), std::move(results[i]));
}

void parallel_extractor::launch() {
  running_ = std::move(filling_);
  filling_.clear();
  filling_bytes_ = 0;
  results_.assign(running_.size(), {});
  if (running_.empty()) return;
  next_ = 0;
  {
    std::lock_guard<std::mutex> hold(lock_);
    busy_ = jobs_;
    ++chunk_number_;
  }
  // Started on the first chunk: a batch of one small chunk, or --jobs 1, needs none.
  while (workers_.size() < jobs_) workers_.emplace_back([this] { work(); });
  wake_.notify_all();
}

}  // namespace tollgate::cli
