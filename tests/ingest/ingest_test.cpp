// Tests for the ingest stage: files, directories, JSONL, front matter,
// manifests and dates found in the text. Expected values come from the
// fixtures in fixtures/ingest/ and fixtures/sample/ and from DESIGN.md.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "ingest/ingest.hpp"
#include "test_support.hpp"

namespace tollgate {
namespace {

namespace fs = std::filesystem;
using test::source_path;
using test::temp_dir;


/// What read_batch produced.
struct batch_result {
  std::vector<ingest::document> docs;
  core::diagnostics problems;
  ingest::summary totals;

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& d : docs) out.push_back(d.id);
    return out;
  }
  const ingest::document* find(const std::string& id) const {
    for (const auto& d : docs) {
      if (d.id == id) return &d;
    }
    return nullptr;
  }
  /// The diagnostics about `path`.
  std::vector<core::diagnostic> about(const std::string& path) const {
    std::vector<core::diagnostic> out;
    for (const auto& p : problems) {
      if (p.path == path) out.push_back(p);
    }
    return out;
  }
};

batch_result read(const std::vector<std::string>& inputs, const ingest::manifest* metadata = nullptr) {
  batch_result r;
  ingest::options opts;
  opts.metadata = metadata;
  ingest::read_batch(
      inputs, opts, [&](ingest::document&& d) { r.docs.push_back(std::move(d)); }, r.problems, r.totals);
  return r;
}

core::date day(const char* iso) {
  auto d = core::date::parse_iso(iso);
  REQUIRE(d);
  return *d;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("a document's location splits into its file and whether it is a record of it") {
    auto split = [](const std::string& id, const std::string& location) {
      ingest::document d;
      d.id = id;
      d.location = location;
      const auto parts = ingest::split_location(d);
      return std::pair<std::string, bool>(parts.file, parts.record);
    };
    CHECK(split("rec-1", "batch#1.jsonl#rec-1") == std::pair<std::string, bool>("batch#1.jsonl", true));
    // A file whose name holds '#' and ends like an id is still a file.
    CHECK(split("notes#rec-1", "batch/notes#rec-1") == std::pair<std::string, bool>("batch/notes#rec-1", false));
  }

  TEST_CASE("a missing path is an error naming it and the rest of the batch is still read") {
    const std::string missing = source_path("fixtures/ingest/no-such-article.txt");
    const std::string good = source_path("fixtures/ingest/good.txt");
    const auto r = read({missing, good});

    const auto about_missing = r.about(missing);
    REQUIRE(about_missing.size() == 1);
    CHECK(about_missing[0].level == core::severity::error);
    CHECK_FALSE(about_missing[0].message.empty());

    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].id == good);
    CHECK(r.docs[0].published == day("2024-05-02"));
    CHECK(r.docs[0].published_from == ingest::date_origin::dateline);
    CHECK(r.totals.documents == 1);
    REQUIRE(r.totals.skipped.size() == 1);
    CHECK(r.totals.skipped[0].path == missing);
  }

  TEST_CASE("a binary file in a directory is reported and the other files are still read") {
    const std::string dir = source_path("fixtures/ingest");
    const auto r = read({dir});

    const auto about_binary = r.about(dir + "/binary.bin");
    REQUIRE(about_binary.size() == 1);
    CHECK(about_binary[0].level == core::severity::error);
    CHECK(about_binary[0].message.find("binary") != std::string::npos);

    // The good article and the two good JSONL records, in walk order
    // (broken.jsonl sorts before good.txt); the README is not an article.
    CHECK(r.ids() == std::vector<std::string>{"ingest-ok-1", "ingest-ok-2", "good.txt"});
    CHECK(r.find("binary.bin") == nullptr);
    CHECK(r.totals.documents == 3);
  }

  TEST_CASE("an empty file is an error with its path") {
    const std::string empty = source_path("fixtures/ingest/empty.txt");
    const auto r = read({empty});

    CHECK(r.docs.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == empty);
    CHECK(r.problems[0].level == core::severity::error);
    CHECK(r.problems[0].message.find("empty") != std::string::npos);
    REQUIRE(r.totals.skipped.size() == 1);
    CHECK(r.totals.skipped[0].path == empty);
  }

  TEST_CASE("a malformed JSONL line is an error at its line and the good records are still read") {
    const std::string broken = source_path("fixtures/ingest/broken.jsonl");
    const auto r = read({broken});

    REQUIRE(r.problems.size() == 1);
    const auto& p = r.problems[0];
    CHECK(p.path == broken);
    CHECK(p.level == core::severity::error);
    CHECK(p.line == 2);
    CHECK(p.column > 0);

    REQUIRE(r.ids() == std::vector<std::string>{"ingest-ok-1", "ingest-ok-2"});
    const auto& first = r.docs[0];
    CHECK(first.source == "Test Wire");
    CHECK(first.title == "Bridge collapse in Orsa");
    CHECK(first.url == "https://testwire.example/2024/05/02/orsa-bridge");
    CHECK(first.published == day("2024-05-02"));
    CHECK(first.published_from == ingest::date_origin::metadata);
    CHECK(first.location == broken + "#ingest-ok-1");
    CHECK(first.text.find("At least 18 people were killed") != std::string::npos);
    const auto& second = r.docs[1];
    CHECK(second.published == day("2024-05-03"));
    CHECK(second.text.find("About 40 people were injured") != std::string::npos);
    CHECK(r.totals.documents == 2);
  }

  TEST_CASE("markdown front matter gives source and date and keeps the file's line numbers") {
    const std::string md = source_path("fixtures/sample/day4-sarn-review.md");
    const auto r = read({md});

    CHECK(r.problems.empty());
    REQUIRE(r.docs.size() == 1);
    const auto& d = r.docs[0];
    CHECK(d.source == "Sarn Basin Review");
    CHECK(d.title == "Looting arrests as the Teller Valley counts its losses");
    CHECK(d.url == "https://sarnbasinreview.example/articles/teller-valley-looting-arrests");
    CHECK(d.published == day("2024-03-07"));
    CHECK(d.published_from == ingest::date_origin::metadata);

    // Front matter is blanked, not removed: the text is as long as the file,
    // keeps its newlines, and no longer holds the YAML.
    CHECK(d.text.size() == fs::file_size(md));
    const std::string raw = read_file(md);
    CHECK(std::count(d.text.begin(), d.text.end(), '\n') == std::count(raw.begin(), raw.end(), '\n'));
    CHECK(d.text.substr(d.text.find("The floods")) == raw.substr(raw.find("The floods")));
    CHECK(d.text.find("source:") == std::string::npos);
    CHECK(d.text.find("---") == std::string::npos);

    // Claims keep the file's line numbers: the figures are on lines 10 to 13.
    const auto found = claims::extract(d, test::builtin_lexicon());
    REQUIRE(found.size() == 4);
    CHECK(found[0].line == 10);
    CHECK(found[0].wording().text.find("more than 230") != std::string::npos);
    CHECK(found[1].line == 11);
    CHECK(found[2].line == 12);
    CHECK(found[3].line == 13);
    for (const auto& c : found) {
      CHECK(c.source() == "Sarn Basin Review");
      CHECK(c.published() == day("2024-03-07"));
    }
  }

  TEST_CASE("a directory walk is sorted, recursive and skips hidden files") {
    temp_dir tmp;
    tmp.write("n.txt", "date 2024-01-04\nSix people were killed in the storm.\n");
    tmp.write("b.txt", "date 2024-01-02\nTwo people were killed in the storm.\n");
    tmp.write("m/x.txt", "date 2024-01-03\nFour people were killed in the storm.\n");
    tmp.write("a.txt", "date 2024-01-01\nOne person was killed in the storm.\n");
    tmp.write(".hidden.txt", "date 2024-01-05\nA hidden note.\n");
    tmp.write(".cache/inside.txt", "date 2024-01-06\nIn a hidden folder.\n");
    tmp.write("m/.secret.txt", "date 2024-01-07\nHidden in a subfolder.\n");

    const auto r = read({tmp.path().string()});

    CHECK(r.problems.empty());
    CHECK(r.ids() == std::vector<std::string>{"a.txt", "b.txt", "m/x.txt", "n.txt"});
    REQUIRE(r.docs.size() == 4);
    CHECK(r.docs[2].location == (tmp.path() / "m" / "x.txt").string());
    CHECK(r.docs[2].published == day("2024-01-03"));
    for (std::size_t i = 0; i < r.docs.size(); ++i) CHECK(r.docs[i].index == i);
    CHECK(r.totals.documents == 4);
  }

  TEST_CASE("a manifest overrides the date in the text and gives the source") {
    temp_dir tmp;
    tmp.write("harbour.txt",
              "date 2024-02-01\nHarbour crane collapses\nNine people were killed when a crane fell on the quay.\n");
    const std::string manifest_file = tmp.write("manifest.yaml",
                                                "# Invented metadata for this test.\n"
                                                "documents:\n"
                                                "  - path: harbour.txt\n"
                                                "    source: Quayside Gazette\n"
                                                "    published: 2024-02-10\n"
                                                "    url: https://quayside.example/2024/02/10/crane\n");
    const auto m = ingest::load_manifest(manifest_file);
    REQUIRE(m.problems.empty());

    // Read both by walking the folder (the manifest itself is passed over)
    // and by naming the file.
    for (const std::string& input : {tmp.path().string(), (tmp.path() / "harbour.txt").string()}) {
      CAPTURE(input);
      const auto r = read({input}, &m.value);
      // The text's date disagrees with the manifest's: reported where it is.
      REQUIRE(r.problems.size() == 1);
      CHECK(r.problems[0].level == core::severity::warning);
      CHECK(r.problems[0].line == 1);
      CHECK(r.problems[0].message.find("but the manifest gives 2024-02-10") != std::string::npos);
      REQUIRE(r.docs.size() == 1);
      const auto& d = r.docs[0];
      CHECK(d.source == "Quayside Gazette");
      CHECK(d.url == "https://quayside.example/2024/02/10/crane");
      CHECK(d.published == day("2024-02-10"));
      CHECK(d.published_from == ingest::date_origin::manifest);
    }
  }

  TEST_CASE("published null in the manifest leaves the document undated") {
    temp_dir tmp;
    tmp.write("rumour.txt", "date 2024-02-03\nUnconfirmed reports\nTwenty people were killed, a local blog said.\n");
    const std::string manifest_file = tmp.write("manifest.yaml",
                                                "documents:\n"
                                                "  - path: rumour.txt\n"
                                                "    source: unknown (cites a local blog)\n"
                                                "    published: null\n"
                                                "    url: null\n");
    const auto m = ingest::load_manifest(manifest_file);
    REQUIRE(m.problems.empty());

    const auto r = read({tmp.path().string()}, &m.value);
    CHECK(r.problems.empty());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].source == "unknown (cites a local blog)");
    CHECK_FALSE(r.docs[0].published.has_value());
    CHECK(r.docs[0].published_from == ingest::date_origin::none);
    CHECK(r.docs[0].url.empty());
  }

  TEST_CASE("a manifest entry without published keeps the date in the text") {
    temp_dir tmp;
    tmp.write("harbour.txt", "date 2024-02-01\nNine people were killed when a crane fell on the quay.\n");
    const std::string manifest_file = tmp.write("manifest.yaml",
                                                "documents:\n"
                                                "  - path: harbour.txt\n"
                                                "    source: Quayside Gazette\n");
    const auto m = ingest::load_manifest(manifest_file);
    REQUIRE(m.problems.empty());
    const auto r = read({tmp.path().string()}, &m.value);
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].source == "Quayside Gazette");
    CHECK(r.docs[0].published == day("2024-02-01"));
    CHECK(r.docs[0].published_from == ingest::date_origin::dateline);
  }

  TEST_CASE("a manifest key that is not a scalar is an error, not a crash") {
    temp_dir tmp;
    const std::string file = tmp.write("manifest.yaml",
                                       "documents:\n"
                                       "  - path: a.txt\n"
                                       "    [x]: 1\n");
    core::result<ingest::manifest> m;
    CHECK_NOTHROW(m = ingest::load_manifest(file));
    REQUIRE(m.problems.size() == 1);
    CHECK(m.problems[0].path == file);
    CHECK(m.problems[0].line == 3);
    CHECK(m.problems[0].column == 5);
  }

  TEST_CASE("date_from_text reads a 'date' line on the first line") {
    const auto d = ingest::date_from_text("date 2023-10-12\nHeadline of the day\nBody text.\n");
    REQUIRE(d);
    CHECK(d->date == day("2023-10-12"));
    CHECK(d->origin == ingest::date_origin::dateline);
  }

  TEST_CASE("date_from_text reads a line that is only a date") {
    const auto d = ingest::date_from_text("A headline about the war\nOctober 13, 2023\nThe body of the article.\n");
    REQUIRE(d);
    CHECK(d->date == day("2023-10-13"));
    CHECK(d->origin == ingest::date_origin::dateline);
  }

  TEST_CASE("date_from_text reads a date path in a URL") {
    const auto d = ingest::date_from_text(
        "A headline\nThe body of the article, with no date line.\n"
        "Original url: https://news.example/world/2023/10/13/mediation-offer-a82758\n");
    REQUIRE(d);
    CHECK(d->date == day("2023-10-13"));
    CHECK(d->origin == ingest::date_origin::url);
  }

  TEST_CASE("date_from_text gives nothing for a text without a date") {
    CHECK_FALSE(ingest::date_from_text("A headline\nNine people were killed, officials said.\n").has_value());
    CHECK_FALSE(ingest::date_from_text("").has_value());
  }

  TEST_CASE("load_manifest reports an unknown key at its line and column") {
    temp_dir tmp;
    const std::string file = tmp.write("manifest.yaml",
                                       "documents:\n"
                                       "  - path: a.txt\n"
                                       "    sorce: Quayside Gazette\n"
                                       "    published: 2024-02-10\n");
    const auto m = ingest::load_manifest(file);
    REQUIRE(m.problems.size() == 1);
    const auto& p = m.problems[0];
    CHECK(p.path == file);
    CHECK(p.level == core::severity::error);
    CHECK(p.line == 3);
    CHECK(p.column == 5);
    CHECK(p.message.find("unknown key 'sorce'") != std::string::npos);
  }

  TEST_CASE("parse_iso rejects impossible and malformed dates") {
    CHECK_FALSE(core::date::parse_iso("2023-02-30").has_value());
    CHECK_FALSE(core::date::parse_iso("2023-13-01").has_value());
    CHECK_FALSE(core::date::parse_iso("2023-2-3").has_value());
    CHECK_FALSE(core::date::parse_iso("").has_value());
    CHECK(core::date::parse_iso("2024-02-29").has_value());
    CHECK_FALSE(core::date::parse_iso("2023-02-29").has_value());
  }

  TEST_CASE("weekday of 2023-10-07 is Saturday") {
    CHECK(day("2023-10-07").weekday() == 6);
    CHECK(day("1970-01-01").weekday() == 4);
    CHECK(day("2023-10-08").weekday() == 0);
  }

  TEST_CASE("iso round-trips") {
    for (const char* s : {"2023-10-07", "2024-02-29", "1999-12-31", "2000-01-01"}) {
      CAPTURE(s);
      CHECK(day(s).iso() == s);
    }
    const auto d = core::date::from_ymd(2023, 10, 12);
    CHECK(d.year() == 2023);
    CHECK(d.month() == 10);
    CHECK(d.day() == 12);
    CHECK(d.iso() == "2023-10-12");
    CHECK((d + 1).iso() == "2023-10-13");
    CHECK(core::date::from_ymd(2023, 10, 13) - d == 1);
  }
}

}  // namespace tollgate
