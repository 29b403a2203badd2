// stale: an article repeats a figure lower than one already reported `lag` or
// more days before it was published ("1,200 killed" in a story of 27 October
// when 8,700 was reported on 24 October). An article that also gives the
// newer figure itself is up to date and is left alone.

#include <algorithm>

#include <deque>

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {
namespace {

// When a figure became known: its article's date, else the day it holds for.
core::date reported(const claims::claim& c) { return c.published() ? *c.published() : *c.as_of; }

}  // namespace

stale_check::stale_check(param_reader& p)
    : lag_(p.get_number("lag", 3, "days an earlier, higher figure must have been out before the article",
                        1.0, 3650.0)),
      window_(p.get_number("window", 60, "days back an earlier figure still counts (older ones are other events)",
                           1.0, 36500.0)),
      tolerance_(p.get_number("tolerance", 0.0,
                              "fraction of the earlier lower bound a figure may fall short by before it counts",
                              0.0, 1.0)) {}

std::string stale_check::default_message() const {
  return "{value} ({source}, published {published}) is out of date: {prev.value} was reported by "
         "{prev.source} on {reported}, {days} days before";
}

std::string stale_check::summary() const {
  return "an article repeats a figure lower than one reported some days before it was published";
}

std::string stale_check::example() const {
  return "fires:  24 Oct  \"at least 8,700 people have been killed\" (Desk A)\n"
         "        27 Oct  \"1,200 people were killed\" (Desk B): lower than a figure 3 days old\n"
         "quiet:  27 Oct  \"1,200 were killed by 13 October; the toll now exceeds 8,700\": the article gives the new figure";
}

void stale_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  const long lag = static_cast<long>(lag_);
  for (const auto& [key, points] : in.series(r)) {
    // Highest floor of each document within the series, by document id:
    // sorted pairs, which a series of a few claims fills without a node per
    // document.
    std::vector<std::pair<std::string_view, double>> doc_floors;
    doc_floors.reserve(points.size());
    for (const claims::claim* c : points) doc_floors.emplace_back(c->doc(), c->lo);
    std::sort(doc_floors.begin(), doc_floors.end());
    auto doc_floor = [&](const claims::claim& c) {
      // The last pair of the document holds its highest floor.
      const auto after = std::upper_bound(doc_floors.begin(), doc_floors.end(), std::string_view(c.doc()),
                                          [](std::string_view doc, const auto& p) { return doc < p.first; });
      return std::prev(after)->second;
    };
    std::vector<const claims::claim*> by_report(points.begin(), points.end());
    std::stable_sort(by_report.begin(), by_report.end(), [](const claims::claim* a, const claims::claim* c) {
      return reported(*a) < reported(*c);
    });
    std::vector<const claims::claim*> articles;
    for (const claims::claim* c : points) {
      if (c->published() && c->hi) articles.push_back(c);
    }
    std::stable_sort(articles.begin(), articles.end(), [](const claims::claim* a, const claims::claim* c) {
      return *a->published() < *c->published();
    });
    // Sweep: `best` is the highest floor among figures reported at least
    // `lag` and at most `window` days before the current article (a sliding-
    // window maximum over the figures in report order).
    const long window = static_cast<long>(window_);
    std::deque<const claims::claim*> floors;
    std::size_t next = 0;
    for (const claims::claim* c : articles) {
      const core::date cutoff = *c->published() + (-lag);
      while (next < by_report.size() && reported(*by_report[next]) <= cutoff) {
        while (!floors.empty() && floors.back()->lo <= by_report[next]->lo) floors.pop_back();
        floors.push_back(by_report[next]);
        ++next;
      }
      while (!floors.empty() && *c->published() - reported(*floors.front()) > window) floors.pop_front();
      if (floors.empty()) continue;
      const claims::claim* best = floors.front();
      const double floor = best->lo * (1.0 - tolerance_);
      if (*c->hi >= floor || doc_floor(*c) >= floor) continue;
      placeholder_values v;
      add_claim_fields(v, "", *c);
      add_claim_fields(v, "prev.", *best);
      v["reported"] = reported(*best).iso();
      v["days"] = std::to_string(*c->published() - reported(*best));
      v["rule"] = r.id;
      finding f = finding_at(r, *c, render_message(r.message, v));
      f.claims.push_back(best);
      out.push_back(std::move(f));
    }
  }
}

}  // namespace tollgate::rules
