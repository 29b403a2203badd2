#pragma once

// The trace stage: the dated claims of each metric in date order, with the
// change of each figure from the previous point of its own series.

#include <optional>
#include <string>
#include <vector>

#include "claims/claims.hpp"

namespace tollgate::trace {

/// A timeline has a point a dated claim: 24 bytes, a claim's optional
/// fields' way.
struct point {
  const claims::claim* claim = nullptr;
  /// Change of the figure (value, else lower bound) since the previous point
  /// of the same series and event; nullopt for its first point.
  core::compact_optional<double> change;
  core::compact_optional<core::date> previous_date;
  /// The day its event began, when it is not its series' first: a story that
  /// reports its event on a day (claims::claim_document::onset) after the
  /// series' last figure starts another event of that place ("a fire in
  /// March, a ferry sinking in April"), whose figures are not compared with
  /// the first's. In what was padding.
  core::compact_optional<core::date> event_from;
};

/// The series a point's timeline shows it in: its claim's series, and for a
/// later event of that series, the day the event began
/// ("killed/people/Orvik (event from 2024-04-09)").
std::string series_of(const point& p);
/// The same from a series key and the day its event began, if not its first.
std::string series_name(std::string key, const core::compact_optional<core::date>& event_from);

/// An exponential growth curve fitted to a series: value ≈ a · (1 + daily)^t.
/// Fitted by least squares on log(value) over the series' precise figures
/// (at least three, on at least two different days).
struct growth_fit {
  /// The series' name (see series_name): its key and the day its event
  /// began, kept apart, since a batch of many stories has a fit an event.
  std::string series() const { return series_name(key.str(), event_from); }
  core::symbol key;
  core::compact_optional<core::date> event_from;
  std::size_t points = 0;
  double daily_growth = 0;  // 0.25 = +25% a day
  double r2 = 0;            // of the fit in log space
};

/// One metric's timeline: every dated claim of that metric in date order,
/// and the growth curves of its series that have enough points.
struct timeline {
  std::string metric;
  std::vector<point> points;
  std::vector<growth_fit> fits;
};

/// Fits growth to (day, value) pairs; nullopt when there are too few points,
/// fewer than two days, or a value that is not positive.
std::optional<growth_fit> fit_growth(const std::vector<std::pair<long, double>>& day_values);

/// Timelines for every metric, in the lexicon's metric order when known, else
/// alphabetical. Undated claims are left out.
std::vector<timeline> build(const claims::claim_list& claims);

/// The number a point stands for in a change: the figure as written, else the
/// lower bound of its interval.
double representative(const claims::claim& c);

}  // namespace tollgate::trace
