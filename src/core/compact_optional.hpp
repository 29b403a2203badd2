#pragma once

// An optional value that costs no more than the value: a claim has several
// optional fields and a batch has millions of claims.

#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

namespace tollgate::core {

/// How a type marks "no value" within its own bytes. Specialize for a type
/// with a value that never occurs as data.
template <typename T>
struct absent_value;

/// Figures are never NaN.
template <>
struct absent_value<double> {
  static double make() { return std::numeric_limits<double>::quiet_NaN(); }
  static bool is(double v) { return std::isnan(v); }
};

/// Reads like std::optional<T> (bool test, *, ->, value_or, = nullopt) and
/// converts to and from it.
template <typename T>
class compact_optional {
 public:
  compact_optional() = default;
  compact_optional(std::nullopt_t) {}                   // NOLINT: like std::optional
  compact_optional(const T& v) : value_(v) {}           // NOLINT
  /// From what makes a T ("Gaza" for a symbol).
  template <typename U>
    requires(std::is_constructible_v<T, const U&> && !std::is_same_v<U, T> && !std::is_same_v<U, compact_optional>)
  compact_optional(const U& v) : value_(v) {}  // NOLINT
  /// From an optional of a T, or of what makes one ("Gaza" for a symbol).
  template <typename U>
    requires std::is_constructible_v<T, const U&>
  compact_optional(const std::optional<U>& v) : value_(v ? T(*v) : absent_value<T>::make()) {}  // NOLINT

  bool has_value() const { return !absent_value<T>::is(value_); }
  explicit operator bool() const { return has_value(); }
  const T& operator*() const { return value_; }
  const T* operator->() const { return &value_; }
  const T& value() const {
    if (!has_value()) throw std::bad_optional_access();
    return value_;
  }
  T value_or(const T& fallback) const { return has_value() ? value_ : fallback; }
  void reset() { value_ = absent_value<T>::make(); }
  operator std::optional<T>() const { return has_value() ? std::optional<T>(value_) : std::nullopt; }  // NOLINT

  friend bool operator==(const compact_optional& a, const compact_optional& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || a.value_ == b.value_);
  }
  friend bool operator==(const compact_optional& a, std::nullopt_t) { return !a.has_value(); }
  /// Like std::optional: equal to a value when it holds an equal one.
  template <typename U>
    requires(!std::is_same_v<U, compact_optional> && !std::is_same_v<U, std::nullopt_t> &&
             std::is_constructible_v<T, const U&>)
  friend bool operator==(const compact_optional& a, const U& b) {
    return a.has_value() && a.value_ == T(b);
  }

 private:
  T value_ = absent_value<T>::make();
};

}  // namespace tollgate::core
