#include "models/OfflineServerId.h"

#include <algorithm>
#include <initializer_list>

namespace sms::models {

std::string OfflineServerIds::make(std::string_view vmManagerName, std::string_view vmId, std::string_view vmName)
{
    m_sha256.reset();
    for (const std::string_view part : {vmManagerName, vmId, vmName}) {
        m_sha256.addData(QByteArrayView(part.data(), qsizetype(part.size())));
        m_sha256.addData(QByteArrayView("\x1f", 1));  // keeps ("ab", "c") apart from ("a", "bc")
    }
    const QByteArrayView digest = m_sha256.resultView();

    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(kOfflineServerIdPrefix);
    for (std::size_t i = 0; id.size() < kOfflineServerIdPrefix.size() + kOfflineServerIdDigits; ++i) {
        const auto byte = static_cast<unsigned char>(digest[qsizetype(i / 2)]);
        id += kHex[i % 2 == 0 ? byte >> 4 : byte & 0xF];
    }
    return id;
}

bool isOfflineServerId(std::string_view serverId)
{
    if (!serverId.starts_with(kOfflineServerIdPrefix))
        return false;
    const std::string_view digits = serverId.substr(kOfflineServerIdPrefix.size());
    return digits.size() == kOfflineServerIdDigits && std::all_of(digits.begin(), digits.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

} // namespace sms::models
