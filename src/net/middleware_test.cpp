#include <gtest/gtest.h>

#include <stdexcept>

#include "net/middlewares/error_mapping_middleware.hpp"
#include "net/middlewares/json_body_middleware.hpp"
#include "net/middlewares/request_id_middleware.hpp"
#include "shared/clock.hpp"

namespace gpuaas::net {
namespace {

Result<Response> Echo(Request& request) { return Response::Text(200, request.request_id); }

TEST(ErrorMapping, RendersErrorsAsTheEnvelope) {
  MiddlewareChain chain;
  chain.Append(std::make_unique<ErrorMappingMiddleware>());
  Request request;
  request.request_id = "req_x";
  const Handler failing = [](Request&) -> Result<Response> { return Error::NotFound("no such node"); };
  const auto response = chain.Run(request, nullptr, failing);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(response->body,
            R"({"error":{"code":"not_found","message":"no such node","correlation_id":"req_x","details":{}}})");
}

TEST(ErrorMapping, MapsExceptionsToInternalWithoutTheirText) {
  MiddlewareChain chain;
  chain.Append(std::make_unique<ErrorMappingMiddleware>());
  Request request;
  const Handler throwing = [](Request&) -> Result<Response> { throw std::runtime_error("secret detail"); };
  const auto response = chain.Run(request, nullptr, throwing);
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->body.find("secret detail"), std::string::npos);
}

TEST(ErrorMapping, AddsRetryAfterWhenBusyAndAllowForWrongMethods) {
  EXPECT_EQ(RenderError(Error::Unavailable("busy"), "r").headers.Find("Retry-After"), "1");
  const auto wrong_method =
      RenderError(Error(ErrorCode::kMethodNotAllowed, "no").WithDetail("allow", "GET, HEAD"), "r");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.headers.Find("Allow"), "GET, HEAD");
}

TEST(RequestId, KeepsAWellFormedIncomingIdAndReplacesOthers) {
  SystemClock clock;
  RandomIdGenerator ids(clock);
  MiddlewareChain chain;
  chain.Append(std::make_unique<RequestIdMiddleware>(ids));
  Request kept;
  kept.headers.Add("x-request-id", "trace-123");
  EXPECT_EQ(chain.Run(kept, nullptr, Echo)->headers.Find("X-Request-Id"), "trace-123");
  Request replaced;
  replaced.headers.Add("X-Request-Id", "bad id with spaces");
  const auto response = chain.Run(replaced, nullptr, Echo);
  EXPECT_EQ(response->body.substr(0, 4), "req_");
  EXPECT_TRUE(ValidateId(response->body, "req", "id").ok());
}

TEST(JsonBody, RequiresJsonContentTypeAndAnObject) {
  MiddlewareChain chain;
  chain.Append(std::make_unique<JsonBodyMiddleware>());
  const Route route{Method::kPost, "/x", Echo, Execution::kInline, BodyPolicy::kJson};
  Request wrong_type;
  wrong_type.headers.Add("Content-Type", "text/plain");
  wrong_type.body = "{}";
  EXPECT_EQ(chain.Run(wrong_type, &route, Echo).error().code(), ErrorCode::kUnsupportedMediaType);

  Request malformed;
  malformed.headers.Add("Content-Type", "application/json; charset=utf-8");
  malformed.body = R"({"a": )";
  const auto bad = chain.Run(malformed, &route, Echo);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message().find("malformed JSON"), std::string::npos);

  Request array;
  array.headers.Add("Content-Type", "application/json");
  array.body = "[1]";
  EXPECT_EQ(chain.Run(array, &route, Echo).error().message(), "body: expected a JSON object");

  Request good;
  good.headers.Add("Content-Type", "application/json");
  good.body = R"({"a":1})";
  ASSERT_TRUE(chain.Run(good, &route, Echo).ok());
  EXPECT_EQ(good.json.as_object().at("a").as_int64(), 1);
}

}  // namespace
}  // namespace gpuaas::net
