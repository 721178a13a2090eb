#include "client/CredentialProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace sms::client {
namespace {

constexpr qsizetype kMaxStderrChars = 2000;

SmsError processError(ErrorCode code, const QString &profileName, const QString &what)
{
    return SmsError::make(code, QStringLiteral("credential_process of AWS profile '%1' %2")
                                    .arg(profileName, what)
                                    .toStdString());
}

QString stderrText(QProcess &process)
{
    QString text = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (text.isEmpty())
        return QStringLiteral("(nothing on stderr)");
    if (text.size() > kMaxStderrChars)
        text = text.left(kMaxStderrChars) + QStringLiteral("…");
    return text;
}

} // namespace

Result<Credentials> parseCredentialProcessOutput(const QByteArray &output, const QString &profileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString why = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("%1 at offset %2")
                  .arg(parseError.errorString(), QString::number(parseError.offset))
            : QStringLiteral("not an object");
        return processError(ErrorCode::InvalidConfiguration, profileName,
                            QStringLiteral("printed output that is not a JSON object (%1)").arg(why));
    }
    const QJsonObject json = document.object();

    const QJsonValue version = json.value(u"Version");
    if (!version.isDouble() || version.toDouble() != 1.0) {
        return processError(ErrorCode::InvalidConfiguration, profileName,
                            version.isUndefined()
                                ? QStringLiteral("printed JSON without \"Version\" (expected 1)")
                                : QStringLiteral("printed an unsupported \"Version\" (expected 1)"));
    }

    Credentials credentials;
    credentials.accessKeyId = json.value(u"AccessKeyId").toString();
    credentials.secretAccessKey = json.value(u"SecretAccessKey").toString();
    credentials.sessionToken = json.value(u"SessionToken").toString();
    for (const auto &[name, value] : {std::pair{u"AccessKeyId", &credentials.accessKeyId},
                                      std::pair{u"SecretAccessKey", &credentials.secretAccessKey}}) {
        if (value->isEmpty()) {
            return processError(ErrorCode::InvalidConfiguration, profileName,
                                QStringLiteral("printed JSON without a string \"%1\"")
                                    .arg(QStringView(name)));
        }
    }

    // Absent Expiration means long-lived keys; present, it must parse, or we
    // would cache credentials that silently stop working.
    if (const QJsonValue expiration = json.value(u"Expiration"); !expiration.isUndefined()
                                                                  && !expiration.isNull()) {
        const QDateTime when = QDateTime::fromString(expiration.toString(), Qt::ISODateWithMs);
        if (!when.isValid()) {
            return processError(ErrorCode::InvalidConfiguration, profileName,
                                QStringLiteral("printed an \"Expiration\" that is not an ISO 8601 "
                                               "timestamp: '%1'")
                                    .arg(expiration.toString()));
        }
        if (when <= QDateTime::currentDateTimeUtc()) {
            return processError(ErrorCode::ExpiredTokenException, profileName,
                                QStringLiteral("returned credentials that already expired at %1")
                                    .arg(when.toUTC().toString(Qt::ISODate)));
        }
        credentials.expiration = when.toUTC();
    }
    return credentials;
}

Result<Credentials> runCredentialProcess(const CredentialProcessRequest &request)
{
    QStringList arguments = QProcess::splitCommand(request.command);
    if (arguments.isEmpty()) {
        return processError(ErrorCode::InvalidConfiguration, request.profileName,
                            QStringLiteral("is empty"));
    }
    const QString program = arguments.takeFirst();

    QProcess process;
    process.setProcessEnvironment(request.environment);
    // No terminal to answer a prompt from a GUI; a closed stdin fails fast instead of hanging.
    process.setInputChannelMode(QProcess::ManagedInputChannel);
    process.start(program, arguments, QIODevice::ReadWrite);
    process.closeWriteChannel();

    const int timeoutMs = int(request.timeout.count());
    if (!process.waitForStarted(timeoutMs)) {
        return processError(ErrorCode::InvalidConfiguration, request.profileName,
                            QStringLiteral("could not start '%1': %2")
                                .arg(program, process.errorString()));
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return processError(ErrorCode::Timeout, request.profileName,
                            QStringLiteral("('%1') did not finish within %2 ms and was stopped; "
                                           "stderr: %3")
                                .arg(program, QString::number(timeoutMs), stderrText(process)));
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        return processError(ErrorCode::InvalidConfiguration, request.profileName,
                            QStringLiteral("('%1') crashed; stderr: %2")
                                .arg(program, stderrText(process)));
    }
    if (process.exitCode() != 0) {
        return processError(ErrorCode::InvalidConfiguration, request.profileName,
                            QStringLiteral("('%1') exited with code %2; stderr: %3")
                                .arg(program, QString::number(process.exitCode()),
                                     stderrText(process)));
    }

    auto credentials = parseCredentialProcessOutput(process.readAllStandardOutput(),
                                                    request.profileName);
    if (credentials)
        credentials->source = request.source;
    return credentials;
}

} // namespace sms::client
