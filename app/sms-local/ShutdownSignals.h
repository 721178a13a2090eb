#pragma once
// ShutdownSignals: turns SIGTERM and SIGINT into a Qt signal, so that
// sms-local leaves its event loop and saves its state instead of dying
// mid-write. A signal handler may only do async-signal-safe things: it sets a
// flag and, on Unix, writes a byte to a non-blocking socket pair that the event
// loop watches. Where there is no socket pair (not Unix, or socketpair()
// failed) the flag is polled five times a second instead.
//
// Make one per process. The handlers stay installed until the process ends, so
// that a late signal during the final save and teardown is ignored rather than
// killing the process.

#include <QObject>

namespace sms::local {

class ShutdownSignals : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject *parent = nullptr);

Q_SIGNALS:
    void shutdownRequested();

private:
    void watchSocket();
    void pollFlag();
    static void installHandlers();
};

} // namespace sms::local
