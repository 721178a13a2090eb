#include "ui/monitor/ApplicationStateChart.h"
#include "ui/monitor/RunTimeline.h"
#include "ui/monitor/StateColors.h"
#include "ui/monitor/StateSummaryChart.h"
#include "ui/monitor/SummaryRows.h"

#include "tests/support/Strings.h"

#include <QAction>
#include <QAreaSeries>
#include <QBarSet>
#include <QFile>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>

#include <cmath>
#include <memory>

using namespace sms;
using models::JobBucket;
using ui::ApplicationStateChart;
using ui::StateColors;
using ui::StateSummaryChart;

Q_DECLARE_METATYPE(std::vector<models::StateSample>)
Q_DECLARE_METATYPE(std::vector<models::ApplicationCounts>)

namespace {

constexpr double kNow = 1'700'000'000;

models::StateSample sample(double minutesAgo, std::array<float, models::kJobBucketCount> servers)
{
    return {kNow - minutesAgo * 60, servers};
}

models::ApplicationCounts counts(const char *id, const char *name, std::array<int, models::kJobBucketCount> servers)
{
    return {id, name, servers};
}

double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return std::max(la, lb) / std::min(la, lb);
}

// A language that shouts the export texts, to see them retranslated.
class Shouting : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "sms::ui::ChartExport") != 0)
            return {};
        return QString::fromUtf8(sourceText).toUpper();
    }
};

QPalette paletteWithWindow(const QColor &window, const QColor &text)
{
    QPalette palette(window);
    palette.setColor(QPalette::Base, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Text, text);
    return palette;
}

} // namespace

class TestMonitorCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void areasHoldRunningTotals_data()
    {
        QTest::addColumn<std::vector<models::StateSample>>("samples");
        QTest::addColumn<double>("minutesShown"); // the time axis' far end

        QTest::addRow("one sample") << std::vector{sample(0, {1, 2, 3, 4, 5, 6, 7})} << 60.0;
        QTest::addRow("fractions of averaged history")
            << std::vector{sample(50, {0.5f, 0, 2.25f, 0, 0, 1, 0}), sample(10, {0, 1, 1, 1, 0, 0, 3})} << 60.0;
        QTest::addRow("more than an hour rounds up to hours")
            << std::vector{sample(130, {3, 0, 0, 0, 0, 0, 0}), sample(61, {0, 3, 0, 0, 0, 0, 0}),
                           sample(0, {0, 0, 0, 3, 0, 0, 0})}
            << 180.0;
    }

    void areasHoldRunningTotals()
    {
        QFETCH(std::vector<models::StateSample>, samples);
        QFETCH(double, minutesShown);

        ApplicationStateChart chart;
        chart.setHistory({"app-1", "web", samples}, kNow);
        QVERIFY(chart.placeholderText().isEmpty());
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
            const QAreaSeries *area = chart.area(JobBucket(bucket));
            const QList<QPointF> upper = area->upperSeries()->points();
            const QList<QPointF> lower = area->lowerSeries()->points();
            QCOMPARE(upper.size(), qsizetype(samples.size()));
            QCOMPARE(lower.size(), qsizetype(samples.size()));
            for (std::size_t i = 0; i < samples.size(); ++i) {
                double below = 0;
                for (int b = 0; b < bucket; ++b)
                    below += samples[i].servers[std::size_t(b)];
                const double minutesAgo = (kNow - samples[i].at) / 60;
                QCOMPARE(lower[qsizetype(i)], QPointF(minutesAgo, below));
                QCOMPARE(upper[qsizetype(i)], QPointF(minutesAgo, below + samples[i].servers[std::size_t(bucket)]));
            }
        }
        QCOMPARE(chart.minutesAxis()->min(), 0.0);
        QCOMPARE(chart.minutesAxis()->max(), minutesShown);
        QCOMPARE(chart.minutesAxis()->titleText(), QStringLiteral("Minutes ago"));
        QCOMPARE(chart.serversAxis()->titleText(), QStringLiteral("Servers"));
        // The stack's top fits under the servers axis.
        QVERIFY(chart.area(JobBucket::Failed)->upperSeries()->points().constLast().y() <= chart.serversAxis()->max());
    }

    void updatesKeepTheSeries()
    {
        ApplicationStateChart chart;
        chart.setHistory({"app-1", "web", {sample(5, {1, 0, 0, 0, 0, 0, 0})}}, kNow);
        const QList<QAbstractSeries *> before = chart.chart()->series();
        std::vector<QXYSeries *> lines;
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
            lines.push_back(chart.area(JobBucket(bucket))->upperSeries());
            lines.push_back(chart.area(JobBucket(bucket))->lowerSeries());
        }
        QSignalSpy replaced(chart.area(JobBucket::Replicating)->upperSeries(), &QXYSeries::pointsReplaced);

        chart.setHistory({"app-1", "web", {sample(5, {1, 0, 0, 0, 0, 0, 0}), sample(0, {0, 0, 2, 0, 0, 0, 0})}}, kNow);
        QCOMPARE(chart.chart()->series(), before);
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
            QCOMPARE(chart.area(JobBucket(bucket))->upperSeries(), lines[std::size_t(2 * bucket)]);
            QCOMPARE(chart.area(JobBucket(bucket))->lowerSeries(), lines[std::size_t(2 * bucket + 1)]);
        }
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(chart.area(JobBucket::Replicating)->upperSeries()->points().constLast(), QPointF(0, 2));
        QCOMPARE(chart.chart()->animationOptions(), QChart::NoAnimation);
    }

    void emptyHistorySaysWhy_data()
    {
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("says");

        QTest::addRow("none chosen") << "" << "" << "Select an application in Endpoint Applications";
        QTest::addRow("no samples yet") << "app-1" << "web" << "No history for web yet";
        QTest::addRow("unnamed") << "app-1" << "" << "No history for app-1 yet";
    }

    void emptyHistorySaysWhy()
    {
        QFETCH(QString, appId);
        QFETCH(QString, name);
        QFETCH(QString, says);

        ApplicationStateChart chart;
        chart.setHistory({"app-1", "web", {sample(5, {1, 0, 0, 0, 0, 0, 0})}}, kNow);
        chart.setHistory({appId.toStdString(), name.toStdString(), {}}, kNow);
        QVERIFY2(chart.placeholderText().contains(says), qPrintable(chart.placeholderText()));
        QVERIFY(chart.area(JobBucket::NoJob)->upperSeries()->points().isEmpty());
    }

    void historyLegendFitsOrStepsAside_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("buckets"); // with servers in the history, from NoJob on
        QTest::addColumn<int>("alignment"); // 0: hidden

        QTest::addRow("a dock at 1366x768: a column") << QSize(430, 260) << 7 << int(Qt::AlignRight);
        QTest::addRow("too short for seven: a row below") << QSize(900, 130) << 7 << int(Qt::AlignBottom);
        QTest::addRow("too small for either: none") << QSize(300, 110) << 7 << 0;
        QTest::addRow("one bucket fits a short column") << QSize(430, 110) << 1 << int(Qt::AlignRight);
    }

    void historyLegendFitsOrStepsAside()
    {
        QFETCH(QSize, size);
        QFETCH(int, buckets);
        QFETCH(int, alignment);

        std::array<float, models::kJobBucketCount> servers{};
        for (int bucket = 0; bucket < buckets; ++bucket)
            servers[std::size_t(bucket)] = 1;
        ApplicationStateChart chart;
        chart.resize(size);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setHistory({"app-1", "web", {sample(5, servers), sample(0, servers)}}, kNow);

        QLegend *legend = chart.chart()->legend();
        QCOMPARE(legend->isVisible(), alignment != 0);
        if (alignment != 0)
            QCOMPARE(int(legend->alignment()), alignment);
        // Only the buckets the history has are named.
        for (int bucket = buckets; bucket < models::kJobBucketCount; ++bucket)
            QVERIFY(!legend->markers(chart.area(JobBucket(bucket))).constFirst()->isVisible());
    }

    void summaryBars()
    {
        StateSummaryChart chart;
        QVERIFY(!chart.placeholderText().isEmpty());
        chart.setCounts({counts("a-1", "web", {1, 2, 3, 4, 5, 6, 7}), counts("a-2", "db", {0, 0, 10, 0, 0, 0, 1})});
        QVERIFY(chart.placeholderText().isEmpty());
        // Bottom first: web, with more failed servers, on top.
        QCOMPARE(chart.categories(), strings({"db", "web"}));
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
            const QBarSet *set = chart.barSet(JobBucket(bucket));
            QCOMPARE(set->count(), 2);
            QCOMPARE(set->at(1), qreal(bucket + 1));
        }
        QCOMPARE(chart.barSet(JobBucket::Replicating)->at(0), 10.0);
        QCOMPARE(chart.barSet(JobBucket::Failed)->at(0), 1.0);
        QVERIFY(chart.serversAxis()->max() >= 28);
    }

    void summaryUpdates_data()
    {
        QTest::addColumn<bool>("sameApplications");
        QTest::addRow("same applications: values replaced in place") << true;
        QTest::addRow("other applications: sets refilled") << false;
    }

    void summaryUpdates()
    {
        QFETCH(bool, sameApplications);

        StateSummaryChart chart;
        chart.setCounts({counts("a-1", "web", {1, 2, 3, 0, 0, 0, 2}), counts("a-2", "db", {0, 0, 10, 0, 0, 0, 1})});
        QBarSet *replicating = chart.barSet(JobBucket::Replicating);
        QSignalSpy changed(replicating, &QBarSet::valueChanged);
        QSignalSpy removed(replicating, &QBarSet::valuesRemoved);
        QSignalSpy otherChanged(chart.barSet(JobBucket::Failed), &QBarSet::valueChanged);

        const char *second = sameApplications ? "db" : "cache";
        chart.setCounts({counts("a-1", "web", {1, 2, 3, 0, 0, 0, 2}), counts("a-3", second, {0, 0, 8, 2, 0, 0, 1})});
        QCOMPARE(chart.barSet(JobBucket::Replicating), replicating);
        QCOMPARE(replicating->at(0), 8.0);
        QCOMPARE(chart.barSet(JobBucket::Completed)->at(0), 2.0);
        QCOMPARE(chart.categories().at(0), QString::fromLatin1(second));
        QCOMPARE(chart.appIds(), strings({"a-3", "a-1"}));
        if (sameApplications) {
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed.at(0).at(0).toInt(), 0);
            QCOMPARE(removed.size(), 0);
            QCOMPARE(otherChanged.size(), 0); // an unchanged value is left alone
        } else {
            QCOMPARE(removed.size(), 1);
        }
    }

    void summaryRefillsASetWithManyChanges_data()
    {
        QTest::addColumn<int>("changes");
        QTest::addColumn<int>("replaced"); // valueChanged signals
        QTest::addColumn<int>("refills");  // valuesRemoved signals
        QTest::addRow("two changes in place") << 2 << 2 << 0;
        QTest::addRow("three changes refill") << 3 << 0 << 1;
    }

    void summaryRefillsASetWithManyChanges()
    {
        QFETCH(int, changes);
        QFETCH(int, replaced);
        QFETCH(int, refills);

        std::vector<models::ApplicationCounts> before;
        for (int i = 0; i < 5; ++i)
            before.push_back({"a-" + std::to_string(i), "app " + std::to_string(i), {1, 1, 1, 1, 1, 1, 1}});
        StateSummaryChart chart;
        chart.setCounts(before);
        QBarSet *completed = chart.barSet(JobBucket::Completed);
        QSignalSpy changed(completed, &QBarSet::valueChanged);
        QSignalSpy removed(completed, &QBarSet::valuesRemoved);

        // Completed servers do not move an application up or down.
        std::vector<models::ApplicationCounts> after = before;
        for (int i = 0; i < changes; ++i)
            after[std::size_t(i)].servers[std::size_t(JobBucket::Completed)] = 10 + i;
        chart.setCounts(after);
        QCOMPARE(changed.size(), replaced);
        QCOMPARE(removed.size(), refills);
        QCOMPARE(chart.barSet(JobBucket::Completed), completed);
        // Bottom first: application i is bar 4 - i.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(completed->at(4 - i), i < changes ? qreal(10 + i) : 1.0);
    }

    void summaryLabelsAreUnique()
    {
        StateSummaryChart chart;
        chart.setCounts({counts("a-1", "web", {}), counts("a-2", "web", {}), counts("a-3", "", {})});
        QCOMPARE(chart.categories(), strings({"a-3", "web (a-2)", "web (a-1)"}));
    }

    void summaryLegendShownOnlyWhole_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("shown");
        QTest::addRow("wide") << 1000 << true;
        QTest::addRow("narrow dock") << 300 << false;
    }

    void summaryLegendShownOnlyWhole()
    {
        QFETCH(int, width);
        QFETCH(bool, shown);

        StateSummaryChart chart;
        chart.setCounts({counts("a-1", "web", {1, 2, 3, 4, 5, 6, 7})});
        chart.resize(width, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCOMPARE(chart.chart()->legend()->isVisible(), shown);
    }

    // Only the states some bar shows are named, so a narrow dock keeps its legend.
    void summaryLegendNamesTheStatesShown()
    {
        StateSummaryChart chart;
        chart.setCounts({counts("a-1", "web", {0, 0, 2, 3, 0, 0, 0}), counts("a-2", "db", {1, 0, 0, 0, 0, 0, 0})});
        chart.resize(380, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QLegend *legend = chart.chart()->legend();
        QVERIFY(legend->isVisible());
        const QList<QLegendMarker *> markers = legend->markers();
        QCOMPARE(markers.size(), models::kJobBucketCount);
        QStringList named;
        for (QLegendMarker *marker : markers)
            if (marker->isVisible())
                named << marker->label();
        QCOMPARE(named.size(), 3);  // no job, replicating, completed
        QVERIFY(named.contains(chart.barSet(JobBucket::Replicating)->label()));
        QVERIFY(!named.contains(chart.barSet(JobBucket::Failed)->label()));

        chart.setCounts({counts("a-1", "web", {0, 0, 0, 0, 0, 0, 4})});  // now only failed
        QVERIFY(legend->markers().at(int(JobBucket::Failed))->isVisible());
        QVERIFY(!legend->markers().at(int(JobBucket::Replicating))->isVisible());
    }

    void clickingABarNamesItsApplication_data()
    {
        QTest::addColumn<int>("bucket");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("appId");
        // Bars are counted from the bottom: the first application is on top.
        QTest::addRow("top") << int(JobBucket::Failed) << 1 << "a-1";
        QTest::addRow("bottom") << int(JobBucket::NoJob) << 0 << "a-2";
    }

    void clickingABarNamesItsApplication()
    {
        QFETCH(int, bucket);
        QFETCH(int, index);
        QFETCH(QString, appId);

        StateSummaryChart chart;
        chart.setCounts({counts("a-1", "web", {1, 1, 1, 1, 1, 1, 1}), counts("a-2", "db", {1, 1, 1, 1, 1, 1, 1})});
        QSignalSpy picked(&chart, &StateSummaryChart::applicationClicked);
        Q_EMIT chart.barSet(JobBucket(bucket))->clicked(index);
        QCOMPARE(picked.size(), 1);
        QCOMPARE(picked.at(0).at(0).toString(), appId);
    }

    void troubleFirst_data()
    {
        QTest::addColumn<std::vector<models::ApplicationCounts>>("all");
        QTest::addColumn<int>("maxRows");
        QTest::addColumn<QStringList>("shown"); // app ids, top first
        QTest::addColumn<int>("hidden");

        using Apps = std::vector<models::ApplicationCounts>;
        const auto quiet = [](const char *id) { return counts(id, id, {2, 0, 0, 5, 0, 0, 0}); };
        QTest::addRow("failed before failing before paused before in flight")
            << Apps{quiet("done"), counts("busy", "", {0, 3, 4, 0, 0, 0, 0}), counts("paused", "", {0, 0, 0, 0, 0, 1, 0}),
                    counts("failing", "", {0, 0, 0, 0, 9, 0, 0}), counts("failed", "", {0, 0, 0, 0, 0, 0, 1})}
            << 10 << strings({"failed", "failing", "paused", "busy", "done"}) << 0;
        QTest::addRow("more failed servers first")
            << Apps{counts("one", "", {0, 0, 0, 0, 0, 0, 1}), counts("three", "", {0, 0, 0, 0, 0, 0, 3})} << 10
            << strings({"three", "one"}) << 0;
        QTest::addRow("ties keep the endpoint's order")
            << Apps{quiet("b"), quiet("a"), quiet("c")} << 10 << strings({"b", "a", "c"}) << 0;
        QTest::addRow("the quietest are left out")
            << Apps{quiet("q1"), counts("bad", "", {0, 0, 0, 0, 0, 0, 2}), quiet("q2"), quiet("q3")} << 2
            << strings({"bad", "q1"}) << 2;
        QTest::addRow("none") << Apps{} << 5 << QStringList() << 0;
    }

    void troubleFirst()
    {
        QFETCH(std::vector<models::ApplicationCounts>, all);
        QFETCH(int, maxRows);
        QFETCH(QStringList, shown);
        QFETCH(int, hidden);

        const ui::SummaryRows rows = ui::summaryRows(all, maxRows);
        QStringList ids;
        for (const auto &app : rows.shown)
            ids << QString::fromStdString(app.appId);
        QCOMPARE(ids, shown);
        QCOMPARE(rows.hidden, hidden);
    }

    void summaryShowsWhatFits_data()
    {
        QTest::addColumn<int>("height");
        QTest::addRow("a dock at 1366x768") << 260;
        QTest::addRow("a tall window") << 700;
        QTest::addRow("taller than any list is read") << 2000;
    }

    void summaryShowsWhatFits()
    {
        QFETCH(int, height);

        // 100 quiet applications and, last in the endpoint's order, one failing.
        std::vector<models::ApplicationCounts> all;
        for (int i = 0; i < 100; ++i)
            all.push_back({"a-" + std::to_string(i), "app " + std::to_string(i), {0, 0, 0, 3, 0, 0, 0}});
        all.push_back(counts("a-bad", "payments", {0, 0, 1, 0, 0, 0, 2}));
        StateSummaryChart chart;
        chart.resize(500, height);
        chart.setCounts(all);

        const int bars = int(chart.categories().size());
        QCOMPARE(bars, chart.maxBars());
        QVERIFY2(bars >= 3 && bars <= 20, qPrintable(QString::number(bars)));
        // A readable row each, below the texts around the bars.
        QVERIFY(bars * (chart.fontMetrics().height() + 6) <= std::max(height, chart.minimumSizeHint().height()));
        QCOMPARE(chart.appIds().size(), bars);
        QCOMPARE(chart.categories().last(), QStringLiteral("payments"));
        QCOMPARE(chart.barSet(JobBucket::Failed)->at(bars - 1), 2.0);
        QCOMPARE(chart.chart()->title(), QStringLiteral("%1 of 101 applications, worst first").arg(bars));
        // The top bar is the failing application, though it came last.
        QSignalSpy picked(&chart, &StateSummaryChart::applicationClicked);
        Q_EMIT chart.barSet(JobBucket::Failed)->clicked(bars - 1);
        Q_EMIT chart.barSet(JobBucket::Completed)->clicked(bars - 2);
        QCOMPARE(picked.size(), 2);
        QCOMPARE(picked.at(0).at(0).toString(), QStringLiteral("a-bad"));
        QCOMPARE(picked.at(1).at(0).toString(), QStringLiteral("a-0"));
    }

    void summaryFollowsItsHeight()
    {
        std::vector<models::ApplicationCounts> all;
        for (int i = 0; i < 30; ++i)
            all.push_back({"a-" + std::to_string(i), "app " + std::to_string(i), {0, 0, 0, 0, 0, 0, i}});
        StateSummaryChart chart;
        chart.resize(500, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setCounts(all);
        const int few = int(chart.categories().size());
        chart.resize(500, 600);
        QVERIFY(chart.categories().size() > few);
        QCOMPARE(chart.appIds().last(), QStringLiteral("a-29"));
        chart.setCounts({all.begin(), all.begin() + 2});
        QCOMPARE(chart.categories().size(), 2);
        QCOMPARE(chart.chart()->title(), QStringLiteral("Applications, worst first"));
    }

    void exportFollowsTheLanguage_data() { chartRows(); }

    void exportFollowsTheLanguage()
    {
        QFETCH(int, which);

        auto widget = makeChart(which);
        QAction *action = exportActionOf(which, widget.get());
        QCOMPARE(action->text(), QStringLiteral("Export PNG\u2026"));
        {
            Shouting shouting;
            QVERIFY(QCoreApplication::installTranslator(&shouting));
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
            QCOMPARE(action->text(), QStringLiteral("EXPORT PNG\u2026"));
            QCoreApplication::removeTranslator(&shouting);
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCOMPARE(action->text(), QStringLiteral("Export PNG\u2026"));
    }

    void colorsAreReadable_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<bool>("dark");
        QTest::addRow("light") << QColor(Qt::white) << false;
        QTest::addRow("light grey window") << QColor(0xef, 0xef, 0xef) << false;
        QTest::addRow("dark") << QColor(0x2d, 0x2d, 0x2d) << true;
        QTest::addRow("black") << QColor(Qt::black) << true;
    }

    void colorsAreReadable()
    {
        QFETCH(QColor, window);
        QFETCH(bool, dark);

        const StateColors colors(paletteWithWindow(window, dark ? Qt::white : Qt::black));
        QCOMPARE(colors.isDark(), dark);
        QList<QRgb> seen;
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
            const QColor colour = colors.bucket(JobBucket(bucket));
            QVERIFY2(contrast(colour, window) >= 3.0, qPrintable(colour.name()));
            QVERIFY2(contrast(colour, StateColors::textOn(colour)) >= 4.5, qPrintable(colour.name()));
            QVERIFY(!seen.contains(colour.rgb()));
            seen << colour.rgb();
        }
        QList<QRgb> outcomes;
        for (int outcome = 0; outcome < ui::kRunOutcomeCount; ++outcome) {
            const QColor colour = colors.outcome(ui::RunOutcome(outcome));
            QVERIFY2(contrast(colour, window) >= 3.0, qPrintable(colour.name()));
            QVERIFY(!outcomes.contains(colour.rgb()));
            outcomes << colour.rgb();
        }
        QCOMPARE(colors.outcome(ui::RunOutcome::Failed), colors.bucket(JobBucket::Failed));
    }

    void chartsFollowThePalette()
    {
        ApplicationStateChart chart;
        const QPalette light = paletteWithWindow(Qt::white, Qt::black);
        const QPalette dark = paletteWithWindow(QColor(0x2d, 0x2d, 0x2d), Qt::white);
        chart.setPalette(light);
        QCOMPARE(chart.area(JobBucket::Failed)->color(), StateColors(light).bucket(JobBucket::Failed));
        chart.setPalette(dark);
        QCOMPARE(chart.area(JobBucket::Failed)->color(), StateColors(dark).bucket(JobBucket::Failed));
        QVERIFY(StateColors(light).bucket(JobBucket::Failed) != StateColors(dark).bucket(JobBucket::Failed));
        QCOMPARE(chart.minutesAxis()->labelsColor(), QColor(Qt::white));
    }

    void exportWritesAPng_data() { chartRows(); }

    void exportWritesAPng()
    {
        QFETCH(int, which);

        auto widget = makeChart(which);
        widget->resize(420, 260);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QCOMPARE(exportOf(which, widget.get(), path), QString());
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), widget->size() * widget->devicePixelRatio());
    }

    void refusedExportSaysWhy_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<bool>("readOnlyFolder"); // else the folder is a file
        for (int which = 0; which < 3; ++which) {
            QTest::addRow("read-only folder, chart %d", which) << which << true;
            QTest::addRow("folder is a file, chart %d", which) << which << false;
        }
    }

    void refusedExportSaysWhy()
    {
        QFETCH(int, which);
        QFETCH(bool, readOnlyFolder);

        QTemporaryDir dir;
        QString folder = dir.path();
        if (readOnlyFolder) {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
            QFile probe(dir.filePath(QStringLiteral("probe")));
            if (probe.open(QIODevice::WriteOnly)) {
                probe.remove();
                QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                QSKIP("This user writes into read-only folders (root); the other row covers a refused write.");
            }
        } else {
            folder = dir.filePath(QStringLiteral("plain-file"));
            QFile file(folder);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        auto widget = makeChart(which);
        widget->resize(200, 150);
        const QString path = folder + QStringLiteral("/chart.png");
        QVERIFY(!exportOf(which, widget.get(), path).isEmpty());
        QVERIFY(!QFile::exists(path));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

private:
    // A row for each kind makeChart() makes.
    static void chartRows()
    {
        QTest::addColumn<int>("which");
        QTest::addRow("application chart") << 0;
        QTest::addRow("summary chart") << 1;
        QTest::addRow("timeline") << 2;
    }

    static std::unique_ptr<QWidget> makeChart(int which)
    {
        switch (which) {
        case 0: {
            auto chart = std::make_unique<ApplicationStateChart>();
            chart->setHistory({"app-1", "web", {sample(30, {1, 2, 0, 0, 0, 0, 0}), sample(0, {0, 1, 2, 0, 0, 0, 0})}},
                              kNow);
            return chart;
        }
        case 1: {
            auto chart = std::make_unique<StateSummaryChart>();
            chart->setCounts({counts("a-1", "web", {1, 2, 3, 4, 5, 6, 7})});
            return chart;
        }
        default: {
            auto timeline = std::make_unique<ui::RunTimeline>();
            api::ReplicationRun run;
            run.replicationRunId = "r-1";
            run.state = api::ReplicationRunState::Active;
            run.scheduledStartTime = api::Timestamp{kNow - 600};
            timeline->setRuns({run}, kNow);
            return timeline;
        }
        }
    }

    static QAction *exportActionOf(int which, QWidget *widget)
    {
        switch (which) {
        case 0: return static_cast<ApplicationStateChart *>(widget)->exportAction();
        case 1: return static_cast<StateSummaryChart *>(widget)->exportAction();
        default: return static_cast<ui::RunTimeline *>(widget)->exportAction();
        }
    }

    static QString exportOf(int which, QWidget *widget, const QString &path)
    {
        switch (which) {
        case 0: return static_cast<ApplicationStateChart *>(widget)->exportPng(path);
        case 1: return static_cast<StateSummaryChart *>(widget)->exportPng(path);
        default: return static_cast<ui::RunTimeline *>(widget)->exportPng(path);
        }
    }
};

QTEST_MAIN(TestMonitorCharts)
#include "tst_monitorcharts.moc"
