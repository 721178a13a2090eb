#include "client/Endpoint.h"

#include "client/ConfigurationError.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace sms::client {
namespace {

// The authority part ("user:pw@host:port") of a raw URL, or an empty view.
QStringView authorityOf(QStringView url)
{
    const qsizetype start = url.indexOf(u"://");
    if (start < 0)
        return {};
    QStringView rest = url.mid(start + 3);
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == u'/' || rest[i] == u'?' || rest[i] == u'#')
            return rest.left(i);
    }
    return rest;
}

// The URL as it may be quoted back: without any password it carried.
QString redacted(const QString &url)
{
    const QStringView authority = authorityOf(url);
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at < 0)
        return url;
    const qsizetype begin = authority.data() - url.data();
    return QString(url).replace(begin, at, QStringLiteral("<redacted>"));
}

// QUrl::errorString() ends with "; source was \"…\"", which could quote a password.
QString urlProblem(const QUrl &url)
{
    QString text = url.errorString();
    const qsizetype source = text.indexOf(QStringLiteral("; source was"));
    return source < 0 ? text : text.left(source);
}

QString defaultHost(const QString &region)
{
    const QString suffix = region.startsWith(u"cn-") ? QStringLiteral("amazonaws.com.cn")
                                                      : QStringLiteral("amazonaws.com");
    return QStringLiteral("sms.%1.%2").arg(region, suffix);
}

} // namespace

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

bool isValidRegionName(const QString &region)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return pattern.match(region).hasMatch();
}

bool isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    if (name.endsWith(u'.'))
        name.chop(1); // "localhost." is the same fully qualified name
    if (name == u"localhost")
        return true;
    QHostAddress address;
    return address.setAddress(name) && address.isLoopback();
}

Result<QUrl> resolveEndpoint(const QString &region, const QString &customUrl)
{
    const QString text = customUrl.trimmed();
    if (text.isEmpty()) {
        if (region.isEmpty())
            return configurationError(QStringLiteral("No region is set, so there is no default SMS endpoint; "
                                                     "set a region or an endpoint URL."));
        if (!isValidRegionName(region)) {
            return configurationError(QStringLiteral("'%1' is not a valid AWS region name (expected "
                                                     "something like us-east-1).")
                                          .arg(region));
        }
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        url.setHost(defaultHost(region));
        return url;
    }

    const QString shown = redacted(text);
    // Without "://" QUrl would read "localhost:8080" as scheme "localhost".
    if (!text.contains(u"://")) {
        return configurationError(QStringLiteral("Endpoint URL '%1' has no scheme; write it as "
                                                 "https://host[:port], or http://localhost:port for a local "
                                                 "endpoint.")
                                      .arg(shown));
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return configurationError(QStringLiteral("Endpoint URL '%1' is malformed: %2.").arg(shown, urlProblem(url)));

    const QString scheme = url.scheme();
    if (scheme != u"https" && scheme != u"http") {
        return configurationError(QStringLiteral("Endpoint URL '%1' uses the unsupported scheme '%2'; use "
                                                 "https (or http for a loopback host).")
                                      .arg(shown, scheme));
    }
    if (authorityOf(text).contains(u'@')) {
        return configurationError(QStringLiteral("Endpoint URL '%1' contains user credentials; remove them "
                                                 "and configure credentials through the AWS environment "
                                                 "variables or profile instead.")
                                      .arg(shown));
    }
    if (url.host().isEmpty())
        return configurationError(QStringLiteral("Endpoint URL '%1' has no host.").arg(shown));
    // The signer owns the query string, and a fragment never reaches the server.
    if (url.hasQuery() || url.hasFragment()) {
        return configurationError(QStringLiteral("Endpoint URL '%1' must not contain a query or fragment.")
                                      .arg(shown));
    }
    if (scheme == u"http" && !isLoopbackHost(url.host())) {
        return configurationError(QStringLiteral("Endpoint URL '%1' uses plain HTTP to '%2'. Plain HTTP is only "
                                                 "allowed for loopback hosts (localhost, 127.0.0.0/8, ::1); "
                                                 "use https for any other host.")
                                      .arg(shown, url.host()));
    }
    return url;
}

} // namespace sms::client
