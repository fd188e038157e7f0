#include "shared/log.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdio>

#include "shared/clock.hpp"
#include "shared/json_text.hpp"
#include "shared/redaction.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::log {
namespace {

std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::shared_ptr<Sink> g_sink;  // written once in Configure(), before threads start

// spdlog does the buffered, thread-safe writing; we hand it finished JSON lines.
class SpdlogSink final : public Sink {
 public:
  explicit SpdlogSink(std::shared_ptr<spdlog::sinks::sink> sink) : logger_("gpuaas", std::move(sink)) {
    logger_.set_pattern("%v");
    logger_.set_level(spdlog::level::trace);
    logger_.flush_on(spdlog::level::trace);
  }
  void Write(std::string_view line) override { logger_.log(spdlog::level::info, line); }

 private:
  spdlog::logger logger_;
};

}  // namespace

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warn";
    case Level::kError: return "error";
    case Level::kOff: return "off";
  }
  return "info";
}

bool ParseLevel(std::string_view text, Level& out) {
  for (const auto level : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError, Level::kOff}) {
    if (text == LevelName(level)) {
      out = level;
      return true;
    }
  }
  return false;
}

void Configure(std::shared_ptr<Sink> sink, Level level) {
  g_sink = std::move(sink);
  g_level.store(static_cast<int>(level));
}

std::shared_ptr<Sink> StdoutSink() {
  return std::make_shared<SpdlogSink>(std::make_shared<spdlog::sinks::stdout_sink_mt>());
}

std::shared_ptr<Sink> FileSink(const std::string& path) {
  return std::make_shared<SpdlogSink>(std::make_shared<spdlog::sinks::basic_file_sink_mt>(path));
}

bool Logger::Enabled(Level level) const {
  return g_sink != nullptr && static_cast<int>(level) >= g_level.load(std::memory_order_relaxed);
}

void Logger::Log(Level level, std::string_view event, std::initializer_list<Field> fields) const {
  if (!Enabled(level)) return;
  g_sink->Write(FormatLine(FormatRfc3339(SystemClock().Now()), level, name_, event, fields));
}

std::string FormatLine(std::string_view timestamp, Level level, std::string_view logger, std::string_view event,
                       std::initializer_list<Field> fields) {
  std::string line;
  line.reserve(160);
  line += "{\"ts\":\"";
  line += timestamp;
  line += "\",\"level\":\"";
  line += LevelName(level);
  line += "\",\"logger\":";
  AppendJsonString(line, logger);
  line += ",\"event\":";
  AppendJsonString(line, event);
  for (const auto& field : fields) {
    line.push_back(',');
    AppendJsonString(line, field.key);
    line.push_back(':');
    if (IsSecretName(field.key)) {
      AppendJsonString(line, kRedacted);
      continue;
    }
    std::visit(
        [&line](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::string_view>) {
            AppendJsonString(line, value);
          } else if constexpr (std::is_same_v<T, bool>) {
            line += value ? "true" : "false";
          } else if constexpr (std::is_same_v<T, double>) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.6g", value);
            line += buffer;
          } else {
            line += std::to_string(value);
          }
        },
        field.value);
  }
  line.push_back('}');
  return line;
}

}  // namespace gpuaas::log
