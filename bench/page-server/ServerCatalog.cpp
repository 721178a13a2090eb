#include "ServerCatalog.h"

#include "api/JsonCodec.h"
#include "sandbox/EstateGenerator.h"
#include "sandbox/SeededRandom.h"

#include <QList>

#include <algorithm>
#include <string>

namespace sms::bench {

ServerCatalog::ServerCatalog(qsizetype count, std::uint64_t seed)
    : m_seed(seed)
{
    // The sandbox's own estate, so that the bench serves what sms-local serves.
    const sandbox::Estate estate = sandbox::generateEstate(std::size_t(std::max<qsizetype>(count, 0)), seed);
    m_lastModifiedOn = estate.generatedAt.epochSeconds + 0.125;

    m_starts.reserve(estate.servers.size());
    std::string blob;
    blob.reserve(estate.servers.size() * 420);
    for (const sandbox::EstateServer &entry : estate.servers) {
        if (!blob.empty())
            blob += ',';
        m_starts.push_back(qsizetype(blob.size()));
        api::serializeInto(blob, entry.server);
    }
    m_blob = QByteArray(blob.data(), qsizetype(blob.size()));
}

QByteArrayView ServerCatalog::slice(qsizetype first, qsizetype count) const
{
    first = std::clamp<qsizetype>(first, 0, size());
    const qsizetype last = std::clamp<qsizetype>(first + std::max<qsizetype>(count, 0), first, size());
    if (first == last)
        return {};
    const qsizetype begin = m_starts[std::size_t(first)];
    const qsizetype end = last < size() ? m_starts[std::size_t(last)] - 1 // drop the comma
                                        : m_blob.size();
    return QByteArrayView(m_blob).sliced(begin, end - begin);
}

std::uint64_t ServerCatalog::tokenMac(qsizetype offset) const
{
    return sandbox::mix64(sandbox::mix64(m_seed ^ 0x746f6b656eULL) ^ sandbox::mix64(std::uint64_t(size()))
                 ^ std::uint64_t(offset));
}

QByteArray ServerCatalog::tokenFor(qsizetype offset) const
{
    const std::string plain = "sms-bench:v1:" + std::to_string(offset) + ':'
        + sandbox::hexDigits(tokenMac(offset), 16);
    return QByteArray(plain.data(), qsizetype(plain.size()))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<qsizetype> ServerCatalog::offsetFromToken(QByteArrayView token) const
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toByteArray(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 4 || parts[0] != "sms-bench" || parts[1] != "v1")
        return std::nullopt;
    bool ok = false;
    const qlonglong offset = parts[2].toLongLong(&ok);
    if (!ok || offset <= 0 || offset >= size())
        return std::nullopt;
    const std::string mac = sandbox::hexDigits(tokenMac(qsizetype(offset)), 16);
    if (parts[3] != QByteArrayView(mac.data(), qsizetype(mac.size())))
        return std::nullopt;
    return qsizetype(offset);
}

} // namespace sms::bench
