#pragma once

#include <string>
#include <string_view>

#include "shared/error.hpp"
#include "shared/result.hpp"

namespace gpuaas::wire {

// The one mapping from error code to HTTP status.
int HttpStatusFor(ErrorCode code);

// {"error":{"code","message","correlation_id","details"}}: the body of every failed API call.
std::string RenderErrorEnvelope(const Error& error, std::string_view correlation_id);

// The client side (CLI, agent): reads an envelope back into an Error; a body that is not an
// envelope becomes an `internal` error that quotes the HTTP status.
Error ParseErrorEnvelope(std::string_view body, int http_status);

}  // namespace gpuaas::wire
