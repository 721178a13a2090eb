#include "PlanCommand.h"

#include "ConsoleOutput.h"
#include "ExitCodes.h"

#include "api/JsonCodec.h"
#include "client/SmsClient.h"
#include "cloudformation/CloudFormationTemplate.h"
#include "models/AtomicWrite.h"
#include "models/CatalogMerge.h"
#include "models/InventoryExport.h"
#include "models/InventoryImport.h"
#include "models/PlanDocument.h"
#include "models/PlanFile.h"
#include "models/PlanValidation.h"
#include "services/AppLookup.h"
#include "services/PlanApplier.h"
#include "services/PlanDiff.h"
#include "services/PlanFromEndpoint.h"
#include "services/SnapshotReader.h"
#include "services/TemplatePreview.h"
#include "ui/launch/LaunchGraphFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace sms::cli {
namespace {

std::string text(const QString &value)
{
    return value.toStdString();
}

api::Json issueJson(const models::PlanIssue &issue)
{
    return {{"severity", std::string(models::severityName(issue.severity))},
            {"code", issue.code},
            {"where", issue.where},
            {"message", issue.message}};
}

api::Json changeJson(const services::Change &change)
{
    api::Json json = {{"operation", change.operation()}, {"application", change.appName},
                      {"why", change.why},               {"details", change.details},
                      {"provisional", change.provisional}, {"request", api::Json::parse(change.requestJson())}};
    if (!change.appId.empty())
        json["appId"] = change.appId;
    return json;
}

std::string changesTable(const services::ChangeSet &changes)
{
    std::string out;
    int n = 0;
    for (const services::Change &change : changes.changes) {
        out += std::to_string(++n) + ". " + change.operation() + " \u201C" + change.appName + "\u201D: " + change.why;
        if (change.provisional)
            out += " (its ids come from the change before it)";
        out += '\n';
        for (const std::string &line : change.details)
            out += "     " + line + '\n';
        out += "     request: " + change.requestJson() + '\n';
    }
    for (const std::string &blocker : changes.blockers)
        out += "Cannot apply: " + blocker + '\n';
    for (const std::string &app : changes.untouched)
        out += "Left alone (not in the plan): " + app + '\n';
    out += changes.changes.empty() ? std::string("No changes.\n")
                                   : std::to_string(changes.changes.size()) + " change(s).\n";
    return out;
}

QString graphUsageProblem(const CommandLine &line)
{
    if (line.app.isEmpty())
        return QStringLiteral("plan graph needs --app APP, the application to draw");
    const auto format = ui::graphFormatNamed(line.format.isEmpty() ? QStringLiteral("dot") : line.format);
    if (!format)
        return QStringLiteral("--format must be dot, svg or png, not \"%1\"").arg(line.format);
    if (*format != ui::GraphFormat::Dot && line.outFile.isEmpty())
        return QStringLiteral("plan graph --format %1 needs -o FILE").arg(line.format);
    return {};
}

bool isTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

} // namespace

PlanCommand::PlanCommand(CommandLine line, QObject *parent)
    : QObject(parent)
    , m_line(std::move(line))
{
    if (m_line.words.size() > 1)
        m_subcommand = m_line.words[1];
    if (m_line.words.size() > 2)
        m_file = m_line.words[2];
}

QString PlanCommand::usageProblem() const
{
    static const QStringList known{QStringLiteral("validate"), QStringLiteral("diff"), QStringLiteral("apply"),
                                   QStringLiteral("import-csv"), QStringLiteral("export-csv"),
                                   QStringLiteral("export-template"), QStringLiteral("graph"),
                                   QStringLiteral("template")};
    if (!known.contains(m_subcommand))
        return QStringLiteral("plan needs one of: %1").arg(known.join(QStringLiteral(", ")));
    if (m_subcommand == QLatin1String("export-template"))
        return m_line.words.size() == 2 ? QString() : QStringLiteral("plan export-template takes no file; give -o FILE");
    if (m_line.words.size() != 3)
        return QStringLiteral("plan %1 takes one file").arg(m_subcommand);
    if (m_subcommand == QLatin1String("graph"))
        return graphUsageProblem(m_line);
    if (m_subcommand == QLatin1String("template") && m_line.app.isEmpty())
        return QStringLiteral("plan template needs --app APP, the application's name or app- id");
    if (m_subcommand == QLatin1String("template") && !templateFormat(m_line.format))
        return QStringLiteral("plan template --format takes json or yaml, not %1").arg(m_line.format);
    if (m_subcommand == QLatin1String("import-csv") && m_line.outFile.isEmpty())
        return QStringLiteral("plan import-csv needs -o FILE, the plan to import into");
    return {};
}

bool PlanCommand::needsEndpoint() const
{
    return m_subcommand == QLatin1String("diff") || m_subcommand == QLatin1String("apply")
        || m_subcommand == QLatin1String("export-template");
}

void PlanCommand::start(client::SmsClient *client)
{
    m_client = client;
    if (m_subcommand == QLatin1String("validate"))
        validate();
    else if (m_subcommand == QLatin1String("diff"))
        diff();
    else if (m_subcommand == QLatin1String("apply"))
        apply();
    else if (m_subcommand == QLatin1String("import-csv"))
        importCsv();
    else if (m_subcommand == QLatin1String("export-template"))
        exportTemplate();
    else if (m_subcommand == QLatin1String("graph"))
        graph();
    else if (m_subcommand == QLatin1String("template"))
        planTemplate();
    else
        exportCsv();
}

Result<models::PlanData> PlanCommand::readPlan()
{
    return models::readPlanFile(m_file);
}

void PlanCommand::validate()
{
    auto plan = readPlan();
    if (!plan)
        return fail(plan.error().message);
    const std::vector<models::PlanIssue> issues = models::validatePlan(plan.value());
    const bool errors = models::hasErrors(issues);
    if (m_line.output == OutputFormat::Json) {
        api::Json list = api::Json::array();
        for (const models::PlanIssue &issue : issues)
            list.push_back(issueJson(issue));
        writeOut(api::Json{{"file", text(m_file)}, {"valid", !errors}, {"issues", list}}.dump(4) + "\n", stdout);
    } else {
        std::string out;
        for (const models::PlanIssue &issue : issues)
            out += std::string(models::severityName(issue.severity)) + "  " + issue.code + "  " + issue.where + ": "
                 + issue.message + '\n';
        out += issues.empty() ? "No problems found.\n"
                              : std::to_string(issues.size()) + " problem(s)" + (errors ? ", the plan cannot be applied.\n" : ", none blocks an apply.\n");
        writeOut(out, stdout);
    }
    finish(errors ? PlanFailed : PlanOk);
}

void PlanCommand::readEndpoint(std::function<void(const services::EndpointSnapshot &)> then, bool forDiff)
{
    auto *reader = new services::SnapshotReader(*m_client, services::SnapshotScope::Everything, this);
    if (forDiff)
        reader->setValidationOnlyFor(services::validationReadsFor(m_plan));
    connect(reader, &services::SnapshotReader::finished, this,
            [this, then](const Result<services::EndpointSnapshot> &snapshot) {
                if (!snapshot)
                    return fail("Could not read the endpoint: " + snapshot.error().message);
                then(snapshot.value());
            });
    reader->start();
}

void PlanCommand::printChanges(const services::ChangeSet &changes)
{
    if (m_line.output == OutputFormat::Json) {
        api::Json list = api::Json::array();
        for (const services::Change &change : changes.changes)
            list.push_back(changeJson(change));
        writeOut(api::Json{{"changes", list}, {"blockers", changes.blockers}, {"untouched", changes.untouched}}.dump(4)
                     + "\n",
                 stdout);
    } else {
        writeOut(changesTable(changes), stdout);
    }
}

void PlanCommand::diff()
{
    auto plan = readPlan();
    if (!plan)
        return fail(plan.error().message);
    m_plan = std::move(plan).value();
    readEndpoint(
        [this](const services::EndpointSnapshot &snapshot) {
            const services::ChangeSet changes = services::diffPlan(m_plan, snapshot);
            printChanges(changes);
            finish(!changes.blockers.empty() ? PlanFailed : changes.hasChanges() ? PlanHasChanges : PlanOk);
        },
        /*forDiff=*/true);
}

void PlanCommand::apply()
{
    auto plan = readPlan();
    if (!plan)
        return fail(plan.error().message);
    m_plan = std::move(plan).value();
    const std::vector<models::PlanIssue> issues = models::validatePlan(m_plan);
    if (models::hasErrors(issues)) {
        std::string out = "The plan has errors; nothing was applied:\n";
        for (const models::PlanIssue &issue : issues)
            if (issue.severity == models::PlanIssue::Severity::Error)
                out += "  " + issue.where + ": " + issue.message + '\n';
        writeOut(out, stderr);
        return finish(PlanFailed);
    }
    // The id the client tokens are made from is saved before anything is created.
    if (m_plan.planId.empty()) {
        m_plan.planId = models::newPlanId();
        if (!save())
            return;
    }
    readEndpoint(
        [this](const services::EndpointSnapshot &snapshot) {
            const services::ChangeSet changes = services::diffPlan(m_plan, snapshot);
            printChanges(changes);
            if (!changes.blockers.empty())
                return finish(PlanFailed);
            if (!changes.hasChanges())
                return finish(PlanOk);
            confirmAndApply(changes, snapshot);
        },
        /*forDiff=*/true);
}

void PlanCommand::confirmAndApply(const services::ChangeSet &changes, const services::EndpointSnapshot &snapshot)
{
    if (!m_line.yes) {
        if (!isTerminal())
            return fail("plan apply asks before it changes anything; give --yes to apply without asking.");
        writeOut("Apply these " + std::to_string(changes.changes.size()) + " change(s)? [y/N] ", stderr);
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            writeOut("Nothing was applied.\n", stderr);
            return finish(PlanOk);
        }
    }
    runApply(snapshot);
}

void PlanCommand::runApply(services::EndpointSnapshot snapshot)
{
    auto *applier = new services::PlanApplier(*m_client, m_plan, this);
    connect(applier, &services::PlanApplier::progress, this, [](int done, int total, const QString &current) {
        writeOut("[" + std::to_string(done + 1) + "/" + std::to_string(total) + "] " + text(current) + "\n", stderr);
    });
    // The ids go into the file as they come: a run cut short resumes from them.
    const auto keep = [this, applier] {
        m_plan = applier->plan();
        save();
    };
    connect(applier, &services::PlanApplier::idsRecorded, this, keep);
    connect(applier, &services::PlanApplier::retiredDeleted, this, keep);
    connect(applier, &services::PlanApplier::finished, this, [this, applier](const Result<int> &result) {
        m_plan = applier->plan();
        if (!save())
            return;
        if (!result)
            return fail(result.error().message);
        writeOut(services::appliedSummary(result.value(), applier->remaining()) + "\n", stderr);
        finish(applier->remaining().hasChanges() ? PlanFailed : PlanOk);
    });
    // It starts where the diff just printed left off: the endpoint is not read twice.
    applier->startFrom(std::move(snapshot));
}

void PlanCommand::importCsv()
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return fail("Could not open " + text(m_file) + ": " + text(file.errorString()) + ".");
    const QByteArray bytes = file.readAll();
    std::optional<models::ColumnMapping> mapping;
    if (!m_line.mapping.isEmpty()) {
        auto parsed = models::mappingFromString(text(m_line.mapping));
        if (!parsed)
            return fail("--mapping: " + parsed.error().message);
        mapping = parsed.value();
    }
    auto imported = models::importInventory(std::string_view(bytes.constData(), std::size_t(bytes.size())), mapping,
                                            "\"" + text(m_file) + "\"");
    if (!imported)
        return fail(imported.error().message);
    const models::InventoryImport &result = imported.value();
    std::string problems;
    for (const models::InventoryProblem &problem : result.problems)
        problems += text(m_file) + ":" + std::to_string(problem.line) + ": " + problem.reason + '\n';
    writeOut(problems, stderr);
    if (!result.problems.empty() && !m_line.skipInvalid)
        return fail(std::to_string(result.problems.size()) + " row(s) could not be imported; nothing was written. "
                    "Correct them, or give --skip-invalid to import the other "
                    + std::to_string(result.servers.size()) + ".");

    m_file = m_line.outFile;
    if (QFileInfo::exists(m_file)) {
        auto plan = readPlan();
        if (!plan)
            return fail(plan.error().message);
        m_plan = std::move(plan).value();
    }
    const models::CatalogMergeCounts merged = models::mergeIntoCatalog(m_plan, result.servers, result.details);
    if (!save())
        return;
    const api::Json summary = {{"file", text(m_file)},
                               {"format", std::string(models::inventoryFormatName(result.format))},
                               {"mapping", models::toMappingString(result.mapping)},
                               {"mappingGuessed", result.mappingGuessed},
                               {"serversImported", result.servers.size()},
                               {"templatesSkipped", result.templatesSkipped},
                               {"blankRowsSkipped", result.blankRowsSkipped},
                               {"rowsNotImported", result.problems.size()},
                               {"serversReplaced", merged.replaced},
                               {"serversAdded", merged.added},
                               {"serversOnEndpoint", merged.onEndpoint},
                               {"catalogServers", m_plan.catalog.servers.size()}};
    if (m_line.output == OutputFormat::Json)
        writeOut(summary.dump(4) + "\n", stdout);
    else
        writeOut("Imported " + std::to_string(result.servers.size()) + " server(s) from "
                     + std::string(models::inventoryFormatName(result.format)) + " into " + text(m_file) + " ("
                     + std::to_string(merged.added) + " added, " + std::to_string(merged.replaced) + " replaced, "
                     + std::to_string(merged.onEndpoint) + " already in its catalog from the endpoint; "
                     + std::to_string(m_plan.catalog.servers.size()) + " in its catalog); columns: "
                     + models::toMappingString(result.mapping)
                     + (result.mappingGuessed ? " (guessed; give --mapping to change it)" : "") + ".\n",
                 stdout);
    finish(PlanOk);
}

void PlanCommand::exportCsv()
{
    auto plan = readPlan();
    if (!plan)
        return fail(plan.error().message);
    writeResult(m_line.catalog
                    ? models::exportCatalogCsv(plan->catalog, plan->applications, plan->inventory)
                    : models::exportApplicationsCsv(plan->applications, plan->catalog, plan->serverSettings));
}

const models::PlanApplication *PlanCommand::readPlanApplication()
{
    auto plan = readPlan();
    if (!plan) {
        fail(plan.error().message);
        return nullptr;
    }
    m_plan = std::move(plan).value();
    const auto row = services::findPlanApp(m_plan.applications, m_line.app);
    if (!row) {
        fail(row.error().message);
        return nullptr;
    }
    return &m_plan.applications[row.value()];
}

void PlanCommand::planTemplate()
{
    const models::PlanApplication *app = readPlanApplication();
    if (!app)
        return;
    auto tmpl = services::previewTemplate(m_plan, *app);
    if (!tmpl)
        return fail(tmpl.error().message);
    writeResult(cloudformation::renderTemplate(tmpl.value(), *templateFormat(m_line.format)));
}

void PlanCommand::writeResult(const std::string &document)
{
    if (m_line.outFile.isEmpty()) {
        writeOut(document, stdout);
        return finish(PlanOk);
    }
    if (const QString reason
        = models::writeAtomically(m_line.outFile, QByteArrayView(document.data(), qsizetype(document.size())));
        !reason.isEmpty())
        return fail("Could not write " + text(m_line.outFile) + ": " + text(reason) + ".");
    finish(PlanOk);
}

void PlanCommand::exportTemplate()
{
    readEndpoint([this](const services::EndpointSnapshot &snapshot) {
        m_plan = services::planFromEndpoint(snapshot);
        models::CatalogSource &source = m_plan.catalog.source;
        source.endpoint = m_client->config().endpoint.toString().toStdString();
        source.region = m_client->config().region.toStdString();
        source.readAt = api::Timestamp{double(QDateTime::currentSecsSinceEpoch())};
        if (m_line.outFile.isEmpty()) {
            writeOut(models::encodePlan(m_plan), stdout);
            return finish(PlanOk);
        }
        m_file = m_line.outFile;
        if (!save())
            return;
        const api::Json summary = {{"file", text(m_file)},
                                   {"applications", m_plan.applications.size()},
                                   {"servers", m_plan.catalog.servers.size()},
                                   {"serversWithOwnSettings", m_plan.serverSettings.size()}};
        if (m_line.output == OutputFormat::Json)
            writeOut(summary.dump(4) + "\n", stdout);
        else
            writeOut("Wrote " + std::to_string(m_plan.applications.size()) + " application(s) and "
                         + std::to_string(m_plan.catalog.servers.size()) + " server(s) from " + source.endpoint + " to "
                         + text(m_file) + "; `sms-plan plan diff` of it finds no change.\n",
                     stdout);
        finish(PlanOk);
    });
}

bool PlanCommand::save()
{
    if (auto written = models::writePlanFile(m_file, m_plan); !written) {
        fail(written.error().message);
        return false;
    }
    return true;
}

void PlanCommand::graph()
{
    const models::PlanApplication *app = readPlanApplication();
    if (!app)
        return;
    const auto format = ui::graphFormatNamed(m_line.format.isEmpty() ? QStringLiteral("dot") : m_line.format);
    if (*format == ui::GraphFormat::Dot)
        return writeResult(ui::launchGraphDotOf(m_plan, app->key));
    if (const QString reason = ui::drawLaunchGraph(m_plan, app->key, *format, m_line.outFile); !reason.isEmpty())
        return fail("Could not write " + text(m_line.outFile) + ": " + text(reason) + ".");
    finish(PlanOk);
}

void PlanCommand::fail(const std::string &message)
{
    writeOut("sms-plan: " + message + "\n", stderr);
    finish(PlanFailed);
}

void PlanCommand::finish(int exitCode)
{
    if (m_finished)
        return;  // the first outcome stands
    m_finished = true;
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

} // namespace sms::cli
