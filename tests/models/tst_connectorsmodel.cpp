#include "PlanFixtures.h"

#include "models/ConnectorsModel.h"

#include "tests/support/Strings.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace sms;
using namespace sms::models;
using sms::models::testing::fullConnector;

namespace {

// "id" or "id:STATUS:version": enough to tell rows apart and change them.
api::Connector connectorFrom(const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    api::Connector connector;
    connector.connectorId = parts.value(0).toStdString();
    connector.status = api::OpenEnum<api::ConnectorStatus>::fromString(
        parts.value(1, QStringLiteral("HEALTHY")).toStdString());
    connector.version = parts.value(2, QStringLiteral("1.0")).toStdString();
    return connector;
}

std::vector<api::Connector> connectorsFrom(const QStringList &specs)
{
    std::vector<api::Connector> connectors;
    for (const QString &spec : specs)
        connectors.push_back(connectorFrom(spec));
    return connectors;
}

QStringList idsOf(const ConnectorsModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, ConnectorsModel::ConnectorId).data().toString();
    return ids;
}

} // namespace

class TestConnectorsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void updates_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<int>("inserts");   // rowsInserted signals
        QTest::addColumn<int>("removes");   // rowsRemoved signals
        QTest::addColumn<int>("changes");   // dataChanged signals
        QTest::addColumn<QStringList>("rows");

        QTest::addRow("first load") << QStringList() << strings({"a", "b", "c"}) << 1 << 0 << 0
                                    << strings({"a", "b", "c"});
        QTest::addRow("nothing changed") << strings({"a", "b"}) << strings({"a", "b"}) << 0 << 0 << 0
                                         << strings({"a", "b"});
        QTest::addRow("same list, other order") << strings({"a", "b"}) << strings({"b", "a"}) << 0 << 0 << 0
                                                << strings({"a", "b"});
        QTest::addRow("one changed") << strings({"a", "b", "c"}) << strings({"a", "b:UNHEALTHY", "c"}) << 0 << 0 << 1
                                     << strings({"a", "b", "c"});
        QTest::addRow("adjacent changes are one signal")
            << strings({"a", "b", "c", "d"}) << strings({"a:UNHEALTHY", "b:UNHEALTHY", "c", "d::2.0"}) << 0 << 0 << 2
            << strings({"a", "b", "c", "d"});
        QTest::addRow("one gone") << strings({"a", "b", "c"}) << strings({"a", "c"}) << 0 << 1 << 0 << strings({"a", "c"});
        QTest::addRow("two runs gone") << strings({"a", "b", "c", "d", "e"}) << strings({"a", "d"}) << 0 << 2 << 0
                                       << strings({"a", "d"});
        QTest::addRow("new ones at the end") << strings({"a"}) << strings({"x", "a", "y"}) << 1 << 0 << 0
                                             << strings({"a", "x", "y"});
        QTest::addRow("all at once") << strings({"a", "b", "c"}) << strings({"c:UNHEALTHY", "d", "a"}) << 1 << 1 << 1
                                     << strings({"a", "c", "d"});
        QTest::addRow("all gone") << strings({"a", "b"}) << QStringList() << 0 << 1 << 0 << QStringList();
        QTest::addRow("repeated id keeps the first") << QStringList() << strings({"a", "b", "a:UNHEALTHY"}) << 1 << 0 << 0
                                                     << strings({"a", "b"});
    }

    void updates()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(int, inserts);
        QFETCH(int, removes);
        QFETCH(int, changes);
        QFETCH(QStringList, rows);

        ConnectorsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectors(connectorsFrom(before));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setConnectors(connectorsFrom(after));
        QCOMPARE(inserted.size(), inserts);
        QCOMPARE(removed.size(), removes);
        QCOMPARE(changed.size(), changes);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(idsOf(model), rows);

        // Every row holds what the new list said for its id, and rowOf finds it.
        const auto latest = connectorsFrom(after);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = idsOf(model).at(row);
            QCOMPARE(model.rowOf(id), row);
            const auto first = std::find_if(latest.begin(), latest.end(), [&](const api::Connector &c) {
                return QString::fromStdString(*c.connectorId) == id;
            });
            QVERIFY(model.connector(row) == *first);
        }
        QCOMPARE(model.rowOf(QStringLiteral("never-there")), -1);
    }

    void cells_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");

        QTest::addRow("id") << int(ConnectorsModel::ConnectorId) << "c-0123456789abcdef0";
        QTest::addRow("status") << int(ConnectorsModel::Status) << "Unhealthy";
        QTest::addRow("version") << int(ConnectorsModel::Version) << "1.2.3.4";
        QTest::addRow("vm manager") << int(ConnectorsModel::VmManager) << "vcenter-01 (vSphere)";
        QTest::addRow("ip") << int(ConnectorsModel::IpAddress) << "10.0.0.5";
        QTest::addRow("mac") << int(ConnectorsModel::MacAddress) << "00:50:56:aa:bb:cc";
        QTest::addRow("capabilities, unknown kept") << int(ConnectorsModel::Capabilities)
                                                    << "vSphere, Snapshot batching, TELEPATHY";
        QTest::addRow("associated on") << int(ConnectorsModel::AssociatedOn)
                                       << QLocale().toString(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC).toLocalTime(),
                                                             QLocale::ShortFormat);
    }

    void cells()
    {
        QFETCH(int, column);
        QFETCH(QString, display);

        ConnectorsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectors({fullConnector()});
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data().toString(), display);
        QCOMPARE(index.data(ConnectorsModel::ConnectorIdRole).toString(), QStringLiteral("c-0123456789abcdef0"));
        QCOMPARE(index.data(ConnectorsModel::HealthyRole).toBool(), false);
        QCOMPARE(index.data(ConnectorsModel::StatusRole).toString(), QStringLiteral("UNHEALTHY"));
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    }

    void statusIsColoured()
    {
        ConnectorsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectors(connectorsFrom(strings({"a:HEALTHY", "b:UNHEALTHY", "c:REBOOTING"})));
        const auto swatch = [&](int row) {
            return model.index(row, ConnectorsModel::Status).data(Qt::DecorationRole).value<QColor>();
        };
        QVERIFY(swatch(0).isValid() && swatch(1).isValid() && swatch(2).isValid());
        QVERIFY(swatch(0) != swatch(1));
        QVERIFY(swatch(1) != swatch(2));
        QCOMPARE(model.index(2, ConnectorsModel::Status).data().toString(), QStringLiteral("REBOOTING"));
        QVERIFY(!model.index(0, ConnectorsModel::Version).data(Qt::DecorationRole).isValid());
    }

    void sortsOnRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("connectors");
        QTest::addColumn<QStringList>("ascending"); // ids

        QTest::addRow("version numerically") << int(ConnectorsModel::Version)
                                             << strings({"a:HEALTHY:1.10.0", "b:HEALTHY:1.9.2", "c:HEALTHY:1.2"})
                                             << strings({"c", "b", "a"});
        QTest::addRow("status") << int(ConnectorsModel::Status) << strings({"a:UNHEALTHY", "b:HEALTHY"})
                                << strings({"b", "a"});
        QTest::addRow("id") << int(ConnectorsModel::ConnectorId) << strings({"c-2", "c-1"}) << strings({"c-1", "c-2"});
    }

    void sortsOnRawValues()
    {
        QFETCH(int, column);
        QFETCH(QStringList, connectors);
        QFETCH(QStringList, ascending);

        ConnectorsModel model;
        model.setConnectors(connectorsFrom(connectors));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ConnectorsModel::RawRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(column, Qt::AscendingOrder);
        QStringList ids;
        for (int row = 0; row < proxy.rowCount(); ++row)
            ids << proxy.index(row, 0).data(ConnectorsModel::ConnectorIdRole).toString();
        QCOMPARE(ids, ascending);
    }

    void sortsByAssociationTime()
    {
        auto older = fullConnector();
        older.connectorId = "older";
        older.associatedOn = api::Timestamp{1600000000};
        auto newer = fullConnector();
        newer.connectorId = "newer";
        ConnectorsModel model;
        model.setConnectors({newer, older});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ConnectorsModel::RawRole);
        proxy.sort(ConnectorsModel::AssociatedOn);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("older"));
    }
};

QTEST_MAIN(TestConnectorsModel)
#include "tst_connectorsmodel.moc"
