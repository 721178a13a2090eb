// SigV4Signer against AWS's official test suite (tests/data/aws-sig-v4-test-suite,
// Apache-2.0, see its LICENSE and NOTICE) plus the cases the suite lacks:
// session tokens, verification and canonicalisation details.

#include "client/SigV4Signer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace sms::client;

namespace {

const QString kSuiteDir = QStringLiteral(SMS_TEST_DATA "/aws-sig-v4-test-suite");
const QByteArray kAccessKey = QByteArrayLiteral("AKIDEXAMPLE");
const QByteArray kSecretKey = QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QByteArray kSuiteDate = QByteArrayLiteral("20150830T123600Z");
// The token of the suite's post-sts-token vectors (see its readme.txt).
const QByteArray kSuiteToken = QByteArrayLiteral(
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPf"
    "IeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0"
    "wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDry"
    "pNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==");

QDateTime suiteNow()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc());
}

Credentials suiteCredentials(const QByteArray &sessionToken = {})
{
    Credentials credentials;
    credentials.accessKeyId = QString::fromLatin1(kAccessKey);
    credentials.secretAccessKey = QString::fromLatin1(kSecretKey);
    credentials.sessionToken = QString::fromLatin1(sessionToken);
    credentials.source = QStringLiteral("test");
    return credentials;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// The suite's .req format: request line, headers (a line starting with
// whitespace continues the previous value), blank line, body. The target may
// hold spaces ("GET /example space/ HTTP/1.1"), so the version is cut from the end.
SigningInput parseRequest(QByteArray text)
{
    text.replace("\r\n", "\n");
    const qsizetype blank = text.indexOf("\n\n");
    SigningInput input;
    if (blank >= 0)
        input.body = text.mid(blank + 2);
    QList<QByteArray> lines = (blank >= 0 ? text.left(blank) : text).split('\n');

    const QByteArray requestLine = lines.takeFirst();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    input.method = requestLine.left(firstSpace);
    const QByteArray target = requestLine.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    const qsizetype question = target.indexOf('?');
    input.path = question < 0 ? target : target.left(question);
    input.query = question < 0 ? QByteArray() : target.mid(question + 1);

    for (const QByteArray &line : std::as_const(lines)) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !input.headers.isEmpty()) {
            input.headers.last().second += '\n' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        input.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return input;
}

// "… SignedHeaders=a;b, Signature=hex" → its parts, as sms-local will read them.
QList<QByteArray> signedHeadersOf(const QByteArray &authorization)
{
    const qsizetype from = authorization.indexOf("SignedHeaders=") + 14;
    return authorization.mid(from, authorization.indexOf(',', from) - from).split(';');
}

QByteArray signatureOf(const QByteArray &authorization)
{
    return authorization.mid(authorization.indexOf("Signature=") + 10);
}

// Two vectors of AWS's suite contradict themselves: their .sts and .authz were
// made from another request than their .req and .creq (the .sts does not hold
// the hash of the .creq). awsSuiteErrata() reproduces them from that request.
struct Erratum
{
    const char *reason = nullptr;  // null: the vector is consistent
    bool authzVerifies = true;     // does the .authz verify against the .req?
};

Erratum erratumOf(const QString &vectorName)
{
    if (vectorName == u"post-x-www-form-urlencoded")
        return {"AWS suite erratum: .sts/.authz leave Content-Length unsigned, its .creq signs it"};
    if (vectorName == u"post-x-www-form-urlencoded-parameters")
        return {"AWS suite erratum: .sts/.authz were made from 'charset=utf8' without Content-Length",
                false};
    return {};
}

// Signs a suite vector the way its folder asks for (post-sts-token variants).
SigningResult signSuiteRequest(const QString &vectorName, const SigningInput &request)
{
    const bool tokenAfter = vectorName == u"post-sts-header-after";
    const bool tokenBefore = vectorName == u"post-sts-header-before";
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("service"),
                             tokenAfter ? SigV4Signer::TokenSigning::AddedAfterSigning
                                        : SigV4Signer::TokenSigning::Signed);
    const auto signedRequest = signer.sign(
        request, suiteCredentials(tokenAfter || tokenBefore ? kSuiteToken : QByteArray()),
        suiteNow());
    if (!signedRequest)
        qFatal("signing failed: %s", signedRequest.error().describe().c_str());
    return signedRequest.value();
}

SigningInput smsRequest()
{
    SigningInput input;
    input.method = "POST";
    input.path = "/";
    input.headers = {
        {"Host", "sms.us-east-1.amazonaws.com"},
        {"Content-Type", "application/x-amz-json-1.1"},
        {"X-Amz-Target", "AWSServerMigrationService_V2016_10_24.GetServers"},
    };
    input.body = R"({"maxResults":50})";
    return input;
}

// The request as it goes over the wire: the input plus what sign() added.
SigningInput sentRequest(const SigningInput &input, const SigningResult &result)
{
    SigningInput sent = input;
    sent.headers += result.headersToAdd;
    return sent;
}

QByteArray canonicalLine(const SigningInput &input, int line, bool normalizePath = true)
{
    const auto rules = normalizePath ? SigV4Signer::Rules::Standard : SigV4Signer::Rules::S3;
    return SigV4Signer::canonicalRequest(input, {"host"}, rules).split('\n').at(line);
}

} // namespace

class TestSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void awsSuite_data();
    void awsSuite();
    void awsSuiteErrata_data();
    void awsSuiteErrata();

    void sessionToken_data();
    void sessionToken();
    void verification_data();
    void verification();
    void canonicalPath_data();
    void canonicalPath();
    void payloadHash_data();
    void payloadHash();
    void canonicalQuery_data();
    void canonicalQuery();
    void signingKeyMatchesAwsDocumentation();
    void nowIsConvertedToUtc();
    void refusesInvalidCredentials();
    void refusesMalformedAmzDate();
    void signaturesEqual();
};

void TestSigV4::awsSuite_data()
{
    QTest::addColumn<QString>("basePath"); // vector folder + name, without extension

    QStringList basePaths;
    QDirIterator it(kSuiteDir, {QStringLiteral("*.req")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        basePaths.append(info.absolutePath() + u'/' + info.completeBaseName());
    }
    basePaths.sort();
    QVERIFY2(basePaths.size() >= 30, "the AWS test suite is missing or incomplete");

    const QDir suite(kSuiteDir);
    for (const QString &basePath : std::as_const(basePaths)) {
        const QString row = suite.relativeFilePath(QFileInfo(basePath).absolutePath());
        QTest::addRow("%s", qPrintable(row)) << basePath;
    }
}

void TestSigV4::awsSuite()
{
    QFETCH(QString, basePath);
    const QString name = QFileInfo(basePath).fileName();
    const SigningInput request = parseRequest(readFile(basePath + QLatin1String(".req")));
    const QByteArray expectedAuthz = readFile(basePath + QLatin1String(".authz"));

    const SigningResult result = signSuiteRequest(name, request);
    QCOMPARE(result.canonicalRequest, readFile(basePath + QLatin1String(".creq")));
    const Erratum erratum = erratumOf(name);
    if (erratum.reason)
        QEXPECT_FAIL("", erratum.reason, Continue);
    QCOMPARE(result.stringToSign, readFile(basePath + QLatin1String(".sts")));
    if (erratum.reason)
        QEXPECT_FAIL("", erratum.reason, Continue);
    QCOMPARE(result.authorization, expectedAuthz);

    // What sms-local will do: recompute from the request and the .authz's header list.
    const SigV4Signer verifier(QStringLiteral("us-east-1"), QStringLiteral("service"));
    const QByteArray recomputed = verifier.computeSignature(
        request, signedHeadersOf(expectedAuthz), kSuiteDate, kSecretKey);
    if (!erratum.authzVerifies)
        QEXPECT_FAIL("", erratum.reason, Continue);
    QCOMPARE(recomputed, signatureOf(expectedAuthz));
}

// The request each erratum vector's .sts and .authz were really made from:
// without Content-Length, and for -parameters with "charset=utf8". That
// vector's .authz still lists content-length, so only its Signature is compared.
void TestSigV4::awsSuiteErrata_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("authzConsistent");

    QTest::addRow("post-x-www-form-urlencoded")
        << QStringLiteral("post-x-www-form-urlencoded")
        << QByteArray("application/x-www-form-urlencoded") << true;
    QTest::addRow("post-x-www-form-urlencoded-parameters")
        << QStringLiteral("post-x-www-form-urlencoded-parameters")
        << QByteArray("application/x-www-form-urlencoded; charset=utf8") << false;
}

void TestSigV4::awsSuiteErrata()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, authzConsistent);
    const QString basePath = kSuiteDir + u'/' + name + u'/' + name;

    SigningInput request = parseRequest(readFile(basePath + QLatin1String(".req")));
    request.headers.removeIf([](const auto &header) { return header.first == "Content-Length"; });
    for (auto &header : request.headers) {
        if (header.first == "Content-Type")
            header.second = contentType;
    }

    const SigningResult result = signSuiteRequest(name, request);
    QCOMPARE(result.stringToSign, readFile(basePath + QLatin1String(".sts")));
    const QByteArray authz = readFile(basePath + QLatin1String(".authz"));
    QCOMPARE(result.signature, signatureOf(authz));
    if (authzConsistent)
        QCOMPARE(result.authorization, authz);
}

void TestSigV4::sessionToken_data()
{
    QTest::addColumn<SigV4Signer::TokenSigning>("tokenSigning");
    QTest::addColumn<QByteArray>("signedHeaders");

    QTest::addRow("signed") << SigV4Signer::TokenSigning::Signed
                            << QByteArray("content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
    QTest::addRow("added after signing") << SigV4Signer::TokenSigning::AddedAfterSigning
                                         << QByteArray("content-type;host;x-amz-date;x-amz-target");
}

void TestSigV4::sessionToken()
{
    QFETCH(SigV4Signer::TokenSigning, tokenSigning);
    QFETCH(QByteArray, signedHeaders);

    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("sms"), tokenSigning);
    const auto result = signer.sign(smsRequest(), suiteCredentials("session-token"), suiteNow());
    QVERIFY(result.ok());

    const HeaderList expectedAdded = {
        {"X-Amz-Date", kSuiteDate},
        {"X-Amz-Security-Token", "session-token"},
        {"Authorization", result->authorization},
    };
    QCOMPARE(result->headersToAdd, expectedAdded);
    const QList<QByteArray> lines = result->canonicalRequest.split('\n');
    QCOMPARE(lines.at(lines.size() - 2), signedHeaders);
    QVERIFY(result->authorization.startsWith(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/sms/aws4_request, SignedHeaders="
        + signedHeaders + ", Signature="));
}

void TestSigV4::verification_data()
{
    using Tamper = std::function<void(SigningInput &)>;
    QTest::addColumn<Tamper>("tamper");
    QTest::addColumn<bool>("valid");

    QTest::addRow("as sent") << Tamper([](SigningInput &) {}) << true;
    QTest::addRow("header names in another case") << Tamper([](SigningInput &r) {
        for (auto &header : r.headers)
            header.first = header.first.toUpper();
    }) << true;
    QTest::addRow("unsigned header added") << Tamper([](SigningInput &r) {
        r.headers.emplaceBack("User-Agent", "proxy/1.0");
    }) << true;
    QTest::addRow("body changed") << Tamper([](SigningInput &r) {
        r.body.replace("50", "51");
    }) << false;
    QTest::addRow("signed header changed") << Tamper([](SigningInput &r) {
        r.headers[2].second = "AWSServerMigrationService_V2016_10_24.DeleteApp";
    }) << false;
    QTest::addRow("query added") << Tamper([](SigningInput &r) { r.query = "a=b"; }) << false;
    QTest::addRow("path changed") << Tamper([](SigningInput &r) { r.path = "/x"; }) << false;
}

void TestSigV4::verification()
{
    using Tamper = std::function<void(SigningInput &)>;
    QFETCH(Tamper, tamper);
    QFETCH(bool, valid);

    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("sms"));
    const auto result = signer.sign(smsRequest(), suiteCredentials("token"), suiteNow());
    QVERIFY(result.ok());

    SigningInput received = sentRequest(smsRequest(), result.value());
    tamper(received);
    const QByteArray recomputed = signer.computeSignature(
        received, signedHeadersOf(result->authorization), result->amzDate, kSecretKey);
    QCOMPARE(SigV4Signer::signaturesEqual(recomputed, result->signature), valid);
}

void TestSigV4::canonicalPath_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("normalize");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("empty") << QByteArray() << true << QByteArray("/");
    QTest::addRow("percent-encoded twice") << QByteArray("/a%20b") << true << QByteArray("/a%2520b");
    QTest::addRow("dot segments") << QByteArray("/a/./b/../c/") << true << QByteArray("/a/c/");
    QTest::addRow("above root") << QByteArray("/../../a") << true << QByteArray("/a");
    QTest::addRow("s3 kept as sent") << QByteArray("/a%20b//./c") << false << QByteArray("/a%20b//./c");
}

void TestSigV4::canonicalPath()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, normalize);
    QFETCH(QByteArray, expected);

    SigningInput input;
    input.method = "GET";
    input.path = path;
    QCOMPARE(canonicalLine(input, 1, normalize), expected);
}

void TestSigV4::payloadHash_data()
{
    QTest::addColumn<bool>("standard");
    QTest::addColumn<QByteArray>("declared");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray bodyHash = QCryptographicHash::hash("body", QCryptographicHash::Sha256).toHex();
    QTest::addRow("standard hashes the body") << true << QByteArray("UNSIGNED-PAYLOAD") << bodyHash;
    QTest::addRow("s3 takes what is declared") << false << QByteArray("UNSIGNED-PAYLOAD")
                                               << QByteArray("UNSIGNED-PAYLOAD");
    QTest::addRow("s3 without a declaration") << false << QByteArray() << bodyHash;
}

void TestSigV4::payloadHash()
{
    QFETCH(bool, standard);
    QFETCH(QByteArray, declared);
    QFETCH(QByteArray, expected);

    SigningInput input;
    input.method = "GET";
    input.body = "body";
    if (!declared.isNull())
        input.headers.append({"X-Amz-Content-SHA256", declared});
    const auto rules = standard ? SigV4Signer::Rules::Standard : SigV4Signer::Rules::S3;
    QCOMPARE(SigV4Signer::canonicalRequest(input, {"host"}, rules).split('\n').last(), expected);
}

void TestSigV4::canonicalQuery_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("empty") << QByteArray() << QByteArray();
    QTest::addRow("no value") << QByteArray("b&a=1") << QByteArray("a=1&b=");
    QTest::addRow("empty pairs skipped") << QByteArray("&a=1&&") << QByteArray("a=1");
    QTest::addRow("value order") << QByteArray("a=2&a=10&a=1") << QByteArray("a=1&a=10&a=2");
    QTest::addRow("upper case first") << QByteArray("b=1&B=2") << QByteArray("B=2&b=1");
    QTest::addRow("re-encoded") << QByteArray("k=%7e%2f%2B+x y") << QByteArray("k=~%2F%2B%2Bx%20y");
    QTest::addRow("equals in value") << QByteArray("k=a=b") << QByteArray("k=a%3Db");
}

void TestSigV4::canonicalQuery()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, expected);

    SigningInput input;
    input.method = "GET";
    input.query = query;
    QCOMPARE(canonicalLine(input, 2), expected);
}

// The worked example of AWS's "derive a signing key" documentation.
void TestSigV4::signingKeyMatchesAwsDocumentation()
{
    const QByteArray key = SigV4Signer::signingKey(kSecretKey, "20120215", "us-east-1", "iam");
    QCOMPARE(key.toHex(), QByteArray("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
}

void TestSigV4::nowIsConvertedToUtc()
{
    const QDateTime inBerlinSummer(QDate(2015, 8, 30), QTime(14, 36),
                                   QTimeZone(2 * 3600));
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("sms"));
    const auto result = signer.sign(smsRequest(), suiteCredentials(), inBerlinSummer);
    QVERIFY(result.ok());
    QCOMPARE(result->amzDate, kSuiteDate);
    QCOMPARE(result->headersToAdd.size(), 2); // X-Amz-Date, Authorization: no token
}

void TestSigV4::refusesInvalidCredentials()
{
    Credentials noSecret = suiteCredentials();
    noSecret.secretAccessKey.clear();
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("sms"));
    const auto result = signer.sign(smsRequest(), noSecret, suiteNow());
    QVERIFY(!result.ok());
    QVERIFY(result.error().errorCode() == sms::ErrorCode::CredentialsNotFound);
}

void TestSigV4::refusesMalformedAmzDate()
{
    SigningInput input = smsRequest();
    input.headers.emplaceBack("X-Amz-Date", "2015-08-30T12:36:00Z");
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("sms"));
    const auto result = signer.sign(input, suiteCredentials(), suiteNow());
    QVERIFY(!result.ok());
    QVERIFY(result.error().errorCode() == sms::ErrorCode::InvalidRequest);
}

void TestSigV4::signaturesEqual()
{
    QVERIFY(SigV4Signer::signaturesEqual("abc", "abc"));
    QVERIFY(!SigV4Signer::signaturesEqual("abc", "abd"));
    QVERIFY(!SigV4Signer::signaturesEqual("abc", "ab"));
    QVERIFY(SigV4Signer::signaturesEqual({}, {}));
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
