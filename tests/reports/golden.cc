#include "tests/reports/golden.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

namespace tiersim::reports::testing {
namespace {

bool UpdateRequested() {
  const char* v = std::getenv("TIERSIM_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

}  // namespace

std::string GoldenPath(const std::string& name) {
  return std::string(TIERSIM_GOLDEN_DIR) + "/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  if (UpdateRequested()) {
    WriteFile(path, actual);
    std::cout << "updated golden file " << path << "\n";
    return;
  }
  const std::string expected = ReadFile(path);
  if (expected == actual) return;
  WriteFile(name + ".actual", actual);
  ADD_FAILURE() << "output differs from golden file " << path
                << "\n  actual output written to " << name << ".actual"
                << " (in the test's working directory)"
                << "\n  if the change is intended: TIERSIM_UPDATE_GOLDEN=1 "
                   "ctest -R MatchesGolden, then review the diff";
}

}  // namespace tiersim::reports::testing
