// decrease: a cumulative series falls. A later claim whose highest possible
// value (hi) is below the lowest possible value (lo) of an earlier one: "more
// than 1,000" then 1,200 is no decrease; "at least 212" then 150 is.

#include <deque>

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

decrease_check::decrease_check(param_reader& p)
    : tolerance_(p.get_number("tolerance", 0.0,
                              "fraction of the earlier lower bound a later figure may fall short by "
                              "before it counts (0.02 = 2%)",
                              0.0, 1.0)),
      window_(p.get_number("window", 60,
                           "days back an earlier figure counts: a series of one place over years holds "
                           "many events, and a new disaster's toll starts low",
                           1.0, 36500.0)) {
  const std::string level = p.get_string("revision_severity", "info",
                                         "severity when the later article says the figure was revised");
  if (!core::parse_severity(level, revision_level_)) {
    p.fail("revision_severity", "parameter 'revision_severity' must be error, warning or info, not '" + level + "'");
  }
}

std::string decrease_check::default_message() const {
  return "{metric} toll for {group} fell from {prev.value} ({prev.source}, {prev.as_of}) to {value} "
         "({source}, {as_of})";
}

std::string decrease_check::example() const {
  return "fires:  12 Oct  \"At least 11,300 people have been killed,\" (Desk A)\n"
         "        13 Oct  \"3,958 people have been killed\" (Desk B): 3,958 is below 11,300\n"
         "quiet:  12 Oct  \"more than 1,000\" then 13 Oct \"1,200\": the intervals allow growth";
}

std::string decrease_check::summary() const {
  return "a cumulative figure that falls below one reported on an earlier day";
}

void decrease_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  const long window = static_cast<long>(window_);
  for (const auto& [key, points] : in.series(r)) {
    // Earlier days' claims within the window, as a sliding-window maximum of
    // their lower bounds: the front is the floor a later figure must reach.
    std::deque<const claims::claim*> floors;
    std::size_t added = 0;  // points[0, added) have been offered to `floors`
    for (std::size_t i = 0; i < points.size();) {
      std::size_t day_end = i;
      while (day_end < points.size() && *points[day_end]->as_of == *points[i]->as_of) ++day_end;
      const core::date today = *points[i]->as_of;
      for (; added < i; ++added) {
        while (!floors.empty() && floors.back()->lo <= points[added]->lo) floors.pop_back();
        floors.push_back(points[added]);
      }
      while (!floors.empty() && today - *floors.front()->as_of > window) floors.pop_front();
      const claims::claim* floor = floors.empty() ? nullptr : floors.front();
      for (std::size_t k = i; k < day_end && floor; ++k) {
        const claims::claim& c = *points[k];
        if (!c.hi || *c.hi >= floor->lo * (1.0 - tolerance_)) continue;
        placeholder_values v;
        add_claim_fields(v, "", c);
        add_claim_fields(v, "prev.", *floor);
        v["rule"] = r.id;
        std::string message = render_message(r.message, v);
        if (c.revision) message += " (the article says the figure was revised)";
        finding f = finding_at(r, c, std::move(message));
        if (c.revision) f.level = revision_level_;
        f.claims.push_back(floor);
        out.push_back(std::move(f));
      }
      i = day_end;
    }
  }
}

}  // namespace tollgate::rules
