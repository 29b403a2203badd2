// libFuzzer target for the number, quantity and date grammars: every entry
// point of parse/parse.hpp at every offset of the input. Built with clang
// and -DTOLLGATE_FUZZ=ON; `make fuzz FUZZ_SECONDS=600` runs it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "claims/claims.hpp"
#include "parse/parse.hpp"

namespace {

const tollgate::parse::quantity_lexicon* lexicon = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* dir = std::getenv("TOLLGATE_LEXICON");
  static auto loaded = tollgate::claims::load_lexicon(dir ? dir : TOLLGATE_SOURCE_DIR "/rules/lexicon");
  if (!loaded.value || !loaded.value->quantities) std::abort();
  lexicon = loaded.value->quantities.get();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A copy in its own allocation, so that ASan sees any read past the end.
  const std::unique_ptr<char[]> buffer(new char[size]);
  std::memcpy(buffer.get(), data, size);
  const std::string_view text(buffer.get(), size);

  for (const auto& m : tollgate::parse::find_numerals(text)) {
    if (m.offset + m.length > size) std::abort();
  }
  for (std::size_t pos = 0; pos < size; ++pos) {
    if (auto q = tollgate::parse::parse_quantity(text, pos, *lexicon)) {
      if (q->offset + q->length > size || q->number_offset + q->number_length > size) std::abort();
    }
    std::size_t length = 0;
    if (tollgate::parse::parse_number(text, pos, length) && pos + length > size) std::abort();
    if (auto d = tollgate::parse::parse_date(text, pos); d && d->offset + d->length > size) std::abort();
  }
  return 0;
}
