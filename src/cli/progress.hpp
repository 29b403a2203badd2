#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace tollgate::cli {

/// A one-line progress report on stderr for long runs: documents, MB, MB/s
/// and the time left. Silent unless stderr is a terminal, and until the run
/// has lasted a second, so short runs and pipes see nothing.
class progress {
 public:
  /// `inputs` are the paths given; their sizes give the total for the ETA.
  explicit progress(const std::vector<std::string>& inputs);
  /// Call per document with the bytes of its text.
  void advance(std::size_t bytes);
  /// Clears the line.
  ~progress();

 private:
  bool enabled_;
  bool shown_ = false;
  std::uintmax_t total_ = 0;
  std::uintmax_t done_ = 0;
  std::size_t documents_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace tollgate::cli
