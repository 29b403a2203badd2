// Tests for core::shared_records: numbers handed out once each, records
// that read back unchanged while other threads add more.

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "core/shared_records.hpp"

namespace tollgate {

TEST_SUITE("core") {
  TEST_CASE("shared records number what is added from several threads once each, and read it back") {
    core::shared_records<std::string> table;
    // Past one chunk (8,192 records) per thread, so that chunks are made
    // while other threads read theirs.
    constexpr int kThreads = 4, kEach = 20000;
    std::vector<std::vector<std::uint32_t>> numbers(kThreads);
    std::atomic<int> misread{0};  // counted, not CHECKed, in the threads
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          const std::string text = std::to_string(t) + ":" + std::to_string(i);
          numbers[t].push_back(table.add(text));
          // A thread reads its records as it goes, without the lock.
          if (table[numbers[t].back()] != text) ++misread;
        }
      });
    }
    for (auto& th : threads) th.join();
    CHECK(misread == 0);
    std::vector<bool> taken(kThreads * kEach, false);
    int twice = 0, wrong = 0;
    for (int t = 0; t < kThreads; ++t) {
      for (int i = 0; i < kEach; ++i) {
        const std::uint32_t n = numbers[t][static_cast<std::size_t>(i)];
        REQUIRE(n < taken.size());
        twice += taken[n];
        taken[n] = true;
        wrong += table[n] != std::to_string(t) + ":" + std::to_string(i);
      }
    }
    CHECK(twice == 0);
    CHECK(wrong == 0);
  }
}

}  // namespace tollgate
