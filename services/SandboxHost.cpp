#include "services/SandboxHost.h"

#include "sandbox/SandboxDefaults.h"
#include "services/DemoApplications.h"
#include "services/SandboxStartState.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <utility>

namespace sms::services {
namespace {

// A restored state goes on at its own time; a new demo gets its history.
sandbox::EngineOptions engineOptions(const SandboxOptions &options, bool restored)
{
    sandbox::EngineOptions engine;
    engine.timeScale = options.timeScale;
    if (options.demoApplications && !restored)
        engine.start = api::Timestamp{double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 - kDemoHistorySeconds};
    // Templates the user generates stay where they can find them.
    engine.s3Dir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                       .filePath(QStringLiteral("sandbox-s3"));
    return engine;
}

} // namespace

SandboxHost::SandboxHost(SandboxOptions options, QObject *parent)
    : SandboxHost(options, sandboxStartState(options), parent)
{
}

SandboxHost::SandboxHost(const SandboxOptions &options, SandboxStartState start, QObject *parent)
    : QObject(parent)
    , m_engine(std::move(start.state), engineOptions(options, start.restored))
    , m_server(sandbox::defaultAuthSettings(), this)
    , m_restored(start.restored)
    , m_startNotice(std::move(start.notice))
{
    m_engine.registerWith(m_server);
    if (options.demoApplications && !m_restored) {
        // The demo's history has no failed runs, so every app is where the demo says.
        m_engine.state().failureRate = 0.0;
        m_demoReady = addDemoApplications(m_engine, m_server);
    }
    if (!m_restored)
        m_engine.state().failureRate = options.failureRate;
    if (options.stateFile.isEmpty() || !start.persist)
        return;
    // One planner at a time keeps the state: a second would save over the first's work.
    m_lock = std::make_unique<QLockFile>(options.stateFile + QStringLiteral(".lock"));
    QDir().mkpath(QFileInfo(options.stateFile).absolutePath());
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        m_startNotice += (m_startNotice.isEmpty() ? QString() : QStringLiteral(" "))
                       + tr("Another planner is using the local sandbox's saved state: this one works on a copy of it "
                            "and saves nothing.");
        return;
    }
    // A sandbox that starts over (first run, Reset Sandbox…, a set-aside state)
    // must not hand out the ids of the one before: a plan still holding those
    // would find other applications under them. The demo's stay as they are.
    if (!m_restored)
        m_engine.state().idCounter += QRandomGenerator::global()->bounded(quint32(1) << 30) + 1;
    m_keeper = std::make_unique<sandbox::StateKeeper>(m_engine, options.stateFile);
    connect(m_keeper.get(), &sandbox::StateKeeper::saveFailed, this,
            [this](const SmsError &error) { Q_EMIT saveFailed(QString::fromStdString(error.message)); });
    m_keeper->watch(m_server);
    if (!m_restored)
        m_keeper->saveNow();  // the new estate is there from the start, as sms-local's is
}

SandboxHost::~SandboxHost()
{
    if (m_keeper)
        m_keeper->saveNow();
}

Result<void> SandboxHost::discardState()
{
    if (!m_keeper)
        return {};
    const QString path = m_keeper->path();
    // The file first: a sandbox whose file could not be deleted goes on saving.
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return SmsError::make(ErrorCode::InvalidConfiguration,
                              QStringLiteral("Could not delete %1.").arg(QDir::toNativeSeparators(path)).toStdString());
    m_server.setAfterEachOperation({});
    m_keeper.reset();
    return {};
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
