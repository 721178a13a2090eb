// The Catalog pane as a user meets it: filters that hide every server say so
// in the table and offer a way out; typing in the filter moves nothing
// beside it; a right-click selects the row under the pointer.

#include "models/PlanEditor.h"
#include "tests/models/PlanFixtures.h"
#include "ui/CatalogNoMatchNotice.h"
#include "ui/CatalogPane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace sms;

class TestCatalogPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noMatchSaysSoAndClears_data();
    void noMatchSaysSoAndClears();
    void typingMovesNothing();
    void pagesArrivingPaintOnceAnInterval();

private:
    std::unique_ptr<models::PlanDocument> m_document;
    std::unique_ptr<models::CatalogTableModel> m_table;
    std::unique_ptr<ui::CatalogPane> m_pane;
};

void TestCatalogPane::init()
{
    m_document = std::make_unique<models::PlanDocument>();
    m_document->appendServers(models::testing::servers(1, 120));
    m_table = std::make_unique<models::CatalogTableModel>(*m_document);
    m_pane = std::make_unique<ui::CatalogPane>(*m_table);
    m_pane->resize(900, 500);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TestCatalogPane::cleanup()
{
    m_pane.reset();
    m_table.reset();
    m_document.reset();
}

void TestCatalogPane::noMatchSaysSoAndClears_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("unplanned");
    QTest::addColumn<QString>("message");
    QTest::addRow("text") << "zzz" << false << "No server matches \u201Czzz\u201D.";
    QTest::addRow("two words") << "vm  zzz" << false << "No server matches \u201Cvm zzz\u201D.";
    QTest::addRow("text and another filter") << "zzz" << true
                                             << "No server matches \u201Czzz\u201D with the other filters set.";
}

void TestCatalogPane::noMatchSaysSoAndClears()
{
    QFETCH(QString, text);
    QFETCH(bool, unplanned);
    QFETCH(QString, message);
    ui::CatalogNoMatchNotice *notice = m_pane->noMatchNotice();
    QVERIFY(notice->isHidden());
    m_pane->findChild<QCheckBox *>()->setChecked(unplanned);
    QTest::keyClicks(m_pane->filterEdit(), text);
    QCOMPARE(m_pane->view()->model()->rowCount(), 0);
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->messageLabel()->text(), message);
    QCOMPARE(notice->geometry(), m_pane->view()->viewport()->rect());

    QTest::mouseClick(notice->clearButton(), Qt::LeftButton);
    QCOMPARE(m_pane->filterEdit()->text(), QString());
    QVERIFY(!m_pane->findChild<QCheckBox *>()->isChecked());
    QCOMPARE(m_pane->view()->model()->rowCount(), 120);
    QVERIFY(notice->isHidden());
}

// The count beside the filter changes as the user types ("120 servers",
// "11 of 120 servers"); its room does not, so the menus stay put and the
// pane asks for no other width (which moved the dock splitter).
void TestCatalogPane::typingMovesNothing()
{
    const auto *manager = m_pane->findChildren<QComboBox *>().front();
    const QPoint managerAt = manager->pos();
    const QSize minimum = m_pane->minimumSizeHint();
    for (const QString &typed : {QStringLiteral("1"), QStringLiteral("11"), QStringLiteral("zz"), QString()}) {
        m_pane->filterEdit()->setText(typed);
        QCoreApplication::processEvents();
        QCOMPARE(manager->pos(), managerAt);
        QCOMPARE(m_pane->minimumSizeHint(), minimum);
    }
}

namespace {

// Counts the paints a widget gets.
class PaintCounter : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        paints += event->type() == QEvent::Paint;
        return false;
    }
};

} // namespace

// A catalog arrives a page at a time, each page in its own pass of the event
// loop: the table paints the first page at once, then at most once an
// interval (100 ms), not once a page; the last page is painted when it stops.
void TestCatalogPane::pagesArrivingPaintOnceAnInterval()
{
    QWidget *viewport = m_pane->view()->viewport();
    QTest::qWait(250);  // the first rows' interval is over
    PaintCounter counter;
    viewport->installEventFilter(&counter);
    constexpr int kPages = 30;
    QElapsedTimer burst;
    burst.start();
    for (int page = 0; page < kPages; ++page) {
        m_document->appendServers(models::testing::servers(1000 + page * 10, 1009 + page * 10));
        QCoreApplication::processEvents();
    }
    const qint64 burstMs = burst.elapsed();
    const int duringBurst = counter.paints;
    QVERIFY2(duringBurst >= 1, "the first page was not painted at once");
    // One paint for the first page and one per interval the burst lasted.
    QVERIFY2(duringBurst <= 2 + int(burstMs / 100), qPrintable(QStringLiteral("%1 paints for %2 pages in %3 ms")
                                                                 .arg(duringBurst).arg(kPages).arg(burstMs)));
    QVERIFY(QTest::qWaitFor([&] { return viewport->updatesEnabled() && counter.paints > duringBurst; }, 2000));
    QCOMPARE(m_pane->view()->model()->rowCount(), 120 + kPages * 10);
}

QTEST_MAIN(TestCatalogPane)
#include "tst_catalogpane.moc"
