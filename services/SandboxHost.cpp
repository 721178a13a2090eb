#include "services/SandboxHost.h"

#include "sandbox/SandboxDefaults.h"
#include "services/DemoApplications.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

#include <utility>

namespace sms::services {
namespace {

sandbox::EngineOptions engineOptions(const SandboxOptions &options)
{
    sandbox::EngineOptions engine;
    engine.timeScale = options.timeScale;
    if (options.demoApplications)
        engine.start = api::Timestamp{double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 - kDemoHistorySeconds};
    // Templates the user generates stay where they can find them.
    engine.s3Dir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                       .filePath(QStringLiteral("sandbox-s3"));
    return engine;
}

} // namespace

SandboxHost::SandboxHost(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_engine(sandbox::SandboxState::fromEstate(sandbox::generateEstate(options.servers, options.seed), options.seed),
               engineOptions(options))
    , m_server(sandbox::defaultAuthSettings(), this)
{
    m_engine.registerWith(m_server);
    if (options.demoApplications) {
        // The demo's history has no failed runs, so every app is where the demo says.
        const double failureRate = std::exchange(m_engine.state().failureRate, 0.0);
        m_demoReady = addDemoApplications(m_engine, m_server);
        m_engine.state().failureRate = failureRate;
    }
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
