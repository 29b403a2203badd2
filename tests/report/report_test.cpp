// Tests for the report stage's CI side: fingerprints that survive edits
// around a finding, baselines, and the escaping rules of the formats CI
// systems read (GitHub workflow commands, XML, CSV).

#include "report/report.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "claims/claims.hpp"
#include "rules/rules.hpp"
#include "test_support.hpp"

namespace tollgate {
namespace {

namespace fs = std::filesystem;
using test::source_path;
using test::builtin_rules;


struct lint_result {
  rules::batch batch;
  std::vector<rules::finding> findings;
  std::vector<report::fingerprint> fingerprints;
};

// Lints documents given as (id, text) with the built-in rules.
lint_result lint(const std::vector<std::pair<std::string, std::string>>& docs) {
  lint_result r;
  std::size_t index = 0;
  for (const auto& [id, text] : docs) {
    auto doc = test::make_document(text, "", id);
    if (auto d = ingest::date_from_text(text)) doc.published = d->date;
    doc.index = index++;
    r.batch.add(doc, claims::extract(doc, test::builtin_lexicon()), {});
  }
  r.findings = rules::run_rules(builtin_rules(), r.batch, test::builtin_lexicon());
  r.fingerprints = report::fingerprints(r.findings, r.batch);
  return r;
}

// The fingerprint of the one finding of `rule` in the result.
std::string fingerprint_of(const lint_result& r, const std::string& rule) {
  std::string fp;
  int n = 0;
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    if (r.findings[i].rule == rule) {
      fp = r.fingerprints[i].str();
      ++n;
    }
  }
  REQUIRE_MESSAGE(n == 1, "expected one '" << rule << "' finding, got " << n);
  return fp;
}

const std::string kDay1 =
    "date 2024-03-04\n"
    "Flash floods sweep the valley\n"
    "Ninety people were killed, including 60 children and 45 women, the directorate said.\n"
    "At least 140 people were injured, the directorate added.\n";

const std::string kDay2 =
    "date 2024-03-06\n"
    "The death toll from the floods rose to at least 212, the directorate said.\n";

const std::string kDay3 =
    "date 2024-03-08\n"
    "The death toll from the floods stands at 150, the governor's office said.\n";

TEST_SUITE("report") {
  TEST_CASE("the sample findings have fingerprints") {
    const auto r = lint({{"day1.txt", kDay1}, {"day2.txt", kDay2}, {"day3.txt", kDay3}});
    CHECK(fingerprint_of(r, "exceeds-total").size() == 16);
    CHECK(fingerprint_of(r, "decrease") != fingerprint_of(r, "exceeds-total"));
  }

  TEST_CASE("a fingerprint survives lines added above the finding") {
    const auto before = lint({{"day1.txt", kDay1}, {"day2.txt", kDay2}, {"day3.txt", kDay3}});
    // New lines, with a new claim, above both findings: line numbers, offsets
    // and claim ids (which count claims) all move.
    const std::string day1 =
        "date 2024-03-04\n"
        "Flash floods sweep the valley\n"
        "Editor's note: this story was updated.\n"
        "Rescuers said 400 people had been moved to higher ground.\n"
        "\n"
        "Ninety people were killed, including 60 children and 45 women, the directorate said.\n"
        "At least 140 people were injured, the directorate added.\n";
    const std::string day3 =
        "date 2024-03-08\n"
        "Roads reopened in the lower valley on Friday.\n"
        "\n"
        "The death toll from the floods stands at 150, the governor's office said.\n";
    const auto after = lint({{"day1.txt", day1}, {"day2.txt", kDay2}, {"day3.txt", day3}});
    CHECK(fingerprint_of(after, "exceeds-total") == fingerprint_of(before, "exceeds-total"));
    CHECK(fingerprint_of(after, "decrease") == fingerprint_of(before, "decrease"));
  }

  TEST_CASE("a fingerprint survives re-wrapping the paragraph") {
    const auto before = lint({{"day1.txt", kDay1}});
    const std::string wrapped =
        "date 2024-03-04\n"
        "Flash floods sweep the valley\n"
        "Ninety people were killed, including 60\n"
        "children and 45 women,   the directorate\n"
        "said.\n"
        "At least 140 people were injured, the\n"
        "directorate added.\n";
    const auto after = lint({{"day1.txt", wrapped}});
    CHECK(fingerprint_of(after, "exceeds-total") == fingerprint_of(before, "exceeds-total"));
  }

  TEST_CASE("a fingerprint changes when a figure changes") {
    const auto before = lint({{"day1.txt", kDay1}, {"day2.txt", kDay2}, {"day3.txt", kDay3}});
    std::string day1 = kDay1;
    day1.replace(day1.find("45 women"), 8, "48 women");
    std::string day3 = kDay3;
    day3.replace(day3.find("150"), 3, "140");
    const auto after = lint({{"day1.txt", day1}, {"day2.txt", kDay2}, {"day3.txt", day3}});
    CHECK(fingerprint_of(after, "exceeds-total") != fingerprint_of(before, "exceeds-total"));
    CHECK(fingerprint_of(after, "decrease") != fingerprint_of(before, "decrease"));
  }

  TEST_CASE("a fingerprint depends on the document") {
    const auto a = lint({{"day1.txt", kDay1}});
    const auto b = lint({{"other.txt", kDay1}});
    CHECK(fingerprint_of(a, "exceeds-total") != fingerprint_of(b, "exceeds-total"));
  }

  TEST_CASE("identical findings in one run get distinct fingerprints") {
    const auto r = lint({{"day1.txt", kDay1 + kDay1.substr(kDay1.find('\n') + 1)}});
    REQUIRE(r.findings.size() == 2);
    CHECK(r.fingerprints[0] != r.fingerprints[1]);
    CHECK(r.fingerprints[1].str() == r.fingerprints[0].str() + "-2");
  }

  TEST_CASE("a fingerprint reads back from its written form, and orders as that form does") {
    const std::vector<std::string> written = {"00000000000000ff", "00000000000000ff-10", "00000000000000ff-2",
                                              "0123456789abcdef", "0123456789abcdef-3", "f000000000000000"};
    std::vector<report::fingerprint> read;
    for (const auto& w : written) {
      const auto fp = report::fingerprint::parse(w);
      REQUIRE_MESSAGE(fp, w);
      CHECK(fp->str() == w);
      read.push_back(*fp);
    }
    // `written` is in string order; so must the fingerprints be.
    CHECK(std::is_sorted(read.begin(), read.end()));
    CHECK(read[1].occurrence == 10);
    // What str() never writes is no fingerprint of ours.
    for (const char* other : {"ab", "00000000000000FF", "00000000000000ff-1", "00000000000000ff-02",
                              "00000000000000ff-", "00000000000000ff-2x", "00000000000000ffa", "00000000000000ff-99999999999"}) {
      CHECK_MESSAGE(!report::fingerprint::parse(other), other);
    }
  }

  TEST_CASE("a baseline suppresses known findings and counts the ones gone") {
    const auto old_run = lint({{"day1.txt", kDay1}, {"day2.txt", kDay2}, {"day3.txt", kDay3}});
    REQUIRE(old_run.findings.size() == 2);
    std::stringstream file;
    report::write_baseline(file, old_run.findings, old_run.fingerprints);

    const fs::path path =
        fs::temp_directory_path() / ("tollgate-baseline-" + std::to_string(std::random_device{}()));
    std::ofstream(path) << file.str();
    auto known = report::read_baseline(path.string());
    fs::remove(path);
    REQUIRE(known.problems.empty());
    REQUIRE(known.value.fingerprints.size() == 2);
    CHECK(known.value.foreign.empty());
    CHECK(known.value.fingerprints == std::vector<report::fingerprint>{std::min(old_run.fingerprints[0], old_run.fingerprints[1]),
                                                                       std::max(old_run.fingerprints[0], old_run.fingerprints[1])});

    // Day 3 is fixed; a new article adds a new inconsistency.
    const std::string day3_fixed =
        "date 2024-03-08\n"
        "The death toll from the floods stands at 250, the governor's office said.\n";
    const std::string day4 =
        "date 2024-03-09\n"
        "Twelve people were arrested, including 9 children and 8 women, police said.\n";
    const auto new_run = lint(
        {{"day1.txt", kDay1}, {"day2.txt", kDay2}, {"day3.txt", day3_fixed}, {"day4.txt", day4}});
    report::baseline_outcome outcome;
    const auto fresh = report::new_findings(known.value, new_run.fingerprints, outcome);
    REQUIRE(fresh.size() == 1);
    CHECK(new_run.findings[fresh[0]].doc() == "day4.txt");
    CHECK(new_run.findings[fresh[0]].rule == "exceeds-total");
    CHECK(outcome.suppressed == 1);
    CHECK(outcome.disappeared == 1);

    // An entry edited by hand matches nothing, and is gone too.
    known.value.foreign = {"not-a-fingerprint"};
    CHECK(report::new_findings(known.value, new_run.fingerprints, outcome).size() == 1);
    CHECK(outcome.disappeared == 2);
  }

  TEST_CASE("a baseline that is not one is an error naming the file") {
    const fs::path path =
        fs::temp_directory_path() / ("tollgate-baseline-" + std::to_string(std::random_device{}()));
    std::ofstream(path) << "{\"findings\": 3}";
    auto known = report::read_baseline(path.string());
    fs::remove(path);
    REQUIRE(known.problems.size() == 1);
    CHECK(known.problems[0].path == path.string());
    CHECK(known.problems[0].level == core::severity::error);
    auto missing = report::read_baseline(path.string());
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].message == "cannot read baseline file");
  }

  TEST_CASE("a baseline is read for its fingerprints, and each wrong shape is named") {
    const fs::path path =
        fs::temp_directory_path() / ("tollgate-baseline-" + std::to_string(std::random_device{}()));
    auto read = [&](const std::string& text) {
      std::ofstream(path) << text;
      auto r = report::read_baseline(path.string());
      fs::remove(path);
      return r;
    };
    // What a reader may add to an entry is skipped, nested or not.
    auto good = read(R"({"tollgate_baseline": 1, "findings": [{"fingerprint": "ab", "note": {"fingerprint": 3}},
                         {"rule": "decrease", "fingerprint": "cd", "tags": ["x", 1]}]})");
    REQUIRE(good.problems.empty());
    CHECK(good.value.fingerprints.empty());
    CHECK(good.value.foreign == std::vector<std::string>{"ab", "cd"});
    // Listed twice, an entry is kept once; the fingerprints come sorted.
    auto twice = read(R"({"tollgate_baseline": 1, "findings": [{"fingerprint": "00000000000000ff-2"},
                          {"fingerprint": "zz"}, {"fingerprint": "00000000000000ff"}, {"fingerprint": "00000000000000ff-2"},
                          {"fingerprint": "zz"}]})");
    REQUIRE(twice.problems.empty());
    CHECK(twice.value.foreign == std::vector<std::string>{"zz"});
    REQUIRE(twice.value.fingerprints.size() == 2);
    CHECK(twice.value.fingerprints[0].str() == "00000000000000ff");
    CHECK(twice.value.fingerprints[1].str() == "00000000000000ff-2");
    auto message = [&](const std::string& text) {
      auto r = read(text);
      CHECK(r.value.fingerprints.empty());
      CHECK(r.value.foreign.empty());
      return r.problems.size() == 1 ? r.problems[0].message : std::string("no single problem");
    };
    CHECK(message(R"({"tollgate_baseline": 2, "findings": []})") ==
          "baseline version '2' is not 1; record it again with --write-baseline");
    CHECK(message(R"({"tollgate_baseline": 1, "findings": [{"fingerprint": "ab"}, {"rule": "x"}]})") ==
          "baseline entry 2 has no 'fingerprint'");
    CHECK(message(R"({"tollgate_baseline": 1, "findings": ["ab"]})") == "baseline entry 1 has no 'fingerprint'");
    CHECK(message(R"({"findings": []})") ==
          "not a tollgate baseline: expected 'tollgate_baseline' and a 'findings' list");
    CHECK(message(R"({"tollgate_baseline": 1, "findings": [)").starts_with("baseline is not valid JSON: "));
  }

  TEST_CASE("GitHub workflow commands escape data and properties") {
    CHECK(report::github_escape_data("50% of 1,200\r\nnext: line") ==
          "50%25 of 1,200%0D%0Anext: line");
    CHECK(report::github_escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A");
  }

  TEST_CASE("XML escaping handles markup, quotes, line breaks and bad bytes") {
    CHECK(report::xml_escape("a < b & \"c\" 'd' > e", false) == "a &lt; b &amp; \"c\" 'd' &gt; e");
    CHECK(report::xml_escape("\"x\"\n\ty", true) == "&quot;x&quot;&#10;&#9;y");
    CHECK(report::xml_escape(std::string("bell\x07") + "!", false) == "bell\xEF\xBF\xBD!");
    CHECK(report::xml_escape("\xC3(", false) == "\xEF\xBF\xBD(");
    CHECK(report::xml_escape("Dostra — “quoted”", false) == "Dostra — “quoted”");
  }

  TEST_CASE("CSV fields are quoted only when needed") {
    CHECK(report::csv_field("plain") == "plain");
    CHECK(report::csv_field("1,200") == "\"1,200\"");
    CHECK(report::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::csv_field("60\nchildren") == "\"60\nchildren\"");
  }

  TEST_CASE("a JSONL record points at its line in the file") {
    ingest::document d;
    d.id = "rec-1";
    d.location = "batch#1.jsonl#rec-1";
    d.record_line = 3;
    const auto place = report::place_of(d);
    CHECK(place.file == "batch#1.jsonl");
    CHECK(place.record_line == 3);
    const auto at = report::position_in_file(place, 5, 11);
    CHECK(at.line == 3);
    CHECK(at.column == 0);
    ingest::document html;
    html.location = "page.HTML";
    CHECK_FALSE(report::place_of(html).file_lines);
    CHECK(report::position_in_file(report::place_of(html), 5, 11).line == 0);
  }
}

}  // namespace
}  // namespace tollgate
