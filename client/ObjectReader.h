#pragma once
// ObjectReader: reads one S3 object that SMS wrote (a generated template or
// change set) with the client's credentials: a GET signed with SigV4 for the
// service "s3". On AWS the object is read from the region's S3 endpoint; on a
// custom endpoint (sms-local) path-style from that endpoint, which serves the
// bucket it writes to. S3's XML errors, proxies' HTML pages and cut-short
// answers each become an SmsError that says which.

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "client/ClientConfig.h"
#include "client/SigV4Signer.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <string>

namespace sms::client {

// "s3://bucket/key", as SMS's answers and the AWS tools name an object.
std::string s3Url(const api::S3Location &location);

// The URL of the object at `location` for a client of `smsEndpoint`.
Result<QUrl> objectUrl(const QUrl &smsEndpoint, const QString &region, const api::S3Location &location);

class ObjectReader : public QObject
{
    Q_OBJECT

public:
    explicit ObjectReader(ClientConfig config, QObject *parent = nullptr);

    using Done = std::function<void(const Result<QByteArray> &content)>;
    // Calls `done` once, unless `context` is destroyed first; at once when the
    // request cannot be made.
    void read(const api::S3Location &location, QObject *context, Done done);

private:
    ClientConfig m_config;
    QNetworkAccessManager m_network;
    SigV4Signer m_signer;
};

} // namespace sms::client
