#pragma once
// Paging for sms-local's five paginated operations: pages cut by maxResults,
// and opaque nextTokens that the endpoint can trust. A token carries its
// offset and an HMAC over the offset and the query it belongs to, so a forged
// or edited token, or one replayed against another query (another operation,
// filter or job), is an InvalidParameterException instead of a wrong page.

#include "api/Result.h"

#include <QByteArray>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace sms::sandbox {

class PageTokens
{
public:
    explicit PageTokens(QByteArray secret) : m_secret(std::move(secret)) {}

    std::string issue(std::string_view query, std::size_t offset) const;
    Result<std::size_t> redeem(std::string_view token, std::string_view query) const;

private:
    QByteArray mac(std::string_view query, std::size_t offset) const;

    QByteArray m_secret;
};

struct PageBounds
{
    std::size_t first = 0;
    std::size_t count = 0;
    std::optional<std::string> nextToken;  // absent on the last page
};

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;  // larger requests get this many

// Which of `total` items the request's page holds. `query` names what is
// paged (operation and filters), so tokens cannot cross queries.
Result<PageBounds> pageOf(std::size_t total, const std::optional<std::string> &nextToken,
                          const std::optional<int> &maxResults, std::string_view query, const PageTokens &tokens);

} // namespace sms::sandbox
