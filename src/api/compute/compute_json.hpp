#pragma once

#include <boost/json/object.hpp>

#include "services/compute/sku_service.hpp"
#include "services/compute/workload_service.hpp"

namespace gpuaas::api {

// The compute family's JSON, as api/openapi.json describes it.
boost::json::object SkuJson(const services::SkuOffer& offer);
boost::json::object WorkloadJson(const repositories::WorkloadRecord& workload, Timestamp now);
boost::json::object WorkloadDetailJson(const services::WorkloadDetail& detail, Timestamp now);

}  // namespace gpuaas::api
