#pragma once
// The parsed sms-plan command line. Global options may stand before or after
// the command words, as with the AWS CLI.

#include "api/Result.h"
#include "api/SmsEnums.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sms::cli {

enum class OutputFormat { Json, Table };

struct CommandLine
{
    // global
    QString profile;
    QString region;
    QString endpointUrl;
    OutputFormat output = OutputFormat::Json;
    std::optional<int> pageSize;
    bool debug = false;
    bool help = false;
    bool version = false;
    // the command and its own options
    QStringList words;  // e.g. {"servers", "list"} or {"call", "GetServers"}
    bool all = false;
    QString startingToken;
    std::optional<QString> input;
    // plan commands
    bool yes = false;          // plan apply: no prompt
    bool skipInvalid = false;  // plan import-csv: import the good rows of a file with bad ones
    bool catalog = false;      // plan export-csv: the catalog instead of the applications
    QString mapping;           // plan import-csv: field=Header,...
    QString outFile;           // -o / --out
    QString format;            // plan graph: dot|svg|png; plan template, apps template: json|yaml
    // apps and jobs commands
    QString app;               // jobs list --app APP
    QString description;       // apps replication run --description TEXT
    QString until;             // apps wait --until replicated|launched
    std::optional<double> timeout;   // apps wait --timeout SECONDS
    std::optional<double> interval;  // apps wait --interval SECONDS
};

// Fails with ErrorCode::InvalidRequest and a message naming the bad argument.
Result<CommandLine> parseCommandLine(const QStringList &arguments);

QString usageText();

// A template's --format: JSON when not given, nullopt for a word that is
// neither json nor yaml.
std::optional<api::OutputFormat> templateFormat(const QString &word);

} // namespace sms::cli
