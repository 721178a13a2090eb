#pragma once
// A real sms-local process for sms-plan's tests: started on a free port
// (--port 0) without authentication, its URL read from the line it prints,
// stopped with SIGTERM so that it saves its state.

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace sms::testing {

class LocalEndpoint
{
public:
    ~LocalEndpoint() { stop(); }

    // Starts `program` with `arguments` after the port and --no-auth; false
    // when it does not say where it listens.
    bool start(const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
    {
        stop();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(env);
        m_process->start(program, QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-auth")}
                                      + arguments);
        if (!m_process->waitForStarted(10'000)
            || !QTest::qWaitFor([&] { return m_process->canReadLine() || m_process->state() == QProcess::NotRunning; },
                                20'000))
            return false;
        const auto match = QRegularExpression(QStringLiteral("^sms-local listening on (http://127.0.0.1:\\d+)\\n$"))
                               .match(QString::fromUtf8(m_process->readLine()));
        m_url = match.captured(1);
        return match.hasMatch();
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            m_process->waitForFinished(15'000);
        }
        m_process.reset();
        m_url.clear();
    }

    QString url() const { return m_url; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_url;
};

} // namespace sms::testing
