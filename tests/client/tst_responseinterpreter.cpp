#include "client/ResponseInterpreter.h"

#include <QTest>

using namespace sms;
using namespace sms::client;

class TestResponseInterpreter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsResponses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("errorTypeHeader");
        QTest::addColumn<QString>("code");      // empty: success
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("retryable");

        const QByteArray json = "application/x-amz-json-1.1";
        QTest::addRow("success") << 200 << json << QByteArray("{\"apps\":[]}") << QByteArray() << "" << "" << false;
        QTest::addRow("empty success") << 200 << json << QByteArray() << QByteArray() << "" << "" << false;
        QTest::addRow("prefixed type")
            << 400 << json << QByteArray("{\"__type\":\"com.amazonaws.sms.v20161024#InvalidParameterException\",\"message\":\"bad\"}")
            << QByteArray() << "InvalidParameterException" << "bad" << false;
        QTest::addRow("bare type, Message")
            << 400 << json << QByteArray("{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}")
            << QByteArray() << "ThrottlingException" << "Rate exceeded" << true;
        QTest::addRow("header type")
            << 403 << json << QByteArray("{}") << QByteArray("UnrecognizedClientException:http://internal.amazon.com/")
            << "UnrecognizedClientException" << "HTTP 403" << false;
        QTest::addRow("header type with a # in its URL")
            << 400 << json << QByteArray("{}") << QByteArray("ThrottlingException:http://internal.amazon.com/doc#part")
            << "ThrottlingException" << "HTTP 400" << true;
        QTest::addRow("html 502")
            << 502 << QByteArray("text/html; charset=utf-8")
            << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>") << QByteArray()
            << "InvalidResponse" << "HTTP 502 from the endpoint with a text/html body: \"502 Bad Gateway\"" << true;
        QTest::addRow("html 403 from a proxy")
            << 403 << QByteArray("text/html") << QByteArray("<h1>Access denied by proxy</h1>") << QByteArray()
            << "InvalidResponse" << "HTTP 403 from the endpoint with a text/html body: \"<h1>Access denied by proxy</h1>\"" << false;
        QTest::addRow("empty 504") << 504 << QByteArray() << QByteArray() << QByteArray()
                                   << "InvalidResponse" << "HTTP 504 from the endpoint with an empty body" << true;
        QTest::addRow("truncated 200")
            << 200 << json << QByteArray("{\"serverList\":[{\"serverId\":") << QByteArray() << "InvalidResponse"
            << "the endpoint answered HTTP 200 but the body is not a JSON object (truncated, or not an SMS endpoint?): a application/x-amz-json-1.1 body: \"{\"serverList\":[{\"serverId\":\""
            << false;
        QTest::addRow("json array 200") << 200 << json << QByteArray("[1,2]") << QByteArray() << "InvalidResponse"
            << "the endpoint answered HTTP 200 but the body is not a JSON object (truncated, or not an SMS endpoint?): a application/x-amz-json-1.1 body: \"[1,2]\""
            << false;
    }

    void mapsResponses()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, errorTypeHeader);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(bool, retryable);

        const HttpResponse response{status, body, "req-1", contentType, errorTypeHeader};
        const bool success = status >= 200 && status < 300;
        const auto result = success ? parseBody(response) : checkStatus(response).error();
        QCOMPARE(result.ok(), code.isEmpty());
        if (result.ok())
            return;
        QCOMPARE(QString::fromStdString(result.error().code), code);
        QCOMPARE(QString::fromStdString(result.error().message), message);
        QCOMPARE(result.error().retryable, retryable);
        QCOMPARE(result.error().httpStatus, status);
        QCOMPARE(result.error().requestId, std::string("req-1"));
    }
};

QTEST_APPLESS_MAIN(TestResponseInterpreter)
#include "tst_responseinterpreter.moc"
