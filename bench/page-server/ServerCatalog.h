#pragma once
// ServerCatalog: a deterministic, realistic GetServers catalog for benchmarks.
//
// All servers are serialized once, up front, into one comma-separated blob, so
// that any page [first, first + count) is a single contiguous slice of it and
// serving a page costs one memcpy. The same (count, seed) always yields the
// same bytes on every platform: the servers are sms-local's generated estate
// (sandbox/EstateGenerator).

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <optional>
#include <vector>

namespace sms::bench {

class ServerCatalog
{
public:
    ServerCatalog(qsizetype count, std::uint64_t seed);

    qsizetype size() const { return qsizetype(m_starts.size()); }
    std::uint64_t seed() const { return m_seed; }
    qsizetype byteSize() const { return m_blob.size(); }

    // Epoch seconds, as the service sends `lastModifiedOn`.
    double lastModifiedOn() const { return m_lastModifiedOn; }

    // The JSON array elements [first, first + count), comma separated, without
    // the brackets. Both bounds are clamped to the catalog.
    QByteArrayView slice(qsizetype first, qsizetype count) const;

    // An opaque continuation token for `offset` (0 < offset < size()). It is
    // bound to this catalog, so a token from another seed or size is rejected.
    QByteArray tokenFor(qsizetype offset) const;
    std::optional<qsizetype> offsetFromToken(QByteArrayView token) const;

private:
    std::uint64_t tokenMac(qsizetype offset) const;

    QByteArray m_blob;
    std::vector<qsizetype> m_starts; // where element i begins in m_blob
    std::uint64_t m_seed;
    double m_lastModifiedOn;
};

} // namespace sms::bench
