#pragma once
// LocalEndpoint: an sms-local process for a bench, started with the caller's
// arguments (--port 0 among them), its URL read from the "listening" line it
// prints, and stopped with SIGTERM when the bench ends.

#include "SpinUntil.h"

#include "client/ClientConfig.h"
#include "sandbox/SandboxDefaults.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace sms::bench {

class LocalEndpoint
{
public:
    // Starts `program` and waits for its one "listening" line.
    bool start(const QString &program, const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, arguments);
        static const QRegularExpression listening(QStringLiteral("^sms-local listening on (http://\\S+)"));
        const bool heard = spinUntil(
            [&] {
                while (m_url.isEmpty() && m_process.canReadLine()) {
                    const auto match = listening.match(QString::fromUtf8(m_process.readLine()));
                    if (match.hasMatch())
                        m_url = QUrl(match.captured(1));
                }
                return !m_url.isEmpty() || m_process.state() == QProcess::NotRunning;
            },
            120);
        // Whatever it prints later is dropped, so it never blocks on a full pipe.
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_process.readAllStandardOutput(); });
        return heard && !m_url.isEmpty();
    }

    ~LocalEndpoint()
    {
        m_process.terminate();
        m_process.waitForFinished(10'000);
    }

    QUrl url() const { return m_url; }
    // A client's configuration for it: its URL, signed with the sandbox's documented key.
    client::ClientConfig clientConfig() const
    {
        client::ClientConfig config;
        config.endpoint = m_url;
        config.region = QString::fromLatin1(sandbox::kDefaultRegion);
        config.credentials.accessKeyId = QString::fromLatin1(sandbox::kDefaultAccessKeyId);
        config.credentials.secretAccessKey = QString::fromLatin1(sandbox::kDefaultSecretAccessKey);
        return config;
    }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QUrl m_url;
};

// The sms-local built beside the bench (build/bench/NAME/ -> build/app/sms-local/),
// else the one on PATH.
inline QString findSmsLocal()
{
    const QFileInfo beside(
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../app/sms-local/sms-local")));
    return beside.isExecutable() ? beside.canonicalFilePath()
                                 : QStandardPaths::findExecutable(QStringLiteral("sms-local"));
}

} // namespace sms::bench
