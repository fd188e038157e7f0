#include "tests/support/test_database.hpp"

#include <cstdlib>
#include <random>
#include <stdexcept>

#include "store/postgres/pg_connection.hpp"

namespace gpuaas::testing {
namespace {

std::string AdminUrl() {
  const char* url = std::getenv("GPUAAS_TEST_POSTGRES_URL");
  return url != nullptr ? url : "";
}

}  // namespace

bool TestDatabase::PostgresRequested() { return !AdminUrl().empty(); }

TestDatabase::TestDatabase() : admin_url_(AdminUrl()) {
  if (admin_url_.empty()) {
    url_ = "sqlite:" + (dir_.path() / "gpuaas.db").string();
    return;
  }
  std::random_device random;
  name_ = "gpuaas_test_" + std::to_string(random()) + std::to_string(random());
  auto admin = store::PgConnection::Connect(admin_url_);
  if (!admin) throw std::runtime_error("cannot reach test PostgreSQL: " + admin.error().internal());
  if (auto created = (*admin)->ExecuteScript("CREATE DATABASE " + name_); !created) {
    throw std::runtime_error("CREATE DATABASE failed: " + created.error().internal());
  }
  url_ = admin_url_.substr(0, admin_url_.rfind('/') + 1) + name_;
}

TestDatabase::~TestDatabase() {
  if (admin_url_.empty()) return;
  if (auto admin = store::PgConnection::Connect(admin_url_)) {
    (void)(*admin)->ExecuteScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
}

}  // namespace gpuaas::testing
