#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace tollgate::cli {
namespace fs = std::filesystem;

progress::progress(const std::vector<std::string>& inputs)
    : enabled_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()), last_(start_) {
  if (!enabled_) return;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (fs::is_regular_file(in, ec)) {
      total_ += fs::file_size(in, ec);
    } else if (fs::is_directory(in, ec)) {
      for (fs::recursive_directory_iterator it(in, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) total_ += it->file_size(ec);
      }
    }
  }
}

void progress::advance(std::size_t bytes) {
  if (!enabled_) return;
  done_ += bytes;
  ++documents_;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0 || now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double mb = static_cast<double>(done_) / 1e6;
  const double rate = mb / elapsed;
  std::string line = fmt::format("{} documents, {:.0f} MB, {:.1f} MB/s", documents_, mb, rate);
  // Text bytes run a little under file bytes (JSON escapes), so the ETA is
  // a slight overestimate, never a promise.
  if (total_ > done_ && rate > 0) {
    line += fmt::format(", about {:.0f} s left", (static_cast<double>(total_ - done_) / 1e6) / rate);
  }
  std::fprintf(stderr, "\r%-70s", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

progress::~progress() {
  if (shown_) std::fprintf(stderr, "\r%70s\r", "");
}

}  // namespace tollgate::cli
