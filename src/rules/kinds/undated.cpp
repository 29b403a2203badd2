// undated: a document that cannot be placed in time. Its claims are still
// checked within the document but are left off the timelines.

#include "rules/kinds/kinds.hpp"

namespace tollgate::rules {

undated_check::undated_check(param_reader&) {}

std::string undated_check::default_message() const {
  return "document has no publication date, so its claims ({claims}) are left off the timelines; "
         "give its date in the manifest or the text";
}

std::string undated_check::example() const {
  return "fires:  a .txt file with no date line, no manifest entry and no dated URL\n"
         "quiet:  a first line \"date 2024-03-04\", or front matter \"published: 2024-03-04\"";
}

std::string undated_check::summary() const {
  return "a document with no publication date in the manifest, its metadata or its text";
}

std::vector<std::string> undated_check::extra_placeholders() const { return {"doc", "claims"}; }
std::vector<std::string> undated_check::claim_prefixes() const { return {}; }

void undated_check::run(const rule& r, const check_input& in, finding_sink& out) const {
  const batch& b = in.b;
  for (const auto& d : b.documents) {
    if (d.published()) continue;
    placeholder_values v{{"doc", d.id()}, {"claims", std::to_string(d.claims)}, {"rule", r.id}};
    finding f;
    f.rule = r.id;
    f.level = r.level;
    f.message = core::stored_text(render_message(r.message, v));
    f.text = std::make_unique<const finding::text_place>(finding::text_place{d.id(), d.location(), 1, 1, d.first_line, 1});
    f.doc_index = d.index();
    out.push_back(std::move(f));
  }
}

}  // namespace tollgate::rules
