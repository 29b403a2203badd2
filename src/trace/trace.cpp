#include "trace/trace.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace tollgate::trace {

double representative(const claims::claim& c) { return c.value ? *c.value : c.lo; }

std::string series_name(std::string key, const core::compact_optional<core::date>& event_from) {
  if (event_from) key += " (event from " + event_from->iso() + ")";
  return key;
}

std::string series_of(const point& p) { return series_name(p.claim->series(), p.event_from); }

std::optional<growth_fit> fit_growth(const std::vector<std::pair<long, double>>& day_values) {
  if (day_values.size() < 3) return std::nullopt;
  const long first_day = day_values.front().first;
  bool two_days = false;
  Eigen::MatrixXd a(static_cast<Eigen::Index>(day_values.size()), 2);
  Eigen::VectorXd y(static_cast<Eigen::Index>(day_values.size()));
  for (std::size_t i = 0; i < day_values.size(); ++i) {
    const auto [day, value] = day_values[i];
    if (value <= 0) return std::nullopt;
    two_days = two_days || day != first_day;
    const auto row = static_cast<Eigen::Index>(i);
    a(row, 0) = 1.0;
    a(row, 1) = static_cast<double>(day - first_day);
    y(row) = std::log(value);
  }
  if (!two_days) return std::nullopt;
  const Eigen::Vector2d coef = a.colPivHouseholderQr().solve(y);
  const Eigen::VectorXd residual = y - a * coef;
  const double mean = y.mean();
  const double total = (y.array() - mean).square().sum();
  growth_fit fit;
  fit.points = day_values.size();
  fit.daily_growth = std::exp(coef(1)) - 1.0;
  fit.r2 = total > 0 ? 1.0 - residual.squaredNorm() / total : 1.0;
  return fit;
}

std::vector<timeline> build(const claims::claim_list& claims) {
  std::map<std::string, std::vector<const claims::claim*>> by_metric;
  for (const auto& c : claims) {
    if (c.as_of) by_metric[c.metric].push_back(&c);
  }
  std::vector<timeline> out;
  for (auto& [metric, list] : by_metric) {
    std::stable_sort(list.begin(), list.end(), [](const claims::claim* a, const claims::claim* b) {
      return std::make_tuple(*a->as_of, a->doc_index(), a->offset) < std::make_tuple(*b->as_of, b->doc_index(), b->offset);
    });
    timeline t;
    t.metric = metric;
    struct series_state {
      const claims::claim* last_figure = nullptr;  // the latest precise one of the current event
      core::date last_day;                         // of the series' latest point
      core::compact_optional<core::date> event_from;
    };
    std::map<std::string, series_state> series;
    for (const claims::claim* c : list) {
      point p;
      p.claim = c;
      auto [it, added] = series.try_emplace(c->series());
      series_state& s = it->second;
      // A story whose event began after the series' latest figure reports
      // another event: the same cut the rules make (rules::check_input).
      if (const auto onset = c->story_onset(); !added && onset && s.last_day < *onset && !(*c->as_of < *onset)) {
        s.event_from = *onset;
        s.last_figure = nullptr;
      }
      p.event_from = s.event_from;
      // A change is only shown between figures; "thousands" has no number to subtract.
      if (s.last_figure && !c->vague) {
        p.change = representative(*c) - representative(*s.last_figure);
        p.previous_date = s.last_figure->as_of;
      }
      if (!c->vague) s.last_figure = c;
      s.last_day = *c->as_of;
      t.points.push_back(p);
    }
    std::map<std::string, series_state>().swap(series);
    std::vector<const claims::claim*>().swap(list);  // in t.points now: freed before the next metric's are made
    // Growth per event of a series over its precise figures, not parts
    // ("thousands" has no number), fitted when the event ends: one event's
    // figures are held at a time, not the batch's.
    struct event_figures {
      core::compact_optional<core::date> event_from;
      std::vector<std::pair<long, double>> figures;
    };
    std::map<std::string, event_figures> events;
    auto fit_event = [&](const std::string& key, event_figures& e) {
      if (auto fit = fit_growth(e.figures)) {
        fit->key = key;
        fit->event_from = e.event_from;
        t.fits.push_back(*fit);
      }
      std::vector<std::pair<long, double>>().swap(e.figures);
    };
    for (const auto& p : t.points) {
      if (p.claim->vague || p.claim->part_of_number) continue;
      auto [it, added] = events.try_emplace(p.claim->series());
      if (!added && it->second.event_from != p.event_from) fit_event(it->first, it->second);
      it->second.event_from = p.event_from;
      it->second.figures.emplace_back(p.claim->as_of->days(), representative(*p.claim));
    }
    for (auto& [key, e] : events) fit_event(key, e);
    // By series, as a reader looks them up, and a series' events in turn.
    std::sort(t.fits.begin(), t.fits.end(), [](const growth_fit& a, const growth_fit& b) {
      if (a.key != b.key) return a.key.str() < b.key.str();
      if (!a.event_from || !b.event_from) return !a.event_from && b.event_from;
      return *a.event_from < *b.event_from;
    });
    out.push_back(std::move(t));
  }
  // Deaths first: the order a desk reads them in.
  static const std::vector<std::string> order = {"killed", "injured", "missing", "hostages", "displaced", "arrested"};
  auto rank = [&](const std::string& m) {
    auto it = std::find(order.begin(), order.end(), m);
    return static_cast<std::size_t>(it - order.begin());
  };
  std::stable_sort(out.begin(), out.end(), [&](const timeline& a, const timeline& b) {
    return std::make_pair(rank(a.metric), a.metric) < std::make_pair(rank(b.metric), b.metric);
  });
  return out;
}

}  // namespace tollgate::trace
