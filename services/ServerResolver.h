#pragma once
// Which endpoint server a plan's server is. A plan may have been made from
// another catalog than the endpoint's (an older import, a CSV inventory with
// offline ids), so a plan server id is resolved in turn:
//   1. the same serverId is in the endpoint's catalog;
//   2. else the endpoint server with the same VM manager and VM id
//      (vmServerAddress) as the plan's catalog entry;
//   3. else the endpoint server with the same VM name.
// A step that finds more than one server stops there: the ambiguity is
// reported with the candidates, never guessed.

#include "api/SmsTypes.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sms::services {

struct ServerResolution
{
    enum class How { ById, ByAddress, ByName, Unresolved, Ambiguous };
    How how = How::Unresolved;
    std::string endpointId;               // set when resolved
    std::vector<std::string> candidates;  // when ambiguous

    bool resolved() const { return how == How::ById || how == How::ByAddress || how == How::ByName; }
    // "s-1 (matched by VM name web-01)", "no server with ... ", for messages.
    std::string describe(std::string_view planId) const;
};

class ServerResolver
{
public:
    // Both catalogs must outlive the resolver.
    ServerResolver(const std::vector<api::Server> &endpointServers, const std::vector<api::Server> &planCatalog);

    ServerResolution resolve(std::string_view planServerId) const;

private:
    static std::string addressKey(const api::Server &server);
    static std::string nameOf(const api::Server &server);

    std::unordered_map<std::string_view, const api::Server *> m_endpointById;
    std::unordered_multimap<std::string, const api::Server *> m_endpointByAddress;
    std::unordered_multimap<std::string, const api::Server *> m_endpointByName;
    std::unordered_map<std::string_view, const api::Server *> m_planById;
};

} // namespace sms::services
