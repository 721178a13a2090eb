#include "CommandLine.h"

#include <QCoreApplication>

#include <cmath>

namespace sms::cli {
namespace {

SmsError usage(const QString &message)
{
    return SmsError::make(ErrorCode::InvalidRequest, message.toStdString());
}

// Options that take a value, and where that value goes.
struct ValueOption
{
    const char *name;
    QString CommandLine::*text;
};

constexpr ValueOption kTextOptions[] = {
    {"--profile", &CommandLine::profile},
    {"--region", &CommandLine::region},
    {"--endpoint-url", &CommandLine::endpointUrl},
    {"--starting-token", &CommandLine::startingToken},
    {"--mapping", &CommandLine::mapping},
    {"--out", &CommandLine::outFile},
    {"-o", &CommandLine::outFile},
    {"--app", &CommandLine::app},
    {"--description", &CommandLine::description},
    {"--until", &CommandLine::until},
    {"--format", &CommandLine::format},
};

// Options that take a number of seconds.
struct SecondsOption
{
    const char *name;
    std::optional<double> CommandLine::*seconds;
    double minimum;  // a wait of 0 s would poll without pause
};

constexpr SecondsOption kSecondsOptions[] = {
    {"--timeout", &CommandLine::timeout, 0},
    {"--interval", &CommandLine::interval, 0.1},
};

// Options without a value, and the flag each sets.
struct FlagOption
{
    const char *name;
    bool CommandLine::*flag;
};

constexpr FlagOption kFlags[] = {
    {"--help", &CommandLine::help},       {"--version", &CommandLine::version},
    {"--debug", &CommandLine::debug},     {"--all", &CommandLine::all},
    {"--yes", &CommandLine::yes},         {"--skip-invalid", &CommandLine::skipInvalid},
    {"--catalog", &CommandLine::catalog},
};

bool setFlag(CommandLine &line, const QString &name)
{
    for (const auto &option : kFlags) {
        if (name == QLatin1String(option.name)) {
            line.*option.flag = true;
            return true;
        }
    }
    return false;
}

Result<void> applyValue(CommandLine &line, const QString &name, const QString &value)
{
    for (const auto &option : kTextOptions) {
        if (name == QLatin1String(option.name)) {
            line.*option.text = value;
            return {};
        }
    }
    if (name == QLatin1String("--output")) {
        if (value == QLatin1String("json"))
            line.output = OutputFormat::Json;
        else if (value == QLatin1String("table"))
            line.output = OutputFormat::Table;
        else
            return usage(QStringLiteral("--output must be json or table, not \"%1\"").arg(value));
        return {};
    }
    if (name == QLatin1String("--page-size")) {
        bool ok = false;
        const int size = value.toInt(&ok);
        if (!ok || size < 1)
            return usage(QStringLiteral("--page-size must be a whole number of at least 1, not \"%1\"").arg(value));
        line.pageSize = size;
        return {};
    }
    if (name == QLatin1String("--input")) {
        line.input = value;
        return {};
    }
    for (const auto &option : kSecondsOptions) {
        if (name != QLatin1String(option.name))
            continue;
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < option.minimum)
            return usage(QStringLiteral("%1 must be a number of seconds of at least %2, not \"%3\"")
                             .arg(name).arg(option.minimum).arg(value));
        line.*option.seconds = seconds;
        return {};
    }
    return usage(QStringLiteral("unknown option %1").arg(name));
}

bool takesValue(const QString &name)
{
    for (const auto &option : kTextOptions)
        if (name == QLatin1String(option.name))
            return true;
    for (const auto &option : kSecondsOptions)
        if (name == QLatin1String(option.name))
            return true;
    return name == QLatin1String("--output") || name == QLatin1String("--page-size")
        || name == QLatin1String("--input");
}

} // namespace

Result<CommandLine> parseCommandLine(const QStringList &arguments)
{
    CommandLine line;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if ((!arg.startsWith(QLatin1String("--")) && arg != QLatin1String("-o")) || arg == QLatin1String("--")) {
            line.words.append(arg);
            continue;
        }
        QString name = arg;
        std::optional<QString> value;
        if (const auto eq = arg.indexOf(QLatin1Char('=')); eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
        }
        if (setFlag(line, name))
            continue;
        if (takesValue(name)) {
            if (!value) {
                if (i + 1 >= arguments.size())
                    return usage(QStringLiteral("%1 needs a value").arg(name));
                value = arguments[++i];
            }
            if (auto applied = applyValue(line, name, *value); !applied)
                return applied.error();
        } else {
            return usage(QStringLiteral("unknown option %1").arg(name));
        }
    }
    return line;
}

QString usageText()
{
    return QStringLiteral(
R"(usage: sms-plan [global options] COMMAND [options]

Plan and inspect migrations with the AWS Server Migration Service (SMS) API.

Commands:
  servers list [--all] [--starting-token TOKEN]
                          List the server catalog: one page, or every page with --all.
  connectors list [--all] [--starting-token TOKEN]
                          List the connectors (GetConnectors).
  apps list [--all] [--starting-token TOKEN]
                          List the applications (ListApps).
  apps replication start|stop APP
                          Start or stop replicating the application APP (its name,
                          exactly, or its app- id): StartAppReplication,
                          StopAppReplication.
  apps replication run APP [--description TEXT]
                          Start an on-demand replication run of every server of APP
                          (StartOnDemandAppReplication). SMS allows 2 per server in
                          24 hours; when it refuses, sms-plan says when the next
                          one is allowed.
  apps launch|terminate APP
                          Launch the application's servers in EC2 (LaunchApp), or
                          terminate the instances launched (TerminateApp). Follow
                          the launch status with apps wait.
  apps wait APP --until replicated|launched|terminated [--timeout SECONDS] [--interval SECONDS]
                          Poll GetApp (every 15 s, or --interval) until APP is
                          replicated (REPLICATED or DELTA_REPLICATED), launched
                          (LAUNCHED) or terminated (TERMINATED). A line on stderr
                          for each change of status; transient errors are said
                          and polling goes on.
                          Exit 0 when reached; 1 when APP reaches a state it
                          cannot get there from (replication failed, stopped or
                          stop failed, launch failed, terminated, terminate
                          failed, configuration invalid), with SMS's status
                          message; 2 when --timeout (default 3600 s; 0 waits
                          without limit) runs out.
  apps template APP [--format json|yaml] [-o FILE]
                          Generate APP's CloudFormation template (GenerateTemplate):
                          SMS writes it to S3; sms-plan prints where, and with
                          -o reads it from S3 into FILE.
  jobs list [--all] [--starting-token TOKEN] [--app APP]
                          List the replication jobs (GetReplicationJobs); with --app
                          only those of APP's servers, from every page.
  runs list JOB [--all] [--starting-token TOKEN]
                          List the runs of replication job JOB (GetReplicationRuns).
  plan validate FILE       Check a .smsplan file: errors block an apply, warnings do not.
  plan diff FILE           What applying FILE would change at the endpoint, and why.
  plan apply FILE [--yes]  Make the endpoint match FILE, change by change; the ids
                          the endpoint gives are saved into FILE as they come, so
                          a run that stops can simply be run again. Without --yes
                          it shows the changes and asks first (on a terminal).
                          Last it reads the endpoint again: exit 1 if the plan
                          still differs from it (what differs is listed).
  plan import-csv CSV [--mapping field=Header,...] [--skip-invalid] -o FILE
                          Servers from an RVTools vInfo export or any CSV with a
                          header row into FILE's catalog (FILE is made if new).
                          Rows that cannot be read are listed by line; with any,
                          nothing is written unless --skip-invalid.
  plan export-csv FILE [--catalog] [-o CSV]
                          The applications (or with --catalog the catalog) as CSV,
                          to standard output unless -o.
  plan graph FILE --app APP [--format dot|svg|png] [-o OUT]
                          APP's launch graph as the planner draws it: a box per
                          server group with its servers and launch order, an
                          arrow per dependency. dot (the default) goes to
                          standard output unless -o; svg and png need -o.
  plan export-template [-o FILE]
                          The endpoint as a plan to start from: its catalog and
                          every application with its groups, launch order and
                          settings (plan diff of it finds no change, but for
                          servers left without settings in an application that
                          has some); to standard output unless -o.
  plan template FILE --app APP [--format json|yaml] [-o OUT]
                          The CloudFormation template of FILE's application APP
                          (a name or an app- id), offline: what GenerateTemplate
                          makes once it is applied, from the plan's launch
                          settings and order. A server whose AMI the plan does
                          not know yet (catalog.replicationJobs' latestAmiId)
                          gets a template parameter for it. To standard output
                          unless -o.
  call OPERATION --input JSON
                          Call any of the 35 SMS operations with raw JSON input
                          (OPERATION as GetServers or get-servers; JSON inline,
                          file://PATH, or - for standard input).

Global options:
  --profile P             Use profile P from the shared AWS config and credentials files.
  --region R              The AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile).
  --endpoint-url URL      Talk to this endpoint, e.g. a local sms-local (http only on loopback).
  --output json|table     Output format (default json).
  --page-size N           Items per request when paging (with --all, by default
                          1,000, or 100 jobs: the largest pages).
  --debug                 Log every call (operation, status, time, request id) to stderr.
  --version, --help

Credentials follow the AWS SDK chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/
AWS_SESSION_TOKEN, then the profile in AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE.

Exit codes: 0 success, 252 bad command line, 253 configuration (credentials,
region, endpoint), 254 the service returned an error, 255 any other failure.
The plan commands use their own, as diff tools do: 0 valid / no changes /
applied, 1 any error (252 for a bad command line), 2 plan diff found changes.
apps wait: 0 reached, 1 a failed state, 2 timed out; other errors as above.
An APP that names no application, or a name two share, exits 255.
)");
}

std::optional<api::OutputFormat> templateFormat(const QString &word)
{
    if (word.isEmpty() || word == QLatin1String("json"))
        return api::OutputFormat::Json;
    if (word == QLatin1String("yaml"))
        return api::OutputFormat::Yaml;
    return std::nullopt;
}

} // namespace sms::cli
