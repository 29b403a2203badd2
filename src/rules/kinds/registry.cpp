#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

const registry& builtin_kinds() {
  static const registry r = [] {
    registry k;
    // One line per kind, sorted.
    k.add<decrease_check>();
    k.add<exceeds_total_check>();
    k.add<undated_check>();
    return k;
  }();
  return r;
}

}  // namespace tollgate::rules
