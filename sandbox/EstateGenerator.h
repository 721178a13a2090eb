#pragma once
// EstateGenerator: a realistic, deterministic on-premises estate for the
// sandbox: VM managers (vCenter, SCVMM, Hyper-V) with one connector each, the
// last of them unhealthy, and servers spread over them with names, datacenters
// and folder paths as migration teams see them. A few servers cannot be
// replicated, as in real estates. The same (servers, seed) always gives the
// same estate.

#include "api/SmsTypes.h"

#include <cstdint>
#include <vector>

namespace sms::sandbox {

class SeededRandom;

struct EstateServer
{
    api::Server server;
    bool replicable = true;
};

struct Estate
{
    std::vector<api::Connector> connectors;
    std::vector<EstateServer> servers;
    api::Timestamp generatedAt;
};

Estate generateEstate(std::size_t serverCount, std::uint64_t seed);

// The connector of one VM manager, its id, version and addresses drawn from
// `random` (also used by the catalog file loader).
api::Connector makeConnector(const std::string &managerName, const api::OpenEnum<api::VmManagerType> &managerType,
                             const std::string &managerId, SeededRandom &random, bool healthy,
                             api::Timestamp associatedOn);

} // namespace sms::sandbox
