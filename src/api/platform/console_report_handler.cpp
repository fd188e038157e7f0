#include "api/platform/console_report_handler.hpp"

#include <boost/json.hpp>

namespace gpuaas::api {
namespace {

struct TextField {
  std::string_view name;
  std::size_t max_length;
  bool required;
};

constexpr TextField kFields[] = {
    {"message", 2000, true}, {"url", 2048, false}, {"component", 200, false}, {"stack", 8000, false}};

}  // namespace

Result<net::Response> ConsoleReportHandler::operator()(net::Request& request) const {
  const auto& body = request.json.as_object();
  std::string_view values[std::size(kFields)];
  for (std::size_t i = 0; i < std::size(kFields); ++i) {
    const auto& field = kFields[i];
    const auto* value = body.if_contains(field.name);
    if (value == nullptr || value->is_null()) {
      if (field.required) return Error::InvalidArgument(std::string(field.name), "is required");
      continue;
    }
    if (!value->is_string()) return Error::InvalidArgument(std::string(field.name), "must be a string");
    const auto& text = value->as_string();
    if (field.required && text.empty()) return Error::InvalidArgument(std::string(field.name), "must not be empty");
    if (text.size() > field.max_length) {
      return Error::InvalidArgument(std::string(field.name),
                                    "must be at most " + std::to_string(field.max_length) + " characters");
    }
    values[i] = std::string_view(text.data(), text.size());
  }
  for (const auto& [key, value] : body) {
    bool known = false;
    for (const auto& field : kFields) known = known || key == field.name;
    if (!known) return Error::InvalidArgument(std::string(key), "unknown field");
  }
  const auto report_id = ids_.Next("crep");
  logger_.Warn("client_error", {{"report_id", report_id},
                                {"request_id", request.request_id},
                                {"message", values[0]},
                                {"url", values[1]},
                                {"component", values[2]},
                                {"stack", values[3]}});
  return net::Response::Json(202, boost::json::serialize(boost::json::object{{"report_id", report_id}}));
}

}  // namespace gpuaas::api
