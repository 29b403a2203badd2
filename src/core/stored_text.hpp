#pragma once

// Text a run keeps for a long time but reads rarely: the line shown under a
// finding, a claim's wording, a finding's message. A large batch holds
// millions of them, so once a batch takes them they move out of memory.

#include <cstdint>
#include <string>
#include <string_view>

namespace tollgate::core {

/// An immutable string that is either held in memory or, after `spill()`,
/// kept in a temporary file for the rest of the run and read back on demand.
/// Spilling is best effort: when no temporary file can be made, the text
/// stays in memory. Thread-safe; 8 bytes however long the text (up to 4 GiB).
class stored_text {
 public:
  stored_text() = default;
  explicit stored_text(std::string_view text);
  stored_text(const stored_text& other);
  stored_text& operator=(const stored_text& other);
  stored_text(stored_text&& other) noexcept;
  stored_text& operator=(stored_text&& other) noexcept;
  ~stored_text();

  /// The text; from the temporary file when spilled.
  std::string str() const;
  std::size_t size() const;
  bool empty() const { return bits_ == 0; }
  bool spilled() const { return (bits_ & kSpilled) != 0; }

  /// Moves the text to the run's temporary file (in $TMPDIR, else /tmp)
  /// and frees its memory.
  void spill();
  /// Why texts stay in memory (no temporary file could be made or written);
  /// empty while spilling works.
  static std::string spill_failure();

 private:
  void release();

  // One word, since a batch holds millions: 0 when empty; in memory, the
  // address of a block of a 4-byte size and the bytes (aligned, so its low
  // bit is 0); spilled, the low bit set, then kSizeBits of size and the
  // offset in the temporary file. A text too long to say so stays in memory.
  static constexpr std::uint64_t kSpilled = 1;
  static constexpr int kSizeBits = 24;
  static constexpr int kOffsetBits = 63 - kSizeBits;
  std::uint64_t bits_ = 0;
};

}  // namespace tollgate::core
