#include "core/symbol.hpp"

#include <array>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

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

struct text_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct pool {
  std::mutex lock;
  // Node-based: an element stays where it is when the set grows. Maps each
  // text to its number.
  std::unordered_map<std::string, std::uint32_t, text_hash, std::equal_to<>> numbers;
  std::uint32_t next = 1;  // 0 is the empty text

  // Puts text number `id` in its chunk, making the chunk on its first text.
  void store(std::uint32_t id, const std::string* text) {
    const std::size_t chunk = id >> detail::kSymbolChunkBits;
    if (chunk >= detail::kSymbolChunks) throw std::length_error("more than 2^28 distinct symbols");
    auto* texts = const_cast<const std::string**>(detail::symbol_chunks[chunk].load(std::memory_order_relaxed));
    if (!texts) {
      texts = new const std::string*[kChunkSize]();  // never freed: symbols live to the end
      detail::symbol_chunks[chunk].store(texts, std::memory_order_release);
    }
    texts[id & (kChunkSize - 1)] = text;
  }
};

pool& the_pool() {
  static pool* p = new pool;  // never destroyed: symbols may outlive static destructors
  return *p;
}

}  // namespace

symbol::symbol(std::string_view s) {
  if (s.empty()) return;
  // The claims of a document repeat a few texts: a small cache of this
  // thread's recent symbols answers most without the lock and the misses of
  // a large set.
  struct recent_symbol {
    const std::string* text = nullptr;
    std::uint32_t id = 0;
  };
  thread_local std::array<recent_symbol, 4096> recent{};
  recent_symbol& slot = recent[text_hash{}(s) % recent.size()];
  if (slot.text && *slot.text == s) {
    id_ = slot.id;
    return;
  }
  pool& p = the_pool();
  std::lock_guard<std::mutex> hold(p.lock);
  auto it = p.numbers.find(s);
  if (it == p.numbers.end()) {
    it = p.numbers.emplace(std::string(s), p.next).first;
    p.store(p.next, &it->first);
    ++p.next;
  }
  id_ = it->second;
  slot = {&it->first, id_};
}

}  // namespace tollgate::core
