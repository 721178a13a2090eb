#pragma once
// SandboxHost: the sandbox engine hosted in this process on a free loopback
// port, with a generated demo estate: what the GUI talks to when started with
// --sandbox or when no AWS credentials are set up, with demo applications at
// different stages. start() hands back the ClientConfig that reaches it with
// the sandbox's default key pair.

#include "api/Result.h"
#include "client/ClientConfig.h"
#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"

#include <QObject>

#include <cstdint>

namespace sms::services {

struct SandboxOptions
{
    std::size_t servers = 3000;  // a demo estate a new user can take in
    std::uint64_t seed = 1;
    double timeScale = 1.0;
    bool demoApplications = true;  // a few apps at different stages (DemoApplications)
};

class SandboxHost : public QObject
{
    Q_OBJECT

public:
    explicit SandboxHost(SandboxOptions options = {}, QObject *parent = nullptr);

    Result<client::ClientConfig> start();
    QUrl endpoint() const { return m_endpoint; }
    sandbox::SandboxEngine &engine() { return m_engine; }
    // Throttling, errors and dropped connections, as sms-local --fault-* gives them (for tests).
    void setFaults(const sandbox::FaultSettings &faults) { m_server.setFaults(faults); }
    // Whether the demo applications were made (an error says why not).
    const Result<void> &demoReady() const { return m_demoReady; }

private:
    sandbox::SandboxEngine m_engine;
    sandbox::SandboxServer m_server;
    QUrl m_endpoint;
    Result<void> m_demoReady;
};

} // namespace sms::services
