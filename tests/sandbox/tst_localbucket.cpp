// LocalBucket: templates land as <root>/<bucket>/<key>, whole, in folders made
// as needed; a key that could reach outside the bucket's folder is refused and
// nothing is written anywhere; a root that cannot be written fails cleanly.
// BucketObjects reads them back as S3's GetObject and HeadObject answer.

#include "sandbox/BucketObjects.h"
#include "sandbox/LocalBucket.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sms;
using namespace sms::sandbox;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file under `folder`, relative to it, sorted.
QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(folder).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class TestLocalBucket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A fresh folder for every test and row, so "nothing written" means nothing.
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
    }

    void putWritesUnderRootBucketKey()
    {
        const QString root = m_dir->filePath(QStringLiteral("s3"));
        const LocalBucket bucket(root);
        const std::string key = "templates/app-0123456789abcdef0/sms-app-0123456789abcdef0-1.json";
        const std::string content = "{\"Resources\":{}}";
        const auto location = bucket.put(key, content);
        QVERIFY2(location.ok(), location ? "" : location.error().describe().c_str());
        QCOMPARE(location->bucket.value_or(""), std::string(LocalBucket::kBucket));
        QCOMPARE(location->key.value_or(""), key);

        const QString expected
            = QDir::cleanPath(root + QLatin1Char('/') + QLatin1String(LocalBucket::kBucket) + QLatin1Char('/')
                              + QString::fromStdString(key));
        QCOMPARE(bucket.pathOf(location.value()), expected);
        QCOMPARE(readBytes(expected), QByteArray::fromStdString(content));
        // Written atomically: no temporary file is left beside it.
        QCOMPARE(filesUnder(root), QStringList{QLatin1String(LocalBucket::kBucket) + QLatin1Char('/')
                                               + QString::fromStdString(key)});

        // A second write replaces the first whole.
        QVERIFY(bucket.put(key, "second").ok());
        QCOMPARE(readBytes(expected), QByteArray("second"));
    }

    void putCreatesNestedFolders()
    {
        const QString root = m_dir->filePath(QStringLiteral("nested"));
        const LocalBucket bucket(root);
        const auto location = bucket.put("a/b/c/d/template.yaml", "Resources: {}\n");
        QVERIFY(location.ok());
        QVERIFY(QFileInfo(root + QStringLiteral("/sms-local-templates/a/b/c")).isDir());
        QCOMPARE(readBytes(bucket.pathOf(location.value())), QByteArray("Resources: {}\n"));
    }

    void refusesKeysOutsideTheBucket_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addRow("empty") << QByteArray("");
        QTest::addRow("absolute") << QByteArray("/etc/sms-local-escape");
        QTest::addRow("parent") << QByteArray("../escape.json");
        QTest::addRow("parent of parent") << QByteArray("templates/../../escape.json");
        QTest::addRow("parent at the end") << QByteArray("templates/..");
        QTest::addRow("only a parent") << QByteArray("..");
        QTest::addRow("backslash") << QByteArray("templates\\..\\escape.json");
        QTest::addRow("NUL") << QByteArray("templates/escape\0.json", 23);
        QTest::addRow("the bucket itself") << QByteArray(".");
    }

    void refusesKeysOutsideTheBucket()
    {
        QFETCH(QByteArray, key);
        const QString root = m_dir->filePath(QStringLiteral("confined/root"));
        const LocalBucket bucket(root);
        const std::string text = key.toStdString();
        const auto location = bucket.put(text, "escaped");
        QVERIFY(!location.ok());
        QVERIFY(location.error().errorCode() == ErrorCode::InternalError);
        QCOMPARE(location.error().httpStatus, 500);
        QVERIFY2(location.error().message.starts_with("sms-local refused the bucket key"),
                 location.error().message.c_str());
        // Nothing written anywhere in the temporary folder, not even the root.
        QCOMPARE(filesUnder(m_dir->path()), QStringList{});
        QVERIFY(!QFileInfo::exists(root));

        api::S3Location where;
        where.bucket = LocalBucket::kBucket;
        where.key = text;
        QVERIFY(bucket.pathOf(where).isEmpty());
    }

    void pathOfRefusesOtherBuckets()
    {
        const LocalBucket bucket(m_dir->filePath(QStringLiteral("s3")));
        api::S3Location where;
        where.key = "templates/x.json";
        QVERIFY(bucket.pathOf(where).isEmpty());
        where.bucket = "..";
        QVERIFY(bucket.pathOf(where).isEmpty());
        where.bucket = "another-bucket";
        QVERIFY(bucket.pathOf(where).isEmpty());
    }

    void unwritableRootFailsCleanly()
    {
        // A root that cannot be a folder, because it is a file (root may write anywhere else).
        const QString file = m_dir->filePath(QStringLiteral("plain-file"));
        {
            QFile plain(file);
            QVERIFY(plain.open(QIODevice::WriteOnly));
            plain.write("not a folder");
        }
        const LocalBucket bucket(file);
        const auto location = bucket.put("templates/x.json", "content");
        QVERIFY(!location.ok());
        QVERIFY(location.error().errorCode() == ErrorCode::InternalError);
        QCOMPARE(location.error().httpStatus, 500);
        QVERIFY2(QString::fromStdString(location.error().message).contains(file), location.error().message.c_str());
        QCOMPARE(readBytes(file), QByteArray("not a folder"));
        QCOMPARE(filesUnder(m_dir->path()), QStringList{QStringLiteral("plain-file")});
    }

    void keyNamingAFolderFailsCleanly()
    {
        const QString root = m_dir->filePath(QStringLiteral("folders"));
        const LocalBucket bucket(root);
        QVERIFY(bucket.put("templates/inner/x.json", "content").ok());
        const auto location = bucket.put("templates/inner", "content");
        QVERIFY(!location.ok());
        QVERIFY(location.error().errorCode() == ErrorCode::InternalError);
        QCOMPARE(filesUnder(root), QStringList{QStringLiteral("sms-local-templates/templates/inner/x.json")});
    }

    void readsAnObjectBack()
    {
        const LocalBucket bucket(m_dir->path());
        const QByteArray content = "AWSTemplateFormatVersion: '2010-09-09'\n";
        QVERIFY(bucket.put("app-1/t.yaml", content.toStdString()).ok());

        const ObjectAnswer get = readObject(bucket, QStringLiteral("/sms-local-templates/app-1/t.yaml"), false);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, content);
        QCOMPARE(get.contentLength, content.size());
        QCOMPARE(get.etag, '"' + QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex() + '"');
        QVERIFY2(get.lastModified.endsWith(" GMT"), get.lastModified.constData());

        const ObjectAnswer head = readObject(bucket, QStringLiteral("/sms-local-templates/app-1/t.yaml"), true);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.contentLength, content.size());
    }

    void readsAnswerS3Errors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");

        QTest::addRow("other bucket") << "/someone-elses/app-1/t.yaml" << 404 << QByteArray("NoSuchBucket");
        QTest::addRow("no key") << "/sms-local-templates/app-1/none.yaml" << 404 << QByteArray("NoSuchKey");
        QTest::addRow("bucket only") << "/sms-local-templates" << 404 << QByteArray("NoSuchKey");
        QTest::addRow("a folder") << "/sms-local-templates/app-1" << 404 << QByteArray("NoSuchKey");
        QTest::addRow("outside") << "/sms-local-templates/../secret" << 404 << QByteArray("NoSuchKey");
    }

    void readsAnswerS3Errors()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, code);

        const LocalBucket bucket(m_dir->path());
        QVERIFY(bucket.put("app-1/t.yaml", "x").ok());
        QVERIFY(QFile(m_dir->filePath(QStringLiteral("secret"))).open(QIODevice::WriteOnly));
        const ObjectAnswer answer = readObject(bucket, path, false);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.contentType, QByteArray("application/xml"));
        QVERIFY2(answer.body.contains("<Code>" + code + "</Code>"), answer.body.constData());
        QVERIFY(answer.etag.isEmpty());
    }

    void authFailuresInS3Terms()
    {
        const auto answer = objectAuthFailure(
            SmsError::make(ErrorCode::InvalidSignatureException, "The request signature we calculated does not match"),
            QStringLiteral("/sms-local-templates/k"));
        QCOMPARE(answer.status, 403);
        QVERIFY(answer.body.contains("<Code>SignatureDoesNotMatch</Code>"));
        QVERIFY(answer.body.contains("does not match"));
        QVERIFY(objectAuthFailure(SmsError::make(ErrorCode::UnrecognizedClientException, "no"), QString())
                    .body.contains("<Code>InvalidAccessKeyId</Code>"));
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestLocalBucket)
#include "tst_localbucket.moc"
