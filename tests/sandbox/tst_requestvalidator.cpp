// sms-local's checks of decoded requests against the model's enums, lengths,
// ranges and patterns, with AWS's wording.

#include "sandbox/RequestValidator.h"

#include "api/JsonCodec.h"

#include <QTest>

using namespace sms;
using namespace sms::sandbox;

namespace {

template <typename Request>
QString validate(const char *json)
{
    const auto request = api::parse<Request>(json);
    if (!request)
        qFatal("not a valid %s: %s", Request::typeName.data(), request.error().message.c_str());
    const auto result = validateRequest(request.value());
    if (result)
        return QString();
    if (result.error().errorCode() != ErrorCode::InvalidParameterException || result.error().httpStatus != 400)
        qFatal("unexpected error code");
    return QString::fromStdString(result.error().message);
}

} // namespace

class TestRequestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValidRequests()
    {
        QCOMPARE(validate<api::GetServersRequest>("{\"maxResults\":100}"), QString());
        QCOMPARE(validate<api::GetAppValidationConfigurationRequest>("{\"appId\":\"app-0123456789abcdef0\"}"), QString());
        QCOMPARE(validate<api::CreateAppRequest>(
                     "{\"name\":\"billing\",\"serverGroups\":[{\"serverList\":[{\"serverType\":\"VIRTUAL_MACHINE\"}]}]}"),
                 QString());
    }

    void explainsEachViolation()
    {
        QCOMPARE(validate<api::GetAppValidationConfigurationRequest>("{\"appId\":\"app-12\"}"),
                 QStringLiteral("1 validation error detected: Value 'app-12' at 'appId' failed to satisfy constraint: "
                                "Member must satisfy regular expression pattern: ^app-[0-9a-f]{17}$"));
        QCOMPARE(validate<api::CreateAppRequest>(
                     "{\"serverGroups\":[{\"serverList\":[{},{\"serverType\":\"PHYSICAL\"}]}]}"),
                 QStringLiteral("1 validation error detected: Value 'PHYSICAL' at 'serverGroups.1.serverList.2.serverType' "
                                "failed to satisfy constraint: Member must satisfy enum value set: [VIRTUAL_MACHINE]"));
        QCOMPARE(validate<api::GenerateTemplateRequest>("{\"templateFormat\":\"XML\"}"),
                 QStringLiteral("1 validation error detected: Value 'XML' at 'templateFormat' failed to satisfy "
                                "constraint: Member must satisfy enum value set: [JSON, YAML]"));
    }

    void checksRangesAndLengthsDeepInside()
    {
        const QString message = validate<api::PutAppValidationConfigurationRequest>(
            "{\"appId\":\"app-0123456789abcdef0\",\"appValidationConfigurations\":[{\"name\":\"has space\","
            "\"validationStrategy\":\"SSM\",\"ssmValidationParameters\":{\"source\":{\"s3Location\":{\"bucket\":\"ab\"}},"
            "\"executionTimeoutSeconds\":30,\"command\":\"\"}}]}");
        QVERIFY2(message.startsWith(QStringLiteral("4 validation errors detected: ")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Value 'has space' at 'appValidationConfigurations.1.name' failed to "
                                                "satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+$")));
        QVERIFY(message.contains(QStringLiteral("at 'appValidationConfigurations.1.ssmValidationParameters.source.s3Location.bucket' "
                                                "failed to satisfy constraint: Member must have length greater than or equal to 3")));
        QVERIFY(message.contains(QStringLiteral("Value '30' at 'appValidationConfigurations.1.ssmValidationParameters"
                                                ".executionTimeoutSeconds' failed to satisfy constraint: Member must have "
                                                "value greater than or equal to 60")));
        QVERIFY(message.contains(QStringLiteral("ssmValidationParameters.command' failed to satisfy constraint: "
                                                "Member must have length greater than or equal to 1")));
        QVERIFY(message.contains(QStringLiteral("'appValidationConfigurations.1.validationStrategy'")) == false);
    }
};

QTEST_APPLESS_MAIN(TestRequestValidator)
#include "tst_requestvalidator.moc"
