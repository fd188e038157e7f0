#pragma once

#include <string>

#include "tests/support/temp_dir.hpp"

namespace gpuaas::testing {

// A fresh, empty database for one test. SQLite in a temporary directory by default; when
// GPUAAS_TEST_POSTGRES_URL is set (scripts/test.sh starts a real PostgreSQL and sets it),
// a new PostgreSQL database created for this test and dropped afterwards.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  [[nodiscard]] const std::string& url() const { return url_; }
  [[nodiscard]] bool postgres() const { return !admin_url_.empty(); }
  [[nodiscard]] const TempDir& dir() const { return dir_; }

  // True when this test binary was asked to run on PostgreSQL (ctest's *_pg variants).
  static bool PostgresRequested();

 private:
  TempDir dir_;
  std::string admin_url_;
  std::string name_;
  std::string url_;
};

}  // namespace gpuaas::testing
