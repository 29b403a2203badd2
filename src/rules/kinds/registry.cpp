#include <cctype>

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

// Who gives a figure: the source its sentence names ("according to the
// health ministry"), else the outlet, else the document. Two outlets quoting
// one ministry are one source; a ministry and a rights group quoted in one
// article are two.
std::string source_identity(const claims::claim& c) {
  if (c.attribution) {
    std::string name;
    for (char ch : c.attribution->str()) name += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name.rfind("the ", 0) == 0) name.erase(0, 4);
    return "named " + name;
  }
  return c.source.empty() ? "document " + c.doc : "outlet " + c.source;
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
