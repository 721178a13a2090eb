#pragma once
// spinUntil: runs the event loop until a condition holds, for the benches
// that drive asynchronous calls from main().

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace sms::bench {

// Runs the event loop until `done` or `seconds` have passed; false on timeout.
// processEvents() with a time limit never waits for events, it spins: it
// would take a core from sms-local and Qt's network thread.
inline bool spinUntil(const std::function<bool()> &done, int seconds)
{
    QElapsedTimer timer;
    timer.start();
    QTimer tick;  // wakes the loop now and then to look at the clock
    tick.start(100);
    while (!done()) {
        if (timer.hasExpired(qint64(seconds) * 1000))
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Runs `count` asynchronous steps, `window` at a time. `step(i, done)` calls
// done(ok) once. False as soon as a step fails.
inline bool runWindowed(int count, int window, const std::function<void(int, std::function<void(bool)>)> &step)
{
    int next = 0, running = 0, finished = 0;
    bool failed = false;
    std::function<void()> fill = [&] {
        while (!failed && next < count && running < window) {
            ++running;
            step(next++, [&](bool ok) {
                --running;
                ++finished;
                failed = failed || !ok;
                fill();
            });
        }
    };
    fill();
    return spinUntil([&] { return failed || finished == count; }, 600) && !failed;
}

} // namespace sms::bench
