#pragma once
// SandboxHost: the sandbox engine hosted in this process on a free loopback
// port, with a generated demo estate: what the GUI talks to when started with
// --sandbox or when no AWS credentials are set up, with demo applications at
// different stages. start() hands back the ClientConfig that reaches it with
// the sandbox's default key pair. With a state file it continues where the
// last run stopped, saves after changes (as sms-local --state does) and once
// more when it goes; discardState() forgets it all, for a reset.

#include "api/Result.h"
#include "client/ClientConfig.h"
#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/StateKeeper.h"

#include <QObject>

#include <cstdint>
#include <memory>

class QLockFile;

namespace sms::services {

struct SandboxOptions
{
    std::size_t servers = 3000;  // a demo estate a new user can take in
    std::uint64_t seed = 1;
    double timeScale = 1.0;
    bool demoApplications = true;  // a few apps at different stages (DemoApplications)
    QString stateFile = QString();  // kept between runs when set (defaultSandboxStatePath() for the GUI)
    double failureRate = 0.05;      // share of replication runs that fail, as sms-local --failure-rate
};

struct SandboxStartState;

class SandboxHost : public QObject
{
    Q_OBJECT

public:
    explicit SandboxHost(SandboxOptions options = {}, QObject *parent = nullptr);
    // Saves the state one last time (unless discarded).
    ~SandboxHost() override;

    Result<client::ClientConfig> start();
    QUrl endpoint() const { return m_endpoint; }
    sandbox::SandboxEngine &engine() { return m_engine; }
    // Throttling, errors and dropped connections, as sms-local --fault-* gives them (for tests).
    void setFaults(const sandbox::FaultSettings &faults) { m_server.setFaults(faults); }
    // Whether the demo applications were made (an error says why not).
    const Result<void> &demoReady() const { return m_demoReady; }

    // Whether the state came from the state file (false: the seeded demo estate).
    bool restored() const { return m_restored; }
    // Why the saved state was not used (corrupt, newer...), for the user; empty when all went well.
    const QString &startNotice() const { return m_startNotice; }
    // Stops saving and deletes the state file: the next host starts from the seeded estate.
    Result<void> discardState();

Q_SIGNALS:
    // A save failed (disk full, folder not writable): the next change tries again.
    void saveFailed(const QString &why);

private:
    SandboxHost(const SandboxOptions &options, SandboxStartState start, QObject *parent);

    sandbox::SandboxEngine m_engine;
    sandbox::SandboxServer m_server;
    std::unique_ptr<QLockFile> m_lock;               // the state file's, while this host keeps it
    std::unique_ptr<sandbox::StateKeeper> m_keeper;  // with a state file
    bool m_restored = false;
    QString m_startNotice;
    QUrl m_endpoint;
    Result<void> m_demoReady;
};

} // namespace sms::services
