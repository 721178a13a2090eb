#include "services/EndpointSession.h"

#include <QThread>

namespace sms::services {
namespace {

QString describe(const ConnectionRequest &request, const client::ClientConfig &config)
{
    const QString region = config.region;
    if (!request.endpointUrl.isEmpty())
        return QObject::tr("%1 \u00B7 %2").arg(config.endpoint.toString(QUrl::RemoveUserInfo), region);
    const QString profile = request.profile.isEmpty() ? request.environment.variable(QStringLiteral("AWS_PROFILE"))
                                                      : request.profile;
    if (!profile.isEmpty())
        return QObject::tr("AWS profile %1 \u00B7 %2").arg(profile, region);
    return QObject::tr("AWS \u00B7 %1").arg(region);
}

} // namespace

EndpointSession::EndpointSession(SandboxOptions sandboxOptions, QObject *parent)
    : QObject(parent)
    , m_sandboxOptions(sandboxOptions)
{
}

EndpointSession::~EndpointSession()
{
    close();
    // A credential_process still running: give it a moment, never forever
    // (the thread deletes itself when it ends).
    if (m_worker)
        m_worker->wait(QDeadlineTimer(5000));
}

QUrl EndpointSession::endpoint() const
{
    return m_client ? m_client->config().endpoint : QUrl();
}

QString EndpointSession::region() const
{
    return m_client ? m_client->config().region : QString();
}

void EndpointSession::close()
{
    if (m_client)
        Q_EMIT aboutToClose();
    m_client.reset();  // cancels its calls while the sandbox still answers
    m_sandbox.reset();
    m_description.clear();
}

void EndpointSession::open(ConnectionRequest request, bool sandboxRequested)
{
    close();
    m_opening = true;
    const quint64 attempt = ++m_attempt;
    Q_EMIT opening(sandboxRequested ? tr("Starting the local sandbox\u2026") : tr("Looking up AWS credentials\u2026"));

    auto result = std::make_shared<std::optional<Result<ConnectionChoice>>>();
    QThread *worker = QThread::create([result, request, sandboxRequested] {
        result->emplace(chooseConnection(request, sandboxRequested));
    });
    m_worker = worker;
    connect(worker, &QThread::finished, this, [this, result, request, attempt] {
        if (attempt == m_attempt && result->has_value())
            onChosen(**result, request);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void EndpointSession::onChosen(const Result<ConnectionChoice> &choice, const ConnectionRequest &request)
{
    m_opening = false;
    if (!choice) {
        Q_EMIT failed(choice.error());
        return;
    }
    client::ClientConfig config = choice->config;
    if (choice->sandbox) {
        m_sandbox = std::make_unique<SandboxHost>(m_sandboxOptions);
        auto started = m_sandbox->start();
        if (!started) {
            m_sandbox.reset();
            Q_EMIT failed(started.error());
            return;
        }
        config = std::move(started).value();
        m_description = tr("Local sandbox (%1)").arg(choice->reason);
    } else {
        m_description = describe(request, config);
    }
    config.userAgent = QStringLiteral("sms-planner/" SMS_VERSION);
    m_client = std::make_unique<client::SmsClient>(std::move(config));
    connect(m_client.get(), &client::SmsClient::callFinished, this, &EndpointSession::callFinished);
    Q_EMIT opened();
}

} // namespace sms::services
