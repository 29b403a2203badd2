// jump: a series grows implausibly fast between neighbouring days. Growth is
// read generously: from the highest figure the earlier day allows to the
// lowest the later claim allows, per day over the gap (compounded), so only a
// jump no wording can explain fires. Open-ended wording ("at least 212") is
// read at its figure, since such tolls are rarely far above it.

#include <cmath>
#include <cstdio>

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {
namespace {

// The most the claim allows, reading open-ended wording at its figure; 0
// when nothing bounds it ("dozens").
double top(const claims::claim& c) {
  if (c.hi) return *c.hi;
  return c.value.value_or(0.0);
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

jump_check::jump_check(param_reader& p)
    : max_ratio_(p.get_number("max_ratio", 4, "largest plausible growth per day (4 = the figure may quadruple in a day)",
                              1.0, 1e9)),
      min_value_(p.get_number("min_value", 50, "later figures below this are never a jump (small tolls move fast)",
                              0.0)) {}

std::string jump_check::default_message() const {
  return "{metric} toll for {group} jumped from {prev.value} ({prev.source}, {prev.as_of}) to {value} ({source}, "
         "{as_of}): {per_day} times a day, more than the plausible {max_ratio}";
}

std::string jump_check::summary() const {
  return "a series grows faster between neighbouring days than `max_ratio` a day";
}

std::string jump_check::example() const {
  return "fires:  5 Mar  \"120 people were killed\"\n"
         "        6 Mar  \"2,120 people were killed\": 17.7 times in a day\n"
         "quiet:  5 Mar  \"120\", 8 Mar \"1,200\": 10 times over 3 days is 2.2 a day";
}

void jump_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  for (const auto& [key, points] : in.series(r)) {
    const claims::claim* prev = nullptr;  // the highest top of the last usable day
    for (std::size_t i = 0; i < points.size();) {
      std::size_t day_end = i;
      while (day_end < points.size() && *points[day_end]->as_of == *points[i]->as_of) ++day_end;
      for (std::size_t k = i; k < day_end && prev; ++k) {
        const claims::claim& c = *points[k];
        const long days = *c.as_of - *prev->as_of;
        if (c.lo < min_value_ || days <= 0) continue;
        const double ratio = c.lo / top(*prev);
        const double per_day = std::pow(ratio, 1.0 / static_cast<double>(days));
        if (per_day <= max_ratio_) continue;
        placeholder_values v;
        add_claim_fields(v, "", c);
        add_claim_fields(v, "prev.", *prev);
        v["ratio"] = one_decimal(ratio);
        v["per_day"] = one_decimal(per_day);
        v["days"] = std::to_string(days);
        v["max_ratio"] = format_count(max_ratio_);
        v["rule"] = r.id;
        finding f = finding_at(r, c, render_message(r.message, v));
        f.claims.push_back(prev);
        out.push_back(std::move(f));
      }
      const claims::claim* day_top = nullptr;
      for (std::size_t k = i; k < day_end; ++k) {
        if (top(*points[k]) > 0 && (!day_top || top(*points[k]) > top(*day_top))) day_top = points[k];
      }
      if (day_top) prev = day_top;
      i = day_end;
    }
  }
}

}  // namespace tollgate::rules
