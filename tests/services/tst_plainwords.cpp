// Errors in plain words: each kind of failure gets a sentence a user can act
// on, keeps the service's own message where it says what the code does not,
// and names the request id.

#include "services/PlainWords.h"

#include <QTest>

using namespace sms;
using namespace sms::services;

namespace {

SmsError error(ErrorCode code, std::string message, int httpStatus = 0, std::string requestId = {})
{
    SmsError e = SmsError::make(code, std::move(message), httpStatus);
    e.requestId = std::move(requestId);
    return e;
}

SmsError withCode(std::string code, std::string message, int httpStatus)
{
    SmsError e;
    e.code = std::move(code);
    e.message = std::move(message);
    e.httpStatus = httpStatus;
    return e;
}

} // namespace

Q_DECLARE_METATYPE(sms::SmsError)

class TestPlainWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void words_data()
    {
        QTest::addColumn<SmsError>("error");
        QTest::addColumn<QStringList>("expected");  // each must appear
        QTest::addColumn<QStringList>("absent");    // none may appear

        // The messages are the client's own wording (client/SmsCall.cpp,
        // client/ResponseInterpreter.cpp) and the sandbox's.
        QTest::addRow("connection refused")
            << error(ErrorCode::NetworkError, "could not reach http://127.0.0.1:9: Connection refused")
            << QStringList{QStringLiteral("refused the connection"), QStringLiteral("http://127.0.0.1:9")}
            << QStringList{};
        QTest::addRow("host not found")
            << error(ErrorCode::NetworkError,
                     "could not reach https://sms.nowhere.example: Host sms.nowhere.example not found")
            << QStringList{QStringLiteral("host name could not be found")} << QStringList{};
        QTest::addRow("network down")
            << error(ErrorCode::NetworkError,
                     "could not reach https://sms.us-east-1.amazonaws.com: Network unreachable")
            << QStringList{QStringLiteral("could not be reached"), QStringLiteral("Network unreachable")}
            << QStringList{};
        QTest::addRow("tls failure")
            << error(ErrorCode::NetworkError, "TLS verification failed: The certificate is self-signed, and untrusted")
            << QStringList{QStringLiteral("certificate was not accepted"), QStringLiteral("self-signed")}
            << QStringList{};
        QTest::addRow("truncated answer")
            << error(ErrorCode::NetworkError,
                     "the connection closed before the whole response arrived (Connection closed)")
            << QStringList{QStringLiteral("closed before the whole answer arrived")} << QStringList{};
        QTest::addRow("connect timeout")
            << error(ErrorCode::Timeout, "could not connect to https://sms.example within 10000 ms")
            << QStringList{QStringLiteral("did not accept a connection in time")} << QStringList{};
        QTest::addRow("answer timeout")
            << error(ErrorCode::Timeout, "no complete response within 60000 ms")
            << QStringList{QStringLiteral("did not answer in time")} << QStringList{};
        QTest::addRow("a wait of our own")
            << error(ErrorCode::Timeout, "The server catalog import was not over after 600 s.")
            << QStringList{QStringLiteral("too long"), QStringLiteral("not over after 600 s")}
            << QStringList{QStringLiteral("did not answer")};
        QTest::addRow("html page from a proxy")
            << error(ErrorCode::InvalidResponse,
                     "HTTP 502 from the endpoint with a text/html body: \"Bad Gateway\"", 502)
            << QStringList{QStringLiteral("web page"), QStringLiteral("Bad Gateway")} << QStringList{};
        QTest::addRow("body cut off")
            << error(ErrorCode::InvalidResponse,
                     "the endpoint answered HTTP 200 but the body is not a JSON object (truncated, or not an SMS "
                     "endpoint?): a application/x-amz-json-1.1 body: \"{\\\"serverList\\\": [\"", 200)
            << QStringList{QStringLiteral("could not be read")} << QStringList{QStringLiteral("web page")};
        QTest::addRow("not the model")
            << error(ErrorCode::InvalidResponse, "the response does not match the SMS model: serverList is not a list")
            << QStringList{QStringLiteral("does not fit the SMS API")} << QStringList{};
        QTest::addRow("unknown access key")
            << error(ErrorCode::UnrecognizedClientException, "The security token included in the request is invalid.",
                     400, "rid-1")
            << QStringList{QStringLiteral("does not know this access key"), QStringLiteral("rid-1")}
            << QStringList{};
        QTest::addRow("wrong secret")
            << error(ErrorCode::InvalidSignatureException,
                     "The request signature we calculated does not match the signature you provided.\n\n"
                     "The Canonical String for this request should have been\n'POST\n/\n...'",
                     403)
            << QStringList{QStringLiteral("secret key is wrong"), QStringLiteral("does not match the signature")}
            << QStringList{QStringLiteral("Canonical String")};
        QTest::addRow("expired token")
            << error(ErrorCode::ExpiredTokenException, "The security token included in the request is expired", 400)
            << QStringList{QStringLiteral("session token has expired")} << QStringList{};
        QTest::addRow("no credentials")
            << error(ErrorCode::CredentialsNotFound, "no credentials in the environment or profile default")
            << QStringList{QStringLiteral("No AWS credentials")} << QStringList{};
        QTest::addRow("throttled after retries")
            << error(ErrorCode::ThrottlingException, "Rate exceeded", 400)
            << QStringList{QStringLiteral("limiting requests"), QStringLiteral("after retrying")} << QStringList{};
        QTest::addRow("bad parameter keeps the service's words")
            << error(ErrorCode::InvalidParameterException, "Server s-0123 is not in the server catalog.", 400,
                     "req-42")
            << QStringList{QStringLiteral("rejected a value"),
                           QStringLiteral("Server s-0123 is not in the server catalog."),
                           QStringLiteral("Request id req-42")}
            << QStringList{};
        QTest::addRow("missing parameter")
            << error(ErrorCode::MissingRequiredParameterException, "appId is required.", 400)
            << QStringList{QStringLiteral("needs a value"), QStringLiteral("appId is required.")} << QStringList{};
        QTest::addRow("no connectors")
            << error(ErrorCode::NoConnectorsAvailableException, "No healthy connector is associated.", 400)
            << QStringList{QStringLiteral("No healthy SMS connector")} << QStringList{};
        QTest::addRow("not permitted")
            << error(ErrorCode::OperationNotPermittedException,
                     "Application app-1 is replicating; stop its replication first or set forceStopAppReplication.",
                     400)
            << QStringList{QStringLiteral("does not allow this"), QStringLiteral("app-1 is replicating")}
            << QStringList{};
        QTest::addRow("run limit")
            << error(ErrorCode::ReplicationRunLimitExceededException, "", 400)
            << QStringList{QStringLiteral("two per server in 24 hours")} << QStringList{};
        QTest::addRow("cannot replicate")
            << error(ErrorCode::ServerCannotBeReplicatedException, "Server s-1 has no supported disk.", 400)
            << QStringList{QStringLiteral("cannot replicate"), QStringLiteral("no supported disk")} << QStringList{};
        QTest::addRow("job exists")
            << error(ErrorCode::ReplicationJobAlreadyExistsException, "", 400)
            << QStringList{QStringLiteral("already has a replication job")} << QStringList{};
        QTest::addRow("internal error")
            << error(ErrorCode::InternalError, "Something broke.", 500)
            << QStringList{QStringLiteral("internal error")} << QStringList{};
        QTest::addRow("unauthorized")
            << error(ErrorCode::UnauthorizedOperationException,
                     "User is not authorized to perform sms:GetServers.", 400)
            << QStringList{QStringLiteral("not allowed"), QStringLiteral("sms:GetServers")} << QStringList{};
        QTest::addRow("canceled") << error(ErrorCode::Canceled, "the call was canceled")
                                  << QStringList{QStringLiteral("Canceled.")} << QStringList{};
        QTest::addRow("a code this build does not know")
            << withCode("BrandNewException", "Something new went wrong", 400)
            << QStringList{QStringLiteral("BrandNewException"), QStringLiteral("HTTP 400"),
                           QStringLiteral("Something new went wrong.")}
            << QStringList{};
        QTest::addRow("a long message is cut")
            << error(ErrorCode::InvalidParameterException, std::string(1000, 'x'), 400)
            << QStringList{QStringLiteral("...")} << QStringList{QString(400, QLatin1Char('x'))};
    }

    void words()
    {
        QFETCH(SmsError, error);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        const QString text = plainWords(error);
        for (const QString &part : expected)
            QVERIFY2(text.contains(part), qPrintable(text));
        for (const QString &part : absent)
            QVERIFY2(!text.contains(part), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1Char('\n')), qPrintable(text));  // one line for the status bar
    }

    // What a dialog shows in a wrapping label: every word of the first
    // paragraph, and nothing said twice.
    void wholeWords_data()
    {
        QTest::addColumn<SmsError>("error");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        QTest::addRow("the credential chain's search, said once and whole")
            << error(ErrorCode::CredentialsNotFound,
                     "No AWS credentials found. Looked for environment variables AWS_ACCESS_KEY_ID and "
                     "AWS_SECRET_ACCESS_KEY (not set), then for aws_access_key_id/aws_secret_access_key or "
                     "credential_process for profile 'default' in shared credentials file "
                     "'/home/someone/.aws/credentials' (file does not exist) and shared config file "
                     "'/home/someone/.aws/config' (file does not exist).")
            << QStringList{QStringLiteral("No AWS credentials were found. Looked for"),
                           QStringLiteral("'/home/someone/.aws/config' (file does not exist).")}
            << QStringList{QStringLiteral("credentials found"), QStringLiteral("...")};
        QTest::addRow("a long message is whole")
            << error(ErrorCode::InvalidParameterException, std::string(1000, 'x'), 400)
            << QStringList{QString(1000, QLatin1Char('x'))} << QStringList{QStringLiteral("...")};
    }

    void wholeWords()
    {
        QFETCH(SmsError, error);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        const QString text = plainWords(error, PlainLength::Whole);
        for (const QString &part : expected)
            QVERIFY2(text.contains(part), qPrintable(text));
        for (const QString &part : absent)
            QVERIFY2(!text.contains(part), qPrintable(text));
    }

    void wordsACallRecord()
    {
        client::CallRecord record;
        record.operation = QStringLiteral("CreateApp");
        QVERIFY(plainWords(record).isEmpty());  // it succeeded
        record.httpStatus = 400;
        record.requestId = QStringLiteral("rid-7");
        record.errorCode = QStringLiteral("InvalidParameterException");
        record.errorMessage = QStringLiteral("Server s-1 is not in the server catalog.");
        const QString text = plainWords(record);
        QVERIFY2(text.contains(QStringLiteral("rejected a value")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Server s-1 is not in the server catalog.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("rid-7")), qPrintable(text));
    }

    // Every code the client knows has words of its own, never the fallback.
    void everyKnownCodeHasWords()
    {
        for (int c = int(ErrorCode::DryRunOperationException); c <= int(ErrorCode::InvalidConfiguration); ++c) {
            const auto code = ErrorCode(c);
            const QString text = plainWords(SmsError::make(code, "", 400));
            QVERIFY2(!text.startsWith(QStringLiteral("The endpoint answered")),
                     qPrintable(QString::fromUtf8(toString(code).data(), qsizetype(toString(code).size()))
                                + QStringLiteral(": ") + text));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlainWords)
#include "tst_plainwords.moc"
