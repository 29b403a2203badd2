#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

std::string source_identity(const claims::claim& c) { return c.source.empty() ? "document " + c.doc : c.source; }

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
