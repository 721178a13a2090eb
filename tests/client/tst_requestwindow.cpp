// RequestWindow: at most its size in flight, the rest started in order as
// answers come, nothing started after clear().

#include "client/RequestWindow.h"

#include <QTest>

#include <vector>

using sms::client::RequestWindow;

class TestRequestWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsAtMostItsSizeInFlight()
    {
        RequestWindow window(3);
        std::vector<int> started;
        for (int i = 0; i < 10; ++i)
            window.add([&started, i] { started.push_back(i); });
        QCOMPARE(started, (std::vector<int>{0, 1, 2}));
        QCOMPARE(window.inFlight(), 3);
        window.done();
        QCOMPARE(started, (std::vector<int>{0, 1, 2, 3}));
        QCOMPARE(window.inFlight(), 3);
        for (int i = 0; i < 9; ++i)
            window.done();
        QCOMPARE(started.size(), std::size_t(10));
        QVERIFY(window.idle());
    }

    void aRequestAnsweredAtOnceLetsTheNextStart()
    {
        RequestWindow window(1);
        std::vector<int> started;
        // Each answers while it starts (an error before anything is sent, say).
        for (int i = 0; i < 4; ++i)
            window.add([&window, &started, i] {
                started.push_back(i);
                window.done();
            });
        QCOMPARE(started, (std::vector<int>{0, 1, 2, 3}));
        QVERIFY(window.idle());
    }

    void clearDropsWhatHasNotStarted()
    {
        RequestWindow window(2);
        int started = 0;
        for (int i = 0; i < 5; ++i)
            window.add([&started] { ++started; });
        window.clear();
        window.done();
        window.done();
        QCOMPARE(started, 2);
        QVERIFY(window.idle());
    }
};

QTEST_GUILESS_MAIN(TestRequestWindow)
#include "tst_requestwindow.moc"
