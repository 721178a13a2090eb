// bench-bulk-settings: how long a bulk edit of many servers' own settings
// takes through PlanEditor::editServerSettings (read what they own, build
// the edit, push one undo command, apply it to the document).
//
//   bench-bulk-settings [--servers N] [--rounds R]
//
// N servers in applications of 50 (SMS's most), a tenth of them owning a
// replication frequency already; each round sets an instance type on all N
// (timed), then undoes it (timed apart). Prints median, p95 and max of each.
// Target (issue 14): 5,000 servers under 100 ms.

#include "bench/support/Percentile.h"
#include "models/BulkSettings.h"
#include "models/PlanDocument.h"
#include "models/PlanEditor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace {

void print(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("  %-28s median %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%zu)\n", what, sms::bench::percentile(ms, 0.5),
                sms::bench::percentile(ms, 0.95), ms.back(), ms.size());
}

sms::models::PlanData planOf(int servers, std::vector<std::string> &ids)
{
    using namespace sms::models;
    PlanData plan;
    PlanKey key = kNoKey;
    for (int first = 1; first <= servers; first += 50) {
        PlanApplication &app = plan.applications.emplace_back();
        app.key = ++key;
        app.name = "app-" + std::to_string(first);
        PlanServerGroup &group = app.serverGroups.emplace_back();
        group.key = ++key;
        group.name = "all";
        for (int s = first; s < first + 50 && s <= servers; ++s) {
            const std::string id = "s-" + std::to_string(s);
            group.serverIds.push_back(id);
            ids.push_back(id);
            if (s % 10 == 0) {
                PlanServerSettings &own = plan.serverSettings.emplace_back();
                own.serverId = id;
                own.replication.emplace().frequency = 6;
            }
        }
    }
    return plan;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("servers"), QStringLiteral("Servers edited at once."), QStringLiteral("N"),
                        QStringLiteral("5000")},
                       {QStringLiteral("rounds"), QStringLiteral("Edits timed."), QStringLiteral("R"),
                        QStringLiteral("31")}});
    parser.process(app);
    const int servers = std::max(1, parser.value(QStringLiteral("servers")).toInt());
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());

    std::vector<std::string> ids;
    sms::models::PlanDocument document;
    document.reset(planOf(servers, ids));
    sms::models::PlanEditor editor(document);
    std::vector<double> edits;
    std::vector<double> undos;
    for (int round = 0; round < rounds; ++round) {
        sms::models::BulkSettingsEdit edit;
        edit.launch.set.instanceType = round % 2 ? "t3.medium" : "m5.large";
        QElapsedTimer clock;
        clock.start();
        const int changed = editor.editServerSettings(ids, edit);
        edits.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (changed != servers) {
            std::fprintf(stderr, "bench-bulk-settings: %d of %d servers changed\n", changed, servers);
            return 1;
        }
        clock.restart();
        document.undoStack().undo();
        undos.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("bench-bulk-settings: %d servers, %d rounds (target: an edit under 100 ms for 5,000)\n", servers,
                rounds);
    print("edit (one undo step)", edits);
    print("undo", undos);
    return 0;
}
