// Input errors, reported at the boundary: file, JSON pointer, reason. The loader collects
// all of them before throwing, so a user fixes a file in one pass.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace cp {

struct Problem {
  std::string file, pointer, message;
  std::string str() const;  // "file: /chips/3/price_usd: must be >= 0, got -5"
};

class LoadError : public std::runtime_error {
 public:
  explicit LoadError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

// Lever values typed by people ("us.h20_licence=off", "x=0.5@2025-08").
class LeverError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace cp
