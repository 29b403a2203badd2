#pragma once

// The ingest stage: turns paths, directories, JSONL and stdin into documents
// with their metadata, one at a time, so a batch of any size streams through.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/diagnostic.hpp"

namespace tollgate::ingest {

/// Where a document's publication date came from, most explicit first.
enum class date_origin { manifest, metadata, dateline, url, none };
const char* date_origin_name(date_origin o);

struct document {
  std::string id;        // JSONL id, else the path relative to the directory given, else the path
  std::string location;  // what a reader opens: the file path, or "batch.jsonl#id"
  std::string source;
  std::string url;
  std::string title;
  std::string text;      // positions in claims and findings are into this text
  std::optional<core::date> published;
  date_origin published_from = date_origin::none;
  std::string published_by;  // what gave the date: "manifest", "front matter", "dateline", "URL", ...
  std::size_t index = 0;  // position in the batch, from 0
  int record_line = 0;    // line of a JSONL record in its file, from 1; 0 for a whole file
};

/// A document's location as its file and whether it names a record of that
/// file ("batch.jsonl#id"): what is kept of it for a report, since a batch
/// of records shares one file where a label per record took memory for each.
struct location_parts {
  std::string_view file;
  bool record = false;
};
location_parts split_location(const document& doc);

/// Metadata for documents, keyed by path (resolved against the manifest's
/// folder) or by id.
struct manifest_entry {
  std::optional<std::string> source;
  std::optional<core::date> published;
  bool published_null = false;  // the manifest says the date is unknown
  std::optional<std::string> url;
};
struct manifest {
  std::map<std::string, manifest_entry> by_path;  // canonical absolute paths
  std::map<std::string, manifest_entry> by_id;
  const manifest_entry* find(const std::string& path, const std::string& id) const;
};

/// Reads a manifest in the format of shared/seeds/manifest.yaml (YAML), or a
/// CSV with a header `path,source,published,url`.
core::result<manifest> load_manifest(const std::string& file);

/// An input that was not read, with why.
struct skipped_input {
  std::string path;
  std::string reason;
};

struct options {
  const manifest* metadata = nullptr;
  std::string stdin_format = "jsonl";  // for "-": jsonl or txt
};

struct summary {
  std::size_t documents = 0;
  std::vector<skipped_input> skipped;
};

/// Calls `sink` with each document of `inputs`, in order: files as given,
/// directories walked recursively in sorted order (hidden entries skipped),
/// "-" for standard input. Unreadable inputs, binary files, empty files and
/// malformed JSONL lines become error diagnostics and entries in `skipped`;
/// the rest of the batch is still read.
void read_batch(const std::vector<std::string>& inputs, const options& opts,
                const std::function<void(document&&)>& sink, core::diagnostics& problems,
                summary& totals);

/// One place in a document's text that gives its publication date.
struct date_source {
  core::date date;        // unset when `partial()`
  int month = 0;          // a wire dateline's day without a year ("Oct 17"):
  int day = 0;            //   the year comes from another source
  date_origin origin = date_origin::dateline;
  std::string what;       // "dateline", "date line", "'Updated' line", "URL", ...
  int line = 0;           // where, in the document text (from 1)
  int column = 0;
  int rank = 0;           // lower is more explicit: labelled line 0, dateline 1,
                          // bare date line 2, 'Updated' line 3, URL 4
  bool updated = false;   // an 'Updated' line: later than publication by nature
  std::string written;    // the date as written, for a partial one
  bool partial() const { return month != 0; }
};

/// A date-like line that gives no usable date: "dateline has an impossible
/// date 'February 30'", "dateline has no date that can be read".
struct date_problem {
  int line = 0;
  int column = 0;
  std::string message;
};

struct text_dates {
  std::vector<date_source> sources;
  std::vector<date_problem> problems;
};

/// Every publication date the text gives: labelled date lines ("date
/// 2023-10-12", "Published: ...", "Updated ..."), lines that are only a date,
/// wire datelines ("GAZA CITY, Oct 17 (Reuters) -", "MOSCOW, October 27.
/// /TASS/.", "ANKARA, Oct. 10 (Xinhua) --") among the first lines, and the
/// first date path in a URL ("/2023/10/13/"); with the date-like lines that
/// could not be read.
text_dates scan_text_dates(const std::string& text);

/// The most explicit complete publication date in the text, if any.
struct text_date {
  core::date date;
  date_origin origin;
};
std::optional<text_date> date_from_text(const std::string& text);

/// Visible text of an HTML page, and its metadata (published time, site name).
struct html_page {
  std::string text;
  std::string title;
  std::string site_name;
  std::string published;
  std::string published_by;  // "HTML article:published_time", "HTML <time datetime>", ...
};
html_page read_html(const std::string& html);

}  // namespace tollgate::ingest
