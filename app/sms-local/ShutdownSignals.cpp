#include "ShutdownSignals.h"

#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <cerrno>
#include <csignal>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace sms::local {
namespace {

constexpr int kSignals[] = {SIGTERM, SIGINT};

// Set by the handler; read and cleared by the event loop.
std::atomic<bool> g_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

#ifdef Q_OS_UNIX
// g_socket[0] is written by the handler, g_socket[1] is watched by the event loop.
int g_socket[2] = {-1, -1};
std::atomic<int> g_writeFd{-1};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free descriptor");

bool makeNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    return flags != -1 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != -1
        && ::fcntl(fd, F_SETFD, FD_CLOEXEC) != -1;
}

bool makeSocketPair()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_socket) != 0)
        return false;
    // Non-blocking: with the buffer full a burst of signals drops bytes (one is
    // enough) instead of blocking inside the handler.
    if (makeNonBlocking(g_socket[0]) && makeNonBlocking(g_socket[1]))
        return true;
    ::close(g_socket[0]);
    ::close(g_socket[1]);
    g_socket[0] = g_socket[1] = -1;
    return false;
}

void onSignal(int)
{
    const int savedErrno = errno;
    g_requested.store(true);
    const int fd = g_writeFd.load();
    if (fd != -1) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}
#else
void onSignal(int)
{
    g_requested.store(true);
}
#endif

} // namespace

ShutdownSignals::ShutdownSignals(QObject *parent)
    : QObject(parent)
{
    g_requested.store(false);
#ifdef Q_OS_UNIX
    if (makeSocketPair()) {
        g_writeFd.store(g_socket[0]);
        watchSocket();
    } else {
        pollFlag();  // SIGTERM still works, only up to 200 ms later
    }
#else
    pollFlag();
#endif
    installHandlers();
}

void ShutdownSignals::watchSocket()
{
#ifdef Q_OS_UNIX
    auto *notifier = new QSocketNotifier(g_socket[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[64];
        while (::read(g_socket[1], bytes, sizeof bytes) > 0) {
        }  // drain everything a burst of signals wrote; the socket is non-blocking
        if (g_requested.exchange(false))
            Q_EMIT shutdownRequested();
    });
#endif
}

void ShutdownSignals::pollFlag()
{
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (g_requested.exchange(false))
            Q_EMIT shutdownRequested();
    });
    poll->start(200);
}

void ShutdownSignals::installHandlers()
{
    for (const int number : kSignals) {
#ifdef Q_OS_UNIX
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;  // interrupted system calls resume rather than fail with EINTR
        ::sigaction(number, &action, nullptr);
#else
        std::signal(number, onSignal);
#endif
    }
}

} // namespace sms::local
