#include "services/PlainWords.h"

#include <QCoreApplication>

namespace sms::services {
namespace {

// One translation context for the services module.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::services)
};

// Long service messages (a signature mismatch explains its canonical request)
// are cut to their first paragraph: the rest is for --debug, not for a dialog.
// Only the one-line form (status bar, Activity rows) is cut short as well.
constexpr qsizetype kMaxShortText = 400;

QString detailOf(const std::string &message)
{
    QString text = QString::fromStdString(message);
    const qsizetype paragraph = text.indexOf(QLatin1Char('\n'));
    if (paragraph >= 0)
        text.truncate(paragraph);
    text = text.simplified();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('?'))
        && !text.endsWith(QLatin1Char('!')))
        text += QLatin1Char('.');
    return text;
}

// A sentence, then the service's own words when there are any.
QString withDetail(const QString &sentence, const SmsError &error)
{
    const QString detail = detailOf(error.message);
    return detail.isEmpty() ? sentence : sentence + QLatin1Char(' ') + detail;
}

bool mentions(const SmsError &error, const char *text)
{
    return QString::fromStdString(error.message).contains(QLatin1String(text), Qt::CaseInsensitive);
}

// The client words its transport failures (client/SmsCall.cpp); Qt's own
// text follows "could not reach URL:". SmsError carries no finer kind, so
// these are told apart by those words.
QString networkWords(const SmsError &error)
{
    if (mentions(error, "TLS verification failed"))
        return withDetail(Text::tr("A secure connection to the endpoint could not be set up: its certificate was not "
                             "accepted (a wrong endpoint URL, or a proxy that intercepts TLS?)."),
                          error);
    if (mentions(error, "closed before the whole response"))
        return Text::tr("The connection closed before the whole answer arrived, even after retrying. The network or a "
                  "proxy cut it off; try again.");
    if (mentions(error, "refused"))
        return withDetail(Text::tr("The endpoint refused the connection: nothing is listening at that address. Check "
                             "the endpoint URL, or start sms-local."),
                          error);
    if (mentions(error, "not found"))
        return withDetail(Text::tr("The endpoint's host name could not be found. Check the endpoint URL and the "
                             "region, and that this computer is online."),
                          error);
    if (mentions(error, "proxy"))
        return withDetail(Text::tr("The proxy between this computer and the endpoint failed."), error);
    return withDetail(Text::tr("The endpoint could not be reached (the network may be down)."), error);
}

QString timeoutWords(const SmsError &error)
{
    if (mentions(error, "could not connect"))
        return withDetail(Text::tr("The endpoint did not accept a connection in time (a firewall, or a network that "
                             "is down?)."),
                          error);
    if (mentions(error, "no complete response"))
        return withDetail(Text::tr("The endpoint did not answer in time, even after retrying."), error);
    // A wait of the planner's own, e.g. for a catalog import.
    return withDetail(Text::tr("It took too long."), error);
}

QString invalidResponseWords(const SmsError &error)
{
    if (mentions(error, "html"))
        return withDetail(Text::tr("The endpoint answered with a web page instead of SMS: a proxy, a captive portal or "
                             "a wrong endpoint URL."),
                          error);
    if (mentions(error, "does not match the SMS model"))
        return withDetail(Text::tr("The endpoint's answer does not fit the SMS API (is this an SMS endpoint of a "
                             "matching version?)."),
                          error);
    return withDetail(Text::tr("The endpoint's answer could not be read: it was cut off, or did not come from "
                         "SMS."),
                      error);
}

// The credential chain (client/CredentialChain.cpp) opens with what the
// sentence says; only where it looked is kept, so nothing is said twice.
QString credentialsWords(const SmsError &error)
{
    static const QString chainOpening = QStringLiteral("No AWS credentials found.");
    QString where = detailOf(error.message);
    if (where.startsWith(chainOpening))
        where = where.mid(chainOpening.size()).trimmed();
    QString text = Text::tr("No AWS credentials were found.");
    if (!where.isEmpty())
        text += QLatin1Char(' ') + where;
    return text + QLatin1Char(' ')
        + Text::tr("Give the endpoint an access key, set up a profile, or use the local sandbox.");
}

QString wordsFor(const SmsError &error)
{
    switch (error.errorCode()) {
    // This side of the wire
    case ErrorCode::NetworkError:
        return networkWords(error);
    case ErrorCode::Timeout:
        return timeoutWords(error);
    case ErrorCode::Canceled:
        return Text::tr("Canceled.");
    case ErrorCode::InvalidResponse:
        return invalidResponseWords(error);
    case ErrorCode::CredentialsNotFound:
        return credentialsWords(error);
    case ErrorCode::InvalidConfiguration:
        return withDetail(Text::tr("The connection settings are not usable."), error);
    case ErrorCode::InvalidRequest:
        return withDetail(Text::tr("The request could not be sent."), error);

    // Credentials and signatures
    case ErrorCode::UnrecognizedClientException:
        return Text::tr("The endpoint does not know this access key (or its session token). Check the profile's "
                  "credentials.");
    case ErrorCode::InvalidSignatureException:
    case ErrorCode::SignatureDoesNotMatch:
        return withDetail(Text::tr("The endpoint rejected the request's signature: the secret key is wrong, or this "
                             "computer's clock is off."),
                          error);
    case ErrorCode::ExpiredTokenException:
        return Text::tr("The session token has expired. Refresh the credentials (for example aws sso login) and try "
                  "again.");
    case ErrorCode::RequestExpired:
        return Text::tr("The endpoint says the request is too old: check this computer's clock.");
    case ErrorCode::MissingAuthenticationToken:
    case ErrorCode::MissingAuthenticationTokenException:
    case ErrorCode::IncompleteSignature:
    case ErrorCode::IncompleteSignatureException:
        return withDetail(Text::tr("The endpoint did not accept the request's authentication (is the endpoint URL "
                             "right?)."),
                          error);
    case ErrorCode::AccessDeniedException:
    case ErrorCode::UnauthorizedOperationException:
        return withDetail(Text::tr("These credentials are not allowed to do this: the IAM policy must permit it."),
                          error);

    // Too many requests; the client has retried them already
    case ErrorCode::ThrottlingException:
    case ErrorCode::RequestLimitExceeded:
    case ErrorCode::TooManyRequestsException:
    case ErrorCode::ProvisionedThroughputExceededException:
        return Text::tr("The endpoint is limiting requests and still was after retrying. Wait a minute and try "
                  "again.");

    // The service's own errors
    case ErrorCode::InvalidParameterException:
    case ErrorCode::ValidationException:
        return withDetail(Text::tr("SMS rejected a value in the request."), error);
    case ErrorCode::MissingRequiredParameterException:
        return withDetail(Text::tr("SMS needs a value the request did not give."), error);
    case ErrorCode::NoConnectorsAvailableException:
        return withDetail(Text::tr("No healthy SMS connector is associated: associate one with the VM manager "
                             "first."),
                          error);
    case ErrorCode::OperationNotPermittedException:
        return withDetail(Text::tr("SMS does not allow this right now."), error);
    case ErrorCode::ReplicationJobAlreadyExistsException:
        return withDetail(Text::tr("This server already has a replication job."), error);
    case ErrorCode::ReplicationJobNotFoundException:
        return withDetail(Text::tr("The replication job does not exist (any more)."), error);
    case ErrorCode::ReplicationRunLimitExceededException:
        return withDetail(Text::tr("Too many on-demand replication runs: SMS allows two per server in 24 hours."),
                          error);
    case ErrorCode::ServerCannotBeReplicatedException:
        return withDetail(Text::tr("SMS cannot replicate this server."), error);
    case ErrorCode::TemporarilyUnavailableException:
    case ErrorCode::ServiceUnavailable:
        return Text::tr("SMS is temporarily unavailable and still was after retrying. Try again later.");
    case ErrorCode::InternalError:
    case ErrorCode::InternalFailure:
        return withDetail(Text::tr("SMS had an internal error, even after retrying. Try again later."), error);
    case ErrorCode::DryRunOperationException:
        return withDetail(Text::tr("The dry run found nothing that would stop the operation."), error);
    case ErrorCode::SerializationException:
    case ErrorCode::UnknownOperationException:
        return withDetail(Text::tr("The endpoint could not understand the request (a different API version?)."),
                          error);
    case ErrorCode::Unknown:
        break;
    }
    // A code this build does not know: say who said it, in its own words.
    const QString code = error.code.empty() ? Text::tr("an error") : QString::fromStdString(error.code);
    QString text = Text::tr("The endpoint answered %1").arg(code);
    if (error.httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(error.httpStatus);
    return withDetail(text + QLatin1Char('.'), error);
}

} // namespace

QString plainWords(const SmsError &error, PlainLength length)
{
    QString text = wordsFor(error);
    if (length == PlainLength::OneLine && text.size() > kMaxShortText)
        text = text.left(kMaxShortText - 3) + QStringLiteral("...");
    if (!error.requestId.empty())
        text += Text::tr(" (Request id %1.)").arg(QString::fromStdString(error.requestId));
    return text;
}

QString plainWords(const client::CallRecord &record)
{
    if (record.succeeded())
        return {};
    SmsError error;
    error.code = record.errorCode.toStdString();
    error.message = record.errorMessage.toStdString();
    error.httpStatus = record.httpStatus;
    error.requestId = record.requestId.toStdString();
    return plainWords(error);
}

} // namespace sms::services
