// exceeds-total: the parts of a breakdown add up to more than their total can
// be. Parts nested in another part ("40 civilians, 12 of them children") are
// not added twice. A total with no upper bound ("at least 16, including 18
// children") cannot be exceeded, but parts well above its lower bound say
// the count it gives is behind its own breakdown: reported at a severity of
// its own. Not just above it: "over 260, including at least 225 villagers and
// 38 soldiers" is a rounded figure.

#include <algorithm>
#include <map>

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {
namespace {

bool is_root(const claims::lexicon& lex, const std::string& group) {
  for (const auto& g : lex.groups) {
    if (g.name == group) return g.parent.empty();
  }
  return false;
}

}  // namespace

exceeds_total_check::exceeds_total_check(param_reader& p)
    : tolerance_(p.get_number("tolerance", 0.0,
                              "fraction by which the parts may exceed the total's upper bound",
                              0.0, 1.0)),
      open_total_margin_(p.get_number("open_total_margin", 0.1,
                                      "fraction by which the parts must pass the lower bound of a total with "
                                      "none above (\"over 260\", often rounded down) before it counts",
                                      0.0, 10.0)) {
  const std::string level =
      p.get_string("open_total_severity", "warning",
                   "severity when the total gives only a lower bound (\"at least 16\") and the parts exceed it; "
                   "off for none");
  if (level == "off") {
    open_total_level_.reset();
  } else if (core::severity parsed; core::parse_severity(level, parsed)) {
    open_total_level_ = parsed;
  } else {
    p.fail("open_total_severity",
           "parameter 'open_total_severity' must be error, warning, info or off, not '" + level + "'");
  }
}

std::string exceeds_total_check::example() const {
  return "fires:  \"Ninety people were killed, including 60 children and 45 women\": 105 > 90\n"
         "        \"At least 16 people, including 18 children, were killed\": 18 > 16 + 10%, at open_total_severity\n"
         "quiet:  \"50 were killed, including 40 civilians, 30 of them children\": children are within civilians";
}

std::string exceeds_total_check::default_message() const {
  return "parts add up to at least {parts_sum} ({parts}), more than the total of {value} ({source}, {as_of})";
}

std::string exceeds_total_check::summary() const {
  return "the parts of a breakdown add up to more than their total";
}

std::vector<std::string> exceeds_total_check::extra_placeholders() const {
  return {"parts", "parts_sum"};
}

void exceeds_total_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  const batch& b = in.b;
  const claims::lexicon& lex = in.lex;
  // By document position and claim number: a part names a total of its own document.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<const claims::claim*>> parts_of;
  for (const auto& c : b.claims) {
    if (c.part_of_number) parts_of[{c.doc_index(), c.part_of_number}].push_back(&c);
  }
  for (const auto& total : b.claims) {
    auto it = parts_of.find({total.doc_index(), total.number});
    if (it == parts_of.end() || !r.where.matches(total, lex)) continue;
    // "Dozens were killed, including 30 children": a vague amount bounds nothing.
    const bool open = !total.hi;
    if (open && (total.vague || !open_total_level_)) continue;
    // Two parts of one group count the same people ("658 minors" and, a
    // sentence on, "564 of the victims were under 18"): the larger counts.
    auto outweighed = [&](const claims::claim* part) {
      return std::any_of(it->second.begin(), it->second.end(), [&](const claims::claim* other) {
        return other != part && other->group == part->group &&
               (other->lo > part->lo || (other->lo == part->lo && other->number < part->number));
      });
    };
    double sum = 0;
    std::string listed;
    for (const claims::claim* part : it->second) {
      bool nested = false;
      for (const claims::claim* other : it->second) {
        // Nested only under a narrower part ("40 civilians, 12 of them
        // children"); two parts both counted as people are side by side.
        nested = nested || (other != part && other->group != part->group && other->group != total.group &&
                            !is_root(lex, other->group) && lex.within(part->group, other->group));
      }
      if (nested || outweighed(part)) continue;
      sum += part->lo;
      listed += (listed.empty() ? "" : " + ") + figure_as_written(*part) + " " + part->group;
    }
    if (sum <= (open ? total.lo * (1.0 + open_total_margin_) : *total.hi * (1.0 + tolerance_))) continue;
    placeholder_values v;
    add_claim_fields(v, "", total);
    v["parts"] = listed;
    v["parts_sum"] = format_count(sum);
    v["rule"] = r.id;
    std::string message = render_message(r.message, v);
    if (open) message += " (the total gives only a lower bound, which its parts pass)";
    finding f = finding_at(r, total, std::move(message));
    if (open) f.level = *open_total_level_;
    for (const claims::claim* part : it->second) f.claims.push_back(part);
    out.push_back(std::move(f));
  }
}

}  // namespace tollgate::rules
