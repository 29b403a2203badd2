// vague: a vague quantity ("hundreds", "dozens of") where the batch has a
// precise figure for the same series, given on the same day or up to
// `window` days before by another document. A story that leads with
// "hundreds" and gives the figure itself further down is left alone.

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

vague_check::vague_check(param_reader& p)
    : window_(p.get_number("window", 3, "days a precise figure stays current for this check", 0.0, 3650.0)) {}

std::string vague_check::default_message() const {
  return "vague '{value}' for {metric} ({group}) where the batch has a precise figure: {prev.value} "
         "({prev.source}, {prev.as_of})";
}

std::string vague_check::summary() const {
  return "a vague quantity (dozens, hundreds) where another article gives a precise figure for the series";
}

std::string vague_check::example() const {
  return "fires:  6 Mar  \"Hundreds of people have been injured\" (Desk B)\n"
         "        after 5 Mar \"310 people were injured\" (Desk A)\n"
         "quiet:  \"Hundreds were injured ... 310 people were injured\" in one article";
}

void vague_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  const long window = static_cast<long>(window_);
  for (const auto& [key, points] : in.series(r)) {
    // For each position: the latest precise claim up to it, and the latest
    // from another document than that one (so a vague claim can skip its own
    // document in O(1)).
    const claims::claim* latest = nullptr;
    const claims::claim* latest_other_doc = nullptr;
    std::vector<std::pair<const claims::claim*, const claims::claim*>> before(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
      const claims::claim* c = points[i];
      if (!c->vague) {
        if (latest && latest->doc() != c->doc()) latest_other_doc = latest;
        latest = c;
      }
      before[i] = {latest, latest_other_doc};
    }
    // Same-day precise figures count even when they come later in the batch:
    // take each day's last position.
    for (std::size_t i = 0; i < points.size();) {
      std::size_t day_end = i;
      while (day_end < points.size() && *points[day_end]->as_of == *points[i]->as_of) ++day_end;
      const auto [last, other] = before[day_end - 1];
      for (std::size_t k = i; k < day_end; ++k) {
        const claims::claim& c = *points[k];
        if (!c.vague) continue;
        const claims::claim* precise = last && last->doc() != c.doc() ? last : other;
        if (!precise || *c.as_of - *precise->as_of > window) continue;
        placeholder_values v;
        add_claim_fields(v, "", c);
        add_claim_fields(v, "prev.", *precise);
        v["rule"] = r.id;
        finding f = finding_at(r, c, render_message(r.message, v));
        f.claims.push_back(precise);
        out.push_back(std::move(f));
      }
      i = day_end;
    }
  }
}

}  // namespace tollgate::rules
