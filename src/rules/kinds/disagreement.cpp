// disagreement: two sources give figures for one series, within `window` days
// of each other, whose intervals cannot both be right. "About 300" [270, 330]
// and 320 agree; "at least 400" and "nearly 340" [306, 340] do not. Claims of
// one source never disagree with each other here (a source's own later figure
// is decrease's business). The counts of the one attack a war story reports
// are no running total and in no series: those of one story are compared
// with each other the same way.

#include <set>
#include <unordered_map>

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {
namespace {

// The smallest value per key within a sliding window, so that "the lowest
// upper bound among the other sources" costs O(log n): each key keeps its
// values, and `heads_` holds each key's smallest; the answer is among the
// first two heads. Keys are symbols, told apart by address.
class min_by_key {
 public:
  using key_type = const std::string*;
  void add(key_type key, double v, std::size_t i) {
    auto& values = by_key_[key];
    if (!values.empty()) heads_.erase({values.begin()->first, values.begin()->second, key});
    values.insert({v, i});
    heads_.insert({values.begin()->first, values.begin()->second, key});
  }
  void remove(key_type key, double v, std::size_t i) {
    auto& values = by_key_[key];
    heads_.erase({values.begin()->first, values.begin()->second, key});
    values.erase({v, i});
    if (values.empty()) by_key_.erase(key);
    else heads_.insert({values.begin()->first, values.begin()->second, key});
  }
  /// Index of the smallest value whose key is not `key`, or npos.
  std::size_t min_other(key_type key) const {
    for (const auto& [v, i, k] : heads_) {
      if (k != key) return i;
    }
    return std::string::npos;
  }

 private:
  std::unordered_map<key_type, std::set<std::pair<double, std::size_t>>> by_key_;
  std::set<std::tuple<double, std::size_t, key_type>> heads_;
};

// Series up to this many claims are searched without min_by_key.
constexpr std::size_t kReadWhole = 48;

// Whether intervals `a` and `b` cannot both hold, even allowing `tolerance`
// of the higher figure between them.
bool apart(const claims::claim& a, const claims::claim& b, double tolerance) {
  return (b.hi && *b.hi < a.lo * (1.0 - tolerance)) || (a.hi && *a.hi < b.lo * (1.0 - tolerance));
}

}  // namespace

disagreement_check::disagreement_check(param_reader& p)
    : window_(p.get_number("window", 0, "days apart two figures may be and still be compared (0 = the same day)",
                           0.0, 3650.0)),
      tolerance_(p.get_number("tolerance", 0.1,
                              "fraction of the higher figure by which the two intervals may miss each other "
                              "before it counts (0.1 = 10%)",
                              0.0, 1.0)),
      attack_counts_(p.get_bool("attack_counts", true,
                                "also compare the counts that a war story's sources give for the one attack it "
                                "reports (not running totals: in no series)")) {}

std::string disagreement_check::default_message() const {
  return "{metric} figures for {group} disagree: {value} ({source}, {as_of}) against {prev.value} "
         "({prev.source}, {prev.as_of})";
}

std::string disagreement_check::summary() const {
  return "two sources give figures for one series, within a few days, that cannot both be right";
}

std::string disagreement_check::example() const {
  return "fires:  4 Mar  \"90 people were killed\" (Valley Herald)\n"
         "        4 Mar  \"at least 140 people were killed\" (Norvan Post): [90, 90] and [140, ...) do not meet\n"
         "quiet:  4 Mar  \"about 300\" (A) and \"320\" (B): [270, 330] holds 320";
}

void disagreement_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  const long window = static_cast<long>(window_);
  for (const auto& [key, points] : in.series(r)) {
    min_by_key low_hi;   // upper bounds (bounded ones only)
    min_by_key high_lo;  // lower bounds, negated: the highest floor
    // Each point's source, made once: the window adds and removes it.
    std::vector<min_by_key::key_type> sources;
    sources.reserve(points.size());
    for (const claims::claim* c : points) sources.push_back(&source_identity(*c).str());
    // Most series are short: their windows are read whole, which costs
    // less than keeping the two ordered sets and is O(n) for this bound.
    const bool small = points.size() <= kReadWhole;
    std::size_t first = 0;  // oldest claim still in the window
    for (std::size_t i = 0; i < points.size(); ++i) {
      const claims::claim& c = *points[i];
      while (*c.as_of - *points[first]->as_of > window) {
        const claims::claim& old = *points[first];
        if (!small) {
          if (old.hi) low_hi.remove(sources[first], *old.hi, first);
          high_lo.remove(sources[first], -old.lo, first);
        }
        ++first;
      }
      const min_by_key::key_type source = sources[i];
      // Of the window's claims from other sources, the one with the lowest
      // upper bound and the one with the highest floor (the earliest of equals).
      std::size_t lowest_hi = std::string::npos, highest_lo = std::string::npos;
      if (small) {
        for (std::size_t j = first; j < i; ++j) {
          if (sources[j] == source) continue;
          if (points[j]->hi && (lowest_hi == std::string::npos || *points[j]->hi < *points[lowest_hi]->hi)) {
            lowest_hi = j;
          }
          if (highest_lo == std::string::npos || points[j]->lo > points[highest_lo]->lo) highest_lo = j;
        }
      } else {
        lowest_hi = low_hi.min_other(source);
        highest_lo = high_lo.min_other(source);
      }
      const claims::claim* other = nullptr;
      // An earlier interval entirely below this one, or entirely above it.
      if (lowest_hi != std::string::npos && *points[lowest_hi]->hi < c.lo * (1.0 - tolerance_)) {
        other = points[lowest_hi];
      }
      if (!other && highest_lo != std::string::npos && c.hi && *c.hi < points[highest_lo]->lo * (1.0 - tolerance_)) {
        other = points[highest_lo];
      }
      if (other) {
        placeholder_values v;
        add_claim_fields(v, "", c);
        add_claim_fields(v, "prev.", *other);
        v["days"] = std::to_string(*c.as_of - *other->as_of);
        v["rule"] = r.id;
        finding f = finding_at(r, c, render_message(r.message, v));
        f.claims.push_back(other);
        out.push_back(std::move(f));
      }
      if (small) continue;
      if (c.hi) low_hi.add(source, *c.hi, i);
      high_lo.add(source, -c.lo, i);
    }
  }
  if (attack_counts_) compare_attack_counts(r, in, out);
}

void disagreement_check::compare_attack_counts(const rule& r, const check_input& in, finding_sink& out) const {
  // The rule's filter, less its `cumulative`: these counts are not running totals.
  where_filter where = r.where;
  where.cumulative.reset();
  const auto& claims = in.b.claims;
  // A document's claims are next to each other in the batch; its counts of
  // the attack are few, and are compared pairwise.
  std::vector<const claims::claim*> counts;
  for (std::size_t i = 0; i < claims.size();) {
    std::size_t end = i;
    counts.clear();
    for (; end < claims.size() && claims[end].doc_index() == claims[i].doc_index(); ++end) {
      const claims::claim& c = claims[end];
      if (c.counts_story_attack() && c.as_of && !c.part_of_number && where.matches(c, in.lex)) counts.push_back(&c);
    }
    for (std::size_t k = 1; k < counts.size(); ++k) {
      const claims::claim& c = *counts[k];
      const core::symbol source = source_identity(c);
      for (std::size_t j = 0; j < k; ++j) {
        const claims::claim& other = *counts[j];
        if (other.metric != c.metric || other.group != c.group || source_identity(other) == source ||
            std::abs(*c.as_of - *other.as_of) > window_ || !apart(c, other, tolerance_)) {
          continue;
        }
        placeholder_values v;
        add_claim_fields(v, "", c);
        add_claim_fields(v, "prev.", other);
        v["days"] = std::to_string(*c.as_of - *other.as_of);
        v["rule"] = r.id;
        // One outlet gives both: who it says gives each is what differs.
        auto by = [](const claims::claim& x) { return x.attribution ? x.attribution->str() : std::string("the outlet"); };
        finding f = finding_at(r, c, render_message(r.message, v) + " (counts of the story's attack, by " + by(c) +
                                         " and " + by(other) + ")");
        f.claims.push_back(&other);
        out.push_back(std::move(f));
        break;
      }
    }
    i = end;
  }
}

}  // namespace tollgate::rules
