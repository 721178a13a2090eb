// The JSON codec against every operation's request and response, and its
// rules: omitted unset members, ignored unknown members, kept unknown enums,
// epoch-second timestamps and errors that name the member.

#include "api/JsonCodec.h"
#include "api/SmsOperations.h"

#include <QFile>
#include <QTest>

using namespace sms;
using namespace sms::api;

namespace {

Json readSample(const QString &name)
{
    QFile file(QStringLiteral(SMS_TEST_DATA "/api/samples/") + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open sample %s", qPrintable(file.fileName()));
    return Json::parse(file.readAll().toStdString());
}

using RoundTrip = Result<Json> (*)(const Json &);

template <typename T>
Result<Json> roundTrip(const Json &input)
{
    auto decoded = fromJson<T>(input);
    if (!decoded)
        return decoded.error();
    // A second pass through the typed value must be stable too.
    auto again = fromJson<T>(toJson(decoded.value()));
    if (!again || !(again.value() == decoded.value()))
        return SmsError::make(ErrorCode::Unknown, "typed value changed on the second pass");
    return toJson(decoded.value());
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyOperationIsCovered()
    {
        int count = 0;
#define COUNT_OP(Op, method) ++count;
        SMS_FOR_EACH_OPERATION(COUNT_OP)
#undef COUNT_OP
        QCOMPARE(count, 35);
    }

    void roundTripsEveryMember_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<void *>("function");
#define ADD_ROWS(Op, method)                                                               \
    QTest::addRow(#Op "Request") << QStringLiteral(#Op "Request")                          \
                                 << reinterpret_cast<void *>(&roundTrip<Op##Request>);     \
    QTest::addRow(#Op "Response") << QStringLiteral(#Op "Response")                        \
                                  << reinterpret_cast<void *>(&roundTrip<Op##Response>);
        SMS_FOR_EACH_OPERATION(ADD_ROWS)
#undef ADD_ROWS
    }

    void roundTripsEveryMember()
    {
        QFETCH(QString, sample);
        QFETCH(void *, function);
        const Json input = readSample(sample);
        const auto output = reinterpret_cast<RoundTrip>(function)(input);
        QVERIFY2(output.ok(), output ? "" : output.error().describe().c_str());
        QCOMPARE(QString::fromStdString(output.value().dump(2)), QString::fromStdString(input.dump(2)));
    }

    void escapesStrings()
    {
        VmServer vm;
        vm.vmName = std::string("say \"hi\"\\ \n\t\x01 caf\xC3\xA9", 19);
        const std::string text = serialize(vm);
        QCOMPARE(text, std::string("{\"vmName\":\"say \\\"hi\\\"\\\\ \\n\\t\\u0001 caf\xC3\xA9\"}"));
        QCOMPARE(Json::parse(text)["vmName"].get<std::string>(), *vm.vmName);
        QCOMPARE(parse<VmServer>(text).value(), vm);
    }

    void prettyPrints()
    {
        GetServersResponse response;
        response.serverCatalogStatus = ServerCatalogStatus::Available;
        response.serverList.emplace().emplace_back().serverId = "s-1";
        response.serverList->emplace_back();
        CreateAppRequest empty;
        empty.tags.emplace();
        QCOMPARE(serialize(response, 4),
                 std::string("{\n    \"serverCatalogStatus\": \"AVAILABLE\",\n    \"serverList\": [\n        {\n"
                             "            \"serverId\": \"s-1\"\n        },\n        {}\n    ]\n}"));
        QCOMPARE(serialize(empty, 2), std::string("{\n  \"tags\": []\n}"));
    }

    void keepsUnknownEnumValues()
    {
        const auto server = parse<Server>(R"({"serverType":"PHYSICAL_MACHINE"})");
        QVERIFY(server.ok());
        QVERIFY(!server->serverType->isKnown());
        QVERIFY(server->serverType->value() == ServerType::Unknown);
        QCOMPARE(serialize(server.value()), std::string(R"({"serverType":"PHYSICAL_MACHINE"})"));
    }

    void mapsKnownEnumValues_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<int>("value");
        QTest::addRow("vsphere") << "VSPHERE" << int(VmManagerType::Vsphere);
        QTest::addRow("hyperv with dash") << "HYPERV-MANAGER" << int(VmManagerType::HypervManager);
        QTest::addRow("case matters") << "vsphere" << int(VmManagerType::Unknown);
        QTest::addRow("empty") << "" << int(VmManagerType::Unknown);
    }

    void mapsKnownEnumValues()
    {
        QFETCH(QString, wire);
        QFETCH(int, value);
        const auto parsed = OpenEnum<VmManagerType>::fromString(wire.toStdString());
        QCOMPARE(int(parsed.value()), value);
        QCOMPARE(QString::fromUtf8(parsed.toString().data(), qsizetype(parsed.toString().size())), wire);
    }

    void omitsUnsetAndIgnoresUnknownMembers()
    {
        const auto app = parse<AppSummary>(R"({"appId":"app-1","futureMember":{"x":[1,2]},"name":null})");
        QVERIFY(app.ok());
        QCOMPARE(app->appId.value(), std::string("app-1"));
        QVERIFY(!app->name.has_value());
        QCOMPARE(serialize(app.value()), std::string(R"({"appId":"app-1"})"));
        QCOMPARE(serialize(GetServersRequest{}), std::string("{}"));
    }

    void leavesServerDetailsOutWhenAsked()
    {
        const std::string text = R"({"serverGroupReplicationConfigurations":[{"serverGroupId":"sg-1",)"
                                 R"("serverReplicationConfigurations":[{"server":{"serverId":"s-1","serverType":"VIRTUAL_MACHINE",)"
                                 R"("vmServer":{"vmName":"web-01","vmServerAddress":{"vmId":"vm-1"}},"replicationJobId":"sms-job-1"},)"
                                 R"("serverReplicationParameters":{"frequency":12}}]}]})";
        const auto server = [](const GetAppReplicationConfigurationResponse &answer) {
            return (*(*answer.serverGroupReplicationConfigurations)[0].serverReplicationConfigurations)[0].server.value();
        };
        const auto full = parse<GetAppReplicationConfigurationResponse>(text);
        QVERIFY(full.ok());
        QVERIFY(server(full.value()).vmServer && server(full.value()).vmServer->vmName == std::optional<std::string>("web-01"));
        const auto lean = parse<GetAppReplicationConfigurationResponse>(text, ServerDetails::IdentityOnly);
        QVERIFY(lean.ok());
        QVERIFY(!server(lean.value()).vmServer);
        QVERIFY(server(lean.value()).serverId == std::optional<std::string>("s-1"));
        QVERIFY(server(lean.value()).replicationJobId == std::optional<std::string>("sms-job-1"));
        QVERIFY((*(*lean->serverGroupReplicationConfigurations)[0].serverReplicationConfigurations)[0]
                    .serverReplicationParameters->frequency
                == std::optional<int>(12));
        // Left out, the details are not checked either; the rest still is.
        QVERIFY(parse<Server>(R"({"serverId":"s-1","vmServer":7})", ServerDetails::IdentityOnly).ok());
        QVERIFY(!parse<Server>(R"({"serverId":7})", ServerDetails::IdentityOnly).ok());
    }

    void keepsEmptyListsApartFromUnset()
    {
        GetServersResponse response;
        response.serverList.emplace();
        QCOMPARE(serialize(response), std::string(R"({"serverList":[]})"));
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<double>("seconds");
        QTest::addRow("whole") << "1538500000" << 1538500000.0;
        QTest::addRow("fraction") << "1538500000.25" << 1538500000.25;
        QTest::addRow("float whole") << "1.5385e9" << 1538500000.0;
        QTest::addRow("beyond 64-bit integers") << "1e300" << 1e300;
    }

    void timestamps()
    {
        QFETCH(QString, wire);
        QFETCH(double, seconds);
        const auto run = parse<ReplicationRun>("{\"scheduledStartTime\":" + wire.toStdString() + "}");
        QVERIFY(run.ok());
        QCOMPARE(run->scheduledStartTime->epochSeconds, seconds);
        const auto back = toJson(run.value())["scheduledStartTime"];
        QCOMPARE(back.get<double>(), seconds);
        QCOMPARE(back.is_number_integer(), run->scheduledStartTime->isWholeSecond() && seconds < 0x1p53);
    }

    void reportsWhatIsWrong_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addRow("malformed") << R"({"serverList": [)" << "SerializationException"
                                   << "malformed JSON (The JSON document has an improper structure: missing or superfluous commas, braces, missing keys, etc.)";
        QTest::addRow("not an object") << "[1]" << "SerializationException"
                                       << "expected a JSON object, got array";
        QTest::addRow("nested wrong type")
            << R"({"serverList":[{},{"vmServer":{"vmName":7}}]})" << "InvalidParameterException"
            << "serverList[1].vmServer.vmName expected a string, got number";
        QTest::addRow("integer overflow") << R"({"maxResults":4294967296})" << "InvalidParameterException"
                                          << "maxResults expected an integer, got number";
        QTest::addRow("fraction for integer") << R"({"maxResults":1.5})" << "InvalidParameterException"
                                              << "maxResults expected an integer, got number";
        QTest::addRow("bool as string") << R"({"serverList":[{"replicationJobTerminated":"true"}]})"
                                        << "InvalidParameterException"
                                        << "serverList[0].replicationJobTerminated expected a boolean, got string";
    }

    void reportsWhatIsWrong()
    {
        QFETCH(QString, json);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const bool isRequest = json.contains(QStringLiteral("maxResults"));
        const auto error = isRequest ? parse<GetServersRequest>(json.toStdString()).error()
                                     : parse<GetServersResponse>(json.toStdString()).error();
        QCOMPARE(QString::fromStdString(error.code), code);
        QCOMPARE(QString::fromStdString(error.message), message);
    }

    void requiredMembers()
    {
        const auto missing = parse<CreateReplicationJobRequest>(R"({"serverId":"s-1"})");
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().errorCode() == ErrorCode::MissingRequiredParameterException);
        QCOMPARE(missing.error().message, std::string("seedReplicationTime is required but missing"));

        CreateReplicationJobRequest request;
        request.serverId = "s-1";
        request.seedReplicationTime = Timestamp{1700000000};
        QCOMPARE(serialize(request), std::string(R"({"serverId":"s-1","seedReplicationTime":1700000000})"));
    }
};

QTEST_APPLESS_MAIN(TestCodec)
#include "tst_codec.moc"
