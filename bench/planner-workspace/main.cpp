// bench-planner-workspace: the planner's workspace at 100,000 servers, as a
// user meets it: the real MainWindow shown (offscreen unless told otherwise)
// with its event loop running, against an sms-local process on loopback.
//
//   bench-planner-workspace [--sms-local PATH] [--servers N] [--seed S] [--rounds R]
//                           [--filter TEXT] [--move N] [--dir DIR] [--paint-census]
//                           [--latency-ms N] [--connect-only]
//
// It measures, R rounds each, and prints median/min/max (wall and this
// process's CPU) with the targets:
//   1. connecting to all rows visible: EndpointSession::opened to
//      EndpointActions::catalogLoaded (all N rows in the catalog pane), and to
//      the end of the first paint of the catalog table after that;
//   2. typing into the catalog filter, one key press at a time (QTest::keyClick
//      on the line edit, then the events it posted, paint included), and the
//      same re-filters on a CatalogFilterModel with no view, for the model
//      alone;
//   3. moving 5,000 selected catalog servers into a server group (from no
//      application, and from another application) with the Applications tree
//      shown, into folded and into expanded groups;
//   4. resident memory (VmRSS, VmHWM) after the catalog is in and after the
//      edits, and the peak of each save and open step;
//   5. saving the plan (writePlanFile), reading it (readPlanFile) and opening
//      it into the window (PlanFiles::openFile: read, PlanDocument::reset, views).
// It also says where a load's time goes: PlanDocument::appendServers (with the
// models and views it notifies) and repainting; --paint-census breaks the
// paints down by widget. Settings and recovery files go to Qt's test
// locations (QStandardPaths test mode), never to the user's.
// --latency-ms is passed to sms-local, which then delays every answer, as a
// distant endpoint would; --connect-only stops after step 1 (bench/latency.sh
// wants the catalog load alone, and the other steps do not touch the network).

#include "models/CatalogFilterModel.h"
#include "models/PlanFile.h"
#include "sandbox/SandboxDefaults.h"
#include "services/CatalogLoader.h"
#include "services/EndpointSession.h"
#include "ui/ApplicationsPane.h"
#include "ui/CatalogPane.h"
#include "ui/EndpointActions.h"
#include "ui/MainWindow.h"
#include "ui/PlanFiles.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using sms::models::PlanKey;

// ---------------------------------------------------------------- clocks

QElapsedTimer &benchClock()
{
    static QElapsedTimer timer;
    return timer;
}

double nowMs()
{
    return double(benchClock().nsecsElapsed()) / 1e6;
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Sample
{
    double wallMs = 0;
    double cpuMs = 0;
};

struct Stopwatch
{
    double wall0 = nowMs();
    double cpu0 = cpuMs();
    Sample elapsed() const { return {nowMs() - wall0, cpuMs() - cpu0}; }
};

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Series
{
    std::vector<double> wall;
    std::vector<double> cpu;
    void add(Sample s)
    {
        wall.push_back(s.wallMs);
        cpu.push_back(s.cpuMs);
    }
    double median() const { return medianOf(wall); }
    double min() const { return wall.empty() ? 0 : *std::min_element(wall.begin(), wall.end()); }
    double max() const { return wall.empty() ? 0 : *std::max_element(wall.begin(), wall.end()); }
    double cpuMedian() const { return medianOf(cpu); }
};

// ---------------------------------------------------------------- memory, load

struct Memory
{
    double rssMB = 0;  // MB = 1,000,000 bytes
    double hwmMB = 0;
};

Memory memoryNow()
{
    Memory memory;
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        const auto kb = [&line] { return std::stod(line.substr(line.find(':') + 1)) * 1024.0 / 1e6; };
        if (line.rfind("VmRSS:", 0) == 0)
            memory.rssMB = kb();
        else if (line.rfind("VmHWM:", 0) == 0)
            memory.hwmMB = kb();
    }
    return memory;
}

// Sets VmHWM back to the current VmRSS (Linux 4.0 and later), so that the
// peak of one step can be read after it; false where that is not allowed.
bool resetPeak()
{
    std::ofstream file("/proc/self/clear_refs");
    file << "5";
    file.flush();
    return bool(file);
}

std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    double a = 0, b = 0, c = 0;
    file >> a >> b >> c;
    char text[64];
    std::snprintf(text, sizeof text, "%.2f %.2f %.2f", a, b, c);
    return text;
}

// ---------------------------------------------------------------- paint watch

// Every event goes through notify(): after it returns for a paint event of a
// watched widget, that widget is on screen (the offscreen backing store).
class BenchApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        const bool paint = type == QEvent::Paint && receiver == watched;
        // A window's repaint: every dirty widget in it painted and flushed.
        const bool repaint = type == QEvent::UpdateRequest && receiver->isWidgetType();
        const bool census = censusOn && type == QEvent::Paint;
        const double start = repaint || census ? nowMs() : 0;
        const bool result = QApplication::notify(receiver, event);
        if (census) {
            // Paint events are not nested: a widget's children get theirs after it.
            const QObject *object = receiver;
            while (object && QByteArray(object->metaObject()->className()) == "QWidget" && object->parent())
                object = object->parent();  // a viewport: name it by its view
            std::string name = object->metaObject()->className();
            for (const QObject *owner = object->parent(); owner; owner = owner->parent()) {
                const std::string ownerClass = owner->metaObject()->className();
                if (ownerClass.rfind("sms::ui::", 0) == 0 && owner != object) {
                    name += " in " + ownerClass.substr(9);
                    break;
                }
            }
            PaintCensus &entry = this->census[name];
            ++entry.paints;
            entry.ms += nowMs() - start;
        }
        if (paint) {
            ++paints;
            lastPaintEndMs = nowMs();
        }
        if (repaint) {
            ++repaints;
            repaintMs += nowMs() - start;
        }
        return result;
    }

    QObject *watched = nullptr;
    int paints = 0;             // of `watched`
    double lastPaintEndMs = 0;  // of `watched`
    int repaints = 0;           // of any window
    double repaintMs = 0;
    // --paint-census: paint events and their time per widget class.
    struct PaintCensus
    {
        int paints = 0;
        double ms = 0;
    };
    bool censusWanted = false;
    bool censusOn = false;
    std::map<std::string, PaintCensus> census;
};

BenchApplication *benchApp()
{
    return static_cast<BenchApplication *>(QCoreApplication::instance());
}

// Runs what the last step posted (layout, update requests, paint).
void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

// Runs the event loop until `done` or the timeout; false on timeout.
bool runUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.hasExpired(timeout.count()))
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

// ---------------------------------------------------------------- sms-local

struct Endpoint
{
    std::unique_ptr<QProcess> process;
    QString url;
};

Endpoint startEndpoint(const QString &program, int servers, int seed, int latencyMs)
{
    Endpoint endpoint;
    endpoint.process = std::make_unique<QProcess>();
    QProcess &p = *endpoint.process;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--servers"),
                          QString::number(servers), QStringLiteral("--seed"), QString::number(seed)};
    if (latencyMs > 0)
        arguments << QStringLiteral("--latency-ms") << QString::number(latencyMs);
    p.start(program, arguments);
    if (!p.waitForStarted(10000)) {
        std::fprintf(stderr, "bench-planner-workspace: cannot start %s: %s\n", qPrintable(program),
                     qPrintable(p.errorString()));
        return {};
    }
    static const QRegularExpression listening(QStringLiteral("^sms-local listening on (http://\\S+)"));
    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(60000)) {
        while (p.canReadLine()) {
            const QString line = QString::fromUtf8(p.readLine()).trimmed();
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                endpoint.url = match.captured(1);
                // Whatever it prints later is read and dropped, so it never blocks on a full pipe.
                QObject::connect(&p, &QProcess::readyReadStandardOutput, &p, [&p] { p.readAllStandardOutput(); });
                return endpoint;
            }
        }
        if (p.state() != QProcess::Running || !p.waitForReadyRead(1000)) {
            if (p.state() != QProcess::Running)
                break;
        }
    }
    std::fprintf(stderr, "bench-planner-workspace: %s did not say it was listening\n", qPrintable(program));
    return {};
}

// ---------------------------------------------------------------- the window

struct Options
{
    QString smsLocal;
    int servers = 100000;
    int seed = 1;
    int rounds = 5;
    QString filter = QStringLiteral("web-p");
    int move = 5000;
    QString dir;
    int latencyMs = 0;  // sms-local's --latency-ms
    bool connectOnly = false;
};

sms::ui::StartOptions startOptions(const QString &url)
{
    sms::ui::StartOptions options;
    options.connection.endpointUrl = url;
    options.connection.region = QString::fromLatin1(sms::sandbox::kDefaultRegion);
    return options;
}

struct LoadTimes
{
    double opened = -1;      // EndpointSession::opened
    double firstRows = -1;   // first page in the table
    double loaded = -1;      // EndpointActions::catalogLoaded
    double painted = -1;     // end of the first catalog paint after catalogLoaded
    double idle = -1;        // nothing running any more (replication jobs read too)
    double cpuOpened = 0;
    double cpuLoaded = 0;
    // Between opened and catalogLoaded: in PlanDocument::appendServers (with
    // the models and views it notifies), and repainting windows.
    double appendMs = 0;
    int pages = 0;
    double repaintMs = 0;
    int repaints = 0;
    int tablePaints = 0;
    int rowsAtLoaded = -1;
    bool complete = false;
};

// Builds and shows a window, waits for the catalog; null on failure.
std::unique_ptr<sms::ui::MainWindow> openWindow(const QString &url, int servers, LoadTimes &times, double &constructed)
{
    const double built = nowMs();
    auto window = std::make_unique<sms::ui::MainWindow>(startOptions(url));
    auto *session = window->findChild<sms::services::EndpointSession *>();
    sms::ui::CatalogPane *pane = window->catalogPane();
    sms::ui::EndpointActions *endpoint = window->endpoint();
    // MainWindow asks for the catalog in its own opened() handler, which runs
    // before ours; catalogProgress(0) comes first thing in there, so that is
    // the start (EndpointSession::opened, a few microseconds later than the
    // signal itself).
    const auto start = [&times, endpoint](const std::shared_ptr<double> &pageStart) {
        times.opened = nowMs();
        times.cpuOpened = cpuMs();
        times.repaints = -benchApp()->repaints;
        times.repaintMs = -benchApp()->repaintMs;
        times.tablePaints = -benchApp()->paints;
        benchApp()->censusOn = benchApp()->censusWanted;
        // The loader was made just before catalogProgress(0); its page signal
        // reaches us after EndpointActions has appended the page.
        if (auto *loader = endpoint->findChild<sms::services::CatalogLoader *>()) {
            QObject::connect(loader, &sms::services::CatalogLoader::serversArrived, endpoint, [&times, pageStart] {
                times.appendMs += nowMs() - *pageStart;
                ++times.pages;
            });
        }
    };
    auto pageStart = std::make_shared<double>(0);
    QObject::connect(&window->document(), &sms::models::PlanDocument::serversAboutToBeAppended, window.get(),
                     [pageStart] { *pageStart = nowMs(); });
    QObject::connect(endpoint, &sms::ui::EndpointActions::catalogProgress, window.get(),
                     [&times, start, pageStart](qsizetype servers) {
                         if (servers == 0 && times.opened < 0)
                             start(pageStart);
                         else if (servers > 0 && times.firstRows < 0)
                             times.firstRows = nowMs();
                     });
    QObject::connect(session, &sms::services::EndpointSession::failed, window.get(), [](const sms::SmsError &error) {
        std::fprintf(stderr, "bench-planner-workspace: could not connect: %s\n", error.message.c_str());
    });
    QObject::connect(endpoint, &sms::ui::EndpointActions::catalogLoaded, window.get(), [&times, pane](bool complete) {
        times.loaded = nowMs();
        times.cpuLoaded = cpuMs();
        times.repaints += benchApp()->repaints;
        times.repaintMs += benchApp()->repaintMs;
        times.tablePaints += benchApp()->paints;
        benchApp()->censusOn = false;
        times.complete = complete;
        times.rowsAtLoaded = pane->filterModel().rowCount();
    });
    benchApp()->watched = pane->view()->viewport();
    window->show();
    constructed = nowMs() - built;
    if (!runUntil([&times] { return times.loaded >= 0; }, 120s)) {
        std::fprintf(stderr, "bench-planner-workspace: the catalog did not load within 120 s\n");
        return {};
    }
    if (!times.complete || times.rowsAtLoaded != servers) {
        std::fprintf(stderr, "bench-planner-workspace: the catalog load ended with %d of %d rows (complete: %d)\n",
                     times.rowsAtLoaded, servers, int(times.complete));
        return {};
    }
    // All rows are in the model; on screen once the table has painted since.
    runUntil([&times] { return benchApp()->lastPaintEndMs > times.loaded; }, 2s);
    if (benchApp()->lastPaintEndMs > times.loaded)
        times.painted = benchApp()->lastPaintEndMs;
    runUntil([endpoint] { return endpoint->activity().isEmpty(); }, 60s);
    times.idle = nowMs();
    settle();
    // Nothing timed may meet the one-minute autosave: the catalog read made
    // the plan "modified", which starts that clock; this stops it.
    window->document().markSaved();
    return window;
}

// ---------------------------------------------------------------- report

struct Row
{
    std::string name;
    Series series;
    std::string target;  // empty: for information
    double limitMs = 0;
};

void printRows(const std::vector<Row> &rows)
{
    std::printf("  %-58s %9s %9s %9s %9s  %s\n", "step (ms)", "median", "min", "max", "cpu med", "target");
    for (const Row &row : rows) {
        std::string verdict;
        if (!row.target.empty())
            verdict = row.target + (row.series.median() < row.limitMs ? "  PASS" : "  MISS");
        const bool cpu = std::any_of(row.series.cpu.begin(), row.series.cpu.end(), [](double ms) { return ms > 0; });
        std::printf("  %-58s %9.1f %9.1f %9.1f %9s  %s\n", row.name.c_str(), row.series.median(), row.series.min(),
                    row.series.max(), cpu ? QByteArray::number(row.series.cpuMedian(), 'f', 1).constData() : "-",
                    verdict.c_str());
    }
}

int argValue(const QStringList &args, const char *name, int fallback)
{
    const auto i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

QString argText(const QStringList &args, const char *name, const QString &fallback)
{
    const auto i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

QString findSmsLocal()
{
    // build/bench/planner-workspace/ -> build/app/sms-local/sms-local
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../app/sms-local/sms-local"));
    if (QFileInfo(beside).isExecutable())
        return QFileInfo(beside).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("sms-local"));
}

// Selects catalog rows [first, first + count) as one range, as a shift-click does.
void selectCatalogRows(sms::ui::CatalogPane *pane, int first, int count)
{
    QAbstractItemModel *model = pane->view()->model();
    const QItemSelection selection(model->index(first, 0), model->index(first + count - 1, model->columnCount() - 1));
    pane->view()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

} // namespace

// The offscreen platform says this on every dock and tool bar layout.
static QtMessageHandler standardMessages = nullptr;
static void quietMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!message.contains(QStringLiteral("does not support propagateSizeHints")))
        standardMessages(type, context, message);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    benchClock().start();
    standardMessages = qInstallMessageHandler(quietMessages);
    BenchApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SMS Migration Planner"));
    QApplication::setApplicationName(QStringLiteral("bench-planner-workspace"));

    const QStringList args = QCoreApplication::arguments();
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        std::printf("usage: bench-planner-workspace [--sms-local PATH] [--servers N] [--seed S] [--rounds R]\n"
                    "                               [--filter TEXT] [--move N] [--dir DIR] [--paint-census]\n"
                    "                               [--latency-ms N] [--connect-only]\n");
        return 0;
    }
    Options options;
    options.smsLocal = argText(args, "--sms-local", findSmsLocal());
    options.servers = argValue(args, "--servers", options.servers);
    options.seed = argValue(args, "--seed", options.seed);
    options.rounds = std::max(1, argValue(args, "--rounds", options.rounds));
    options.filter = argText(args, "--filter", options.filter);
    options.move = argValue(args, "--move", options.move);
    options.dir = argText(args, "--dir", QString());
    options.latencyMs = std::max(0, argValue(args, "--latency-ms", options.latencyMs));
    options.connectOnly = args.contains(QStringLiteral("--connect-only"));
    app.censusWanted = args.contains(QStringLiteral("--paint-census"));
    if (options.smsLocal.isEmpty()) {
        std::fprintf(stderr, "bench-planner-workspace: no sms-local found: pass --sms-local PATH\n");
        return 2;
    }
    options.move = std::min(options.move, options.servers / 4);

    // The planner finds its credentials in the environment, like the AWS SDKs;
    // the user's own AWS set-up stays out.
    QTemporaryDir scratch(options.dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench-planner-XXXXXX")
                                                : options.dir + QStringLiteral("/bench-planner-XXXXXX"));
    const QString emptyFile = scratch.filePath(QStringLiteral("empty"));
    QFile(emptyFile).open(QIODevice::WriteOnly);
    qputenv("AWS_ACCESS_KEY_ID", sms::sandbox::kDefaultAccessKeyId);
    qputenv("AWS_SECRET_ACCESS_KEY", sms::sandbox::kDefaultSecretAccessKey);
    qputenv("AWS_REGION", sms::sandbox::kDefaultRegion);
    qputenv("AWS_CONFIG_FILE", emptyFile.toLocal8Bit());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", emptyFile.toLocal8Bit());
    for (const char *name : {"AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION"})
        qunsetenv(name);

    const std::string loadBefore = loadAverage();
    std::printf("bench-planner-workspace: %d servers, %d rounds, platform %s, load average %s\n", options.servers,
                options.rounds, qPrintable(QGuiApplication::platformName()), loadBefore.c_str());
    std::printf("  endpoint: %s --servers %d --seed %d --latency-ms %d\n", qPrintable(options.smsLocal),
                options.servers, options.seed, options.latencyMs);
    std::fflush(stdout);

    Endpoint endpoint = startEndpoint(options.smsLocal, options.servers, options.seed, options.latencyMs);
    if (endpoint.url.isEmpty())
        return 1;
    std::printf("  endpoint listening on %s\n", qPrintable(endpoint.url));
    std::fflush(stdout);

    // ------------------------------------------------------------ 1. connect to all rows
    const Memory memoryBaseline = memoryNow();
    Series toLoaded, toPainted, toFirstRows, toIdle, construct, firstKey, inAppend, inRepaint;
    std::vector<double> repaintCounts, tablePaintCounts;
    std::vector<Memory> afterLoad;
    std::unique_ptr<sms::ui::MainWindow> window;
    for (int round = 0; round < options.rounds; ++round) {
        window.reset();
        settle();
        LoadTimes times;
        double constructed = 0;
        window = openWindow(endpoint.url, options.servers, times, constructed);
        if (!window)
            return 1;
        const double cpu = times.cpuLoaded - times.cpuOpened;
        construct.add({constructed, 0});
        toFirstRows.add({times.firstRows - times.opened, 0});
        toLoaded.add({times.loaded - times.opened, cpu});
        toPainted.add({(times.painted >= 0 ? times.painted : times.loaded) - times.opened, 0});
        toIdle.add({times.idle - times.opened, 0});
        inAppend.add({times.appendMs, 0});
        inRepaint.add({times.repaintMs, 0});
        repaintCounts.push_back(times.repaints);
        tablePaintCounts.push_back(times.tablePaints);
        if (times.pages == 0)
            std::fprintf(stderr, "bench-planner-workspace: the page signals were not seen\n");
        afterLoad.push_back(memoryNow());
        // The first keystroke after a load: once it also built the search text of every row.
        QLineEdit *edit = window->catalogPane()->filterEdit();
        window->activateWindow();
        edit->setFocus();
        settle();
        const Stopwatch key;
        QTest::keyClicks(edit, options.filter.left(1));
        settle();
        firstKey.add(key.elapsed());
        QTest::keyClick(edit, Qt::Key_Backspace);
        settle();
        std::printf("  round %d: opened -> loaded %.0f ms, -> painted %.0f ms, first key %.1f ms, RSS %.0f MB\n",
                    round + 1, times.loaded - times.opened, times.painted - times.opened, firstKey.wall.back(),
                    afterLoad.back().rssMB);
        std::fflush(stdout);
    }
    sms::ui::MainWindow &w = *window;
    sms::ui::CatalogPane *pane = w.catalogPane();
    QTableView *table = pane->view();
    QTreeView *tree = w.applicationsPane()->view();
    const Memory memoryLoaded = memoryNow();
    // The report's heading and step 1; printed at the end, or at once with --connect-only.
    const auto printConnect = [&](const std::string &loadAfter) {
        std::printf("\nbench-planner-workspace, %d servers, %d rounds (load average before %s, after %s)\n",
                    options.servers, options.rounds, loadBefore.c_str(), loadAfter.c_str());
        std::printf("  window %dx%d, catalog viewport %dx%d, Applications viewport %dx%d; cpu = this process\n",
                    w.width(), w.height(), table->viewport()->width(), table->viewport()->height(),
                    tree->viewport()->width(), tree->viewport()->height());

        std::printf("\n1. Connect to all rows visible (from EndpointSession::opened)\n");
        printRows({
            {"window built and shown (not part of the target)", construct, {}, 0},
            {"first page of rows in the table", toFirstRows, {}, 0},
            {"all rows in the catalog (catalogLoaded)", toLoaded, "< 2000", 2000},
            {"... and painted", toPainted, "< 800", 800},
            {"... and idle (replication jobs read too)", toIdle, {}, 0},
            {"  of which in PlanDocument::appendServers (+ models, views)", inAppend, {}, 0},
            {"  of which repainting the window", inRepaint, {}, 0},
        });
        std::printf("  repaints during a load: median %.0f, of which %.0f painted the catalog table\n",
                    medianOf(repaintCounts), medianOf(tablePaintCounts));
        if (app.censusWanted) {
            std::vector<std::pair<std::string, BenchApplication::PaintCensus>> entries(app.census.begin(),
                                                                                        app.census.end());
            std::sort(entries.begin(), entries.end(),
                      [](const auto &a, const auto &b) { return a.second.ms > b.second.ms; });
            std::printf("  paint events per load, by widget class (--paint-census; exclusive time):\n");
            for (const auto &[name, entry] : entries)
                std::printf("    %-36s %6.0f paints %8.1f ms\n", name.c_str(), double(entry.paints) / options.rounds,
                            entry.ms / options.rounds);
        }
    };
    const auto finish = [&window, &endpoint] {
        window.reset();
        endpoint.process->terminate();
        endpoint.process->waitForFinished(10000);
    };
    if (options.connectOnly) {
        printConnect(loadAverage());
        std::fflush(stdout);
        finish();
        return 0;
    }

    // ------------------------------------------------------------ 2. filter keystrokes
    QLineEdit *edit = pane->filterEdit();
    const bool peakResets = resetPeak();
    struct Step
    {
        QString label;    // what the key does, as shown
        QString text;     // the filter after it
        Series sync;      // keyClick returned (model + view's own handling)
        Series painted;   // and the events it posted ran (paint included)
        Series model;     // setFilterText on a model with no view
        int shown = 0;
    };
    std::vector<Step> steps;
    for (int i = 1; i <= options.filter.size(); ++i)
        steps.push_back({QStringLiteral("type '%1'").arg(options.filter[i - 1]), options.filter.left(i), {}, {}, {}, 0});
    for (int i = int(options.filter.size()) - 1; i >= 0; --i)
        steps.push_back({QStringLiteral("backspace"), options.filter.left(i), {}, {}, {}, 0});
    int unpaintedSteps = 0;
    for (int round = 0; round < options.rounds; ++round) {
        for (Step &step : steps) {
            const int paintsBefore = benchApp()->paints;
            const Stopwatch watch;
            if (step.label == QStringLiteral("backspace"))
                QTest::keyClick(edit, Qt::Key_Backspace);
            else
                QTest::keyClicks(edit, step.text.right(1));
            step.sync.add(watch.elapsed());
            settle();
            step.painted.add(watch.elapsed());
            if (benchApp()->paints == paintsBefore)
                ++unpaintedSteps;
            if (edit->text() != step.text) {
                std::fprintf(stderr, "bench-planner-workspace: the filter reads \"%s\", not \"%s\"\n",
                             qPrintable(edit->text()), qPrintable(step.text));
                return 1;
            }
            step.shown = pane->filterModel().rowCount();
        }
    }
    {
        // The same re-filters on a filter model that no view shows.
        auto *catalogModel = static_cast<sms::models::CatalogTableModel *>(pane->filterModel().sourceModel());
        sms::models::CatalogFilterModel alone(*catalogModel);
        alone.setFilterText(options.filter.left(1));  // builds its search text once, untimed
        alone.setFilterText(QString());
        for (int round = 0; round < options.rounds; ++round) {
            for (Step &step : steps) {
                const Stopwatch watch;
                alone.setFilterText(step.text);
                step.model.add(watch.elapsed());
            }
        }
    }
    settle();

    // ------------------------------------------------------------ 3. 5,000 servers into a group
    sms::models::PlanDocument &document = w.document();
    auto *editor = w.findChild<sms::models::PlanEditor *>();
    const PlanKey appA = editor->newApplication("bench-application-a");
    const PlanKey groupA = editor->newGroup(appA, "folded-a");
    const PlanKey appB = editor->newApplication("bench-application-b");
    const PlanKey groupB = editor->newGroup(appB, "folded-b");
    // Groups that already hold a server are expanded in the tree (the pane
    // unfolds a group it inserts up to 200 servers into), so the 5,000 rows
    // moved there are laid out and painted too.
    const int total = options.servers;
    const std::string seedC = *document.catalog().servers[std::size_t(total - 1)].serverId;
    const std::string seedD = *document.catalog().servers[std::size_t(total - 2)].serverId;
    const PlanKey groupC = editor->newGroup(appA, "expanded-c");
    editor->addServersToGroup({seedC}, groupC);
    const PlanKey groupD = editor->newGroup(appB, "expanded-d");
    editor->addServersToGroup({seedD}, groupD);
    settle();
    // The tree shows the Applications pane at its real size; watch its paints.
    benchApp()->watched = tree->viewport();
    const bool expandedC = tree->isExpanded(w.applicationsPane()->model().groupIndex(groupC));
    Series select, selectedIds, intoFolded, fromOtherFolded, intoExpanded, fromOtherExpanded, undoAll;
    int treeUnpainted = 0;
    for (int round = 0; round < options.rounds; ++round) {
        const int first = (round * options.move) % (total - options.move - 2);
        // The catalog must be the one with focus when the servers are picked.
        table->setFocus();
        Stopwatch watch;
        selectCatalogRows(pane, first, options.move);
        settle();
        select.add(watch.elapsed());
        watch = Stopwatch();
        std::vector<std::string> ids = pane->selectedServerIds();
        selectedIds.add(watch.elapsed());
        if (int(ids.size()) != options.move) {
            std::fprintf(stderr, "bench-planner-workspace: %zu servers selected, not %d\n", ids.size(), options.move);
            return 1;
        }
        const auto timeMove = [&](Series &series, PlanKey group) {
            const int paintsBefore = benchApp()->paints;
            const Stopwatch move;
            const int placed = editor->addServersToGroup(ids, group);
            settle();
            series.add(move.elapsed());
            if (benchApp()->paints == paintsBefore)
                ++treeUnpainted;
            if (placed != options.move)
                std::fprintf(stderr, "bench-planner-workspace: %d servers placed, not %d\n", placed, options.move);
        };
        timeMove(intoFolded, groupA);
        timeMove(fromOtherFolded, groupB);
        timeMove(intoExpanded, groupC);   // out of B's group: from another application too
        timeMove(fromOtherExpanded, groupD);
        watch = Stopwatch();
        for (int i = 0; i < 4; ++i)
            document.undoStack().undo();
        settle();
        undoAll.add(watch.elapsed());
        document.markSaved();
    }
    table->selectionModel()->clearSelection();
    settle();
    // A plan worth saving: half the catalog in the four groups.
    {
        const int half = total / 2;
        const int share = half / 4;
        const PlanKey groups[] = {groupA, groupB, groupC, groupD};
        for (int g = 0; g < 4; ++g) {
            std::vector<std::string> ids;
            for (int row = g * share; row < (g + 1) * share && row < total - 2; ++row)
                ids.push_back(*document.catalog().servers[std::size_t(row)].serverId);
            editor->addServersToGroup(std::move(ids), groups[g]);
        }
        settle();
    }
    const Memory memoryEdited = memoryNow();

    // ------------------------------------------------------------ 5. save and open
    const QString planPath = scratch.filePath(QStringLiteral("workspace.smsplan"));
    Series write, read, openInWindow, openInEmpty;
    double peakWrite = 0, peakRead = 0, peakOpen = 0;
    qint64 planBytes = 0;
    std::size_t grouped = 0;
    for (const auto &a : document.applications())
        for (const auto &g : a.serverGroups)
            grouped += g.serverIds.size();
    for (int round = 0; round < options.rounds; ++round) {
        resetPeak();
        Stopwatch watch;
        const auto written = sms::models::writePlanFile(planPath, document.data());
        write.add(watch.elapsed());
        peakWrite = std::max(peakWrite, memoryNow().hwmMB);
        if (!written) {
            std::fprintf(stderr, "bench-planner-workspace: save failed: %s\n", written.error().message.c_str());
            return 1;
        }
        planBytes = QFileInfo(planPath).size();
        {
            resetPeak();
            watch = Stopwatch();
            auto plan = sms::models::readPlanFile(planPath);
            read.add(watch.elapsed());
            peakRead = std::max(peakRead, memoryNow().hwmMB);
            if (!plan || plan->catalog.servers.size() != std::size_t(total)) {
                std::fprintf(stderr, "bench-planner-workspace: the plan did not read back\n");
                return 1;
            }
        }
        resetPeak();
        watch = Stopwatch();
        const bool opened = w.files()->openFile(planPath);
        settle();
        openInWindow.add(watch.elapsed());
        peakOpen = std::max(peakOpen, memoryNow().hwmMB);
        if (!opened || pane->filterModel().rowCount() != total) {
            std::fprintf(stderr, "bench-planner-workspace: the plan did not open in the window\n");
            return 1;
        }
        // As at start-up, or after File > New: no big plan to check the file against first.
        document.reset({});
        settle();
        malloc_trim(0);  // as openFile() does, outside the timing
        watch = Stopwatch();
        const bool reopened = w.files()->openFile(planPath);
        settle();
        openInEmpty.add(watch.elapsed());
        if (!reopened || pane->filterModel().rowCount() != total) {
            std::fprintf(stderr, "bench-planner-workspace: the plan did not open in the empty window\n");
            return 1;
        }
    }
    const Memory memoryOpened = memoryNow();
    const std::string loadAfter = loadAverage();

    // ------------------------------------------------------------ report
    printConnect(loadAfter);

    std::printf("\n2. Filter, one key at a time (\"%s\" typed, then deleted back)\n", qPrintable(options.filter));
    std::printf("  first keystroke after each load, with paint:\n"
                "    median %.1f ms, min %.1f, max %.1f, cpu median %.1f   target < 30: %s\n",
                firstKey.median(), firstKey.min(), firstKey.max(), firstKey.cpuMedian(),
                firstKey.median() < 30 ? "PASS" : "MISS");
    std::printf("  %-22s %-9s %8s %20s %20s %20s\n", "key", "filter", "shown", "model alone med/max",
                "key handled med/max", "+ posted+paint med/max");
    double worstMedian = 0, worstSingle = 0;
    std::vector<double> allPainted;
    for (const Step &step : steps) {
        std::printf("  %-22s %-9s %8d %9.1f /%8.1f  %9.1f /%8.1f  %9.1f /%8.1f\n", qPrintable(step.label),
                    qPrintable(QLatin1Char('"') + step.text + QLatin1Char('"')), step.shown, step.model.median(),
                    step.model.max(), step.sync.median(), step.sync.max(), step.painted.median(), step.painted.max());
        worstMedian = std::max(worstMedian, step.painted.median());
        worstSingle = std::max(worstSingle, step.painted.max());
        allPainted.insert(allPainted.end(), step.painted.wall.begin(), step.painted.wall.end());
    }
    std::printf("  every keystroke, with paint: median %.1f ms; worst per-key median %.1f ms; worst single %.1f ms"
                "   target < 30: %s\n",
                medianOf(allPainted), worstMedian, worstSingle, worstMedian < 30 ? "PASS" : "MISS");
    if (unpaintedSteps > 0)
        std::printf("  (%d keystrokes painted nothing in the catalog table)\n", unpaintedSteps);

    std::printf("\n3. %d selected catalog servers into a server group (Applications tree shown%s)\n", options.move,
                expandedC ? ", groups C/D expanded" : "");
    printRows({
        {"select the rows in the catalog (+ events)", select, {}, 0},
        {"CatalogPane::selectedServerIds", selectedIds, {}, 0},
        {"none -> A: folded group, from no application", intoFolded, "< 100", 100},
        {"A -> B: folded group, from another application", fromOtherFolded, "< 100", 100},
        {"B -> C: expanded group, from another application", intoExpanded, "< 100", 100},
        {"C -> D: expanded to expanded, another application", fromOtherExpanded, "< 100", 100},
        {"undo all four", undoAll, {}, 0},
    });
    if (treeUnpainted > 0)
        std::printf("  (%d moves painted nothing in the Applications tree)\n", treeUnpainted);

    const auto verdict = [](double mb) { return mb < 250 ? "PASS" : "MISS"; };
    std::printf("\n4. Resident memory of this process (MB = 1,000,000 bytes; target < 250)\n");
    std::printf("  before any window (Qt, endpoint started):  VmRSS %5.0f MB\n", memoryBaseline.rssMB);
    std::printf("  after the first catalog load:               VmRSS %5.0f MB, VmHWM %5.0f MB   %s\n",
                afterLoad.front().rssMB, afterLoad.front().hwmMB, verdict(afterLoad.front().hwmMB));
    std::printf("  after %2d loads, each in a new window (1):   VmRSS %5.0f MB, VmHWM %5.0f MB   %s\n", options.rounds,
                memoryLoaded.rssMB, memoryLoaded.hwmMB, verdict(memoryLoaded.hwmMB));
    std::printf("  after typing and the edits:                 VmRSS %5.0f MB, %s %5.0f MB   %s\n", memoryEdited.rssMB,
                peakResets ? "peak in them" : "VmHWM", memoryEdited.hwmMB, verdict(memoryEdited.hwmMB));
    if (peakResets) {
        std::printf("  peak while saving (writePlanFile)                              %5.0f MB   %s\n", peakWrite,
                    verdict(peakWrite));
        std::printf("  peak while opening into the window (checked with the old plan   %4.0f MB   %s\n"
                    "    still held, then read once it is gone)\n",
                    peakOpen, verdict(peakOpen));
        // Not a path the planner takes: Open never reads one plan beside another.
        std::printf("  for scale: peak of readPlanFile beside the window's plan        %4.0f MB\n", peakRead);
    }
    std::printf("  at the end:                                 VmRSS %5.0f MB", memoryOpened.rssMB);
#ifdef __GLIBC__
    // What the heap keeps after frees, as against what is in use.
    malloc_trim(0);
    std::printf(", %5.0f MB after malloc_trim(0)", memoryNow().rssMB);
#endif
    std::printf("\n  (1) later windows reuse freed heap that glibc keeps, so RSS after several windows is\n"
                "      above one window's.\n");

    std::printf("\n5. Save and open a plan of %d servers, %zu of them in groups (%.1f MB file)\n", total, grouped,
                double(planBytes) / 1e6);
    printRows({
        {"writePlanFile (Save)", write, "< 500", 500},
        {"readPlanFile", read, "< 500", 500},
        {"open into the window over the 100k plan (check, read, reset, views)", openInWindow, "< 500", 500},
        {"open into an empty window (read, reset, views)", openInEmpty, "< 300", 300},
    });
    std::fflush(stdout);
    finish();
    return 0;
}
