#include "client/AwsConfigFile.h"
#include "client/CredentialChain.h"
#include "client/CredentialProcess.h"
#include "client/RegionResolver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using namespace sms::client;
using namespace Qt::StringLiterals;

namespace {

// Every secret and token in the fixtures carries one of these markers, so one
// check proves no error message or source text ever quotes them. Mixed case so
// that "AWS_SECRET_ACCESS_KEY" in a message does not count.
constexpr QStringView kSecretMarker = u"SeCrEt";
constexpr QStringView kTokenMarker = u"ToKeN";

void verifyNoSecrets(const QString &text)
{
    QVERIFY2(!text.contains(kSecretMarker), qPrintable(text));
    QVERIFY2(!text.contains(kTokenMarker), qPrintable(text));
}

// A fake home directory. "%HOME%" in any text given to it stands for its path.
class FakeHome
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString expand(QString text) const { return text.replace(u"%HOME%"_s, m_dir.path()); }

    // A null text writes nothing, so "the file does not exist" is a row value too.
    bool write(const QString &relativePath, const QString &text, bool executable = false) const
    {
        if (text.isNull())
            return true;
        const QString filePath = m_dir.filePath(relativePath);
        QDir().mkpath(QFileInfo(filePath).absolutePath());
        QFile file(filePath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(expand(text).toUtf8());
        file.close();
        if (executable)
            file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ReadOwner);
        return true;
    }

    // ~/.aws/credentials and ~/.aws/config; a null text leaves that file out.
    bool writeAwsFiles(const QString &credentials, const QString &config) const
    {
        return write(u".aws/credentials"_s, credentials) && write(u".aws/config"_s, config);
    }

    // Only the given variables, plus PATH so that credential_process scripts run.
    AwsEnvironment environment(const QStringList &variables) const
    {
        AwsEnvironment environment;
        environment.homeDir = m_dir.path();
        environment.variables.insert(u"PATH"_s,
                                     QProcessEnvironment::systemEnvironment().value(u"PATH"_s));
        for (const QString &entry : variables) {
            const qsizetype eq = entry.indexOf(u'=');
            environment.variables.insert(entry.left(eq), expand(entry.mid(eq + 1)));
        }
        return environment;
    }

private:
    QTemporaryDir m_dir;
};

// What QVERIFY2 prints when a result expected to succeed failed.
template <typename T>
const char *errorOf(const Result<T> &result)
{
    return result.ok() ? "" : result.error().message.c_str();
}

// "profile|key=value" lines, sorted, for whole-file comparisons.
QStringList dump(const AwsConfigFile &file)
{
    QStringList lines;
    for (const QString &name : file.profileNames()) {
        const AwsProfileSettings settings = file.profile(name);
        if (settings.isEmpty())
            lines << name + u'|';
        for (auto it = settings.cbegin(); it != settings.cend(); ++it)
            lines << name + u'|' + it.key() + u'=' + QString(it.value()).replace(u'\n', u"\\n"_s);
    }
    lines.sort();
    return lines;
}

// JSON written with single quotes, for readability in the data tables.
QByteArray quoted(const char *json)
{
    return QByteArray(json).replace('\'', '"');
}

QString processJson(const QString &body)
{
    return u"#!/bin/sh\ncat <<'JSON'\n"_s + body + u"\nJSON\n"_s;
}

const QString kEnvPair = u"AWS_ACCESS_KEY_ID=AKIDENV"_s;
const QString kEnvSecret = u"AWS_SECRET_ACCESS_KEY=envSeCrEtKEY/K7MDENG"_s;
const QString kCredentialsDefault = u"[default]\n"
                                    "aws_access_key_id = AKIDCRED\n"
                                    "aws_secret_access_key = credSeCrEtKEY\n"_s;
const QString kProcessCommand = u"credential_process = \"%HOME%/bin/get creds.sh\" --profile x\n"_s;

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseFile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isConfig");
        QTest::addColumn<QStringList>("expected");

        QTest::addRow("credentials default")
            << kCredentialsDefault << false
            << QStringList{u"default|aws_access_key_id=AKIDCRED"_s,
                           u"default|aws_secret_access_key=credSeCrEtKEY"_s};
        QTest::addRow("credentials take [name] literally")
            << u"[dev]\na = 1\n[profile prod]\nb = 2\n"_s << false
            << QStringList{u"dev|a=1"_s, u"profile prod|b=2"_s};
        QTest::addRow("config needs the profile prefix")
            << u"[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n[dev]\nx = ignored\n"
               "[sso-session corp]\nsso_region = us-east-1\n[services local]\ny = ignored\n"_s
            << true << QStringList{u"default|region=us-east-1"_s, u"dev|region=eu-west-1"_s};
        QTest::addRow("config [profile default] is default")
            << u"[profile default]\nregion = us-west-2\n"_s << true
            << QStringList{u"default|region=us-west-2"_s};
        QTest::addRow("config header whitespace")
            << u"[  profile \t spaced  ]  # trailing comment\nk=v\n"_s << true
            << QStringList{u"spaced|k=v"_s};
        QTest::addRow("comments and blank lines")
            << u"# leading comment\n; another\n\n[default]\n# inside\n  ; indented comment\nk = v\n"_s
            << false << QStringList{u"default|k=v"_s};
        QTest::addRow("inline comments need whitespace before them")
            << u"[default]\na = one # note\nb = two ; note\nc = x#y;z\n"_s << false
            << QStringList{u"default|a=one"_s, u"default|b=two"_s, u"default|c=x#y;z"_s};
        QTest::addRow("whitespace around =")
            << u"[default]\naws_access_key_id=AKID\n  \t\nregion\t=\t  us-east-1  \n"_s << false
            << QStringList{u"default|aws_access_key_id=AKID"_s, u"default|region=us-east-1"_s};
        QTest::addRow("value keeps = signs")
            << u"[default]\nkey = abc==\n"_s << false << QStringList{u"default|key=abc=="_s};
        QTest::addRow("keys lower-cased, names not")
            << u"[profile Dev]\nRegion = us-east-1\n"_s << true << QStringList{u"Dev|region=us-east-1"_s};
        QTest::addRow("nested sub-section")
            << u"[default]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 10\n"
               "  max_queue_size=100\noutput = json\n"_s
            << true
            << QStringList{u"default|output=json"_s, u"default|region=us-east-1"_s,
                           u"default|s3.max_concurrent_requests=10"_s,
                           u"default|s3.max_queue_size=100"_s, u"default|s3="_s};
        QTest::addRow("continuation of a value")
            << u"[default]\nnote = first\n  second\n"_s << false
            << QStringList{u"default|note=first\\nsecond"_s};
        QTest::addRow("later duplicates override")
            << u"[default]\nregion = us-east-1\nregion = eu-west-1\n[other]\na = 1\n[default]\nb = 2\n"_s
            << false
            << QStringList{u"default|b=2"_s, u"default|region=eu-west-1"_s, u"other|a=1"_s};
        QTest::addRow("empty section still exists")
            << u"[profile empty]\n"_s << true << QStringList{u"empty|"_s};
        QTest::addRow("properties before any section ignored")
            << u"orphan = 1\n[default]\nk = v\n"_s << false << QStringList{u"default|k=v"_s};
        QTest::addRow("junk lines tolerated")
            << u"[default\nk = v\n[default]\nnot a property\nk2 = v2\n"_s << false
            << QStringList{u"default|k2=v2"_s};
        QTest::addRow("CRLF line ends")
            << u"[default]\r\nregion = us-east-1\r\n"_s << true
            << QStringList{u"default|region=us-east-1"_s};
    }

    void parseFile()
    {
        QFETCH(QString, text);
        QFETCH(bool, isConfig);
        QFETCH(QStringList, expected);
        const auto file = AwsConfigFile::parse(text, isConfig ? AwsConfigFile::Kind::Config
                                                              : AwsConfigFile::Kind::Credentials);
        QCOMPARE(dump(file), expected);
    }

    void loadFile()
    {
        FakeHome home;
        QVERIFY(home.isValid());
        const auto missing = AwsConfigFile::load(home.path() + u"/nope"_s, AwsConfigFile::Kind::Config);
        QVERIFY(missing.ok());
        QVERIFY(!missing->exists());

        QVERIFY(home.write(u"config"_s, QChar(0xFEFF) + u"[default]\nregion = us-east-1\n"_s));
        const auto withBom = AwsConfigFile::load(home.path() + u"/config"_s, AwsConfigFile::Kind::Config);
        QVERIFY(withBom.ok());
        QVERIFY(withBom->exists());
        QCOMPARE(withBom->profile(u"default"_s).value(u"region"_s), u"us-east-1"_s);

        const auto directory = AwsConfigFile::load(home.path(), AwsConfigFile::Kind::Credentials);
        QVERIFY(!directory.ok());
        QVERIFY(directory.error().errorCode() == ErrorCode::InvalidConfiguration);
        QVERIFY(QString::fromStdString(directory.error().message).contains(home.path()));
    }

    void resolve_data()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("credentials"); // ~/.aws/credentials; null: no file
        QTest::addColumn<QString>("config");      // ~/.aws/config; null: no file
        QTest::addColumn<QString>("script");      // ~/bin/get creds.sh; null: no file
        QTest::addColumn<QString>("profile");     // the explicit option
        QTest::addColumn<QString>("accessKey");   // expected; empty: an error is expected
        QTest::addColumn<QString>("secretKey");
        QTest::addColumn<QString>("sessionToken");
        QTest::addColumn<QString>("sourceContains");
        QTest::addColumn<int>("errorCode");
        QTest::addColumn<QStringList>("errorContains");

        const QString none;
        const int ok = int(ErrorCode::Unknown);
        const int notFound = int(ErrorCode::CredentialsNotFound);
        const int invalid = int(ErrorCode::InvalidConfiguration);

        // 1. Environment
        QTest::addRow("env keys")
            << QStringList{kEnvPair, kEnvSecret} << none << none << none << none
            << u"AKIDENV"_s << u"envSeCrEtKEY/K7MDENG"_s << QString() << u"environment variables"_s
            << ok << QStringList();
        QTest::addRow("env session token")
            << QStringList{kEnvPair, kEnvSecret, u"AWS_SESSION_TOKEN=envToKeN"_s} << none << none
            << none << none << u"AKIDENV"_s << u"envSeCrEtKEY/K7MDENG"_s << u"envToKeN"_s
            << u"environment variables"_s << ok << QStringList();
        QTest::addRow("env beats credentials file")
            << QStringList{kEnvPair, kEnvSecret} << kCredentialsDefault << none << none << none
            << u"AKIDENV"_s << u"envSeCrEtKEY/K7MDENG"_s << QString() << u"environment"_s << ok
            << QStringList();
        QTest::addRow("env beats explicit profile")
            << QStringList{kEnvPair, kEnvSecret} << u"[dev]\naws_access_key_id = AKIDDEV\n"
                                                    "aws_secret_access_key = devSeCrEt\n"_s
            << none << none << u"dev"_s << u"AKIDENV"_s << u"envSeCrEtKEY/K7MDENG"_s << QString()
            << u"environment"_s << ok << QStringList();
        QTest::addRow("env half a pair")
            << QStringList{kEnvPair} << kCredentialsDefault << none << none << none << QString()
            << QString() << QString() << QString() << invalid
            << QStringList{u"AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"_s};
        QTest::addRow("env secret without id")
            << QStringList{kEnvSecret} << none << none << none << none << QString() << QString()
            << QString() << QString() << invalid
            << QStringList{u"AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"_s};
        QTest::addRow("empty env vars are unset")
            << QStringList{u"AWS_ACCESS_KEY_ID="_s, u"AWS_SECRET_ACCESS_KEY="_s} << kCredentialsDefault
            << none << none << none << u"AKIDCRED"_s << u"credSeCrEtKEY"_s << QString()
            << u"shared credentials file"_s << ok << QStringList();

        // 2. Profiles in the shared files
        QTest::addRow("default profile in credentials file")
            << QStringList() << kCredentialsDefault << none << none << none << u"AKIDCRED"_s
            << u"credSeCrEtKEY"_s << QString()
            << u"profile 'default' in shared credentials file '%HOME%/.aws/credentials'"_s << ok
            << QStringList();
        QTest::addRow("session token in credentials file")
            << QStringList() << kCredentialsDefault + u"aws_session_token = credToKeN\n"_s << none
            << none << none << u"AKIDCRED"_s << u"credSeCrEtKEY"_s << u"credToKeN"_s
            << u"shared credentials file"_s << ok << QStringList();
        const QString twoProfiles = kCredentialsDefault
            + u"[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = devSeCrEt\n"
              "[prod]\naws_access_key_id = AKIDPROD\naws_secret_access_key = prodSeCrEt\n"_s;
        QTest::addRow("AWS_PROFILE selects")
            << QStringList{u"AWS_PROFILE=dev"_s} << twoProfiles << none << none << none
            << u"AKIDDEV"_s << u"devSeCrEt"_s << QString() << u"profile 'dev'"_s << ok
            << QStringList();
        QTest::addRow("explicit profile beats AWS_PROFILE")
            << QStringList{u"AWS_PROFILE=dev"_s} << twoProfiles << none << none << u"prod"_s
            << u"AKIDPROD"_s << u"prodSeCrEt"_s << QString() << u"profile 'prod'"_s << ok
            << QStringList();
        QTest::addRow("config [profile x]")
            << QStringList() << none
            << u"[profile dev]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfgSeCrEt\n"
               "aws_session_token = cfgToKeN\n"_s
            << none << u"dev"_s << u"AKIDCFG"_s << u"cfgSeCrEt"_s << u"cfgToKeN"_s
            << u"profile 'dev' in config file '%HOME%/.aws/config'"_s << ok << QStringList();
        QTest::addRow("config [default]")
            << QStringList() << none
            << u"[default]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfgSeCrEt\n"_s
            << none << none << u"AKIDCFG"_s << u"cfgSeCrEt"_s << QString() << u"config file"_s << ok
            << QStringList();
        QTest::addRow("config [x] without prefix is not a profile")
            << QStringList() << none
            << u"[dev]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfgSeCrEt\n"_s << none
            << u"dev"_s << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"profile 'dev'"_s, u"does not exist"_s};
        QTest::addRow("credentials [profile x] is not profile x")
            << QStringList{u"AWS_PROFILE=dev"_s}
            << u"[profile dev]\naws_access_key_id = AKIDCRED\naws_secret_access_key = credSeCrEt\n"_s
            << none << none << none << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"profile 'dev' (from AWS_PROFILE) does not exist"_s};
        QTest::addRow("credentials file beats config file")
            << QStringList() << kCredentialsDefault
            << u"[default]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfgSeCrEt\n"_s
            << none << none << u"AKIDCRED"_s << u"credSeCrEtKEY"_s << QString()
            << u"shared credentials file"_s << ok << QStringList();
        QTest::addRow("tokens are not mixed across files")
            << QStringList() << kCredentialsDefault
            << u"[default]\naws_session_token = cfgToKeN\n"_s << none << none << u"AKIDCRED"_s
            << u"credSeCrEtKEY"_s << QString() << u"shared credentials file"_s << ok << QStringList();
        QTest::addRow("comments and spacing")
            << QStringList()
            << u"# keys for the lab\n[default]   ; the usual\n  \naws_access_key_id=AKIDCRED # id\n"
               "aws_secret_access_key\t=\tcredSeCrEtKEY\n; aws_session_token = oldToKeN\n"_s
            << none << none << none << u"AKIDCRED"_s << u"credSeCrEtKEY"_s << QString()
            << u"shared credentials file"_s << ok << QStringList();
        QTest::addRow("file locations from env, with ~")
            << QStringList{u"AWS_SHARED_CREDENTIALS_FILE=~/elsewhere/creds"_s,
                           u"AWS_CONFIG_FILE=%HOME%/elsewhere/conf"_s}
            << kCredentialsDefault << none << none << none << QString() << QString() << QString()
            << QString() << notFound
            << QStringList{u"'%HOME%/elsewhere/creds' from AWS_SHARED_CREDENTIALS_FILE"_s,
                           u"'%HOME%/elsewhere/conf' from AWS_CONFIG_FILE"_s};

        // Broken or missing pieces
        QTest::addRow("explicit profile missing")
            << QStringList() << twoProfiles << u"[profile other]\nregion = us-east-1\n"_s << none
            << u"staging"_s << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"The AWS profile 'staging' (from --profile option) does not exist"_s,
                           u"'%HOME%/.aws/credentials'"_s, u"'%HOME%/.aws/config'"_s};
        QTest::addRow("AWS_PROFILE missing")
            << QStringList{u"AWS_PROFILE=staging"_s} << none << none << none << none << QString()
            << QString() << QString() << QString() << invalid
            << QStringList{u"'staging' (from AWS_PROFILE) does not exist"_s,
                           u"'%HOME%/.aws/credentials' (file does not exist)"_s,
                           u"'%HOME%/.aws/config' (file does not exist)"_s};
        QTest::addRow("nothing anywhere")
            << QStringList() << none << none << none << none << QString() << QString() << QString()
            << QString() << notFound
            << QStringList{u"No AWS credentials found"_s, u"AWS_ACCESS_KEY_ID"_s,
                           u"AWS_SECRET_ACCESS_KEY"_s, u"profile 'default'"_s,
                           u"shared credentials file '%HOME%/.aws/credentials' (file does not exist)"_s,
                           u"config file '%HOME%/.aws/config' (file does not exist)"_s};
        QTest::addRow("default profile without keys")
            << QStringList() << u"[other]\naws_access_key_id = AKIDO\naws_secret_access_key = oSeCrEt\n"_s
            << u"[default]\nregion = us-east-1\n"_s << none << none << QString() << QString()
            << QString() << QString() << notFound
            << QStringList{u"(no section for profile 'default')"_s,
                           u"(has a section for profile 'default')"_s, u"credential_process"_s};
        QTest::addRow("half a pair in credentials file")
            << QStringList() << u"[default]\naws_access_key_id = AKIDCRED\n"_s << none << none << none
            << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"sets aws_access_key_id but not aws_secret_access_key"_s,
                           u"'%HOME%/.aws/credentials'"_s};
        QTest::addRow("secret alone in config file")
            << QStringList() << none << u"[default]\naws_secret_access_key = cfgSeCrEt\n"_s << none
            << none << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"sets aws_secret_access_key but not aws_access_key_id"_s};
        QTest::addRow("role_arn is not resolved silently")
            << QStringList() << kCredentialsDefault
            << u"[default]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\n"_s
            << none << none << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"uses role_arn"_s, u"aws configure export-credentials --profile default"_s};

        // credential_process
        const QString goodJson = u"{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", "
                                 "\"SecretAccessKey\": \"procSeCrEt\", \"SessionToken\": \"procToKeN\", "
                                 "\"Expiration\": \"2999-01-01T00:00:00Z\"}"_s;
        QTest::addRow("credential_process in credentials file")
            << QStringList() << u"[default]\n"_s + kProcessCommand << none << processJson(goodJson)
            << none << u"AKIDPROC"_s << u"procSeCrEt"_s << u"procToKeN"_s
            << u"credential_process of profile 'default' in '%HOME%/.aws/credentials'"_s << ok
            << QStringList();
        QTest::addRow("credential_process in config file")
            << QStringList{u"AWS_PROFILE=sso"_s} << none << u"[profile sso]\n"_s + kProcessCommand
            << processJson(u"{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", "
                           "\"SecretAccessKey\": \"procSeCrEt\"}"_s)
            << none << u"AKIDPROC"_s << u"procSeCrEt"_s << QString()
            << u"credential_process of profile 'sso' in '%HOME%/.aws/config'"_s << ok << QStringList();
        QTest::addRow("static keys in credentials file beat credential_process")
            << QStringList() << kCredentialsDefault << u"[default]\n"_s + kProcessCommand
            << processJson(goodJson) << none << u"AKIDCRED"_s << u"credSeCrEtKEY"_s << QString()
            << u"shared credentials file"_s << ok << QStringList();
        QTest::addRow("credential_process beats static keys in config file")
            << QStringList() << u"[default]\n"_s + kProcessCommand
            << u"[default]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfgSeCrEt\n"_s
            << processJson(goodJson) << none << u"AKIDPROC"_s << u"procSeCrEt"_s << u"procToKeN"_s
            << u"credential_process"_s << ok << QStringList();
        QTest::addRow("credential_process fails")
            << QStringList() << u"[default]\n"_s + kProcessCommand << none
            << u"#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": "
               "\"halfSeCrEt\"'\necho 'SSO session expired; run aws sso login' >&2\nexit 3\n"_s
            << none << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"credential_process of AWS profile 'default'"_s, u"exited with code 3"_s,
                           u"SSO session expired; run aws sso login"_s};
        QTest::addRow("credential_process prints garbage")
            << QStringList() << u"[default]\n"_s + kProcessCommand << none
            << u"#!/bin/sh\necho 'AccessKeyId=AKID SecretAccessKey=garbageSeCrEt'\n"_s << none
            << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"profile 'default'"_s, u"not a JSON object"_s};
        QTest::addRow("credential_process wrong version")
            << QStringList() << u"[default]\n"_s + kProcessCommand << none
            << processJson(u"{\"Version\": 2, \"AccessKeyId\": \"AKID\", "
                           "\"SecretAccessKey\": \"v2SeCrEt\"}"_s)
            << none << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"unsupported \"Version\""_s};
        QTest::addRow("credential_process cannot start")
            << QStringList() << u"[default]\n"_s + kProcessCommand << none << none << none
            << QString() << QString() << QString() << QString() << invalid
            << QStringList{u"could not start"_s, u"get creds.sh"_s};
    }

    void resolve()
    {
        QFETCH(QStringList, env);
        QFETCH(QString, credentials);
        QFETCH(QString, config);
        QFETCH(QString, script);
        QFETCH(QString, profile);
        QFETCH(QString, accessKey);
        QFETCH(QString, secretKey);
        QFETCH(QString, sessionToken);
        QFETCH(QString, sourceContains);
        QFETCH(int, errorCode);
        QFETCH(QStringList, errorContains);

        FakeHome home;
        QVERIFY(home.isValid());
        QVERIFY(home.writeAwsFiles(credentials, config));
        QVERIFY(home.write(u"bin/get creds.sh"_s, script, true));

        CredentialChainOptions options;
        options.profile = profile;
        options.environment = home.environment(env);
        const Result<Credentials> result = CredentialChain(options).resolve();

        if (!accessKey.isEmpty()) {
            QVERIFY2(result.ok(), errorOf(result));
            QCOMPARE(result->accessKeyId, accessKey);
            QCOMPARE(result->secretAccessKey, secretKey);
            QCOMPARE(result->sessionToken, sessionToken);
            QVERIFY(result->isValid());
            QVERIFY2(result->source.contains(home.expand(sourceContains)), qPrintable(result->source));
            verifyNoSecrets(result->source);
            return;
        }
        QVERIFY2(!result.ok(), qPrintable(result.ok() ? result->source : QString()));
        const QString message = QString::fromStdString(result.error().message);
        QCOMPARE(int(result.error().errorCode()), errorCode);
        for (const QString &part : errorContains)
            QVERIFY2(message.contains(home.expand(part)), qPrintable(message));
        verifyNoSecrets(message);
    }

    void credentialProcessTimeout()
    {
        FakeHome home;
        QVERIFY(home.isValid());
        QVERIFY(home.write(u".aws/config"_s, u"[default]\n"_s + kProcessCommand));
        QVERIFY(home.write(u"bin/get creds.sh"_s,
                           u"#!/bin/sh\necho 'waiting for MFA' >&2\nexec sleep 30\n"_s, true));
        CredentialChainOptions options;
        options.environment = home.environment({});
        options.processTimeout = std::chrono::milliseconds(500);
        QElapsedTimer timer;
        timer.start();
        const auto result = CredentialChain(options).resolve();
        QVERIFY(timer.elapsed() < 10'000);
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::Timeout);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.contains(u"did not finish within 500 ms"_s), qPrintable(message));
        QVERIFY2(message.contains(u"waiting for MFA"_s), qPrintable(message));
    }

    void processOutput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expiration"); // ISO, UTC; empty: none expected
        QTest::addColumn<int>("errorCode");      // Unknown: success expected
        QTest::addColumn<QString>("errorContains");

        const int ok = int(ErrorCode::Unknown);
        const int invalid = int(ErrorCode::InvalidConfiguration);
        QTest::addRow("long-lived keys")
            << quoted("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'pSeCrEt'}")
            << QString() << ok << QString();
        QTest::addRow("expiration with offset")
            << quoted("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'pSeCrEt',"
                      "'SessionToken':'pToKeN','Expiration':'2999-06-01T12:00:00+02:00'}")
            << u"2999-06-01T10:00:00Z"_s << ok << QString();
        QTest::addRow("expiration with milliseconds")
            << quoted("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'pSeCrEt',"
                      "'Expiration':'2999-06-01T12:00:00.250Z'}")
            << u"2999-06-01T12:00:00Z"_s << ok << QString();
        QTest::addRow("already expired")
            << quoted("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'pSeCrEt',"
                      "'Expiration':'2001-01-01T00:00:00Z'}")
            << QString() << int(ErrorCode::ExpiredTokenException)
            << u"already expired at 2001-01-01T00:00:00Z"_s;
        QTest::addRow("unreadable expiration")
            << quoted("{'Version':1,'AccessKeyId':'AKID','SecretAccessKey':'pSeCrEt',"
                      "'Expiration':'next tuesday'}")
            << QString() << invalid << u"not an ISO 8601 timestamp: 'next tuesday'"_s;
        QTest::addRow("no version")
            << quoted("{'AccessKeyId':'AKID','SecretAccessKey':'pSeCrEt'}") << QString()
            << invalid << u"without \"Version\""_s;
        QTest::addRow("version as string")
            << quoted("{'Version':'1','AccessKeyId':'AKID','SecretAccessKey':'pSeCrEt'}")
            << QString() << invalid << u"unsupported \"Version\""_s;
        QTest::addRow("no secret")
            << quoted("{'Version':1,'AccessKeyId':'AKID'}") << QString() << invalid
            << u"without a string \"SecretAccessKey\""_s;
        QTest::addRow("no access key")
            << quoted("{'Version':1,'SecretAccessKey':'pSeCrEt'}") << QString() << invalid
            << u"without a string \"AccessKeyId\""_s;
        QTest::addRow("array") << quoted("['pSeCrEt']") << QString() << invalid
                               << u"not a JSON object (not an object)"_s;
        QTest::addRow("truncated")
            << quoted("{'Version':1,'SecretAccessKey':'pSeCrEt") << QString() << invalid
            << u"not a JSON object"_s;
        QTest::addRow("empty") << QByteArray() << QString() << invalid << u"not a JSON object"_s;
    }

    void processOutput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expiration);
        QFETCH(int, errorCode);
        QFETCH(QString, errorContains);

        const auto result = parseCredentialProcessOutput(json, u"lab"_s);
        if (errorCode == int(ErrorCode::Unknown)) {
            QVERIFY2(result.ok(), errorOf(result));
            QCOMPARE(result->accessKeyId, u"AKID"_s);
            QCOMPARE(result->secretAccessKey, u"pSeCrEt"_s);
            QCOMPARE(result->expiration.has_value(), !expiration.isEmpty());
            if (result->expiration)
                QCOMPARE(result->expiration->toString(Qt::ISODate), expiration);
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().errorCode()), errorCode);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.contains(u"profile 'lab'"_s), qPrintable(message));
        QVERIFY2(message.contains(errorContains), qPrintable(message));
        verifyNoSecrets(message);
    }

    void region_data()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("credentials");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("explicitRegion");
        QTest::addColumn<QString>("expected"); // empty: an error is expected
        QTest::addColumn<QString>("sourceOrError");

        const QString none;
        const QString config = u"[default]\nregion = eu-central-1\n[profile dev]\nregion = ap-southeast-2\n"_s;
        const QStringList bothVars{u"AWS_REGION=us-west-1"_s, u"AWS_DEFAULT_REGION=us-west-2"_s};

        QTest::addRow("explicit beats all")
            << bothVars << none << config << none << u"sa-east-1"_s << u"sa-east-1"_s
            << u"explicit option"_s;
        QTest::addRow("AWS_REGION beats AWS_DEFAULT_REGION")
            << bothVars << none << config << none << none << u"us-west-1"_s
            << u"environment variable AWS_REGION"_s;
        QTest::addRow("AWS_DEFAULT_REGION beats profile")
            << QStringList{u"AWS_DEFAULT_REGION=us-west-2"_s} << none << config << none << none
            << u"us-west-2"_s << u"environment variable AWS_DEFAULT_REGION"_s;
        QTest::addRow("default profile region")
            << QStringList() << none << config << none << none << u"eu-central-1"_s
            << u"region of profile 'default' in '%HOME%/.aws/config'"_s;
        QTest::addRow("AWS_PROFILE region")
            << QStringList{u"AWS_PROFILE=dev"_s} << none << config << none << none
            << u"ap-southeast-2"_s << u"profile 'dev'"_s;
        QTest::addRow("explicit profile region")
            << QStringList{u"AWS_PROFILE=nope"_s} << none << config << u"dev"_s << none
            << u"ap-southeast-2"_s << u"profile 'dev'"_s;
        QTest::addRow("credentials file region wins, as in the SDKs")
            << QStringList() << u"[default]\nregion = ca-central-1\n"_s << config << none << none
            << u"ca-central-1"_s << u"'%HOME%/.aws/credentials'"_s;
        QTest::addRow("env beats a missing named profile")
            << QStringList{u"AWS_REGION=us-east-2"_s} << none << none << u"nope"_s << none
            << u"us-east-2"_s << u"AWS_REGION"_s;
        QTest::addRow("none anywhere")
            << QStringList() << none << u"[default]\noutput = json\n"_s << none << none << QString()
            << u"No AWS region configured. Looked at the explicit region option, environment "
               "variables AWS_REGION and AWS_DEFAULT_REGION, and 'region' for profile 'default'"_s;
        QTest::addRow("none anywhere names the files")
            << QStringList() << none << none << none << none << QString()
            << u"config file '%HOME%/.aws/config' (file does not exist)"_s;
        QTest::addRow("named profile missing")
            << QStringList() << none << config << u"staging"_s << none << QString()
            << u"The AWS profile 'staging' (from --profile option) does not exist"_s;
        QTest::addRow("invalid region")
            << QStringList{u"AWS_REGION=us east 1"_s} << none << none << none << none << QString()
            << u"region 'us east 1' from environment variable AWS_REGION is not a valid"_s;
    }

    void region()
    {
        QFETCH(QStringList, env);
        QFETCH(QString, credentials);
        QFETCH(QString, config);
        QFETCH(QString, profile);
        QFETCH(QString, explicitRegion);
        QFETCH(QString, expected);
        QFETCH(QString, sourceOrError);

        FakeHome home;
        QVERIFY(home.isValid());
        QVERIFY(home.writeAwsFiles(credentials, config));
        RegionOptions options;
        options.profile = profile;
        options.region = explicitRegion;
        options.environment = home.environment(env);
        const auto result = RegionResolver(options).region();
        if (!expected.isEmpty()) {
            QVERIFY2(result.ok(), errorOf(result));
            QCOMPARE(result->value, expected);
            QVERIFY2(result->source.contains(home.expand(sourceOrError)), qPrintable(result->source));
            return;
        }
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::InvalidConfiguration);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.contains(home.expand(sourceOrError)), qPrintable(message));
    }

    void endpointOverride_data()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("explicitUrl");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("source");

        const QString none;
        const QString config = u"[default]\nendpoint_url = http://localhost:4566\n"
                               "[profile remote]\nendpoint_url = https://sms.example.com\n"_s;
        QTest::addRow("explicit")
            << QStringList{u"AWS_ENDPOINT_URL=http://127.0.0.1:9000"_s} << config
            << u"http://[::1]:8080"_s << u"http://[::1]:8080"_s << u"explicit option"_s;
        QTest::addRow("AWS_ENDPOINT_URL beats profile")
            << QStringList{u"AWS_ENDPOINT_URL=http://127.0.0.1:9000"_s} << config << none
            << u"http://127.0.0.1:9000"_s << u"environment variable AWS_ENDPOINT_URL"_s;
        QTest::addRow("default profile endpoint_url")
            << QStringList() << config << none << u"http://localhost:4566"_s
            << u"endpoint_url of profile 'default' in '%HOME%/.aws/config'"_s;
        QTest::addRow("AWS_PROFILE endpoint_url")
            << QStringList{u"AWS_PROFILE=remote"_s} << config << none << u"https://sms.example.com"_s
            << u"profile 'remote'"_s;
        QTest::addRow("none: region default")
            << QStringList() << u"[default]\nregion = us-east-1\n"_s << none << QString()
            << u"default endpoint"_s;
        QTest::addRow("no files at all") << QStringList() << none << none << QString()
                                         << u"default endpoint"_s;
    }

    void endpointOverride()
    {
        QFETCH(QStringList, env);
        QFETCH(QString, config);
        QFETCH(QString, explicitUrl);
        QFETCH(QString, expected);
        QFETCH(QString, source);

        FakeHome home;
        QVERIFY(home.isValid());
        QVERIFY(home.writeAwsFiles(QString(), config));
        RegionOptions options;
        options.endpointUrl = explicitUrl;
        options.environment = home.environment(env);
        const auto result = RegionResolver(options).endpointOverride();
        QVERIFY2(result.ok(), errorOf(result));
        QCOMPARE(result->value, expected);
        QVERIFY2(result->source.contains(home.expand(source)), qPrintable(result->source));
    }

    void unreadableFileIsAnError()
    {
        FakeHome home;
        QVERIFY(home.isValid());
        QVERIFY(QDir(home.path()).mkpath(u".aws/credentials"_s)); // a directory, not a file
        CredentialChainOptions options;
        options.environment = home.environment({});
        const auto result = CredentialChain(options).resolve();
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::InvalidConfiguration);
        QVERIFY(QString::fromStdString(result.error().message).contains(u"Cannot read AWS credentials file"_s));

        // Keys in the environment do not need the files at all.
        options.environment = home.environment({kEnvPair, kEnvSecret});
        QVERIFY(CredentialChain(options).resolve().ok());
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
