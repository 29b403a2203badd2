#include "core/symbol.hpp"

#include <array>
#include <mutex>
#include <unordered_set>

namespace tollgate::core {
namespace {

struct text_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct pool {
  std::mutex lock;
  // Node-based: an element stays where it is when the set grows.
  std::unordered_set<std::string, text_hash, std::equal_to<>> texts;
};

pool& the_pool() {
  static pool* p = new pool;  // never destroyed: symbols may outlive static destructors
  return *p;
}

}  // namespace

const std::string* symbol::empty_text() {
  static const std::string* empty = new std::string;
  return empty;
}

symbol::symbol(std::string_view s) {
  if (s.empty()) return;
  // The claims of a document repeat a few texts: a small cache of this
  // thread's recent symbols answers most without the lock and the misses of
  // a large set.
  thread_local std::array<const std::string*, 4096> recent{};
  const std::string*& slot = recent[text_hash{}(s) % recent.size()];
  if (slot && *slot == s) {
    text_ = slot;
    return;
  }
  pool& p = the_pool();
  std::lock_guard<std::mutex> hold(p.lock);
  auto it = p.texts.find(s);
  if (it == p.texts.end()) it = p.texts.emplace(s).first;
  text_ = &*it;
  slot = text_;
}

}  // namespace tollgate::core
