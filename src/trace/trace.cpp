#include "trace/trace.hpp"

#include <algorithm>
#include <map>

namespace tollgate::trace {

double representative(const claims::claim& c) { return c.value ? *c.value : c.lo; }

std::vector<timeline> build(const std::vector<claims::claim>& claims) {
  std::map<std::string, std::vector<const claims::claim*>> by_metric;
  for (const auto& c : claims) {
    if (c.as_of) by_metric[c.metric].push_back(&c);
  }
  std::vector<timeline> out;
  for (auto& [metric, list] : by_metric) {
    std::stable_sort(list.begin(), list.end(), [](const claims::claim* a, const claims::claim* b) {
      return std::tie(*a->as_of, a->doc_index, a->offset) < std::tie(*b->as_of, b->doc_index, b->offset);
    });
    timeline t;
    t.metric = metric;
    std::map<std::string, const claims::claim*> last_in_series;
    for (const claims::claim* c : list) {
      point p;
      p.claim = c;
      const std::string key = c->series();
      // A change is only shown between figures; "thousands" has no number to subtract.
      if (auto it = last_in_series.find(key); it != last_in_series.end() && !c->vague && !it->second->vague) {
        p.change = representative(*c) - representative(*it->second);
        p.previous_date = it->second->as_of;
      }
      if (!c->vague) last_in_series[key] = c;
      t.points.push_back(p);
    }
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
