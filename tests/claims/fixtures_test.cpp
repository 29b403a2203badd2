// Extraction against the fixtures' expected claims (written by hand from the
// articles) and against sentences in the shapes the seed articles use.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "claims/claims.hpp"
#include "core/text_position.hpp"
#include "ingest/ingest.hpp"
#include "test_support.hpp"

namespace tollgate {
namespace {

using nlohmann::json;

std::vector<json> read_jsonl(const std::string& path) {
  std::vector<json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

std::vector<claims::claim> extract_batch(const std::string& input) {
  std::vector<claims::claim> out;
  core::diagnostics problems;
  ingest::summary totals;
  ingest::read_batch({input}, {}, [&](ingest::document&& d) {
    auto found = claims::extract(d, test::builtin_lexicon());
    out.insert(out.end(), found.begin(), found.end());
  }, problems, totals);
  CHECK(problems.empty());
  return out;
}

std::string base_name(const std::string& id) {
  return std::filesystem::path(id).filename().string();
}

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Each expected claim must be found on its line with its figure, with every
// field right; and nothing may be found that is not expected.
void check_against(const std::vector<json>& expected, const std::vector<claims::claim>& got) {
  std::vector<bool> used(got.size(), false);
  for (const auto& e : expected) {
    CAPTURE(e.dump());
    std::size_t match = got.size();
    for (std::size_t i = 0; i < got.size(); ++i) {
      const auto& c = got[i];
      if (used[i] || base_name(c.doc()) != e["doc"] || c.line != e["line"]) continue;
      if (optional_number(c.value) != e["value"] || json(c.lo) != e["lo"]) continue;
      match = i;
      break;
    }
    REQUIRE_MESSAGE(match < got.size(), "claim not found");
    used[match] = true;
    const auto& c = got[match];
    CHECK(c.metric == e["metric"]);
    CHECK(c.group == e["group"]);
    CHECK(optional_number(c.hi) == e["hi"]);
    CHECK(c.qualifier == e["qualifier"]);
    CHECK((c.as_of ? json(c.as_of->iso()) : json(nullptr)) == e["as_of"]);
    CHECK((c.part_of() ? json(base_name(*c.part_of())) : json(nullptr)) == e["part_of"]);
    if (e.contains("cumulative")) CHECK(c.cumulative == e["cumulative"]);
    const std::string quantity = e["quantity"];
    CHECK(c.wording().text.find(quantity) != std::string::npos);
  }
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(got[i].wording().text);
    CHECK_MESSAGE(used[i], "unexpected claim");
  }
}

// The claim with its text replaced.
void with_text(claims::claim& c, const std::string& text) {
  claims::claim_wording w = c.wording();
  w.text = text;
  c.set_wording(w);
}

std::vector<claims::claim> extract_text(const std::string& text, const std::string& published = "2024-05-02") {
  return claims::extract(test::make_document(text, published), test::builtin_lexicon());
}

}  // namespace

TEST_SUITE("claims") {
  TEST_CASE("the sample batch gives exactly its expected claims") {
    check_against(read_jsonl(test::source_path("fixtures/sample.expected.jsonl")),
                  extract_batch(test::source_path("fixtures/sample")));
  }

  TEST_CASE("each single-purpose claim fixture gives exactly its expected claims") {
    const auto dir = std::filesystem::path(test::source_path("fixtures/claims"));
    std::vector<std::filesystem::path> cases;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") cases.push_back(e.path());
    }
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 10);
    for (const auto& txt : cases) {
      CAPTURE(txt.filename().string());
      auto expected_path = txt;
      expected_path.replace_extension(".expected.jsonl");
      check_against(read_jsonl(expected_path.string()), extract_batch(txt.string()));
    }
  }

  TEST_CASE("a total with its breakdown is linked through part_of") {
    auto c = extract_text("Over 500 people have been killed in the fighting, including at least 320 civilians and 90 soldiers.");
    REQUIRE(c.size() == 3);
    CHECK(c[0].qualifier == "more_than");
    CHECK(c[0].lo == 501);
    CHECK_FALSE(c[0].part_of());
    CHECK(c[1].group == "civilians");
    CHECK(c[1].part_of() == c[0].id());
    CHECK(c[2].group == "soldiers");
    CHECK(c[2].metric == "killed");
    CHECK(c[2].part_of() == c[0].id());
  }

  TEST_CASE("a toll noun gives the metric and the group between noun and figure") {
    auto c = extract_text("The death toll on the Israeli side reached 300 by evening.");
    REQUIRE(c.size() == 1);
    CHECK(c[0].metric == "killed");
    CHECK(c[0].group == "israelis");
    CHECK(c[0].value == 300);
  }

  TEST_CASE("claimed N lives is a death toll of everyone") {
    auto c = extract_text("The clashes have so far claimed more than 600 lives on both sides.");
    REQUIRE(c.size() == 1);
    CHECK(c[0].metric == "killed");
    CHECK(c[0].group == "people");
    CHECK(c[0].lo == 601);
  }

  TEST_CASE("saved lives are not a toll") {
    CHECK(extract_text("Medics saved 40 lives in the first hour.").empty());
  }

  TEST_CASE("vague figures with their own metrics") {
    auto c = extract_text("Hundreds have died and dozens more were injured among villagers and soldiers.");
    REQUIRE(c.size() == 2);
    CHECK(c[0].metric == "killed");
    CHECK(c[0].lo == 200);
    CHECK(c[0].vague);
    CHECK(c[1].metric == "injured");
    CHECK(c[1].group == "people");
  }

  TEST_CASE("an abduction verb before a vague figure is a hostage claim") {
    auto c = extract_text("Gunmen stormed the camp, abducting dozens of individuals.");
    REQUIRE(c.size() == 1);
    CHECK(c[0].metric == "hostages");
    CHECK(c[0].group == "people");
  }

  TEST_CASE("numbers near casualty words that are not casualties") {
    CHECK(extract_text("The 64-year-old governor was injured.").empty());
    CHECK(extract_text("The militants fired thousands of rockets and sent hundreds of fighters into the towns.").empty());
    CHECK(extract_text("The city's 1.2 million residents are short of water.").empty());
    CHECK(extract_text("The army ordered hundreds of thousands to evacuate.").empty());
    CHECK(extract_text("Relations have been good for the past 15 years.").empty());
    CHECK(extract_text("In 2019 the same river killed nobody.").empty());
  }

  TEST_CASE("as-of is the publication date, or an anchored date") {
    auto c = extract_text("At least 40 people have been killed, officials said.", "2024-05-02");
    REQUIRE(c.size() == 1);
    CHECK(c[0].as_of->iso() == "2024-05-02");
    CHECK(c[0].attribution == "officials");
    auto anchored = extract_text("As of April 30, at least 35 people had been killed.", "2024-05-02");
    REQUIRE(anchored.size() == 1);
    CHECK(anchored[0].as_of->iso() == "2024-04-30");
  }

  TEST_CASE("an incident figure is not cumulative; a running toll is") {
    auto c = extract_text("Twelve people were killed in a strike on a market. The death toll rose to 212.");
    REQUIRE(c.size() == 2);
    CHECK_FALSE(c[0].cumulative);
    CHECK(c[1].cumulative);
  }

  TEST_CASE("a claim's wording reads back whole, before and after it is spilled") {
    auto c = extract_text("By Tuesday, more than 2,800 people had been killed, the ministry said.");
    REQUIRE(c.size() == 1);
    const claims::claim_wording fresh = c[0].wording();
    CHECK(fresh.text == "more than 2,800 people had been killed");
    CHECK(fresh.line_text.find(fresh.text) != std::string::npos);
    CHECK(fresh.line_text_column == 1);
    CHECK(fresh.quantity_offset == c[0].offset);
    CHECK(fresh.as_of_basis == "relative");
    c[0].spill_text();
    const claims::claim_wording back = c[0].wording();
    CHECK(back.text == fresh.text);
    CHECK(back.line_text == fresh.line_text);
    CHECK(back.quantity_offset == fresh.quantity_offset);
    CHECK(back.as_of_basis == fresh.as_of_basis);
    // No basis, no text: every part may be empty.
    claims::claim bare;
    CHECK(bare.wording().text.empty());
    bare.set_wording({});
    CHECK(bare.wording().as_of_basis.empty());
    CHECK(bare.wording().line_text_column == 1);
  }

  TEST_CASE("a claim's line window holds forty code points either side of it") {
    // Letters of two and three bytes on both sides, so that bytes and code
    // points differ at the window's edges.
    const std::string before = "Dans le caf\xC3\xA9 \xE2\x80\x9CZ\xC3\xBCrich\xE2\x80\x9D \xC3\xA0 Gen\xC3\xA8ve, o\xC3\xB9 "
                               "l\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA9tait calme, hier soir, ";
    const std::string after = " in the crash near Z\xC3\xBCrich\xE2\x80\x99s old caf\xC3\xA9 \xE2\x80\x94 officials said.";
    const std::string line = before + "12 people were killed" + after;
    auto c = extract_text(line + "\nNothing else.");
    REQUIRE(c.size() == 1);
    const claims::claim_wording w = c[0].wording();
    REQUIRE(w.text == "12 people were killed");
    // The window counted out from the line's start, code point by code point.
    std::vector<std::size_t> starts;  // the byte where each code point starts
    for (std::size_t i = 0; i < line.size(); ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    const int column = 1 + static_cast<int>(core::count_code_points(before));
    REQUIRE(w.column == column);
    REQUIRE(column > 41);
    const std::size_t claim_end = static_cast<std::size_t>(column) + 21;  // the code point after the claim
    const std::size_t from = starts[static_cast<std::size_t>(column - 41)];
    const std::size_t to = claim_end + 39 < starts.size() ? starts[claim_end + 39] : line.size();
    CHECK(w.line_text == line.substr(from, to - from));
    CHECK(w.line_text_column == column - 40);
    // A claim near the start of its line takes the line from its start; one
    // near the end, to its end.
    auto near = extract_text("Hier, 12 people were killed \xE2\x80\x94 z\xC3\xA9ro.");
    REQUIRE(near.size() == 1);
    CHECK(near[0].wording().line_text == "Hier, 12 people were killed \xE2\x80\x94 z\xC3\xA9ro.");
    CHECK(near[0].wording().line_text_column == 1);
  }

  TEST_CASE("a document's claims share one record of what they say alike") {
    auto doc = test::make_document("In Morsk, 12 people were killed.\nThe toll rose to 40 on Monday.", "2024-05-02", "n7");
    doc.location = "batch.jsonl#n7";
    doc.source = "Desk A";
    doc.index = 3;
    const auto c = claims::extract(doc, test::builtin_lexicon());
    REQUIRE(c.size() == 2);
    CHECK(&c[0].document() == &c[1].document());
    CHECK(c[1].doc() == "n7");
    CHECK(c[1].source() == "Desk A");
    CHECK(c[1].published() == core::date::parse_iso("2024-05-02"));
    CHECK(c[1].doc_index() == 3);
    CHECK(c[1].location_label() == "batch.jsonl#n7");
    // The second figure names no place: it takes the story's.
    CHECK(c[0].story_place().empty());
    CHECK(c[1].story_place() == "Morsk");
    CHECK(c[1].series() == "killed/people/Morsk");
    CHECK(c[1].wording().column == 5);
    // A claim that no document has set reads as an empty one.
    const claims::claim bare;
    CHECK(bare.doc().empty());
    CHECK(bare.doc_index() == 0);
    // A batch holds millions: the record is what keeps a claim this small.
    CHECK(sizeof(claims::claim) == 88);
  }

  TEST_CASE("extraction of a document does not depend on other documents") {
    const auto doc = test::make_document("Ninety people were killed.");
    auto alone = claims::extract(doc, test::builtin_lexicon());
    (void)claims::extract(test::make_document("At least 400 died in the quake."), test::builtin_lexicon());
    auto again = claims::extract(doc, test::builtin_lexicon());
    REQUIRE(alone.size() == 1);
    REQUIRE(again.size() == 1);
    CHECK(alone[0].id() == again[0].id());
    CHECK(alone[0].offset == again[0].offset);
  }
}

}  // namespace tollgate

#include "report/report.hpp"

namespace tollgate {

TEST_SUITE("claims") {
  TEST_CASE("the fast claim JSON line equals the one nlohmann-json builds") {
    auto found = extract_batch(test::source_path("fixtures/sample"));
    REQUIRE(!found.empty());
    claims::claim odd = found.front();
    with_text(odd, "quote \" backslash \\ tab \t bell \x07 dash \xE2\x80\x94 end");
    odd.attribution = "the \"ministry\"";
    odd.location.reset();
    odd.value = 2.5;
    found.push_back(odd);
    // Bytes that are not UTF-8 (a lone lead byte, a cut sequence) and a
    // four-byte character: the replacement must match nlohmann's.
    claims::claim broken = found.front();
    with_text(broken, "lone \xC3 lead, cut \xE2\x80");
    broken.attribution = "emoji \xF0\x9F\x98\x80 and \xFF";
    found.push_back(broken);
    // Forms RFC 3629 forbids: overlong, a surrogate, past U+10FFFF.
    for (const char* bad : {"over \xC0\x80 long", "over \xE0\x80\x80 long", "half \xED\xA0\x80 pair",
                            "past \xF4\x90\x80\x80 end", "edge \xF4\x8F\xBF\xBF ok", "edge \xEF\xBF\xBF ok"}) {
      claims::claim c = found.front();
      with_text(c, bad);
      found.push_back(c);
    }
    // Each byte that needs a look, at each place in and across the eight-byte
    // blocks the writer passes over whole; and the bytes at the edges of plain.
    for (const char* special : {"\"", "\\", "\x01", "\x1F", " ", "~", "\x7F", "\xC3\xA9", "\xE2\x80\x94"}) {
      for (std::size_t at = 0; at < 17; ++at) {
        claims::claim c = found.front();
        with_text(c, std::string(at, 'a') + special + std::string(9, 'b'));
        found.push_back(c);
      }
    }
    // A line longer than the writer's first room, in plain bytes and in escapes.
    for (const char* fill : {"a", "\x01"}) {
      claims::claim c = found.front();
      std::string long_text;
      for (int k = 0; k < 3000; ++k) long_text += fill;
      with_text(c, long_text);
      found.push_back(c);
    }
    odd.value = 12345678.0;
    odd.lo = -3;
    found.push_back(odd);
    for (const auto& c : found) {
      CAPTURE(c.wording().text);
      CHECK(report::claim_json(c) == report::claim_json_reference(c));
      std::string appended = "before";
      report::append_claim_json(appended, c);
      CHECK(appended == "before" + report::claim_json_reference(c));
    }
  }
}

}  // namespace tollgate

namespace tollgate {

TEST_SUITE("claims") {
  TEST_CASE("a historical toll holds as of its year") {
    auto c = claims::extract(test::make_document("In 1994, a cyclone killed 1,654 people in the delta."),
                             test::builtin_lexicon());
    REQUIRE(c.size() == 1);
    CHECK(c[0].as_of->iso() == "1994-12-31");
    CHECK(c[0].wording().as_of_basis == "explicit");
  }

  TEST_CASE("a count since a start is its own series") {
    auto c = claims::extract(
        test::make_document("Since the war began in 2022, more than 9,000 people have been killed in Tirna."),
        test::builtin_lexicon());
    REQUIRE(c.size() == 1);
    CHECK(c[0].as_of->iso() == "2024-05-02");
    CHECK(c[0].series() == "killed/people/Tirna (since the war began)");
  }

  TEST_CASE("an unplaced figure takes its story's place, else the dateline's") {
    auto placed = claims::extract(
        test::make_document("Twelve people died in Morsk on Monday. The death toll rose to 20, officials said."),
        test::builtin_lexicon());
    REQUIRE(placed.size() == 2);
    CHECK_FALSE(placed[1].location);
    CHECK(placed[1].series() == "killed/people/Morsk");
    auto dated = claims::extract(
        test::make_document("SULPUR, Sep 23 (Northstar Newswire) - Rescuers have recovered 22 bodies, state media said."),
        test::builtin_lexicon());
    REQUIRE(dated.size() == 1);
    CHECK(dated[0].series() == "killed/people/Sulpur");
  }

  TEST_CASE("who gives a figure: a subject set off by an aside, a long name, a source that puts or gives a "
            "toll, and the speaker named where a quote closes") {
    auto attribution = [](const std::string& text) -> std::string {
      const auto c = claims::extract(test::make_document(text), test::builtin_lexicon());
      REQUIRE(c.size() == 1);
      return c[0].attribution ? c[0].attribution->str() : "none";
    };
    CHECK(attribution("A rebel spokesman, however, said as many as 45 people had been killed.") ==
          "A rebel spokesman");
    CHECK(attribution("At least 40 people died, the International Committee of the Red Cross said.") ==
          "International Committee of the Red Cross");
    CHECK(attribution("A monitoring group put the number of dead at 23.") == "A monitoring group");
    CHECK(attribution("Doctors Without Borders gave a toll of 40, well above the official figure.") ==
          "Doctors Without Borders");
    CHECK(attribution("Officials warned that 24 miners were still missing.") == "Officials");
    CHECK(attribution("\xE2\x80\x9CWe buried 11 pilgrims today. Whole families are gone,\xE2\x80\x9D said "
                      "Karim Sherwood, a shopkeeper.") == "Karim Sherwood");
    // Not every "put" gives a figure.
    CHECK(attribution("Rescuers put up tents after 12 people were killed.") == "none");
  }

  TEST_CASE("who gives a figure: a source that revises it, a name before its description, and no source in a "
            "passive, an adjective or a compared figure") {
    auto attributions = [](const std::string& text) {
      std::vector<std::string> out;
      for (const auto& c : claims::extract(test::make_document(text), test::builtin_lexicon())) {
        out.push_back(c.attribution ? c.attribution->str() : "none");
      }
      return out;
    };
    using list = std::vector<std::string>;
    CHECK(attributions("The civil defence service on Friday evening revised the death toll down to 256 from more "
                       "than 260.") == list{"civil defence service", "civil defence service"});
    CHECK(attributions("Officials earlier today raised the number of confirmed deaths to 65, from 34.") ==
          list{"Officials", "Officials"});
    CHECK(attributions("\xE2\x80\x9CWe counted 26 bodies in the first hours,\xE2\x80\x9D Clara Costa, a volunteer "
                       "with the Red Crescent, said by telephone.") == list{"Clara Costa"});
    CHECK(attributions("Several civilians have now been confirmed dead, Doctors Without Borders said.") ==
          list{"Doctors Without Borders"});
    CHECK(attributions("The fate of an estimated 160 people remains unknown, the Red Cross said.") ==
          list{"Red Cross"});
    CHECK(attributions("The toll was corrected to 8, lower than the at least nine announced earlier, the health "
                       "ministry said.") == list{"health ministry", "health ministry"});
    CHECK(attributions("At least three people have died, said residents earlier today.") == list{"residents"});
    // A passive with no one named, and a toll revised by no one named.
    CHECK(attributions("Eight people have been confirmed dead.") == list{"none"});
    CHECK(attributions("The toll was revised to 30.") == list{"none"});
  }

  TEST_CASE("a figure killed when an incident struck counts that incident") {
    auto cumulative = [](const char* text) {
      const auto c = claims::extract(test::make_document(text), test::builtin_lexicon());
      REQUIRE(c.size() == 1);
      return c[0].cumulative;
    };
    CHECK_FALSE(cumulative("Police said 26 people were killed when twin explosions ripped through a building."));
    CHECK_FALSE(cumulative("Twelve people were killed in an explosion at a fuel depot."));
    // A campaign's toll runs on; so does a disaster's, whatever it followed.
    CHECK(cumulative("More than 400 people have been killed by the air strikes on Dorvik province."));
    CHECK(cumulative("Ten pilgrims have died after a stampede at a shrine in Varoz."));
  }

  TEST_CASE("a breakdown in a later sentence belongs to the toll, not to what the toll was before") {
    const auto c = claims::extract(
        test::make_document("Floods killed 60 people in Orvik. Officials raised the toll to 90, from 70.\n"
                            "The dead included 80 children."),
        test::builtin_lexicon());
    REQUIRE(c.size() == 4);
    CHECK(c[1].figure == "90");
    CHECK(c[2].figure == "70");
    REQUIRE(c[3].part_of());
    CHECK(*c[3].part_of() == c[1].id());
  }

  TEST_CASE("'among the dead were', 'N of the victims were under 18' and 'of those killed, N were children' "
            "break down the story's total") {
    const auto c = claims::extract(
        test::make_document("At least 526 people were killed in Orvik, officials said.\n"
                            "Among the dead were 58 minors and 12 women, the civil protection agency said.\n"
                            "State media said 56 of the victims were under the age of 18.\n"
                            "Of those killed, 60 were children, civil defence officials said."),
        test::builtin_lexicon());
    REQUIRE(c.size() == 5);
    for (std::size_t k = 1; k < 5; ++k) {
      CAPTURE(k);
      REQUIRE(c[k].part_of());
      CHECK(*c[k].part_of() == c[0].id());
    }
    CHECK(c[1].group == "children");
    CHECK(c[3].group == "children");
    CHECK(c[4].group == "children");
    // Not every partitive: the injured who died are deaths of their own.
    const auto died = claims::extract(
        test::make_document("At least 40 people were killed in Orvik, officials said.\n"
                            "Nineteen of the injured later succumbed, doctors said."),
        test::builtin_lexicon());
    REQUIRE(died.size() == 2);
    CHECK_FALSE(died[1].part_of());
  }

  TEST_CASE("a story's onset is the day its first figure's event happened, when it says") {
    auto onset = [](const char* text) -> std::string {
      // Published on Saturday 2 March 2024.
      const auto c = claims::extract(test::make_document(text, "2024-03-02"), test::builtin_lexicon());
      REQUIRE_FALSE(c.empty());
      return c[0].story_onset() ? c[0].story_onset()->iso() : "none";
    };
    CHECK(onset("Floods hit Orvik on Friday, killing 40 people.") == "2024-03-01");
    CHECK(onset("Twelve people died yesterday when a bus crashed in Orvik.") == "2024-03-01");
    // A toll names its event's day in a clause on the event, not after the figure.
    CHECK(onset("The death toll from a train that derailed near Orvik on Thursday has risen to 20.") == "2024-02-29");
    CHECK(onset("The death toll in Orvik rose to 40 on Friday, officials said.") == "none");
    // An increment reports a later day of an event that began before.
    CHECK(onset("Rescuers recovered 12 more bodies in Orvik on Friday.") == "none");
    // A day more than a week back, or none at all, is no onset.
    CHECK(onset("Floods hit Orvik on February 10, killing 40 people.") == "none");
    CHECK(onset("Floods have killed 40 people in Orvik, officials said.") == "none");
    // A war's toll runs on across its attacks.
    CHECK(onset("An airstrike hit a market in Orvik on Friday, killing 12 people. The war has displaced "
                "thousands.") == "none");
  }

  TEST_CASE("a war story's counts of its attack are marked, its other figures not") {
    const auto c = claims::extract(
        test::make_document(
            "An airstrike hit a market in Dorvik on Friday, killing 40 people and wounding 254, the governor said.\n"
            "A rebel spokesman, however, said 90 people had been killed.\n"
            "Thirty-eight of the 254 injured were in critical condition, doctors said.\n"
            "Six more people died overnight, the governor said.\n"
            "Separately, 14 people were killed in Varmar on Saturday, police said.\n"
            "The war has killed more than 9,000 civilians, according to the UN.",
            "2024-03-02"),
        test::builtin_lexicon());
    std::map<std::string, bool> marked;
    for (const auto& claim : c) marked[claim.figure.str()] = claim.counts_story_attack();
    CAPTURE(c.size());
    // The attack as the governor and the rebels count it.
    CHECK(marked.at("40"));
    CHECK(marked.at("254"));
    CHECK(marked.at("90"));
    // A part of a count, an increment, another incident and the war's toll.
    CHECK_FALSE(marked.at("Thirty-eight"));
    CHECK_FALSE(marked.at("Six"));
    CHECK_FALSE(marked.at("14"));
    CHECK_FALSE(marked.at("more than 9,000"));
    // A story of no war: its figures are the running toll, compared in series.
    for (const auto& claim :
         claims::extract(test::make_document("A bomb hit a market in Dorvik, killing 40 people, the governor said.\n"
                                             "Police said 90 people had been killed."),
                         test::builtin_lexicon())) {
      CHECK_FALSE(claim.counts_story_attack());
      CHECK(claim.cumulative);
    }
  }

  TEST_CASE("a figure's place is the town it names, not the province around it") {
    auto c = claims::extract(
        test::make_document("A wildfire ravaged the town of Marera in Ormay province, killing 26 villagers.\n"
                            "Twelve people drowned in the city of Tarvik in Ormay province.\n"
                            "Four people died in Ormay province.\n"
                            "In neighbouring Rinaro province, two people drowned."),
        test::builtin_lexicon());
    REQUIRE(c.size() == 4);
    REQUIRE(c[0].location);
    CHECK(*c[0].location == "Marera");
    REQUIRE(c[1].location);
    CHECK(*c[1].location == "Tarvik");
    REQUIRE(c[2].location);
    CHECK(*c[2].location == "Ormay");
    REQUIRE(c[3].location);
    CHECK(*c[3].location == "Rinaro");
  }
}

}  // namespace tollgate
