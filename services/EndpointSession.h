#pragma once
// EndpointSession: the endpoint the planner works with right now, and the
// SmsClient that reaches it. open() picks it as ConnectionChoice says (the
// embedded sandbox, an AWS profile, a custom URL), resolving credentials on a
// worker thread because a profile's credential_process may take seconds; the
// sandbox is hosted in this process (SandboxHost). Every call's record is
// passed on through callFinished() for the Activity pane.

#include "client/SmsClient.h"
#include "services/ConnectionChoice.h"
#include "services/SandboxHost.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace sms::services {

class EndpointSession : public QObject
{
    Q_OBJECT

public:
    explicit EndpointSession(SandboxOptions sandboxOptions = {}, QObject *parent = nullptr);
    ~EndpointSession() override;

    // Replaces the current endpoint (calls in flight are canceled).
    void open(ConnectionRequest request, bool sandboxRequested);

    // nullptr while opening or after a failure.
    client::SmsClient *client() const { return m_client.get(); }
    bool isOpening() const { return m_opening; }
    bool isSandbox() const { return m_sandbox != nullptr; }
    SandboxHost *sandbox() const { return m_sandbox.get(); }
    // For the status bar: "Local sandbox (no AWS credentials were found)", "profile prod · eu-west-1"...
    QString description() const { return m_description; }
    QUrl endpoint() const;
    QString region() const;

Q_SIGNALS:
    void opening(const QString &what);
    // The client is about to go: whoever has calls or jobs on it cancels them now.
    void aboutToClose();
    void opened();
    void failed(const sms::SmsError &error);
    void callFinished(const sms::client::CallRecord &record);

private:
    void onChosen(const Result<ConnectionChoice> &choice, const ConnectionRequest &request);
    void close();

    SandboxOptions m_sandboxOptions;
    std::unique_ptr<SandboxHost> m_sandbox;
    std::unique_ptr<client::SmsClient> m_client;
    QPointer<QThread> m_worker;  // resolving credentials
    QString m_description;
    quint64 m_attempt = 0;  // a newer open() makes an older answer moot
    bool m_opening = false;
};

} // namespace sms::services
