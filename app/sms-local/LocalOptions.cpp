#include "LocalOptions.h"

#include "sandbox/SandboxDefaults.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

#include <cmath>
#include <type_traits>

namespace sms::local {
namespace {

struct OptionSpec
{
    const char *name;
    const char *valueName;
    const char *description;
};

// One table drives both the parser and --help.
constexpr OptionSpec kOptions[] = {
    {"port", "N", "TCP port to listen on; 0 (the default) picks a free one."},
    {"bind", "ADDRESS", "Address to listen on (default 127.0.0.1). Anything but loopback exposes the sandbox."},
    {"servers", "N", "Generate a server catalog of N servers (default 3000)."},
    {"seed", "S", "Seed of the generated estate, ids and simulated outcomes (default 1)."},
    {"catalog", "FILE", "Load the server catalog from FILE (JSON like get-servers' serverList, or .csv)."},
    {"state", "FILE", "Keep all state in FILE: loaded at start, saved after each change and on exit."},
    {"s3-dir", "DIR", "Folder standing in for the S3 bucket templates are written to."},
    {"time-scale", "X", "Simulated seconds per wall-clock second (default 1)."},
    {"failure-rate", "P", "Share of replication runs that fail, 0 to 1 (default 0.05)."},
    {"region", "REGION", "Region requests must be signed for (default us-east-1)."},
    {"access-key", "AK", "Access key id clients sign with (default: the documented sandbox key)."},
    {"secret-key", "SK", "Secret access key that goes with --access-key."},
    {"fault-throttle", "P", "Answer a share P of requests with ThrottlingException."},
    {"fault-5xx", "P", "Answer a share P of requests with HTTP 500 InternalError."},
    {"fault-drop", "P", "Perform a share P of requests, then close the connection without answering."},
    {"latency-ms", "N", "Delay every answer by N milliseconds."},
    {"max-server-groups", "N", "Server groups per application (default 10, 0 for no limit)."},
    {"max-servers-per-app", "N", "Servers per application (default 50, 0 for no limit)."},
    {"max-concurrent-migrations", "N", "Applications replicating at once (default 50, 0 for no limit)."},
};

void addOptions(QCommandLineParser &parser)
{
    for (const OptionSpec &spec : kOptions)
        parser.addOption(QCommandLineOption(QString::fromLatin1(spec.name), QString::fromLatin1(spec.description),
                                            QString::fromLatin1(spec.valueName)));
    parser.addOption(QCommandLineOption(QStringLiteral("no-auth"), QStringLiteral("Accept unsigned requests.")));
    parser.addHelpOption();
    parser.addVersionOption();
}

SmsError usage(const QString &message)
{
    return SmsError::make(ErrorCode::InvalidParameterException, message.toStdString());
}

// Reads a number option into `out`, if given; false with `error` set if it is bad.
template <typename T>
bool readNumber(const QCommandLineParser &parser, const char *name, T &out, double min, double max, QString &error)
{
    const QString option = QString::fromLatin1(name);
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    // toDouble() accepts "nan" and "inf" with ok set, and NaN passes every comparison.
    if (!ok || !std::isfinite(value) || value < min || value > max
        || (std::is_integral_v<T> && value != double(T(value)))) {
        error = QStringLiteral("--%1 must be a %2 from %3 to %4, not '%5'.")
                    .arg(option, std::is_integral_v<T> ? QStringLiteral("whole number") : QStringLiteral("number"))
                    .arg(min)
                    .arg(max)
                    .arg(parser.value(option));
        return false;
    }
    out = T(value);
    return true;
}

} // namespace

QString localUsage()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("sms-local: a local AWS Server Migration Service endpoint."));
    addOptions(parser);
    return parser.helpText();
}

Result<LocalOptions> parseLocalOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'.").arg(parser.positionalArguments().first()));

    LocalOptions options;
    options.help = parser.isSet(QStringLiteral("help"));
    options.version = parser.isSet(QStringLiteral("version"));
    QString error;
    const bool numbersOk = readNumber(parser, "port", options.port, 0, 65535, error)
        && readNumber(parser, "servers", options.servers, 0, 10'000'000, error)
        && readNumber(parser, "seed", options.seed, 0, 9'007'199'254'740'992.0, error)
        && readNumber(parser, "time-scale", options.timeScale, 0.001, 1'000'000, error)
        && readNumber(parser, "failure-rate", options.failureRate, 0, 1, error)
        && readNumber(parser, "fault-throttle", options.faults.throttle, 0, 1, error)
        && readNumber(parser, "fault-5xx", options.faults.serverError, 0, 1, error)
        && readNumber(parser, "fault-drop", options.faults.drop, 0, 1, error)
        && readNumber(parser, "latency-ms", options.faults.latencyMs, 0, 600'000, error)
        && readNumber(parser, "max-server-groups", options.limits.serverGroupsPerApp, 0, 1'000'000, error)
        && readNumber(parser, "max-servers-per-app", options.limits.serversPerApp, 0, 10'000'000, error)
        && readNumber(parser, "max-concurrent-migrations", options.limits.concurrentAppMigrations, 0, 1'000'000,
                      error);
    if (!numbersOk)
        return usage(error);
    if (options.faults.throttle + options.faults.serverError + options.faults.drop > 1)
        return usage(QStringLiteral("The --fault-* shares add up to more than 1."));
    options.faults.seed = options.seed;

    if (parser.isSet(QStringLiteral("bind")) && !options.bind.setAddress(parser.value(QStringLiteral("bind"))))
        return usage(QStringLiteral("--bind needs an IP address, not '%1'.").arg(parser.value(QStringLiteral("bind"))));
    options.catalogFile = parser.value(QStringLiteral("catalog"));
    options.stateFile = parser.value(QStringLiteral("state"));
    options.s3Dir = parser.isSet(QStringLiteral("s3-dir"))
        ? parser.value(QStringLiteral("s3-dir"))
        : QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("s3"));

    options.region = parser.isSet(QStringLiteral("region")) ? parser.value(QStringLiteral("region"))
                                                            : QString::fromLatin1(sandbox::kDefaultRegion);
    const bool keyGiven = parser.isSet(QStringLiteral("access-key")) || parser.isSet(QStringLiteral("secret-key"));
    if (parser.isSet(QStringLiteral("no-auth"))) {
        if (keyGiven)
            return usage(QStringLiteral("--no-auth cannot be combined with --access-key or --secret-key."));
        return options;
    }
    if (parser.isSet(QStringLiteral("access-key")) != parser.isSet(QStringLiteral("secret-key")))
        return usage(QStringLiteral("--access-key and --secret-key go together."));
    sandbox::AuthSettings auth = sandbox::defaultAuthSettings(options.region);
    options.keysGiven = keyGiven;
    if (keyGiven)
        auth.keys = {{parser.value(QStringLiteral("access-key")), parser.value(QStringLiteral("secret-key")), {}}};
    options.auth = std::move(auth);
    return options;
}

} // namespace sms::local
