// unattributed: a casualty figure with no source in its sentence or the one
// before ("according to the health ministry", "police said"). The parts of a
// breakdown go with their total, which is reported once, and so does what a
// toll was before ("up from 12") with the figure it gave way to. A past
// year's toll told as background ("In 1968, a cyclone killed 27,000") is not
// news that needs a source.

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

unattributed_check::unattributed_check(param_reader& p)
    : min_value_(p.get_number("min_value", 0, "figures whose lower bound is below this are not checked", 0.0)),
      background_days_(p.get_number("background_days", 365,
                                    "figures that hold as of more than this many days before their article was "
                                    "published are background (a past year's toll) and are not checked",
                                    0.0)) {}

std::string unattributed_check::default_message() const {
  return "{metric} figure {value} has no source in its sentence or the one before; say who gives it";
}

std::string unattributed_check::summary() const {
  return "a casualty figure with no attribution in its sentence or the sentence before";
}

std::string unattributed_check::example() const {
  return "fires:  \"Over 8,700 people have been killed.\" with no source around it\n"
         "quiet:  \"At least 1,400 died, the health ministry said.\", or a sentence after \"Police said on Monday:\"\n"
         "        \"In 1968, a cyclone in the same region killed around 27,000 people.\": background";
}

void unattributed_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  const batch& b = in.b;
  const claims::lexicon& lex = in.lex;
  for (const auto& c : b.claims) {
    if (c.attribution || c.previous_attributed || c.part_of_number || c.lo < min_value_) continue;
    if (c.as_of && c.published() && *c.published() - *c.as_of > background_days_) continue;
    // "rose to 30, up from 12": the figure before it in its sentence, with the
    // same source or none, is reported; what the toll was is not again.
    if (c.earlier_value()) continue;
    if (!r.where.matches(c, lex)) continue;
    placeholder_values v;
    add_claim_fields(v, "", c);
    v["rule"] = r.id;
    out.push_back(finding_at(r, c, render_message(r.message, v)));
  }
}

}  // namespace tollgate::rules
