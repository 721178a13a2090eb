#pragma once
// Server ids for servers that come from an inventory file rather than from an
// SMS endpoint: "offline-" and 17 lowercase hex digits (the length of an SMS
// id's digits), the start of a SHA-256 over the VM manager's name, the VM's id
// (or UUID) and its name. The same VM in the same inventory always gets the
// same id, so importing a file again keeps the plan's groups pointing at it.
// At apply time such a server is matched to the endpoint's server by its
// vmServerAddress, else by its VM name.

#include <QCryptographicHash>

#include <string>
#include <string_view>

namespace sms::models {

inline constexpr std::string_view kOfflineServerIdPrefix = "offline-";
inline constexpr std::size_t kOfflineServerIdDigits = 17;

class OfflineServerIds
{
public:
    // One hash object serves a whole import: no set-up per row.
    std::string make(std::string_view vmManagerName, std::string_view vmId, std::string_view vmName);

private:
    QCryptographicHash m_sha256{QCryptographicHash::Sha256};
};

bool isOfflineServerId(std::string_view serverId);

} // namespace sms::models
