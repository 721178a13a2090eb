#include "ShutdownSignals.h"

#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace sms::local {
namespace {

#ifdef Q_OS_UNIX
int g_pipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[0], &byte, 1);
}
#else
std::atomic<bool> g_requested{false};

void onSignal(int)
{
    g_requested = true;
}
#endif

} // namespace

ShutdownSignals::ShutdownSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) == 0) {
        m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char byte;
            [[maybe_unused]] const auto read = ::read(g_pipe[1], &byte, 1);
            Q_EMIT shutdownRequested();
        });
    }
#else
    // Elsewhere, a handler can only set a flag; it is looked at five times a second.
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (g_requested.exchange(false))
            Q_EMIT shutdownRequested();
    });
    poll->start(200);
#endif
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
}

} // namespace sms::local
