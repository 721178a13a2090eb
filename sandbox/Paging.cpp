#include "sandbox/Paging.h"

#include <QMessageAuthenticationCode>

namespace sms::sandbox {
namespace {

constexpr int kMacBytes = 12;

SmsError invalidToken()
{
    return SmsError::make(ErrorCode::InvalidParameterException, "The nextToken is invalid or has expired.", 400);
}

} // namespace

QByteArray PageTokens::mac(std::string_view query, std::size_t offset) const
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, m_secret);
    code.addData(query.data(), qsizetype(query.size()));
    code.addData(QByteArray::number(qulonglong(offset)));
    return code.result().left(kMacBytes);
}

std::string PageTokens::issue(std::string_view query, std::size_t offset) const
{
    const QByteArray token = QByteArray::number(qulonglong(offset)) + '.' + mac(query, offset);
    return token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString();
}

Result<std::size_t> PageTokens::redeem(std::string_view token, std::string_view query) const
{
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray(token.data(), qsizetype(token.size())),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalidToken();
    const qsizetype dot = decoded.decoded.indexOf('.');
    bool ok = false;
    const qulonglong offset = dot > 0 ? decoded.decoded.left(dot).toULongLong(&ok) : 0;
    if (!ok || decoded.decoded.mid(dot + 1) != mac(query, std::size_t(offset)))
        return invalidToken();
    return std::size_t(offset);
}

Result<PageBounds> pageOf(std::size_t total, const std::optional<std::string> &nextToken,
                          const std::optional<int> &maxResults, std::string_view query, const PageTokens &tokens)
{
    if (maxResults && *maxResults < 1)
        return SmsError::make(ErrorCode::InvalidParameterException,
                              "1 validation error detected: Value '" + std::to_string(*maxResults)
                                  + "' at 'maxResults' failed to satisfy constraint: Member must have value greater "
                                    "than or equal to 1",
                              400);
    PageBounds page;
    if (nextToken) {
        auto offset = tokens.redeem(*nextToken, query);
        if (!offset)
            return offset.error();
        page.first = std::min(offset.value(), total);  // the list may have shrunk since
    }
    const std::size_t size = std::size_t(std::min(maxResults.value_or(kDefaultPageSize), kMaxPageSize));
    page.count = std::min(size, total - page.first);
    if (page.first + page.count < total)
        page.nextToken = tokens.issue(query, page.first + page.count);
    return page;
}

} // namespace sms::sandbox
