#include <unordered_map>

#include "core/ascii.hpp"
#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

// Who gives a figure: the source its sentence names ("according to the
// health ministry"), else the outlet, else the document. Two outlets quoting
// one ministry are one source; a ministry and a rights group quoted in one
// article are two.
core::symbol source_identity(const claims::claim& c) {
  // A batch repeats a few names: each is turned into an identity once per
  // thread (the names are symbols, told apart by address).
  thread_local std::unordered_map<const std::string*, core::symbol> named, outlets, documents;
  if (c.attribution) {
    auto [it, added] = named.try_emplace(&c.attribution->str());
    if (added) {
      std::string name = c.attribution->str();
      for (char& ch : name) ch = core::to_lower(ch);
      if (name.rfind("the ", 0) == 0) name.erase(0, 4);
      it->second = core::symbol("named " + name);
    }
    return it->second;
  }
  auto& made = c.source().empty() ? documents : outlets;
  const std::string& name = c.source().empty() ? c.doc() : c.source().str();
  auto [it, added] = made.try_emplace(&name);
  if (added) it->second = core::symbol((c.source().empty() ? "document " : "outlet ") + name);
  return it->second;
}

const registry& builtin_kinds() {
  static const registry r = [] {
    registry k;
    // One line per kind, sorted.
    k.add<decrease_check>();
    k.add<disagreement_check>();
    k.add<exceeds_total_check>();
    k.add<jump_check>();
    k.add<stale_check>();
    k.add<term_check>();
    k.add<unattributed_check>();
    k.add<undated_check>();
    k.add<vague_check>();
    return k;
  }();
  return r;
}

}  // namespace tollgate::rules
