// Launch orders from "launches before" dependencies: derived, refused when
// they would close a cycle (named), and inferred from bare launch orders.

#include "models/LaunchGraph.h"

#include <QTest>

#include <random>

using namespace sms::models;

namespace {

// Groups 1..n named by `names`, each launching after the keys given.
std::vector<PlanServerGroup> graph(std::vector<std::string> names, std::vector<std::vector<PlanKey>> after = {})
{
    std::vector<PlanServerGroup> groups;
    for (std::size_t i = 0; i < names.size(); ++i) {
        PlanServerGroup &group = groups.emplace_back();
        group.key = PlanKey(i + 1);
        group.name = names[i];
        if (i < after.size())
            group.launchAfter = after[i];
    }
    return groups;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<PlanServerGroup>)

class TestLaunchGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derivedOrders_data()
    {
        QTest::addColumn<std::vector<PlanServerGroup>>("groups");
        QTest::addColumn<std::vector<int>>("orders");
        QTest::addRow("no dependencies: all first") << graph({"a", "b"}) << std::vector<int>{1, 1};
        QTest::addRow("three tiers") << graph({"db", "app", "web"}, {{}, {1}, {2}}) << std::vector<int>{1, 2, 3};
        // web waits for the later of its two: app (2), not db (1).
        QTest::addRow("the latest predecessor counts")
            << graph({"db", "app", "web"}, {{}, {1}, {1, 2}}) << std::vector<int>{1, 2, 3};
        QTest::addRow("siblings launch together")
            << graph({"db", "app-a", "app-b", "web"}, {{}, {1}, {1}, {2, 3}}) << std::vector<int>{1, 2, 2, 3};
        QTest::addRow("unknown keys and repeats are left out")
            << graph({"db", "app"}, {{}, {1, 1, 99}}) << std::vector<int>{1, 2};
    }
    void derivedOrders()
    {
        QFETCH(std::vector<PlanServerGroup>, groups);
        QFETCH(std::vector<int>, orders);
        const auto derived = deriveLaunchOrders(groups);
        QVERIFY(derived.has_value());
        QCOMPARE(*derived, orders);
        QVERIFY(findCycle(groups).empty());
    }

    void cycleRefusedAndNamed_data()
    {
        QTest::addColumn<std::vector<PlanServerGroup>>("groups");
        QTest::addColumn<PlanKey>("before");
        QTest::addColumn<PlanKey>("after");
        QTest::addColumn<QString>("cycle");
        // db → app → web exists; "web launches before db" closes it.
        const auto tiers = graph({"db", "app", "web"}, {{}, {1}, {2}});
        QTest::addRow("back to the start") << tiers << PlanKey(3) << PlanKey(1) << "web → db → app → web";
        QTest::addRow("one step back") << tiers << PlanKey(2) << PlanKey(1) << "app → db → app";
        QTest::addRow("onto itself") << tiers << PlanKey(2) << PlanKey(2) << "app → app";
        QTest::addRow("forward is fine") << tiers << PlanKey(1) << PlanKey(3) << "";
        QTest::addRow("between strangers") << graph({"a", "b"}) << PlanKey(2) << PlanKey(1) << "";
        // Of two ways back, the shorter is named.
        QTest::addRow("the shortest way back")
            << graph({"db", "cache", "app", "web"}, {{}, {1}, {2}, {3, 1}}) << PlanKey(4) << PlanKey(1)
            << "web → db → web";
    }
    void cycleRefusedAndNamed()
    {
        QFETCH(std::vector<PlanServerGroup>, groups);
        QFETCH(PlanKey, before);
        QFETCH(PlanKey, after);
        QFETCH(QString, cycle);
        QCOMPARE(QString::fromStdString(cycleText(groups, cycleClosedBy(groups, before, after))), cycle);
    }

    // A hand-edited file may already hold a cycle: orders cannot be derived, and the cycle is named.
    void cycleInTheFile()
    {
        const auto groups = graph({"db", "app", "web", "batch"}, {{3}, {1}, {2}, {}});
        QVERIFY(!deriveLaunchOrders(groups));
        const std::vector<PlanKey> cycle = findCycle(groups);
        QCOMPARE(cycle.size(), std::size_t(4));
        QCOMPARE(cycle.front(), cycle.back());
        QCOMPARE(QString::fromStdString(cycleText(groups, cycle)), QStringLiteral("db → app → web → db"));
        auto nameless = groups;
        nameless[0].name.clear();
        QCOMPARE(QString::fromStdString(cycleText(nameless, cycle)), QStringLiteral("group 1 → app → web → group 1"));
    }

    void inferredFromOrders_data()
    {
        QTest::addColumn<std::vector<std::optional<int>>>("orders");
        QTest::addColumn<std::vector<std::vector<PlanKey>>>("launchAfter");
        QTest::addColumn<std::vector<int>>("derived");
        using Orders = std::vector<std::optional<int>>;
        using After = std::vector<std::vector<PlanKey>>;
        QTest::addRow("three tiers") << Orders{1, 2, 3} << After{{}, {1}, {2}} << std::vector<int>{1, 2, 3};
        QTest::addRow("together") << Orders{1, 1, 2} << After{{}, {}, {1, 2}} << std::vector<int>{1, 1, 2};
        QTest::addRow("gaps close up") << Orders{30, 10, 20} << After{{3}, {}, {2}} << std::vector<int>{3, 1, 2};
        QTest::addRow("an unordered group waits for none")
            << Orders{1, std::nullopt, 2} << After{{}, {}, {1}} << std::vector<int>{1, 1, 2};
    }
    void inferredFromOrders()
    {
        QFETCH(std::vector<std::optional<int>>, orders);
        QFETCH(std::vector<std::vector<PlanKey>>, launchAfter);
        QFETCH(std::vector<int>, derived);
        auto groups = graph(std::vector<std::string>(orders.size(), "g"));
        for (std::size_t i = 0; i < orders.size(); ++i)
            groups[i].launchOrder = orders[i];
        const auto inferred = inferLaunchAfter(groups);
        QCOMPARE(inferred, launchAfter);
        for (std::size_t i = 0; i < groups.size(); ++i)
            groups[i].launchAfter = inferred[i];
        QVERIFY(hasDependencies(groups));
        QCOMPARE(*deriveLaunchOrders(groups), derived);
    }

    // 300 groups, 1,000 random forward edges: acyclic, every edge raises the
    // order, and any backward edge closes a cycle that runs through it.
    void largeRandomGraph()
    {
        std::mt19937 random(7);
        auto groups = graph(std::vector<std::string>(300, "g"));
        for (int e = 0; e < 1000; ++e) {
            const auto a = std::uniform_int_distribution<std::size_t>(0, 298)(random);
            const auto b = std::uniform_int_distribution<std::size_t>(a + 1, 299)(random);
            groups[b].launchAfter.push_back(groups[a].key);
        }
        const auto orders = deriveLaunchOrders(groups);
        QVERIFY(orders);
        for (std::size_t i = 0; i < groups.size(); ++i)
            for (const PlanKey before : groups[i].launchAfter)
                QVERIFY((*orders)[i] > (*orders)[std::size_t(before - 1)]);
        QVERIFY(findCycle(groups).empty());
        const PlanKey last = groups[299].launchAfter.front();
        const std::vector<PlanKey> cycle = cycleClosedBy(groups, groups[299].key, last);
        QCOMPARE(cycle, (std::vector<PlanKey>{groups[299].key, last, groups[299].key}));
    }
};

QTEST_GUILESS_MAIN(TestLaunchGraph)
#include "tst_launchgraph.moc"
