// sms-local's pages and nextTokens.

#include "sandbox/Paging.h"

#include <QTest>

using namespace sms;
using namespace sms::sandbox;

class TestPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walksEveryItemOnce_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("maxResults");  // 0: not given
        QTest::addColumn<int>("pages");
        QTest::addRow("default size") << 120 << 0 << 3;
        QTest::addRow("exact pages") << 300 << 100 << 3;
        QTest::addRow("one item a page") << 3 << 1 << 3;
        QTest::addRow("empty") << 0 << 10 << 1;
        QTest::addRow("capped size") << 2500 << 5000 << 3;
    }

    void walksEveryItemOnce()
    {
        QFETCH(int, total);
        QFETCH(int, maxResults);
        QFETCH(int, pages);
        const PageTokens tokens("secret");
        std::optional<std::string> next;
        std::size_t seen = 0;
        int pageCount = 0;
        do {
            const auto page = pageOf(size_t(total), next, maxResults ? std::optional<int>(maxResults) : std::nullopt,
                                     "GetServers", tokens);
            QVERIFY2(page.ok(), page ? "" : page.error().message.c_str());
            QCOMPARE(page->first, seen);
            seen += page->count;
            next = page->nextToken;
            ++pageCount;
        } while (next);
        QCOMPARE(seen, size_t(total));
        QCOMPARE(pageCount, pages);
    }

    void rejectsForeignAndForgedTokens()
    {
        const PageTokens tokens("secret");
        const std::string token = tokens.issue("GetServers", 50);
        QCOMPARE(tokens.redeem(token, "GetServers").value(), size_t(50));
        for (const std::string &bad : {tokens.issue("GetConnectors", 50), PageTokens("other").issue("GetServers", 50),
                                       std::string("bm90IGEgdG9rZW4"), std::string("%%%"), std::string()}) {
            const auto redeemed = tokens.redeem(bad, "GetServers");
            QVERIFY(!redeemed.ok());
            QVERIFY(redeemed.error().errorCode() == ErrorCode::InvalidParameterException);
            QCOMPARE(redeemed.error().httpStatus, 400);
        }
        // An edited offset does not carry the right MAC.
        QByteArray raw = QByteArray::fromBase64(QByteArray::fromStdString(token), QByteArray::Base64UrlEncoding);
        raw[0] = '9';
        QVERIFY(!tokens.redeem(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString(),
                               "GetServers").ok());
    }

    void rejectsPageSizesBelowOne()
    {
        const auto page = pageOf(10, std::nullopt, 0, "ListApps", PageTokens("s"));
        QVERIFY(!page.ok());
        QVERIFY(page.error().message.find("at 'maxResults' failed to satisfy constraint") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestPaging)
#include "tst_paging.moc"
