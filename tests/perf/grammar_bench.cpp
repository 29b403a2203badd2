// Micro-benchmark of the number and quantity grammars in MB/s on the text of
// a corpus: `tollgate_grammar_bench CORPUS [benchmark flags]`, where CORPUS is
// JSONL from shared/bench/make-corpus (the "text" fields are read) or plain
// text. Built with -DTOLLGATE_BENCH=ON; `make bench-grammar CORPUS=FILE`.

#include <benchmark/benchmark.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "claims/claims.hpp"
#include "parse/parse.hpp"

namespace {

std::string corpus_text;
std::vector<std::size_t> word_starts;  // where extraction asks for a quantity
std::shared_ptr<const tollgate::claims::lexicon> lexicon;

bool load_corpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string line;
  bool jsonl = path.size() > 6 && (path.ends_with(".jsonl") || path.ends_with(".ndjson"));
  while (std::getline(in, line)) {
    if (jsonl) {
      if (line.empty()) continue;
      const auto doc = nlohmann::json::parse(line, nullptr, false);
      if (doc.is_discarded() || !doc.contains("text")) continue;
      corpus_text += doc["text"].get<std::string>();
      corpus_text += "\n\n";
    } else {
      corpus_text += line;
      corpus_text += '\n';
    }
  }
  for (std::size_t i = 0; i < corpus_text.size(); ++i) {
    const auto c = static_cast<unsigned char>(corpus_text[i]);
    const auto prev = i ? static_cast<unsigned char>(corpus_text[i - 1]) : ' ';
    if (std::isalnum(c) && !std::isalnum(prev)) word_starts.push_back(i);
  }
  return true;
}

void set_rate(benchmark::State& state) {
  const double bytes = static_cast<double>(corpus_text.size()) * static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["MB/s"] = benchmark::Counter(bytes / 1e6, benchmark::Counter::kIsRate);
}

// The number grammar alone: every numeral of the text, classified.
void numerals(benchmark::State& state) {
  std::size_t found = 0;
  for (auto _ : state) {
    auto all = tollgate::parse::find_numerals(corpus_text);
    found = all.size();
    benchmark::DoNotOptimize(all.data());
  }
  state.counters["numerals"] = static_cast<double>(found);
  set_rate(state);
}

// The quantity grammar as extraction calls it: at every word start,
// qualifiers, ranges, vague amounts and numerals with the YAML lexicon.
void quantities_at_words(benchmark::State& state) {
  const auto& lex = *lexicon->quantities;
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (std::size_t pos : word_starts) {
      auto q = tollgate::parse::parse_quantity(corpus_text, pos, lex);
      found += q.has_value();
      benchmark::DoNotOptimize(q);
    }
  }
  state.counters["quantities"] = static_cast<double>(found);
  set_rate(state);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 2) {
    std::cerr << "usage: tollgate_grammar_bench CORPUS [--benchmark_...]\n";
    return 2;
  }
  if (!load_corpus(argv[1])) {
    std::cerr << "tollgate_grammar_bench: cannot read '" << argv[1] << "'\n";
    return 2;
  }
  auto loaded = tollgate::claims::load_lexicon(TOLLGATE_SOURCE_DIR "/rules/lexicon");
  lexicon = loaded.value;
  if (!lexicon || !lexicon->quantities) return 2;
  std::cerr << "corpus: " << corpus_text.size() << " bytes of text, " << word_starts.size() << " word starts\n";
  benchmark::RegisterBenchmark("numerals/find_numerals", numerals)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("quantities/parse_quantity_at_words", quantities_at_words)->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
