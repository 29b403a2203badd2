// Dates in a document's text that cannot be right: an impossible day
// ("February 30"), a written date after the publication date, a weekday
// that does not match its date. Reported as warnings at their place, so that
// no date is silently dropped or taken.

#include <algorithm>
#include <cctype>

#include "claims/claims.hpp"
#include "core/text_position.hpp"
#include "parse/dates.hpp"

namespace tollgate::claims {

core::diagnostics check_dates(const ingest::document& doc) {
  core::diagnostics out;
  std::optional<core::line_index> lines;  // only when there is something to report
  for (const auto& e : parse::find_calendar_dates(doc.text)) {
    const std::string written = doc.text.substr(e.offset, e.length);
    // Only dates with a month name or a four-digit year: "1/4" and "3-2"
    // are fractions and scores as often as dates.
    const bool named = std::any_of(written.begin(), written.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (!named && !(e.year && !e.short_year)) continue;
    auto warn = [&](std::string message) {
      if (!lines) lines.emplace(doc.text);
      const auto pos = lines->at(e.offset);
      out.push_back({doc.location, pos.line, pos.column, core::severity::warning, std::move(message), "date"});
    };
    const core::date reference = doc.published.value_or(core::date::from_ymd(2000, 1, 1));
    const auto res = parse::resolve_date(e, reference, parse::date_bias::past);
    if (!res.value) {
      if (e.year || doc.published || res.problem.rfind("impossible", 0) == 0) {
        warn(res.problem + " in '" + written + "'");
      }
      continue;
    }
    if (res.weekday_mismatch && (e.year || doc.published)) {
      warn("'" + written + "': the weekday does not match the date " + res.value->first.iso());
    }
    if (e.year && doc.published && res.value->first > *doc.published) {
      warn("date '" + written + "' (" + res.value->first.iso() + ") is after the publication date " +
           doc.published->iso());
    }
  }
  return out;
}

}  // namespace tollgate::claims
