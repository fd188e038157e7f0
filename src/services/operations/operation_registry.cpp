#include "services/operations/operation_registry.hpp"

namespace gpuaas::services {

void OperationRegistry::AddKind(OperationKind kind) {
  auto name = kind.name;
  kinds_.insert_or_assign(std::move(name), std::move(kind));
}

void OperationRegistry::AddTarget(std::string type, TargetResolver resolver) {
  targets_.insert_or_assign(std::move(type), std::move(resolver));
}

const OperationKind* OperationRegistry::FindKind(std::string_view name) const {
  const auto it = kinds_.find(name);
  return it == kinds_.end() ? nullptr : &it->second;
}

const TargetResolver* OperationRegistry::FindTarget(std::string_view type) const {
  const auto it = targets_.find(type);
  return it == targets_.end() ? nullptr : &it->second;
}

std::vector<const OperationKind*> OperationRegistry::KindsFor(std::string_view target_type) const {
  std::vector<const OperationKind*> kinds;
  for (const auto& [name, kind] : kinds_) {
    if (kind.target_type == target_type) kinds.push_back(&kind);
  }
  return kinds;
}

std::vector<std::string> OperationRegistry::TargetTypes() const {
  std::vector<std::string> types;
  for (const auto& [type, resolver] : targets_) types.push_back(type);
  return types;
}

Result<TargetView> OperationRegistry::Resolve(store::Session& session, const Caller& caller, std::string_view type,
                                              std::string_view id) const {
  const auto* resolver = FindTarget(type);
  if (resolver == nullptr) {
    return Error::InvalidArgument("target.type", "unknown target type '" + std::string(type.substr(0, 64)) + "'");
  }
  if (id.empty() || id.size() > 128) return Error::InvalidArgument("target.id", "must be 1 to 128 characters");
  return (*resolver)(session, caller, id);
}

}  // namespace gpuaas::services
