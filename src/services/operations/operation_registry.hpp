#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "services/operations/operation_kind.hpp"

namespace gpuaas::services {

// Loads a target as the caller may see it: not_found (hidden) when they may not.
using TargetResolver = std::function<Result<TargetView>(store::Session&, const Caller&, std::string_view id)>;

// The operation kinds and target types the platform knows, registered in code at start.
class OperationRegistry {
 public:
  void AddKind(OperationKind kind);
  void AddTarget(std::string type, TargetResolver resolver);

  [[nodiscard]] const OperationKind* FindKind(std::string_view name) const;
  [[nodiscard]] const TargetResolver* FindTarget(std::string_view type) const;
  [[nodiscard]] std::vector<const OperationKind*> KindsFor(std::string_view target_type) const;
  [[nodiscard]] std::vector<std::string> TargetTypes() const;

  // The target as `caller` may see it; unknown types are invalid_argument naming
  // `target.type`, and hidden targets read the same as missing ones (not_found).
  Result<TargetView> Resolve(store::Session& session, const Caller& caller, std::string_view type,
                             std::string_view id) const;

 private:
  std::map<std::string, OperationKind, std::less<>> kinds_;
  std::map<std::string, TargetResolver, std::less<>> targets_;
};

}  // namespace gpuaas::services
