#pragma once

// Records the whole run shares and names by a 32-bit number, like symbols:
// what every claim of a document says alike is kept once, a number a claim.

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace tollgate::core {

/// An append-only table of T, numbered from 0 in the order records are
/// added. Records live, unchanged, until the program ends. Adding takes a
/// lock; reading takes none, since records are kept in chunks that never
/// move. A number must reach a reader the way any data does between threads
/// (through a queue, a join), which also makes its record visible.
template <typename T>
class shared_records {
 public:
  shared_records() = default;
  shared_records(const shared_records&) = delete;
  shared_records& operator=(const shared_records&) = delete;
  ~shared_records() {
    for (auto& c : chunks_) delete[] c.load(std::memory_order_relaxed);
  }

  std::uint32_t add(T record) {
    std::lock_guard<std::mutex> hold(lock_);
    const std::uint32_t id = count_;
    const std::size_t chunk = id >> kChunkBits;
    if (chunk >= kChunks) throw std::length_error("more than 2^28 shared records");
    T* records = chunks_[chunk].load(std::memory_order_relaxed);
    if (!records) {
      records = new T[kChunkSize];
      chunks_[chunk].store(records, std::memory_order_release);
    }
    records[id & (kChunkSize - 1)] = std::move(record);
    ++count_;
    return id;
  }

  /// REQUIRES: `id` was returned by add.
  const T& operator[](std::uint32_t id) const {
    return chunks_[id >> kChunkBits].load(std::memory_order_acquire)[id & (kChunkSize - 1)];
  }

 private:
  // A run with a few records touches one chunk and the chunk list, about
  // half a megabyte in all.
  static constexpr std::size_t kChunkBits = 13;
  static constexpr std::size_t kChunkSize = std::size_t{1} << kChunkBits;
  static constexpr std::size_t kChunks = (std::size_t{1} << 28) >> kChunkBits;
  std::mutex lock_;
  std::uint32_t count_ = 0;
  std::array<std::atomic<T*>, kChunks> chunks_{};
};

}  // namespace tollgate::core
