#pragma once

#include <boost/json/object.hpp>

#include "services/operations/operation_service.hpp"

namespace gpuaas::api {

// The API shapes of operations: a list row, the full view with steps, timeline and evidence
// links, and a target's catalogue.
boost::json::object OperationSummaryJson(const repositories::OperationRecord& operation);
boost::json::object OperationViewJson(const services::OperationView& view);
boost::json::object CatalogJson(const services::OperationCatalog& catalog);

}  // namespace gpuaas::api
