#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.hpp"

namespace tollgate {

TEST_SUITE("core") {
  TEST_CASE("a diagnostic shows its line with a caret under the column, counted in code points") {
    const core::diagnostic term{"a.txt", 3, 5, core::severity::warning, "loaded wording", "term"};
    CHECK(core::render(term, "The martyred six.", false, 1) ==
          "a.txt:3:5: warning: loaded wording [term]\nThe martyred six.\n    ^\n");

    // "É" is two bytes and one column: the caret stands under the "1".
    const core::diagnostic figure{"f.txt", 1, 12, core::severity::error, "a figure", ""};
    CHECK(core::render(figure, "\xC3\x89mile said 12 died.", false, 1) ==
          "f.txt:1:12: error: a figure\n\xC3\x89mile said 12 died.\n           ^\n");

    // No column: no line.
    const core::diagnostic whole{"g.txt", 2, 0, core::severity::info, "the document", "undated"};
    CHECK(core::render(whole, "Some text.", false, 1) == "g.txt:2: info: the document [undated]\n");
  }

  TEST_CASE("a long line is cut to sixty characters each side of the column, marked where cut") {
    const std::string line = std::string(100, 'a') + "X" + std::string(100, 'b');
    const core::diagnostic d{"long.txt", 1, 101, core::severity::error, "here", "x"};
    const std::string shown = "\xE2\x80\xA6" + std::string(60, 'a') + "X" + std::string(59, 'b') + "\xE2\x80\xA6";
    CHECK(core::render(d, line, false, 1) ==
          "long.txt:1:101: error: here [x]\n" + shown + "\n" + std::string(61, ' ') + "^\n");
  }

  TEST_CASE("a line window that starts inside the line is marked cut, and tabs show as spaces") {
    // The window starts at column 5 of its line; the claim is at column 6.
    const core::diagnostic d{"t.txt", 4, 6, core::severity::warning, "tabbed", ""};
    CHECK(core::render(d, "\tx", false, 5) == "t.txt:4:6: warning: tabbed\n\xE2\x80\xA6 x\n  ^\n");
  }
}

}  // namespace tollgate
