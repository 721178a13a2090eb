#include "services/EndpointSession.h"

#include <QThread>

namespace sms::services {
namespace {

QString describe(const ConnectionRequest &request, const client::ClientConfig &config)
{
    const QString region = config.region;
    if (!request.endpointUrl.isEmpty())
        return EndpointSession::tr("%1 \u00B7 %2").arg(config.endpoint.toString(QUrl::RemoveUserInfo), region);
    const QString profile = request.profile.isEmpty() ? request.environment.variable(QStringLiteral("AWS_PROFILE"))
                                                      : request.profile;
    if (!profile.isEmpty())
        return EndpointSession::tr("AWS profile %1 \u00B7 %2").arg(profile, region);
    return EndpointSession::tr("AWS \u00B7 %1").arg(region);
}

// Says what happened: what the user did, or why the planner chose for them.
QString describeSandbox(SandboxReason reason)
{
    switch (reason) {
    case SandboxReason::CommandLine: return EndpointSession::tr("Local sandbox (started with --sandbox)");
    case SandboxReason::ConnectDialog: return EndpointSession::tr("Local sandbox (chosen in Connect\u2026)");
    case SandboxReason::NotAsked:
    case SandboxReason::NoCredentials: break;
    }
    return EndpointSession::tr("Local sandbox (no AWS credentials were found)");
}

} // namespace

EndpointSession::EndpointSession(SandboxOptions sandboxOptions, QObject *parent)
    : QObject(parent)
    , m_sandboxOptions(sandboxOptions)
{
}

EndpointSession::~EndpointSession()
{
    ++m_attempt;
    m_trial.client.reset();
    m_trial.sandbox.reset();
    close();
    // A credential_process still running: give it a moment, never forever
    // (the thread deletes itself when it ends).
    if (m_worker)
        m_worker->wait(QDeadlineTimer(5000));
}

QString EndpointSession::endpointName() const
{
    return isSandbox() ? tr("the local sandbox") : m_current.description;
}

QUrl EndpointSession::endpoint() const
{
    return m_current.client ? m_current.client->config().endpoint : QUrl();
}

QString EndpointSession::region() const
{
    return m_current.client ? m_current.client->config().region : QString();
}

void EndpointSession::close()
{
    if (m_current.client)
        Q_EMIT aboutToClose();
    m_current.client.reset();  // cancels its calls while the sandbox still answers
    m_current.sandbox.reset();
    m_current.description.clear();
}

void EndpointSession::open(ConnectionRequest request, SandboxReason asked)
{
    cancelSwitch();
    close();
    m_opening = true;
    Q_EMIT opening(asksForSandbox(asked) ? tr("Starting the local sandbox\u2026") : tr("Looking up AWS credentials\u2026"));
    resolve(std::move(request), asked);
}

void EndpointSession::switchTo(ConnectionRequest request, SandboxReason asked)
{
    cancelSwitch();
    if (asksForSandbox(asked) && isSandbox()) {
        // Already there: a second sandbox would only read the same saved state.
        m_current.reason = asked;
        m_current.description = describeSandbox(asked);
        Q_EMIT opened();
        return;
    }
    m_opening = false;  // an open() still resolving is overtaken by this
    m_switching = true;
    resolve(std::move(request), asked);
}

void EndpointSession::cancelSwitch()
{
    if (!m_switching)
        return;
    ++m_attempt;  // the worker's or the probe's answer is moot now
    m_switching = false;
    dropTrial();
}

void EndpointSession::resolve(ConnectionRequest request, SandboxReason asked)
{
    const quint64 attempt = ++m_attempt;
    auto result = std::make_shared<std::optional<Result<ConnectionChoice>>>();
    QThread *worker = QThread::create([result, request, asked] {
        result->emplace(chooseConnection(request, asked));
    });
    m_worker = worker;
    QObject::connect(worker, &QThread::finished, this, [this, result, request, attempt] {
        if (attempt == m_attempt && result->has_value())
            onChosen(**result, request);
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void EndpointSession::onChosen(const Result<ConnectionChoice> &choice, const ConnectionRequest &request)
{
    auto made = choice ? makeConnection(choice.value(), request) : Result<Connection>(choice.error());
    if (!made) {
        if (std::exchange(m_switching, false)) {
            Q_EMIT switchFailed(made.error());
        } else {
            m_opening = false;
            Q_EMIT failed(made.error());
        }
        return;
    }
    if (m_switching) {
        m_trial = std::move(made).value();
        probe();
        return;
    }
    m_opening = false;
    adopt(std::move(made).value());
}

Result<EndpointSession::Connection> EndpointSession::makeConnection(const ConnectionChoice &choice,
                                                                   const ConnectionRequest &request)
{
    Connection connection;
    client::ClientConfig config = choice.config;
    if (choice.sandbox) {
        connection.sandbox = std::make_unique<SandboxHost>(m_sandboxOptions);
        auto started = connection.sandbox->start();
        if (!started)
            return started.error();
        config = std::move(started).value();
        connection.reason = choice.reason;
        connection.description = describeSandbox(choice.reason);
        QObject::connect(connection.sandbox.get(), &SandboxHost::saveFailed, this, [this](const QString &why) {
            Q_EMIT notice(tr("The local sandbox's state could not be saved: %1").arg(why));
        });
    } else {
        connection.description = describe(request, config);
    }
    config.userAgent = QStringLiteral("sms-planner/" SMS_VERSION);
    connection.client = std::make_unique<client::SmsClient>(std::move(config));
    QObject::connect(connection.client.get(), &client::SmsClient::callFinished, this,
                     &EndpointSession::callFinished);
    return connection;
}

void EndpointSession::probe()
{
    api::GetServersRequest request;
    request.maxResults = 1;
    const quint64 attempt = m_attempt;
    m_trial.client->getServers(request, this, [this, attempt](Result<api::GetServersResponse> answer) {
        if (attempt != m_attempt)
            return;  // canceled, or a newer switch
        m_switching = false;
        if (!answer) {
            dropTrial();
            Q_EMIT switchFailed(answer.error());
            return;
        }
        adopt(std::exchange(m_trial, Connection{}));
    });
}

void EndpointSession::adopt(Connection connection)
{
    close();
    m_current.sandbox = std::move(connection.sandbox);
    m_current.client = std::move(connection.client);
    m_current.reason = connection.reason;
    m_current.description = std::move(connection.description);
    Q_EMIT opened();
    if (m_current.sandbox && !m_current.sandbox->startNotice().isEmpty())
        Q_EMIT notice(m_current.sandbox->startNotice());
}

void EndpointSession::dropTrial()
{
    // Later, not now: this may run inside the trial client's own callback. The
    // client is queued first, so it goes before the sandbox it calls.
    if (m_trial.client)
        m_trial.client.release()->deleteLater();
    if (m_trial.sandbox)
        m_trial.sandbox.release()->deleteLater();
    m_trial = Connection{};
}

Result<void> EndpointSession::resetSandbox()
{
    if (!isSandbox())
        return SmsError::make(ErrorCode::InvalidConfiguration, "The planner is not connected to the local sandbox.");
    auto discarded = m_current.sandbox->discardState();
    if (!discarded)
        return discarded;
    ConnectionChoice choice;
    choice.sandbox = true;
    choice.reason = m_current.reason;
    close();  // before the new host: the old one must not save over the fresh start
    auto made = makeConnection(choice, {});
    if (!made) {
        Q_EMIT failed(made.error());
        return made.error();
    }
    adopt(std::move(made).value());
    return {};
}

} // namespace sms::services
