// Publication dates found in a document's text: date lines and datelines
// near the top ("date 2023-10-12", "Published: October 13, 2023",
// "GAZA CITY, Oct 17 (Reuters) -", "MOSCOW, October 27. /TASS/."), and a date
// path in a URL ("/2023/10/13/"). Every source is kept with its place so that
// disagreements can be reported; the caller picks the most explicit one.

#include <algorithm>
#include <cctype>

#include "core/ascii.hpp"
#include "core/text_position.hpp"
#include "core/date.hpp"
#include "ingest/ingest.hpp"
#include "parse/dates.hpp"
#include "parse/parse.hpp"

namespace tollgate::ingest {
namespace {

constexpr int kDateLineWindow = 12;  // non-empty lines at the top that may hold a date line

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (core::to_lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// False when no absolute date can start at `at`: one opens with digits or
// with a month's name, and most lines open with neither.
bool may_open_date(std::string_view line, std::size_t at) {
  if (at >= line.size()) return false;
  if (core::is_digit(line[at])) return true;
  char word[10];
  std::size_t n = 0;
  while (at + n < line.size() && core::is_alpha(line[at + n])) {
    if (n == sizeof word) return false;  // longer than any month
    word[n] = core::to_lower(line[at + n]);
    ++n;
  }
  return core::is_month_name(std::string_view(word, n));
}

std::optional<core::date> full_date(std::string_view line, std::size_t at, std::size_t& end) {
  if (!may_open_date(line, at)) return std::nullopt;
  auto m = parse::parse_date(line, at);
  if (!m || m->year == 0 || !core::date::valid(m->year, m->month, m->day)) return std::nullopt;
  end = at + m->length;
  return core::date::from_ymd(m->year, m->month, m->day);
}

// A labelled line: "date 2023-10-12 ...", "Published: October 13, 2023",
// "Updated Oct. 13, 2023 10:32 ET".
struct label {
  std::string_view prefix;
  int rank;
  bool updated;
  const char* what;
};
constexpr label kLabels[] = {
    {"date: ", 0, false, "date line"},          {"date ", 0, false, "date line"},
    {"published: ", 0, false, "'Published' line"}, {"published on ", 0, false, "'Published' line"},
    {"published ", 0, false, "'Published' line"},  {"posted: ", 0, false, "'Posted' line"},
    {"posted on ", 0, false, "'Posted' line"},   {"posted ", 0, false, "'Posted' line"},
    {"updated: ", 3, true, "'Updated' line"},    {"updated on ", 3, true, "'Updated' line"},
    {"last updated ", 3, true, "'Updated' line"}, {"updated ", 3, true, "'Updated' line"},
};

bool is_place_char(char c) {
  return std::isupper(static_cast<unsigned char>(c)) || c == ' ' || c == '.' || c == '-' || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;  // letters outside ASCII ("KYIV", "SÃO PAULO")
}

// "GAZA CITY, " or "KYIV, Ukraine, ": the place of a dateline, in capitals.
// Returns where the date should start, or npos.
std::size_t after_place(std::string_view line) {
  std::size_t i = 0;
  int letters = 0;
  while (i < line.size() && line[i] != ',' && is_place_char(line[i])) {
    letters += std::isupper(static_cast<unsigned char>(line[i])) ? 1 : 0;
    ++i;
  }
  if (letters < 2 || i >= line.size() || line[i] != ',') return std::string_view::npos;
  ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  // An optional region or country in ordinary case: "KYIV, Ukraine, Oct 17".
  std::size_t j = i;
  while (j < line.size() && (std::isalpha(static_cast<unsigned char>(line[j])) || line[j] == ' ' || line[j] == '.')) ++j;
  if (j < line.size() && line[j] == ',' && j - i <= 30 && parse::parse_date(line, i) == std::nullopt) {
    i = j + 1;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  return i;
}

// What closes a dateline: an agency in brackets or slashes and/or a dash.
// Returns the length of the closing, or npos when there is none at `at`.
std::size_t dateline_close(std::string_view line, std::size_t at) {
  std::size_t i = at;
  auto skip_blank = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  skip_blank();
  if (i < line.size() && line[i] == '.') ++i;
  skip_blank();
  bool agency = false;
  if (i < line.size() && (line[i] == '(' || line[i] == '/')) {
    const char close = line[i] == '(' ? ')' : '/';
    const std::size_t end = line.find(close, i + 1);
    if (end == std::string_view::npos || end - i > 40 || end == i + 1) return std::string_view::npos;
    for (std::size_t k = i + 1; k < end; ++k) {
      if (!std::isalpha(static_cast<unsigned char>(line[k])) && line[k] != ' ' && line[k] != '-' && line[k] != '&' &&
          line[k] != '.') {
        return std::string_view::npos;
      }
    }
    agency = true;
    i = end + 1;
    skip_blank();
    if (i < line.size() && line[i] == '.') ++i;
    skip_blank();
  }
  bool dash = false;
  for (std::string_view d : {"--", "-", "\xE2\x80\x94", "\xE2\x80\x93"}) {  // -- - — –
    if (line.substr(i, d.size()) == d) {
      i += d.size();
      dash = true;
      break;
    }
  }
  if (!agency && !dash) return std::string_view::npos;
  return i - at;
}

}  // namespace

text_dates scan_text_dates(const std::string& text) {
  text_dates out;
  // Built on the first date found: the index covers the whole text, and
  // most documents have their date in their metadata.
  std::optional<core::line_index> lines;
  auto position = [&](std::size_t offset) {
    if (!lines) lines.emplace(text);
    return lines->at(offset);
  };
  int seen = 0;
  std::size_t start = 0;
  while (start < text.size() && seen < kDateLineWindow) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view raw = std::string_view(text).substr(start, end - start);
    const std::string_view line = trim(raw);
    const std::size_t line_offset = start + static_cast<std::size_t>(line.data() - raw.data());
    start = end + 1;
    if (line.empty()) continue;
    ++seen;
    auto place = [&](std::size_t at) { return position(line_offset + at); };

    bool labelled = false;
    for (const label& l : kLabels) {
      if (line.size() <= l.prefix.size() || !starts_with_ci(line, l.prefix)) continue;
      labelled = true;
      std::size_t date_end = 0;
      if (auto d = full_date(line, l.prefix.size(), date_end)) {
        const auto pos = place(l.prefix.size());
        out.sources.push_back({*d, 0, 0, date_origin::dateline, l.what, pos.line, pos.column, l.rank, l.updated, {}});
      } else if (auto e = parse::parse_date_expression(line, l.prefix.size());
                 e && e->kind == parse::date_expression_kind::calendar && e->month && e->day) {
        const auto pos = place(l.prefix.size());
        out.problems.push_back({pos.line, pos.column,
                                std::string(l.what) + " has a date that cannot be read as a day of a year: '" +
                                    std::string(line.substr(e->offset, e->length)) + "'"});
      }
      break;
    }
    if (labelled) continue;

    // A line that is only a date: "October 13, 2023".
    std::size_t date_end = 0;
    if (auto d = full_date(line, 0, date_end); d && trim(line.substr(date_end)).empty()) {
      const auto pos = place(0);
      out.sources.push_back({*d, 0, 0, date_origin::dateline, "date line", pos.line, pos.column, 2, false, {}});
      continue;
    }

    // A wire dateline: "GAZA CITY, Oct 17 (Reuters) -", "MOSCOW, October 27. /TASS/.".
    const std::size_t date_at = after_place(line);
    if (date_at == std::string_view::npos || date_at >= line.size()) continue;
    const auto pos = place(date_at);
    auto e = parse::parse_date_expression(line, date_at);
    const bool calendar = e && e->kind == parse::date_expression_kind::calendar && e->month && e->day;
    if (calendar && dateline_close(line, date_at + e->length) != std::string_view::npos) {
      const std::string written(line.substr(date_at, e->length));
      const int year = e->short_year ? (e->year < 50 ? 2000 + e->year : 1900 + e->year) : e->year;
      if (year && !core::date::valid(year, e->month, e->day)) {
        out.problems.push_back({pos.line, pos.column, "dateline has an impossible date '" + written + "'"});
      } else if (!year && !core::date::valid(2000, e->month, e->day)) {
        out.problems.push_back({pos.line, pos.column, "dateline has an impossible date '" + written + "'"});
      } else if (year) {
        out.sources.push_back({core::date::from_ymd(year, e->month, e->day), 0, 0, date_origin::dateline, "dateline",
                               pos.line, pos.column, 1, false, {}});
      } else {
        // Wire datelines give no year: it comes from another source, if any.
        date_source s{core::date(), e->month, e->day, date_origin::dateline, "dateline", pos.line, pos.column, 1, false,
                      written};
        out.sources.push_back(s);
      }
      continue;
    }
    // The shape of a dateline with no date that can be read in it:
    // "GAZA CITY, Octobr 17 (Reuters) -".
    const std::size_t bracket = line.find_first_of("(/", date_at);
    if (bracket != std::string_view::npos && bracket > date_at && bracket - date_at <= 24 &&
        dateline_close(line, bracket) != std::string_view::npos && !calendar &&
        std::any_of(line.begin() + static_cast<long>(date_at), line.begin() + static_cast<long>(bracket),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      out.problems.push_back({pos.line, pos.column,
                              "dateline has no date that can be read: '" +
                                  std::string(trim(line.substr(date_at, bracket - date_at))) + "'"});
    }
  }

  // "/2023/10/13/" inside a URL.
  for (std::size_t p = text.find("://"); p != std::string::npos; p = text.find("://", p + 3)) {
    std::size_t end = p;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view url = std::string_view(text).substr(p, end - p);
    bool found = false;
    for (std::size_t i = 0; i + 12 <= url.size() && !found; ++i) {
      if (url[i] != '/') continue;
      auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t k = at; k < at + n; ++k) {
          if (k >= url.size() || !std::isdigit(static_cast<unsigned char>(url[k]))) return false;
        }
        return true;
      };
      if (digits(i + 1, 4) && url[i + 5] == '/' && digits(i + 6, 2) && url[i + 8] == '/' && digits(i + 9, 2) &&
          (i + 11 == url.size() || url[i + 11] == '/')) {
        const int y = std::stoi(std::string(url.substr(i + 1, 4)));
        const int m = std::stoi(std::string(url.substr(i + 6, 2)));
        const int d = std::stoi(std::string(url.substr(i + 9, 2)));
        if (core::date::valid(y, m, d)) {
          const auto pos = position(p + i + 1);
          out.sources.push_back({core::date::from_ymd(y, m, d), 0, 0, date_origin::url, "URL", pos.line, pos.column, 4,
                                 false, {}});
          found = true;
        }
      }
    }
    if (found) break;
  }
  return out;
}

std::optional<text_date> date_from_text(const std::string& text) {
  const text_dates found = scan_text_dates(text);
  const date_source* best = nullptr;
  for (const auto& s : found.sources) {
    if (s.partial()) continue;
    if (!best || s.rank < best->rank) best = &s;
  }
  if (!best) return std::nullopt;
  return text_date{best->date, best->origin};
}

}  // namespace tollgate::ingest
