#include "wire/error_envelope.hpp"

#include <gtest/gtest.h>

namespace gpuaas::wire {
namespace {

TEST(ErrorEnvelope, MapsEveryCodeToItsStatus) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kMethodNotAllowed), 405);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kFailedPrecondition), 412);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPayloadTooLarge), 413);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnsupportedMediaType), 415);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kRateLimited), 429);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
}

TEST(ErrorEnvelope, RendersCodeMessageCorrelationAndDetails) {
  const auto body = RenderErrorEnvelope(Error::InvalidArgument("name", "must not be \"empty\""), "req_1");
  EXPECT_EQ(body, R"({"error":{"code":"invalid_argument","message":"name: must not be \"empty\"",)"
                  R"("correlation_id":"req_1","details":{"field":"name"}}})");
}

TEST(ErrorEnvelope, NeverShowsTheInternalMessage) {
  const auto body = RenderErrorEnvelope(Error::Internal("libpq: password authentication failed"), "req_2");
  EXPECT_EQ(body.find("libpq"), std::string::npos);
  EXPECT_NE(body.find(R"("code":"internal")"), std::string::npos);
}

TEST(ErrorEnvelope, RoundTripsThroughTheClientParser) {
  const auto original = Error(ErrorCode::kConflict, "already exists").WithDetail("resource", "node");
  const auto parsed = ParseErrorEnvelope(RenderErrorEnvelope(original, "req_3"), 409);
  EXPECT_EQ(parsed.code(), ErrorCode::kConflict);
  EXPECT_EQ(parsed.message(), "already exists");
  ASSERT_EQ(parsed.details().size(), 1u);
  EXPECT_EQ(parsed.details()[0].value, "node");
}

TEST(ErrorEnvelope, TreatsForeignBodiesAsInternal) {
  const auto parsed = ParseErrorEnvelope("<html>bad gateway</html>", 502);
  EXPECT_EQ(parsed.code(), ErrorCode::kInternal);
  EXPECT_EQ(parsed.message(), "unexpected HTTP 502 response");
}

}  // namespace
}  // namespace gpuaas::wire
