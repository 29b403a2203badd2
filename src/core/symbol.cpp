#include "core/symbol.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "core/word_set.hpp"

namespace tollgate::core {
namespace {
constexpr std::size_t kChunkSize = std::size_t{1} << detail::kSymbolChunkBits;
// The first chunk and the empty text are in place before any code runs, so
// that a default symbol reads as "" even during static initialization.
constinit const std::string empty_text;
constinit const std::string* first_chunk[kChunkSize] = {&empty_text};
}  // namespace

namespace detail {
constinit std::atomic<const std::string* const*> symbol_chunks[kSymbolChunks] = {first_chunk};
}  // namespace detail

namespace {

// The inline word hash, not std::hash (a library call): a symbol is made for
// each part of every claim. Texts that share both ends and their length
// collide; the lookup compares the texts.
std::uint64_t hash_of(std::string_view s) { return word_hash(s); }
std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

struct pool {
  std::mutex lock;
  // Texts in a deque, which never moves an element when it grows.
  std::deque<std::string> texts;
  // Open addressing over (hash tag, number) pairs of 8 bytes: a lookup reads
  // one or two slots of a flat array and one text, where a node-based map
  // chased a pointer per step. Capacity is a power of two, at most half
  // full; growing hashes the texts again, which keeps the slots small.
  struct slot {
    std::uint32_t tag = 0;  // the hash's high half: most slots of other texts differ in it
    std::uint32_t id = 0;  // 0: empty (the empty text is never stored here)
  };
  std::vector<slot> slots = std::vector<slot>(1024);
  std::uint32_t next = 1;  // 0 is the empty text

  std::uint32_t find_or_add(std::string_view s, std::uint64_t hash) {
    std::size_t mask = slots.size() - 1;
    std::size_t at = hash & mask;
    for (; slots[at].id != 0; at = (at + 1) & mask) {
      if (slots[at].tag == tag_of(hash) && detail::symbol_text(slots[at].id) == s) return slots[at].id;
    }
    const std::uint32_t id = next++;
    store(id, &texts.emplace_back(s));
    slots[at] = {tag_of(hash), id};
    if (2 * static_cast<std::size_t>(next) > slots.size()) grow();
    return id;
  }

  void grow() {
    std::vector<slot> bigger(slots.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const slot& old : slots) {
      if (old.id == 0) continue;
      std::size_t at = hash_of(detail::symbol_text(old.id)) & mask;
      while (bigger[at].id != 0) at = (at + 1) & mask;
      bigger[at] = old;
    }
    slots.swap(bigger);
  }

  // Puts text number `id` in its chunk, making the chunk on its first text.
  void store(std::uint32_t id, const std::string* text) {
    const std::size_t chunk = id >> detail::kSymbolChunkBits;
    if (chunk >= detail::kSymbolChunks) throw std::length_error("more than 2^28 distinct symbols");
    auto* chunk_texts = const_cast<const std::string**>(detail::symbol_chunks[chunk].load(std::memory_order_relaxed));
    if (!chunk_texts) {
      chunk_texts = new const std::string*[kChunkSize]();  // never freed: symbols live to the end
      detail::symbol_chunks[chunk].store(chunk_texts, std::memory_order_release);
    }
    chunk_texts[id & (kChunkSize - 1)] = text;
  }
};

pool& the_pool() {
  static pool* p = new pool;  // never destroyed: symbols may outlive static destructors
  return *p;
}

// A thread's recently made symbols. Short texts are kept in the slot itself,
// so that a hit reads no memory but the slot: claims repeat a few short texts
// (metrics, groups, qualifiers, figures), and with a batch's claims in memory
// the pool's texts are rarely in the cache.
struct recent_symbol {
  static constexpr std::size_t kInline = 19;
  std::uint64_t hash = 0;
  std::uint32_t id = 0;  // 0: empty slot
  std::uint8_t length = 0;  // of `text`; more than kInline: the text is the pool's
  char text[kInline] = {};

  bool holds(std::string_view s, std::uint64_t h) const {
    if (id == 0 || hash != h) return false;
    if (s.size() <= kInline) return length == s.size() && std::memcmp(text, s.data(), s.size()) == 0;
    return length > kInline && detail::symbol_text(id) == s;
  }
  void keep(std::string_view s, std::uint64_t h, std::uint32_t number) {
    hash = h;
    id = number;
    length = static_cast<std::uint8_t>(std::min<std::size_t>(s.size(), kInline + 1));
    if (s.size() <= kInline) std::memcpy(text, s.data(), s.size());
  }
};
static_assert(sizeof(recent_symbol) == 32);

}  // namespace

symbol::symbol(std::string_view s) {
  if (s.empty()) return;
  // The claims of a document repeat a few texts: a small cache of this
  // thread's recent symbols answers most without the lock.
  thread_local std::array<recent_symbol, 4096> recent{};
  const std::uint64_t hash = hash_of(s);
  recent_symbol& slot = recent[hash % recent.size()];
  if (slot.holds(s, hash)) {
    id_ = slot.id;
    return;
  }
  pool& p = the_pool();
  {
    std::lock_guard<std::mutex> hold(p.lock);
    id_ = p.find_or_add(s, hash);
  }
  slot.keep(s, hash, id_);
}

}  // namespace tollgate::core
