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
    // The endpoint server's id, from the endpoint's catalog (it lives as
    // long as that); empty when resolve() finds none or several. Copies
    // nothing for a plan server the endpoint has under its own id.
    std::string_view endpointId(std::string_view planServerId) const;

private:
    static std::string addressKey(const api::Server &server);
    static std::string nameOf(const api::Server &server);
    // The indexes steps 2 and 3 need, made when a server first needs them:
    // a plan made from the endpoint's catalog never does.
    void indexFallbacks() const;

    const std::vector<api::Server> &m_endpointServers;
    const std::vector<api::Server> &m_planCatalog;
    std::unordered_map<std::string_view, const api::Server *> m_endpointById;
    mutable bool m_fallbacksIndexed = false;
    mutable std::unordered_multimap<std::string, const api::Server *> m_endpointByAddress;
    mutable std::unordered_multimap<std::string, const api::Server *> m_endpointByName;
    mutable std::unordered_map<std::string_view, const api::Server *> m_planById;
};

} // namespace sms::services
