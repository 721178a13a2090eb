#include "ui/ConnectorsPane.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace sms;
using sms::ui::ConnectorsPane;
using Model = sms::models::ConnectorsModel;

namespace {

api::Connector connector(const char *id, api::ConnectorStatus status, const char *manager)
{
    api::Connector c;
    c.connectorId = id;
    c.status = status;
    c.vmManagerName = manager;
    c.vmManagerType = api::VmManagerType::Vsphere;
    c.version = "1.0.0";
    return c;
}

std::vector<api::Connector> estate()
{
    return {connector("c-b", api::ConnectorStatus::Unhealthy, "vcenter-02"),
            connector("c-a", api::ConnectorStatus::Healthy, "vcenter-01")};
}

QAction *action(const ConnectorsPane &pane, const char *name)
{
    return pane.findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class TestConnectorsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsSortedConnectors()
    {
        ConnectorsPane pane;
        pane.setConnectors(estate());
        const auto *view = pane.findChild<QTreeView *>(QStringLiteral("connectorsView"));
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->index(0, Model::ConnectorId).data().toString(), QStringLiteral("c-a"));
        QVERIFY(pane.findChild<QLabel *>(QStringLiteral("connectorsSummary"))->text().contains(u"not healthy"));
    }

    void disassociate_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::addRow("confirmed") << true;
        QTest::addRow("cancelled") << false;
    }

    void disassociate()
    {
        QFETCH(bool, confirm);
        ConnectorsPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setConnectors(estate());
        QVERIFY(!action(pane, "disassociateConnector")->isEnabled());
        pane.setCurrentConnector(QStringLiteral("c-b"));
        QCOMPARE(pane.currentConnectorId(), QStringLiteral("c-b"));
        QVERIFY(action(pane, "disassociateConnector")->isEnabled());

        QSignalSpy requested(&pane, &ConnectorsPane::disassociateRequested);
        action(pane, "disassociateConnector")->trigger();
        auto *box = pane.findChild<QMessageBox *>();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("c-b")));
        QVERIFY(box->informativeText().contains(QStringLiteral("vcenter-02")));
        // Asking again while the question is open does not open a second one.
        action(pane, "disassociateConnector")->trigger();
        QCOMPARE(pane.findChildren<QMessageBox *>().size(), qsizetype(1));

        for (QAbstractButton *button : box->buttons()) {
            const bool destructive = box->buttonRole(button) == QMessageBox::DestructiveRole;
            if (destructive == confirm) {
                button->click();
                break;
            }
        }
        QCOMPARE(requested.size(), confirm ? 1 : 0);
        if (confirm)
            QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("c-b"));
        QTRY_VERIFY(pane.findChildren<QMessageBox *>().isEmpty()); // closed and deleted
    }

    void refresh()
    {
        ConnectorsPane pane;
        QSignalSpy requested(&pane, &ConnectorsPane::refreshRequested);
        action(pane, "refreshConnectors")->trigger();
        QCOMPARE(requested.size(), 1);
        pane.setRefreshing(true);
        QVERIFY(!action(pane, "refreshConnectors")->isEnabled());
        pane.setRefreshing(false);
        QVERIFY(action(pane, "refreshConnectors")->isEnabled());
    }

    void refreshKeepsTheCurrentRow()
    {
        ConnectorsPane pane;
        pane.setConnectors(estate());
        pane.setCurrentConnector(QStringLiteral("c-b"));
        auto next = estate();
        next[0].status = api::ConnectorStatus::Healthy;
        next.push_back(connector("c-c", api::ConnectorStatus::Healthy, "scvmm-01"));
        pane.setConnectors(next);
        QCOMPARE(pane.currentConnectorId(), QStringLiteral("c-b"));
        QVERIFY(pane.findChild<QLabel *>(QStringLiteral("connectorsSummary"))->text().contains(u"all healthy"));
    }
};

QTEST_MAIN(TestConnectorsPane)
#include "tst_connectorspane.moc"
