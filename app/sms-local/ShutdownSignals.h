#pragma once
// ShutdownSignals: turns SIGTERM and SIGINT into a Qt signal, so that
// sms-local leaves its event loop and saves its state instead of dying
// mid-write. A signal handler may only do async-signal-safe things, so on
// Unix it writes a byte to a socket pair that the event loop watches.

#include <QObject>

class QSocketNotifier;

namespace sms::local {

class ShutdownSignals : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject *parent = nullptr);

Q_SIGNALS:
    void shutdownRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sms::local
