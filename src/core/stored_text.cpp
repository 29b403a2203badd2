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

#include "core/io_buffer.hpp"

namespace tollgate::core {
namespace {

// The run's temporary file: made on the first spill in $TMPDIR (else /tmp)
// and unlinked at once, so that the system removes it however the process
// ends; appended to and read under one lock.
struct spill_file {
  std::mutex lock;
  std::FILE* file = nullptr;
  std::unique_ptr<char[]> write_buffer;  // the file's stdio buffer
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

std::FILE* open_spill_file(std::string& failure, std::unique_ptr<char[]>& buffer) {
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
    return nullptr;
  }
  // Texts are short and many: a large buffer makes a system call for many,
  // where stdio's own made one a page. glibc takes a size only with a
  // buffer, which must live as long as the file.
  buffer = std::make_unique<char[]>(kIoBufferBytes);
  std::setvbuf(file, buffer.get(), _IOFBF, kIoBufferBytes);
  return file;
}

// A block of the text's size (4 bytes) and its bytes, as stored_text holds it in memory.
std::uint64_t block_of(const char* data, std::size_t size) {
  if (size == 0) return 0;
  if (size > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("text over 4 GiB");
  char* block = new char[sizeof(std::uint32_t) + size];
  const auto n = static_cast<std::uint32_t>(size);
  std::memcpy(block, &n, sizeof n);
  std::memcpy(block + sizeof n, data, size);
  return reinterpret_cast<std::uintptr_t>(block);
}

char* block_address(std::uint64_t bits) { return reinterpret_cast<char*>(static_cast<std::uintptr_t>(bits)); }

std::uint32_t block_size(std::uint64_t bits) {
  std::uint32_t n = 0;
  std::memcpy(&n, block_address(bits), sizeof n);
  return n;
}

}  // namespace

stored_text::stored_text(std::string_view text) : bits_(block_of(text.data(), text.size())) {}

stored_text::stored_text(const stored_text& other)
    : bits_(other.bits_ == 0 || other.spilled() ? other.bits_
                                                : block_of(block_address(other.bits_) + sizeof(std::uint32_t),
                                                           block_size(other.bits_))) {}

stored_text& stored_text::operator=(const stored_text& other) {
  if (this != &other) *this = stored_text(other);
  return *this;
}

stored_text::stored_text(stored_text&& other) noexcept : bits_(other.bits_) { other.bits_ = 0; }

stored_text& stored_text::operator=(stored_text&& other) noexcept {
  if (this != &other) {
    release();
    bits_ = other.bits_;
    other.bits_ = 0;
  }
  return *this;
}

stored_text::~stored_text() { release(); }

void stored_text::release() {
  if (bits_ != 0 && !spilled()) delete[] block_address(bits_);
  bits_ = 0;
}

std::size_t stored_text::size() const {
  if (bits_ == 0) return 0;
  if (spilled()) return static_cast<std::size_t>((bits_ >> 1) & ((std::uint64_t{1} << kSizeBits) - 1));
  return block_size(bits_);
}

std::string stored_text::str() const {
  if (bits_ == 0) return {};
  if (!spilled()) return std::string(block_address(bits_) + sizeof(std::uint32_t), block_size(bits_));
  std::string out(size(), '\0');
  const std::uint64_t offset = bits_ >> (1 + kSizeBits);
  spill_file& f = the_file();
  std::lock_guard<std::mutex> hold(f.lock);
  if (f.unflushed) {
    std::fflush(f.file);
    f.unflushed = false;
  }
  std::size_t done = 0;
  while (done < out.size()) {
    const std::uint64_t at = offset + done;
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
  if (bits_ == 0 || spilled()) return;
  const std::uint32_t size = block_size(bits_);
  if (size >> kSizeBits) return;  // too long for the spilled form; rare enough to keep
  spill_file& f = the_file();
  std::lock_guard<std::mutex> hold(f.lock);
  if (!f.file && !f.failed) f.file = open_spill_file(f.failure, f.write_buffer);
  if (!f.file) f.failed = true;
  if (f.failed || (f.end >> kOffsetBits)) return;  // no (more) temporary file: keep the text in memory
  if (std::fwrite(block_address(bits_) + sizeof size, 1, size, f.file) != size) {
    // A full disk mid-run: keep this text and the ones after it in memory.
    f.failed = true;
    f.failure = std::string("cannot write to the temporary file: ") + std::strerror(errno);
    return;
  }
  delete[] block_address(bits_);
  bits_ = (f.end << (1 + kSizeBits)) | (std::uint64_t{size} << 1) | kSpilled;
  f.end += size;
  f.unflushed = true;
}

}  // namespace tollgate::core
