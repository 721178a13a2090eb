#pragma once
// LatenessProbe: how late the GUI thread's event loop serves a timer. A
// single-shot precise timer is re-armed at each tick, so every tick has its
// own due time (armed + period) and a late tick is not folded into the next
// one, as a repeating QTimer does when it skips missed timeouts.
//
// On a shared machine a tick is also late when the GUI thread waits for a
// core, not only when it is busy: so each tick records the thread's own CPU
// time since it was armed too. Lateness beyond that CPU time is not the
// thread's work (min(lateness, CPU time) bounds the part that can be).

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
    // The GUI thread's CPU milliseconds from each tick's arming to its firing.
    const std::vector<double> &cpuMs() const { return m_cpuMs; }

private:
    void tick();
    void arm();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_dueNs = 0;
    qint64 m_armedCpuNs = 0;
    int m_periodMs;
    std::vector<double> m_latenessMs;
    std::vector<double> m_cpuMs;
};

} // namespace sms::bench
