#include "core/stored_text.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace tollgate::core {
namespace {

// The run's temporary file: made on the first spill in $TMPDIR (else /tmp)
// and unlinked at once, so that the system removes it however the process
// ends; appended to and read under one lock.
struct spill_file {
  std::mutex lock;
  std::FILE* file = nullptr;
  bool failed = false;
  std::string failure;  // why spilling stopped; empty while it works
  std::uint64_t end = 0;  // bytes written so far
  bool unflushed = false;

  // Reads go through cached pages of the file. Reports read texts in a few
  // interleaved runs in the order they were written (claims in batch order,
  // each rule's messages in batch order), so most reads are a copy, not a
  // system call; a page is small so that a read out of order costs little.
  static constexpr std::size_t kBlockSize = 4096;
  struct block {
    std::uint64_t index = ~std::uint64_t{0};
    std::size_t filled = 0;  // less than kBlockSize at the end of the file
    std::unique_ptr<char[]> bytes;
  };
  std::array<block, 256> cache;  // direct-mapped by page number

  // The page holding `at`, read when it is not cached or ends before `at`.
  const block& block_at(std::uint64_t at) {
    const std::uint64_t index = at / kBlockSize;
    block& b = cache[index % cache.size()];
    if (b.index == index && at - index * kBlockSize < b.filled) return b;
    if (!b.bytes) b.bytes = std::make_unique<char[]>(kBlockSize);
    b.index = index;
    b.filled = 0;
    while (b.filled < kBlockSize) {
      const ssize_t n = ::pread(fileno(file), b.bytes.get() + b.filled, kBlockSize - b.filled,
                                static_cast<off_t>(index * kBlockSize + b.filled));
      if (n <= 0) break;
      b.filled += static_cast<std::size_t>(n);
    }
    // The file is ours and was written whole: failing to read it back is
    // the machine failing, not the input.
    if (at - index * kBlockSize >= b.filled) {
      b.index = ~std::uint64_t{0};
      throw std::runtime_error("cannot read back the temporary file of spilled text");
    }
    return b;
  }
};

spill_file& the_file() {
  static spill_file* f = new spill_file;  // never destroyed: texts may outlive static destructors
  return *f;
}

std::FILE* open_spill_file(std::string& failure) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/tollgate-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    failure = "cannot make a temporary file in " + path.substr(0, path.rfind('/')) + ": " + std::strerror(errno);
    return nullptr;
  }
  ::unlink(path.c_str());
  std::FILE* file = ::fdopen(fd, "w+b");
  if (!file) {
    failure = std::string("cannot open the temporary file: ") + std::strerror(errno);
    ::close(fd);
  }
  return file;
}

char* copy_of(const char* data, std::size_t size) {
  if (size == 0) return nullptr;
  char* out = new char[size];
  std::memcpy(out, data, size);
  return out;
}

}  // namespace

stored_text::stored_text(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("text over 4 GiB");
  size_ = static_cast<std::uint32_t>(text.size());
  data_ = copy_of(text.data(), text.size());
}

stored_text::stored_text(const stored_text& other) : size_(other.size_), spilled_(other.spilled_) {
  if (spilled_) offset_ = other.offset_;
  else data_ = copy_of(other.data_, size_);
}

stored_text& stored_text::operator=(const stored_text& other) {
  if (this != &other) *this = stored_text(other);
  return *this;
}

stored_text::stored_text(stored_text&& other) noexcept { take(other); }

stored_text& stored_text::operator=(stored_text&& other) noexcept {
  if (this != &other) {
    release();
    take(other);
  }
  return *this;
}

void stored_text::take(stored_text& other) noexcept {
  size_ = other.size_;
  spilled_ = other.spilled_;
  if (spilled_) offset_ = other.offset_;
  else data_ = other.data_;
  other.data_ = nullptr;
  other.size_ = 0;
  other.spilled_ = false;
}

stored_text::~stored_text() { release(); }

void stored_text::release() {
  if (!spilled_) delete[] data_;
  data_ = nullptr;
}

std::string stored_text::str() const {
  if (!spilled_) return std::string(data_ ? data_ : "", size_);
  std::string out(size_, '\0');
  spill_file& f = the_file();
  std::lock_guard<std::mutex> hold(f.lock);
  if (f.unflushed) {
    std::fflush(f.file);
    f.unflushed = false;
  }
  std::size_t done = 0;
  while (done < out.size()) {
    const std::uint64_t at = offset_ + done;
    const auto& b = f.block_at(at);
    const std::size_t from = static_cast<std::size_t>(at - b.index * spill_file::kBlockSize);
    const std::size_t n = std::min(out.size() - done, b.filled - from);
    std::memcpy(out.data() + done, b.bytes.get() + from, n);
    done += n;
  }
  return out;
}

std::string stored_text::spill_failure() {
  spill_file& f = the_file();
  std::lock_guard<std::mutex> hold(f.lock);
  return f.failure;
}

void stored_text::spill() {
  if (spilled_ || size_ == 0) return;
  spill_file& f = the_file();
  std::lock_guard<std::mutex> hold(f.lock);
  if (!f.file && !f.failed) f.file = open_spill_file(f.failure);
  if (!f.file) f.failed = true;
  if (f.failed) return;  // no temporary file: keep the text in memory
  if (std::fwrite(data_, 1, size_, f.file) != size_) {
    // A full disk mid-run: keep this text and the ones after it in memory.
    f.failed = true;
    f.failure = std::string("cannot write to the temporary file: ") + std::strerror(errno);
    return;
  }
  delete[] data_;
  offset_ = f.end;
  f.end += size_;
  f.unflushed = true;
  spilled_ = true;
}

}  // namespace tollgate::core
