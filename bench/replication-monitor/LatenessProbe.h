#pragma once
// LatenessProbe: how late the GUI thread's event loop serves a timer. A
// single-shot precise timer is re-armed at each tick, so every tick has its
// own due time (armed + period) and a late tick is not folded into the next
// one, as a repeating QTimer does when it skips missed timeouts.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace sms::bench {

class LatenessProbe : public QObject
{
public:
    explicit LatenessProbe(int periodMs, QObject *parent = nullptr);

    void start();
    void stop() { m_timer.stop(); }
    // Milliseconds each tick fired after it was due, in order.
    const std::vector<double> &latenessMs() const { return m_latenessMs; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_dueNs = 0;
    int m_periodMs;
    std::vector<double> m_latenessMs;
};

} // namespace sms::bench
