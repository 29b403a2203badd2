// decrease: a cumulative series falls. A later claim whose highest possible
// value (hi) is below the lowest possible value (lo) of an earlier one: "more
// than 1,000" then 1,200 is no decrease; "at least 212" then 150 is.

#include <algorithm>
#include <map>

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

decrease_check::decrease_check(param_reader& p)
    : tolerance_(p.get_number("tolerance", 0.0,
                              "fraction of the earlier lower bound a later figure may fall short by "
                              "before it counts (0.02 = 2%)")),
      revision_severity_(p.get_string("revision_severity", "info",
                                      "severity when the later article says the figure was revised")) {}

std::string decrease_check::default_message() const {
  return "{metric} toll for {group} fell from {prev.value} ({prev.source}, {prev.as_of}) to {value} "
         "({source}, {as_of})";
}

std::string decrease_check::summary() const {
  return "a cumulative figure that falls below one reported on an earlier day";
}

void decrease_check::run(const rule& r, const batch& b, const claims::lexicon& lex,
                         std::vector<finding>& out) const {
  core::severity revision_level = core::severity::info;
  core::parse_severity(revision_severity_, revision_level);
  std::map<std::string, std::vector<const claims::claim*>> series;
  for (const auto& c : b.claims) {
    if (c.as_of && r.where.matches(c, lex)) series[c.series()].push_back(&c);
  }
  for (auto& [key, points] : series) {
    std::stable_sort(points.begin(), points.end(), [](const claims::claim* a, const claims::claim* c) {
      return *a->as_of < *c->as_of;
    });
    // The claim with the highest lower bound among earlier days.
    const claims::claim* floor = nullptr;
    for (std::size_t i = 0; i < points.size();) {
      std::size_t day_end = i;
      while (day_end < points.size() && *points[day_end]->as_of == *points[i]->as_of) ++day_end;
      for (std::size_t k = i; k < day_end && floor; ++k) {
        const claims::claim& c = *points[k];
        if (!c.hi || *c.hi >= floor->lo * (1.0 - tolerance_)) continue;
        placeholder_values v;
        add_claim_fields(v, "", c);
        add_claim_fields(v, "prev.", *floor);
        v["rule"] = r.id;
        finding f = finding_at(r, c, render_message(r.message, v));
        if (c.revision) {
          f.level = revision_level;
          f.message += " (the article says the figure was revised)";
        }
        f.claims.push_back(floor->id);
        out.push_back(std::move(f));
      }
      for (std::size_t k = i; k < day_end; ++k) {
        if (!floor || points[k]->lo > floor->lo) floor = points[k];
      }
      i = day_end;
    }
  }
}

}  // namespace tollgate::rules
