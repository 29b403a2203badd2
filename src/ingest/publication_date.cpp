#include <cctype>

#include "ingest/ingest.hpp"
#include "parse/parse.hpp"

namespace tollgate::ingest {
namespace {

constexpr int kDateLineWindow = 12;  // non-empty lines at the top that may hold a date line

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<core::date> full_date(std::string_view line, std::size_t at, std::size_t& end) {
  auto m = parse::parse_date(line, at);
  if (!m || m->year == 0 || !core::date::valid(m->year, m->month, m->day)) return std::nullopt;
  end = at + m->length;
  return core::date::from_ymd(m->year, m->month, m->day);
}

// "date 2023-10-12 ...", "Published: October 13, 2023", or a line that is
// only a date ("October 13, 2023").
std::optional<core::date> date_line(std::string_view line) {
  line = trim(line);
  std::size_t end = 0;
  for (std::string_view prefix : {"date ", "date: ", "published: ", "published ", "updated: ",
                                  "updated ", "posted: ", "posted "}) {
    if (line.size() > prefix.size()) {
      bool same = true;
      for (std::size_t i = 0; i < prefix.size() && same; ++i) {
        same = std::tolower(static_cast<unsigned char>(line[i])) == prefix[i];
      }
      if (same) {
        if (auto d = full_date(line, prefix.size(), end)) return d;
      }
    }
  }
  if (auto d = full_date(line, 0, end); d && trim(line.substr(end)).empty()) return d;
  return std::nullopt;
}

// "/2023/10/13/" inside a URL.
std::optional<core::date> url_date(std::string_view text) {
  for (std::size_t p = text.find("://"); p != std::string_view::npos; p = text.find("://", p + 3)) {
    std::size_t end = p;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view url = text.substr(p, end - p);
    for (std::size_t i = 0; i + 12 <= url.size(); ++i) {
      if (url[i] != '/') continue;
      auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t k = at; k < at + n; ++k) {
          if (k >= url.size() || !std::isdigit(static_cast<unsigned char>(url[k]))) return false;
        }
        return true;
      };
      if (digits(i + 1, 4) && url[i + 5] == '/' && digits(i + 6, 2) && url[i + 8] == '/' &&
          digits(i + 9, 2) && (i + 11 == url.size() || url[i + 11] == '/')) {
        const int y = std::stoi(std::string(url.substr(i + 1, 4)));
        const int m = std::stoi(std::string(url.substr(i + 6, 2)));
        const int d = std::stoi(std::string(url.substr(i + 9, 2)));
        if (core::date::valid(y, m, d)) return core::date::from_ymd(y, m, d);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<text_date> date_from_text(const std::string& text) {
  int seen = 0;
  std::size_t start = 0;
  while (start < text.size() && seen < kDateLineWindow) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    if (!trim(line).empty()) {
      ++seen;
      if (auto d = date_line(line)) return text_date{*d, date_origin::dateline};
    }
    start = end + 1;
  }
  if (auto d = url_date(text)) return text_date{*d, date_origin::url};
  return std::nullopt;
}

}  // namespace tollgate::ingest
