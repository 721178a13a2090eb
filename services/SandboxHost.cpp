#include "services/SandboxHost.h"

#include "sandbox/SandboxDefaults.h"

#include <QRandomGenerator>

namespace sms::services {
namespace {

sandbox::AuthSettings defaultAuth()
{
    sandbox::AuthSettings auth;
    auth.keys = {{QString::fromLatin1(sandbox::kDefaultAccessKeyId),
                  QString::fromLatin1(sandbox::kDefaultSecretAccessKey), {}}};
    auth.region = QString::fromLatin1(sandbox::kDefaultRegion);
    return auth;
}

// Page tokens only have to outlive this process.
QByteArray freshSecret()
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    return secret;
}

} // namespace

SandboxHost::SandboxHost(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_clock(api::Timestamp::fromSystemTime(std::chrono::system_clock::now()), options.timeScale)
    , m_catalog(sandbox::generateEstate(options.servers, options.seed), freshSecret(), m_clock)
    , m_server(defaultAuth(), this)
{
    m_catalog.registerWith(m_server);
}

Result<client::ClientConfig> SandboxHost::start()
{
    if (m_endpoint.isEmpty()) {
        const quint16 port = m_server.listenOn(QHostAddress::LocalHost, 0);
        if (port == 0)
            return SmsError::make(ErrorCode::InvalidConfiguration,
                                  "The local sandbox could not listen on a loopback port.");
        m_endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }
    client::ClientConfig config;
    config.endpoint = m_endpoint;
    config.region = QString::fromLatin1(sandbox::kDefaultRegion);
    config.credentials.accessKeyId = QString::fromLatin1(sandbox::kDefaultAccessKeyId);
    config.credentials.secretAccessKey = QString::fromLatin1(sandbox::kDefaultSecretAccessKey);
    config.credentials.source = QStringLiteral("the local sandbox's default key pair");
    return config;
}

} // namespace sms::services
