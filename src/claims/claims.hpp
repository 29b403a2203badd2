#pragma once

// The claims stage: turns a document's sentences into casualty claims (one
// figure with its metric, group, interval, date and source), using the YAML
// lexicons under rules/lexicon/.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/block_deque.hpp"
#include "core/compact_optional.hpp"
#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/shared_records.hpp"
#include "core/stored_text.hpp"
#include "core/symbol.hpp"
#include "core/word_set.hpp"
#include "ingest/ingest.hpp"
#include "parse/parse.hpp"

namespace tollgate::claims {

/// A phrase as a list of lowercase words ("death toll" -> {"death", "toll"}).
using phrase = std::vector<std::string>;

/// Phrases matched word by word, longest first.
class phrase_set {
 public:
  void add(const std::string& text);
  /// Length in words of the longest phrase starting at words[i], 0 if none.
  std::size_t match(const std::vector<std::string_view>& words, std::size_t i) const {
    return i < words.size() && first_shapes_.may_contain(words[i]) ? longest_at(words, i) : 0;
  }
  /// True when words[i, i + n) is one of the phrases.
  bool has(const std::vector<std::string_view>& words, std::size_t i, std::size_t n) const {
    return n > 0 && i + n <= words.size() && first_shapes_.may_contain(words[i]) && listed(words, i, n);
  }
  bool empty() const { return by_first_.empty(); }

 private:
  std::size_t longest_at(const std::vector<std::string_view>& words, std::size_t i) const;
  bool listed(const std::vector<std::string_view>& words, std::size_t i, std::size_t n) const;
  // Looked up by a word's view, without making a string of it.
  struct word_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(core::word_hash(s)); }
  };
  core::word_shapes first_shapes_;  // most words start no phrase: no lookup for them
  std::unordered_map<std::string, std::vector<phrase>, word_hash, std::equal_to<>> by_first_;
};

struct metric_words {
  std::string name;
  phrase_set after, before, toll, counted;
  phrase_set before_people;  // verbs that count casualties only of people: "lost 15 fighters"
};

struct group_entry {
  std::string name;
  std::string parent;  // empty for the root
};

/// Everything extraction reads from rules/lexicon/*.yaml.
struct lexicon {
  std::unique_ptr<parse::quantity_lexicon> quantities;
  std::vector<metric_words> metrics;
  phrase_set auxiliaries, toll_links, breakdown, incident, revision, everyone, things;
  phrase_set life_verbs;  // "claimed", "cost": what makes "2,800 lives" a toll
  phrase_set increment;  // "72 more", "a further 12": a count added since the last report
  /// "airstrike", "shelling", "gunmen": a story opening with one attack in a
  /// war reports an incident of it, and its `attack_metrics` figures count it.
  phrase_set attacks;
  std::vector<std::string> attack_metrics;
  phrase_set attack_times;  // "overnight", "this morning": a time of day dates an attack as a day does
  phrase_set wider_event;  // "the war", "overall": a figure for the whole war, not the attack
  phrase_set comparing;  // "deadliest", "worst": a "since" after one compares, it starts no count
  core::word_set war_words;  // "war", "rebels": a story that names one is set in a war
  phrase_set undoing;  // "freed", "released": the counted people are no longer casualties
  std::vector<group_entry> groups;
  phrase_set all_group_words;
  std::map<std::string, std::string> group_by_phrase;      // "palestinian" -> palestinians
  phrase_set places;
  /// One distinctive word of every metric phrase ("killed", "toll", "hostage"):
  /// a sentence without any of them holds no claim and is not parsed.
  core::word_set trigger_words;
  std::map<std::string, std::string> place_by_phrase;      // "gaza strip" -> "Gaza Strip"

  /// True when `group` is `ancestor` or lies under it (children within people).
  bool within(const std::string& group, const std::string& ancestor) const;
};

/// Loads every lexicon file in `dir` (qualifiers, metrics, groups, places) and
/// then each of `extra_files`, whose entries are added to the built-in ones.
/// Problems are reported with file:line:col; the lexicon is usable when the
/// diagnostics hold no error.
core::result<std::shared_ptr<const lexicon>> load_lexicon(
    const std::string& dir, const std::vector<std::string>& extra_files = {});

/// What only a report or the claim JSON reads of a claim: its wording and
/// where to show it. A claim keeps these as one core::stored_text, so that a
/// kept batch moves them out of memory in one piece and a report reads them
/// back in one.
struct claim_wording {
  std::string text;  // the claim as written: "more than 2,800 lives"
  int column = 0;  // of the claim's first character, in code points from 1
  std::string line_text;  // the claim's line, cut to a window around the claim
  int line_text_column = 1;  // column of line_text's first character
  /// Where the figure with its qualifier ("more than 2,800") starts, in
  /// bytes into the document text.
  std::uint32_t quantity_offset = 0;
  /// How `as_of` was found: "published" (the publication date), "explicit"
  /// (a date written in the sentence: "by Oct. 13"), "relative" (a day
  /// resolved against publication: "on Tuesday", "yesterday"); empty when
  /// there is no as_of.
  core::symbol as_of_basis;
};

/// What every claim of a document says alike: kept once for the document,
/// where six fields of each claim took 24 bytes.
struct claim_document {
  /// A string, not a symbol: no other document shares it, and its record
  /// is what the document's claims share.
  std::string id;
  core::symbol source;
  core::compact_optional<core::date> published;
  /// The file a reader opens for the document: one symbol for all of a
  /// file's records, where a label per record took memory for each.
  core::symbol location_file;
  /// The place the document's figures name most often, for its claims that
  /// name none themselves (for series only, not in the JSON).
  core::symbol story_place;
  /// The day the story's event began, when its first figure reports the
  /// event on a day ("A wildfire ravaged Marera on Sunday, killing 26") and
  /// the story is set in no war; earlier when the story dates a figure of
  /// that week earlier ("up from 12 late on Saturday"). Figures of its series
  /// reported before that day are another event's (for series only, not in
  /// the JSON).
  core::compact_optional<core::date> onset;
  std::uint32_t index = 0;  // position of the document in the batch
  bool location_is_record = false;  // the document is a record of `location_file` ("batch.jsonl#id")
  /// Bit n - 1 is set when claim #n, of the first 32, is what a toll was
  /// before the figure its sentence gives ("rose to 30, up from 12";
  /// claim::earlier_value; not in the JSON). In what was padding.
  std::uint32_t earlier_values = 0;
  /// Bit n - 1 is set when claim #n, of the first 64, counts the one attack
  /// its war story reports (claim::counts_story_attack; not in the JSON): a
  /// mask here, where a flag in each claim would make every claim larger.
  std::uint64_t story_attack_counts = 0;

  /// Where a reader finds the document: its file, or "file#id" for a record.
  std::string location_label() const { return location_is_record ? location_file + "#" + id : location_file.str(); }
};

/// The facts of `doc` its claims share, but for the story place, which its
/// claims give.
claim_document document_facts(const ingest::document& doc);

/// A claim_document kept for the rest of the run and named by a 32-bit
/// number, as a symbol names a text: what a claim, and a batch's record of
/// a document, hold of it. Thread-safe.
class document_ref {
 public:
  document_ref() = default;  // an empty record
  explicit document_ref(const claim_document& d);  // keeps a copy of `d`
  const claim_document& operator*() const;
  const claim_document* operator->() const { return &**this; }

 private:
  std::uint32_t number_ = 0;  // 1 + the record's number in the run's table; 0 for none
};

namespace detail {
/// The run's table of document records. Never destroyed: claims may be read
/// while static objects are torn down.
inline core::shared_records<claim_document>& document_table() {
  static auto* table = new core::shared_records<claim_document>;
  return *table;
}
}  // namespace detail

// Inline: the rules read a claim's record several times for every claim.
inline const claim_document& document_ref::operator*() const {
  static const claim_document none;
  return number_ == 0 ? none : detail::document_table()[number_ - 1];
}

/// One casualty figure with its meaning (DESIGN "Claims"). A batch holds
/// millions, so a claim is kept small: text that claims share (names from
/// the lexicon) is a core::symbol, what a document's claims share is one
/// claim_document for them all, wording read only for reports is a
/// core::stored_text that a kept batch moves out of memory, and optional
/// fields cost no more than their values.
struct claim {
  /// Its document's facts; an empty record until set_document.
  const claim_document& document() const { return *document_; }
  document_ref document_record() const { return document_; }
  /// Keeps `d` for the run and points this claim at it. A document's claims
  /// share one: give the others share_document.
  void set_document(const claim_document& d) { document_ = document_ref(d); }
  void share_document(const claim& other) { document_ = other.document_; }

  const std::string& doc() const { return document().id; }  // document id
  std::uint32_t number = 0;  // counts the document's claims from 1
  /// "<doc>#<number>"
  std::string id() const;
  const core::symbol& source() const { return document().source; }
  const core::compact_optional<core::date>& published() const { return document().published; }
  std::uint32_t doc_index() const { return document().index; }  // position of the document in the batch
  int line = 0;
  std::uint32_t offset = 0;  // bytes into the document text; its length is its wording's text's
  core::symbol metric;
  core::symbol group;
  // The qualifier comes before the interval: there, it fills what would
  // be a gap before the doubles.
  core::symbol qualifier;
  core::compact_optional<double> value;
  double lo = 0;
  core::compact_optional<double> hi;
  core::compact_optional<core::symbol> location;
  core::compact_optional<core::date> as_of;
  core::compact_optional<core::symbol> attribution;
  /// The number of the total in the same document this figure is part of; 0 for none.
  std::uint32_t part_of_number = 0;
  /// The id of that total, as the claim JSON gives it.
  std::optional<std::string> part_of() const;
  bool vague = false;
  bool cumulative = true;
  bool revision = false;

  // For reports only; not part of the claim JSON.
  /// The claim names no source, but the sentence before does (unattributed);
  /// a flag, not the source itself, since nothing shows it and claims are many.
  bool previous_attributed = false;
  /// A count of the one attack its war story reports ("killed 40 when a
  /// missile hit the market"): no running total, so no series holds it, but
  /// its sources' counts of that attack are compared (disagreement).
  bool counts_story_attack() const { return marked_in(document().story_attack_counts, 64); }
  /// What a toll was before the figure its sentence gives ("the toll rose to
  /// 30, up from 12"): the same report, with the same source or none.
  bool earlier_value() const { return marked_in(document().earlier_values, 32); }
  /// Where a reader finds the document: its file, or "file#id" for a record.
  std::string location_label() const { return document().location_label(); }
  /// The figure with its qualifier as written ("more than 2,800"), for
  /// messages; at wording().quantity_offset in the document text.
  core::symbol figure;

  /// "metric/group" or "metric/group/location" (the claim's location, else
  /// its story's place).
  std::string series() const;
  /// For series only, not in the JSON: the place of its story
  /// (claim_document::story_place) when it names none itself; else empty.
  core::symbol story_place() const { return location ? core::symbol() : document().story_place; }
  /// claim_document::onset of its document.
  std::optional<core::date> story_onset() const { return document().onset; }
  /// For series only: the start a running count is "since" ("since the war
  /// began"), lowercase; counts from different starts are different series.
  core::symbol counted_since;

  /// Its wording, read (from the temporary file once spilled) on each call:
  /// a caller that needs several of its fields takes it once.
  claim_wording wording() const;
  void set_wording(const claim_wording& w);

  /// Moves the wording out of memory (core::stored_text::spill), for a
  /// batch that keeps its claims until the end of the run.
  void spill_text() { packed_wording_.spill(); }

 private:
  /// Whether this claim's bit is set in a mask of a document's first `bits` claims.
  bool marked_in(std::uint64_t mask, std::uint32_t bits) const {
    return number >= 1 && number <= bits && ((mask >> (number - 1)) & 1u) != 0;
  }
  static constexpr std::size_t kHeader = 17;  // of the packed wording: four numbers and a size
  // The fields are ordered so that the claim has no padding: 88 bytes.
  document_ref document_;
  core::stored_text packed_wording_;  // claim_wording, packed by set_wording
};

/// The claims of a batch, in batch order.
using claim_list = core::block_deque<claim>;

/// Warnings for dates in the text that cannot be right: an impossible day
/// ("February 30"), a written date after the publication date, a weekday
/// that does not match its date; each at its line and column.
core::diagnostics check_dates(const ingest::document& doc);

/// Extracts the claims of one document. Depends on nothing but the document and
/// the lexicon, so documents can be processed in any order or in parallel.
std::vector<claim> extract(const ingest::document& doc, const lexicon& lex);

}  // namespace tollgate::claims
