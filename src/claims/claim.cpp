// A claim's own methods: its document's shared record, its wording packed
// in one stored text, and the names it is known by.

#include <cstring>
#include <string>

#include "claims/claims.hpp"

namespace tollgate::claims {

claim_document document_facts(const ingest::document& doc) {
  claim_document d;
  d.id = doc.id;
  d.source = doc.source;
  d.published = doc.published;
  const auto where = ingest::split_location(doc);
  d.location_file = where.file;
  d.location_is_record = where.record;
  d.index = static_cast<std::uint32_t>(doc.index);
  return d;
}

document_ref::document_ref(const claim_document& d) : number_(detail::document_table().add(d) + 1) {}

std::string claim::series() const {
  std::string key = metric + "/" + group;
  if (location) key += "/" + *location;
  else if (const core::symbol place = story_place(); !place.empty()) key += "/" + place;
  if (!counted_since.empty()) key += " (" + counted_since + ")";
  return key;
}

std::string claim::id() const { return doc() + "#" + std::to_string(number); }

// Packed as column, line_text_column, quantity_offset and the text's size
// (4 bytes each), the basis' size (1 byte), then the basis, the text and
// the line.
void claim::set_wording(const claim_wording& w) {
  std::string packed;
  packed.reserve(kHeader + w.as_of_basis.size() + w.text.size() + w.line_text.size());
  auto put_u32 = [&](std::uint32_t v) {
    char bytes[4];
    std::memcpy(bytes, &v, 4);
    packed.append(bytes, 4);
  };
  put_u32(static_cast<std::uint32_t>(w.column));
  put_u32(static_cast<std::uint32_t>(w.line_text_column));
  put_u32(w.quantity_offset);
  put_u32(static_cast<std::uint32_t>(w.text.size()));
  packed += static_cast<char>(w.as_of_basis.size());  // "published" at most
  packed += w.as_of_basis.str();
  packed += w.text;
  packed += w.line_text;
  packed_wording_ = core::stored_text(packed);
}

claim_wording claim::wording() const {
  claim_wording w;
  const std::string packed = packed_wording_.str();
  if (packed.size() < kHeader) return w;  // never set
  auto get_u32 = [&](std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, packed.data() + at, 4);
    return v;
  };
  w.column = static_cast<int>(get_u32(0));
  w.line_text_column = static_cast<int>(get_u32(4));
  w.quantity_offset = get_u32(8);
  const std::size_t text_size = get_u32(12);
  const std::size_t basis_size = static_cast<unsigned char>(packed[16]);
  w.as_of_basis = std::string_view(packed).substr(kHeader, basis_size);
  w.text = packed.substr(kHeader + basis_size, text_size);
  w.line_text = packed.substr(kHeader + basis_size + text_size);
  return w;
}

std::optional<std::string> claim::part_of() const {
  if (!part_of_number) return std::nullopt;
  return doc() + "#" + std::to_string(part_of_number);
}

}  // namespace tollgate::claims
