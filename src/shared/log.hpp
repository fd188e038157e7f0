#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace gpuaas::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };

std::string_view LevelName(Level level);
bool ParseLevel(std::string_view text, Level& out);

// One key=value of a log line. Values of secret-named keys are written as "***".
struct Field {
  using Value = std::variant<std::string_view, std::int64_t, double, bool>;
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, std::int64_t v) : key(k), value(v) {}
  Field(std::string_view k, int v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, std::uint64_t v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, double v) : key(k), value(v) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}
  std::string_view key;
  Value value;
};

// Where formatted JSON lines go (stdout, a file, or a test's buffer).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Write(std::string_view line) = 0;
};

// The process's logging output, set once by a program's composition function before any
// thread starts. It is the one process-wide object of the project: every component logs.
void Configure(std::shared_ptr<Sink> sink, Level level);
std::shared_ptr<Sink> StdoutSink();
std::shared_ptr<Sink> FileSink(const std::string& path);

// A named logger for one component: log::Logger logger{"http"};
class Logger {
 public:
  explicit Logger(std::string_view name) : name_(name) {}

  [[nodiscard]] bool Enabled(Level level) const;
  void Log(Level level, std::string_view event, std::initializer_list<Field> fields) const;
  void Debug(std::string_view event, std::initializer_list<Field> fields = {}) const {
    Log(Level::kDebug, event, fields);
  }
  void Info(std::string_view event, std::initializer_list<Field> fields = {}) const {
    Log(Level::kInfo, event, fields);
  }
  void Warn(std::string_view event, std::initializer_list<Field> fields = {}) const {
    Log(Level::kWarn, event, fields);
  }
  void Error(std::string_view event, std::initializer_list<Field> fields = {}) const {
    Log(Level::kError, event, fields);
  }

 private:
  std::string_view name_;
};

// Formats one JSON log line (no trailing newline); exposed for tests.
std::string FormatLine(std::string_view timestamp, Level level, std::string_view logger, std::string_view event,
                       std::initializer_list<Field> fields);

}  // namespace gpuaas::log
