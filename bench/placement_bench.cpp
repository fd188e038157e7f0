// The placement engine (issue 7): 10,000 decisions over 5,000 nodes of 8 GPUs, timed one by one,
// then the same workload with churn against a naive first-fit, to compare fragmentation.
//   build-*/bench/placement_bench [seed]
#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "services/compute/placement.hpp"
#include "services/fleet/fleet_rules.hpp"

namespace {

using gpuaas::services::Placement;
using gpuaas::services::PlacementIndex;
using gpuaas::services::PlacementNode;
using gpuaas::services::PlacementRequest;
using Clock = std::chrono::steady_clock;

constexpr int kNodes = 5000;
constexpr int kRequests = 10000;
constexpr int kChurnRounds = 6;
constexpr int kChurnRequests = 3000;
const std::vector<std::string> kModels{"H100", "H100", "H100", "H100", "H100", "A100", "A100", "A100", "L40S", "L40S"};
const std::vector<std::string> kRegions{"eu-west", "us-east", "us-west", "ap-south"};

std::vector<PlacementNode> Fleet(std::mt19937& random) {
  const auto* standard = gpuaas::services::FindNodeProfile("standard");
  const auto* whole = gpuaas::services::FindNodeProfile("whole-node");
  std::vector<PlacementNode> nodes;
  for (int n = 0; n < kNodes; ++n) {
    const auto* profile = random() % 10 == 0 ? whole : standard;
    nodes.push_back({"node-" + std::to_string(n), kModels[random() % kModels.size()],
                     kRegions[random() % kRegions.size()], 8, gpuaas::services::SliceSizesFor(*profile, 8)});
  }
  return nodes;
}

// Sizes 1, 2, 4, 8 in 40/25/20/15 %; the model in the fleet's proportions; a fifth name one region.
std::vector<PlacementRequest> Requests(std::mt19937& random, int count, std::int64_t& sequence) {
  std::vector<PlacementRequest> requests;
  for (int i = 0; i < count; ++i) {
    const auto roll = random() % 100;
    const int gpus = roll < 40 ? 1 : roll < 65 ? 2 : roll < 85 ? 4 : 8;
    PlacementRequest request{"req-" + std::to_string(sequence), gpus, kModels[random() % kModels.size()], {}, 0,
                             sequence};
    ++sequence;
    if (random() % 5 == 0) request.regions = {kRegions[random() % kRegions.size()]};
    requests.push_back(std::move(request));
  }
  return requests;
}

// The naive comparison: the first node in fleet order that fits, the lowest aligned free block on it.
class FirstFit {
 public:
  explicit FirstFit(const std::vector<PlacementNode>& nodes) : nodes_(nodes), taken_(nodes.size(), 0) {}

  std::optional<Placement> Place(const PlacementRequest& request) {
    const std::uint64_t block = (std::uint64_t{1} << request.gpus) - 1;
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      const PlacementNode& node = nodes_[n];
      if (node.gpu_model != request.gpu_model) continue;
      if (!request.regions.empty() && request.regions.front() != node.region) continue;
      if (std::find(node.slice_sizes.begin(), node.slice_sizes.end(), request.gpus) == node.slice_sizes.end()) continue;
      for (int first = 0; first + request.gpus <= node.gpu_count; first += request.gpus) {
        if ((taken_[n] & (block << first)) != 0) continue;
        taken_[n] |= block << first;
        return Placement{node.id, first, request.gpus};
      }
    }
    return std::nullopt;
  }
  void Release(const Placement& placement) {
    const auto n = static_cast<std::size_t>(std::stoi(placement.node_id.substr(5)));
    taken_[n] &= ~(((std::uint64_t{1} << placement.gpus) - 1) << placement.first_gpu);
  }
  int WholeFreeNodes() const { return static_cast<int>(std::count(taken_.begin(), taken_.end(), 0)); }
  int GpusInUse() const {
    int used = 0;
    for (const auto taken : taken_) used += std::popcount(taken);
    return used;
  }

 private:
  const std::vector<PlacementNode>& nodes_;
  std::vector<std::uint64_t> taken_;
};

struct Tally {
  std::vector<double> micros;
  int failed = 0;
  int failed_whole = 0;
};

template <typename Engine>
void Run(Engine& engine, const std::vector<PlacementRequest>& requests, std::vector<Placement>& live, Tally& tally) {
  for (const auto& request : requests) {
    const auto start = Clock::now();
    const auto placement = engine.Place(request);
    tally.micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (placement) {
      live.push_back(*placement);
    } else {
      ++tally.failed;
      tally.failed_whole += request.gpus == 8;
    }
  }
}

template <typename Engine, typename ReleaseFn>
void Churn(Engine& engine, ReleaseFn release, std::uint32_t seed, std::vector<Placement>& live, Tally& tally) {
  std::mt19937 random(seed);
  std::int64_t sequence = 1'000'000;
  for (int round = 0; round < kChurnRounds; ++round) {
    std::shuffle(live.begin(), live.end(), random);
    const std::size_t keep = live.size() * 7 / 10;
    for (std::size_t i = keep; i < live.size(); ++i) release(engine, live[i]);
    live.resize(keep);
    Run(engine, Requests(random, kChurnRequests, sequence), live, tally);
  }
}

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

int WholeFreeNodes(const PlacementIndex& index, const std::vector<PlacementNode>& nodes) {
  return static_cast<int>(
      std::count_if(nodes.begin(), nodes.end(), [&](const auto& node) { return index.Find(node.id)->taken == 0; }));
}

int GpusInUse(const PlacementIndex& index, const std::vector<PlacementNode>& nodes) {
  int used = 0;
  for (const auto& node : nodes) used += std::popcount(index.Find(node.id)->taken);
  return used;
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint32_t seed = argc > 1 ? static_cast<std::uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 7;
  std::mt19937 random(seed);
  const auto nodes = Fleet(random);
  std::int64_t sequence = 1;
  const auto requests = Requests(random, kRequests, sequence);

  PlacementIndex index;
  for (const auto& node : nodes) {
    if (!index.Upsert(node).ok()) return 1;
  }
  std::vector<Placement> live;
  Tally tally;
  const auto start = Clock::now();
  Run(index, requests, live, tally);
  const double total_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  std::printf("placement: %d requests over %d nodes of 8 GPUs (%zu models, %zu regions), seed %u\n", kRequests,
              kNodes, kModels.size(), kRegions.size(), seed);
  std::printf("  total %.1f ms, %.0f decisions/s, per decision p50 %.2f us, p99 %.2f us, max %.1f us\n", total_ms,
              kRequests / (total_ms / 1000.0), Percentile(tally.micros, 0.5), Percentile(tally.micros, 0.99),
              Percentile(tally.micros, 1.0));
  std::printf("  placed %zu, not placed %d; GPUs in use %d of %d\n", live.size(), tally.failed,
              GpusInUse(index, nodes), kNodes * 8);

  // A queue plan on the loaded fleet: 2,000 pending requests, most of which wait.
  std::int64_t queued_sequence = 500'000;
  const auto pending = Requests(random, 2000, queued_sequence);
  const auto plan_start = Clock::now();
  const auto plan = index.PlanQueue(pending);
  const double plan_ms = std::chrono::duration<double, std::milli>(Clock::now() - plan_start).count();
  std::printf("  PlanQueue of %zu pending: %.2f ms (%zu placed, %zu waiting)\n", pending.size(), plan_ms,
              plan.placed.size(), plan.waiting.size());
  for (const auto& placed : plan.placed) {
    if (!index.Release(placed.placement.node_id, placed.placement.first_gpu, placed.placement.gpus).ok()) return 1;
  }

  // Churn: release 30 % at random, place 3,000 more, six times; the same requests for first-fit.
  Tally churn;
  Churn(
      index, [](PlacementIndex& engine, const Placement& p) { (void)engine.Release(p.node_id, p.first_gpu, p.gpus); },
      seed, live, churn);
  FirstFit first_fit(nodes);
  std::vector<Placement> first_fit_live;
  Tally first_fit_tally;
  Run(first_fit, requests, first_fit_live, first_fit_tally);
  Tally first_fit_churn;
  Churn(first_fit, [](FirstFit& engine, const Placement& p) { engine.Release(p); }, seed, first_fit_live,
        first_fit_churn);

  std::printf("after %d churn rounds (release 30 %%, place %d):\n", kChurnRounds, kChurnRequests);
  std::printf("  %-10s whole free nodes %5d, GPUs in use %5d, not placed %4d (of which 8-GPU %4d), p99 %.2f us\n",
              "best-fit", WholeFreeNodes(index, nodes), GpusInUse(index, nodes), tally.failed + churn.failed,
              tally.failed_whole + churn.failed_whole, Percentile(churn.micros, 0.99));
  std::printf("  %-10s whole free nodes %5d, GPUs in use %5d, not placed %4d (of which 8-GPU %4d), p99 %.2f us\n",
              "first-fit", first_fit.WholeFreeNodes(), first_fit.GpusInUse(),
              first_fit_tally.failed + first_fit_churn.failed,
              first_fit_tally.failed_whole + first_fit_churn.failed_whole, Percentile(first_fit_churn.micros, 0.99));
  return index.Verify().ok() ? 0 : 1;
}
