// Publication dates from datelines and date lines, and what happens when the
// sources of a document's date disagree or cannot be read. Texts are
// invented; the dateline shapes are those of Reuters, TASS and Xinhua.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "ingest/ingest.hpp"

namespace tollgate {
namespace {

namespace fs = std::filesystem;

core::date day(const char* iso) { return *core::date::parse_iso(iso); }

struct read_result {
  std::vector<ingest::document> docs;
  core::diagnostics problems;
};

/// Reads one file named `name` holding `text` through the whole ingest stage.
read_result read_one(const std::string& name, const std::string& text) {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("tollgate-dateline-test-" + std::to_string(rd()));
  fs::create_directories(dir);
  const fs::path file = dir / name;
  {
    std::ofstream out(file, std::ios::binary);
    out << text;
  }
  read_result r;
  ingest::summary totals;
  ingest::read_batch({file.string()}, {}, [&](ingest::document&& d) { r.docs.push_back(std::move(d)); }, r.problems,
                     totals);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return r;
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("a Reuters dateline takes its year from the URL") {
    const auto r = read_one("a.txt",
                            "GAZA CITY, Oct 17 (Reuters) - At least 500 people were killed, officials said.\n"
                            "https://news.example/world/2023/10/17/gaza-strike\n");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-17"));
    CHECK(r.docs[0].published_by == "dateline");
    CHECK(r.problems.empty());
  }

  TEST_CASE("a TASS dateline") {
    const auto text = ingest::scan_text_dates("MOSCOW, October 27. /TASS/. The Kremlin said on Friday.\n");
    REQUIRE(text.sources.size() == 1);
    CHECK(text.sources[0].partial());
    CHECK(text.sources[0].month == 10);
    CHECK(text.sources[0].day == 27);
    CHECK(text.sources[0].line == 1);
    CHECK(text.sources[0].column == 9);
  }

  TEST_CASE("a Xinhua dateline, with a year from a date line") {
    const auto r = read_one("c.txt",
                            "Published: October 10, 2023\n"
                            "ANKARA, Oct. 10 (Xinhua) -- At least 12 people were killed in the blast.\n");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-10"));
    CHECK(r.problems.empty());
  }

  TEST_CASE("a dateline with its own year, and one with a country") {
    auto t = ingest::scan_text_dates("KYIV, Ukraine, March 3, 2024 (AP) \xE2\x80\x94 Two people were killed.\n");
    REQUIRE(t.sources.size() == 1);
    CHECK(t.sources[0].date == day("2024-03-03"));
    t = ingest::scan_text_dates("WASHINGTON, Jan. 5 -- Officials said.\n");
    REQUIRE(t.sources.size() == 1);
    CHECK(t.sources[0].month == 1);
  }

  TEST_CASE("a dateline with no year and nothing else leaves the document undated, with a warning") {
    const auto r = read_one("b.txt", "MOSCOW, October 27. /TASS/. More than 40 people were killed.\n");
    REQUIRE(r.docs.size() == 1);
    CHECK_FALSE(r.docs[0].published.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].level == core::severity::warning);
    CHECK(r.problems[0].line == 1);
    CHECK(r.problems[0].column == 9);
    CHECK(r.problems[0].message.find("gives no year") != std::string::npos);
  }

  TEST_CASE("'Updated' lines date a document, and a later update is no disagreement") {
    auto r = read_one("u.txt", "Updated: October 14, 2023\nAt least 5 people were killed.\n");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-14"));
    r = read_one("v.txt", "Published: October 13, 2023\nUpdated October 14, 2023\nAt least 5 people were killed.\n");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-13"));
    CHECK(r.problems.empty());
  }

  TEST_CASE("front matter beats a dateline beats a URL, and each disagreement is reported where it is") {
    const auto r = read_one("d.md",
                            "---\npublished: 2023-10-13\n---\n"
                            "GAZA CITY, Oct 17 (Reuters) - At least 500 people were killed.\n"
                            "Original url: https://news.example/2023/10/16/story\n");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-13"));
    CHECK(r.docs[0].published_by == "front matter");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].line == 4);
    CHECK(r.problems[0].column == 12);
    CHECK(r.problems[0].message == "dateline gives 'Oct 17' (2023-10-17) but the front matter gives 2023-10-13; "
                                   "the front matter is used");
    CHECK(r.problems[1].line == 5);
    CHECK(r.problems[1].message.find("URL gives '2023-10-16'") == 0);
  }

  TEST_CASE("a dateline beats a URL") {
    const auto r = read_one("e.txt",
                            "ANKARA, Oct. 10 (Xinhua) -- At least 12 people were killed.\n"
                            "Original url: https://news.example/2023/10/09/story\n");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-10"));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
  }

  TEST_CASE("HTML article:published_time and <time datetime>") {
    auto r = read_one("h.html",
                      "<html><head><meta property=\"article:published_time\" content=\"2023-10-13T08:00:00Z\">"
                      "</head><body><p>At least 5 people were killed.</p></body></html>");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-13"));
    CHECK(r.docs[0].published_by == "HTML article:published_time");
    r = read_one("i.html", "<html><body><time datetime=\"2023-10-11\">Oct 11</time><p>Five were killed.</p></body></html>");
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].published == day("2023-10-11"));
  }

  TEST_CASE("a garbled or impossible dateline is a warning with its place, not a date") {
    auto r = read_one("g.txt", "GAZA CITY, Octobr 17 (Reuters) - At least 5 people were killed.\n");
    REQUIRE(r.docs.size() == 1);
    CHECK_FALSE(r.docs[0].published.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 1);
    CHECK(r.problems[0].column == 12);
    CHECK(r.problems[0].message == "dateline has no date that can be read: 'Octobr 17'");

    r = read_one("f.txt", "GAZA CITY, February 30 (Reuters) - At least 5 people were killed.\n");
    REQUIRE(r.docs.size() == 1);
    CHECK_FALSE(r.docs[0].published.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "dateline has an impossible date 'February 30'");
  }

  TEST_CASE("a capitalised place alone is no dateline, and a document without a date stays undated") {
    const auto r = read_one("m.txt", "MOSCOW\nA recent visit was discussed on Friday.\nOver 8,700 people have been killed.\n");
    REQUIRE(r.docs.size() == 1);
    CHECK_FALSE(r.docs[0].published.has_value());
    CHECK(r.problems.empty());
  }
}

}  // namespace tollgate
