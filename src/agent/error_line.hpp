#pragma once

#include <string>

#include "shared/error.hpp"

namespace gpuaas::agent {

// How the agent's commands report a failure on stderr: "error: <message> (<code>)".
inline std::string ErrorLine(const Error& error) {
  return "error: " + error.message() + " (" + std::string(ErrorCodeName(error.code())) + ")\n";
}

}  // namespace gpuaas::agent
