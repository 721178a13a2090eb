#pragma once
// RequestWindow: independent requests go out together, but at most a window
// of them at a time. QNetworkAccessManager opens six connections to a host
// and queues the rest; a window twice that keeps every connection busy while
// answers are decoded, and a read of a thousand jobs neither makes a thousand
// calls (and their timers) up front nor lets the last wait behind all others
// in Qt's queue until its time-out runs out.
//
//   m_window.add([this, id] { m_client.getX(id, this, [this](auto r) { ...; m_window.done(); }); });
//
// Each start function begins one request (a call, a pager); its answer, of
// whatever kind, must call done() once, which starts the next one queued.

#include <deque>
#include <functional>

namespace sms::client {

inline constexpr int kRequestWindow = 12;

class RequestWindow
{
public:
    explicit RequestWindow(int size = kRequestWindow) { setSize(size); }

    void setSize(int size) { m_size = size < 1 ? 1 : size; }

    void add(std::function<void()> start)
    {
        m_queue.push_back(std::move(start));
        pump();
    }
    // One request has answered.
    void done()
    {
        if (m_inFlight > 0)
            --m_inFlight;
        pump();
    }
    // What has not started yet never will (the read ended early).
    void clear() { m_queue.clear(); }

    int inFlight() const { return m_inFlight; }
    bool idle() const { return m_inFlight == 0 && m_queue.empty(); }

private:
    void pump()
    {
        if (m_pumping)  // a start that answered at once: the loop below goes on
            return;
        m_pumping = true;
        while (m_inFlight < m_size && !m_queue.empty()) {
            std::function<void()> start = std::move(m_queue.front());
            m_queue.pop_front();
            ++m_inFlight;
            start();
        }
        m_pumping = false;
    }

    std::deque<std::function<void()>> m_queue;
    int m_size = kRequestWindow;
    int m_inFlight = 0;
    bool m_pumping = false;
};

} // namespace sms::client
