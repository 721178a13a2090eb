#include "CliRunner.h"

#include "AllPages.h"
#include "AppJobsCommand.h"
#include "ConsoleOutput.h"
#include "ErrorReport.h"
#include "ExitCodes.h"
#include "LaunchCommand.h"
#include "TemplateCommand.h"
#include "PlanCommand.h"
#include "ReplicationCommand.h"
#include "ReplicationTables.h"
#include "TableRenderer.h"
#include "WaitCommand.h"

#include "client/Pager.h"
#include "services/ConnectionResolver.h"

#include <QFile>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace sms::cli {
namespace {

// "get-servers" -> "GetServers"; "GetServers" stays as it is.
QString operationName(const QString &word)
{
    if (!word.contains(QLatin1Char('-')))
        return word;
    QString name;
    for (const QString &part : word.split(QLatin1Char('-'), Qt::SkipEmptyParts))
        name += part.left(1).toUpper() + part.mid(1);
    return name;
}

Result<api::Json> readInput(const QString &input)
{
    QByteArray text;
    if (input == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return SmsError::make(ErrorCode::InvalidRequest, "cannot read standard input");
        text = in.readAll();
    } else if (input.startsWith(QLatin1String("file://"))) {
        QFile file(input.mid(7));
        if (!file.open(QIODevice::ReadOnly))
            return SmsError::make(ErrorCode::InvalidRequest,
                                  "cannot read " + file.fileName().toStdString() + ": "
                                      + file.errorString().toStdString());
        text = file.readAll();
    } else {
        text = input.toUtf8();
    }
    auto json = api::parseJson(std::string_view(text.constData(), size_t(text.size())));
    if (!json || !json->is_object())
        return SmsError::make(ErrorCode::InvalidRequest, "--input must be a JSON object");
    return json;
}

// The generic tables, but for the answers that have tables of their own.
template <typename Response>
std::string tableOf(const std::string &operation, const Response &response)
{
    return renderTables(operation, api::toJson(response));
}

std::string tableOf(const std::string &operation, const api::GetReplicationJobsResponse &response)
{
    return responseTable(operation, response);
}

std::string tableOf(const std::string &operation, const api::GetReplicationRunsResponse &response)
{
    return responseTable(operation, response);
}

} // namespace

CliRunner::CliRunner(CommandLine line, QObject *parent)
    : QObject(parent)
    , m_line(std::move(line))
{
}

CliRunner::~CliRunner() = default;

void CliRunner::start()
{
    const QStringList &words = m_line.words;
    const bool isList = words.size() == 2 && words[1] == QLatin1String("list");
    if (isList && m_line.input)
        return usageError(QStringLiteral("%1 list takes no --input").arg(words[0]));
    if (isList && words[0] == QLatin1String("servers")) {
        if (connectClient())
            list<api::GetServersRequest>();
    } else if (isList && words[0] == QLatin1String("connectors")) {
        if (connectClient())
            list<api::GetConnectorsRequest>();
    } else if (isList && words[0] == QLatin1String("apps")) {
        if (connectClient())
            list<api::ListAppsRequest>();
    } else if (isList && words[0] == QLatin1String("jobs")) {
        if (!m_line.app.isEmpty())
            runCommand<AppJobsCommand>();
        else if (connectClient())
            list<api::GetReplicationJobsRequest>();
    } else if (words.size() >= 2 && words[0] == QLatin1String("runs") && words[1] == QLatin1String("list")) {
        if (words.size() != 3)
            return usageError(QStringLiteral("runs list needs one JOB (a replication job id)"));
        api::GetReplicationRunsRequest request;
        request.replicationJobId = words[2].toStdString();
        if (connectClient())
            list(std::move(request));
    } else if (words.size() >= 2 && words[0] == QLatin1String("apps") && words[1] == QLatin1String("replication")) {
        runCommand<ReplicationCommand>();
    } else if (words.size() >= 2 && words[0] == QLatin1String("apps")
               && (words[1] == QLatin1String("launch") || words[1] == QLatin1String("terminate"))) {
        runCommand<LaunchCommand>();
    } else if (words.size() >= 2 && words[0] == QLatin1String("apps") && words[1] == QLatin1String("template")) {
        runCommand<TemplateCommand>();
    } else if (words.size() >= 2 && words[0] == QLatin1String("apps") && words[1] == QLatin1String("wait")) {
        runCommand<WaitCommand>();
    } else if (!words.isEmpty() && words[0] == QLatin1String("plan")) {
        runPlanCommand();
    } else if (words.size() == 2 && words[0] == QLatin1String("call")) {
        if (m_line.all || !m_line.startingToken.isEmpty())
            return usageError(QStringLiteral("call takes --input only; page with nextToken in the input"));
        if (connectClient())
            callOperation();
    } else if (words.isEmpty()) {
        usageError(QStringLiteral("a command is required"));
    } else {
        usageError(QStringLiteral("unknown command \"%1\"").arg(words.join(QLatin1Char(' '))));
    }
}

void CliRunner::runPlanCommand()
{
    auto *command = new PlanCommand(m_line, this);
    connect(command, &PlanCommand::finished, this, [this](int exitCode) { done(exitCode); });
    if (const QString problem = command->usageProblem(); !problem.isEmpty())
        return usageError(problem);
    // The plan commands' own codes: 1 for any error, configuration included.
    if (command->needsEndpoint() && !connectClient(PlanFailed))
        return;
    command->start(m_client.get());
}

template <typename CommandType>
void CliRunner::runCommand()
{
    auto *command = new CommandType(m_line, this);
    connect(command, &Command::finished, this, [this](int exitCode) { done(exitCode); });
    if (const QString problem = command->usageProblem(); !problem.isEmpty())
        return usageError(problem);
    if (connectClient())
        command->start(*m_client);
}

bool CliRunner::connectClient(int failureCode)
{
    auto config = services::resolveConnection({m_line.profile, m_line.region, m_line.endpointUrl});
    if (!config) {
        writeOut("sms-plan: " + config.error().message + "\n", stderr);
        done(failureCode);
        return false;
    }
    config->userAgent = QStringLiteral("sms-plan/" SMS_VERSION);
    m_client = std::make_unique<client::SmsClient>(config.value());
    if (m_line.debug) {
        connect(m_client.get(), &client::SmsClient::callFinished, this, [](const client::CallRecord &r) {
            const QString line = QStringLiteral("[debug] %1: HTTP %2 in %3 ms, %4 attempt(s), request id %5%6\n")
                                     .arg(r.operation).arg(r.httpStatus).arg(r.elapsedMs).arg(r.attempts)
                                     .arg(r.requestId.isEmpty() ? QStringLiteral("-") : r.requestId,
                                          r.succeeded() ? QString() : QStringLiteral(", ") + r.errorCode);
            writeOut(line.toStdString(), stderr);
        });
    }
    return true;
}

template <typename Request>
void CliRunner::list(Request request)
{
    using Traits = client::PageTraits<Request>;
    using Response = typename Traits::Response;
    if (m_line.pageSize)
        request.maxResults = *m_line.pageSize;
    else if (m_line.all)
        request.maxResults = largestPage<Request>();
    if (!m_line.startingToken.isEmpty())
        request.nextToken = m_line.startingToken.toStdString();

    if (m_line.all && m_line.output == OutputFormat::Json) {
        streamAll(std::move(request));
        return;
    }
    const auto report = [this](const Result<Response> &result) {
        if (!result) {
            fail(Traits::operation, result.error());
        } else if (m_line.output == OutputFormat::Json) {
            std::string text = api::serialize(result.value(), 4);
            text += '\n';
            writeOut(text, stdout);
            done(Success);
        } else {
            writeOut(tableOf(Traits::operation, result.value()), stdout);
            done(Success);
        }
    };
    if (m_line.all)
        client::paginate(*m_client, std::move(request), this, nullptr, report);
    else
        (m_client.get()->*Traits::call)(request, this, report);
}

// Every page as one JSON document. Each page's items are written to text as
// the page arrives and the page is dropped, so 100,000 servers are never held
// as values; the text goes out once the last page is in, so a failure halfway
// prints only the error. The list comes first: JSON does not order members.
template <typename Request>
void CliRunner::streamAll(Request request)
{
    using Traits = client::PageTraits<Request>;
    using Response = typename Traits::Response;
    auto chunks = std::make_shared<std::vector<std::string>>();
    chunks->push_back(std::string("{\n    \"") + Traits::listName + "\": [");
    auto count = std::make_shared<qsizetype>(0);
    const auto onPage = [chunks, count](const Response &page) {
        const auto &items = page.*Traits::list;
        if (!items)
            return;
        std::string &text = chunks->emplace_back();
        text.reserve(items->size() * 512);  // about one indented server; saves regrowing
        for (const auto &item : *items) {
            text += (*count)++ > 0 ? ",\n        " : "\n        ";
            api::serializeInto(text, item, 4, 2);
        }
    };
    const auto onDone = [this, chunks, count](const Result<Response> &result) {
        if (!result)
            return fail(Traits::operation, result.error());
        std::string tail = *count > 0 ? "\n    ]" : "]";
        // The first page's other members; the writer's object text starts with '{'.
        const std::string others = api::serialize(result.value(), 4);
        if (others == "{}") {
            tail += "\n}";
        } else {
            tail += ',';
            tail.append(others, 1);
        }
        tail += '\n';
        for (const std::string &chunk : *chunks)
            std::fwrite(chunk.data(), 1, chunk.size(), stdout);
        writeOut(tail, stdout);
        done(Success);
    };
    client::paginate(*m_client, std::move(request), this, onPage, onDone, client::PageItems::Drop);
}

void CliRunner::callOperation()
{
    const QString operation = operationName(m_line.words[1]);
    if (!client::SmsClient::isKnownOperation(operation))
        return usageError(QStringLiteral("SMS has no operation \"%1\"").arg(m_line.words[1]));
    if (!m_line.input)
        return usageError(QStringLiteral("call needs --input JSON (use '{}' for none)"));
    auto input = readInput(*m_line.input);
    if (!input)
        return usageError(QString::fromStdString(input.error().message));
    m_client->call(operation, input.value(), this, [this, operation](const Result<api::Json> &result) {
        if (result)
            print(operation.toStdString(), result.value());
        else
            fail(operation.toStdString(), result.error());
    });
}

void CliRunner::print(const std::string &operation, const api::Json &response)
{
    if (m_line.output == OutputFormat::Table)
        writeOut(renderTables(operation, response), stdout);
    else
        writeOut(response.dump(4) + "\n", stdout);
    done(Success);
}

void CliRunner::fail(const std::string &operation, const SmsError &error)
{
    done(reportCallError(operation, error));
}

void CliRunner::usageError(const QString &message)
{
    writeOut("sms-plan: " + message.toStdString() + "\nRun 'sms-plan --help' for usage.\n", stderr);
    done(UsageError);
}

void CliRunner::done(int exitCode)
{
    // Queued, so that start() has returned before anyone reacts.
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

} // namespace sms::cli
