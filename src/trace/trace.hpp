#pragma once

// The trace stage: the dated claims of each metric in date order, with the
// change of each figure from the previous point of its own series.

#include <optional>
#include <string>
#include <vector>

#include "claims/claims.hpp"

namespace tollgate::trace {

struct point {
  const claims::claim* claim = nullptr;
  /// Change of the figure (value, else lower bound) since the previous point
  /// of the same series; nullopt for a series' first point.
  std::optional<double> change;
  std::optional<core::date> previous_date;
};

/// One metric's timeline: every dated claim of that metric in date order.
struct timeline {
  std::string metric;
  std::vector<point> points;
};

/// Timelines for every metric, in the lexicon's metric order when known, else
/// alphabetical. Undated claims are left out.
std::vector<timeline> build(const std::vector<claims::claim>& claims);

/// The number a point stands for in a change: the figure as written, else the
/// lower bound of its interval.
double representative(const claims::claim& c);

}  // namespace tollgate::trace
