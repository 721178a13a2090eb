#include "PageServer.h"

#include "ServerCatalog.h"

#include "sandbox/NoDelayTcpServer.h"

#include <QtHttpServer/QHttpServerRequest>

#include <QHostAddress>
#include <QTcpSocket>
#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace sms::bench {

namespace {

using Status = QHttpServerResponder::StatusCode;

constexpr QByteArrayView kTargetPrefix = "AWSServerMigrationService_V2016_10_24.";
constexpr QByteArrayView kJsonType = "application/x-amz-json-1.1";

} // namespace

PageServer::PageServer(const ServerCatalog &catalog, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_catalog(catalog)
    , m_lastModifiedOn(QByteArray::number(catalog.lastModifiedOn(), 'f', 3))
{
}

quint16 PageServer::listenOnLoopback(quint16 port)
{
    auto *tcp = new sandbox::NoDelayTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
}

bool PageServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const Reply reply = dispatch(request);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(reply.body,
                    {{QByteArrayLiteral("Content-Type"), kJsonType.toByteArray()},
                     {QByteArrayLiteral("x-amzn-RequestId"),
                      QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}},
                    reply.status);
    return true;
}

void PageServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is here because the base needs it.
    makeResponder(request, socket).write(Status::NotFound);
}

PageServer::Reply PageServer::dispatch(const QHttpServerRequest &request) const
{
    if (request.method() != QHttpServerRequest::Method::Post || request.url().path() != u"/")
        return error(Status::NotFound, "UnknownOperationException",
                     "Only POST / is served (AWS JSON 1.1 protocol)");

    const QByteArray target = request.value("X-Amz-Target"); // header names match in any case
    if (!target.startsWith(kTargetPrefix))
        return error(Status::BadRequest, "UnknownOperationException",
                     "Missing or foreign X-Amz-Target header");
    const QByteArrayView operation = QByteArrayView(target).sliced(kTargetPrefix.size());
    if (operation != "GetServers")
        return error(Status::BadRequest, "UnknownOperationException",
                     "The bench page server only implements GetServers, not "
                         + operation.toByteArray().toStdString());
    return getServers(request.body());
}

PageServer::Reply PageServer::getServers(QByteArrayView body) const
{
    qsizetype offset = 0;
    qsizetype pageSize = kDefaultPageSize;

    if (!body.trimmed().isEmpty()) {
        const auto input = nlohmann::json::parse(body.begin(), body.end(), nullptr,
                                                 /*allow_exceptions=*/false);
        if (input.is_discarded() || !input.is_object())
            return error(Status::BadRequest, "SerializationException",
                         "The request body is not a JSON object");

        if (const auto it = input.find("nextToken"); it != input.end() && !it->is_null()) {
            if (!it->is_string())
                return error(Status::BadRequest, "SerializationException",
                             "nextToken must be a string");
            const auto &text = it->get_ref<const std::string &>();
            const auto parsed =
                m_catalog.offsetFromToken(QByteArrayView(text.data(), qsizetype(text.size())));
            if (!parsed)
                return error(Status::BadRequest, "InvalidParameterException",
                             "The nextToken is invalid or expired");
            offset = *parsed;
        }

        if (const auto it = input.find("maxResults"); it != input.end() && !it->is_null()) {
            if (!it->is_number_integer())
                return error(Status::BadRequest, "SerializationException",
                             "maxResults must be an integer");
            const auto requested = it->get<long long>();
            if (requested < 1)
                return error(Status::BadRequest, "InvalidParameterException",
                             "maxResults must be at least 1");
            pageSize = qsizetype(std::min<long long>(requested, kMaxPageSize));
        }

        if (const auto it = input.find("vmServerAddressList");
            it != input.end() && !it->is_null() && !it->empty()) {
            return error(Status::BadRequest, "InvalidParameterException",
                         "vmServerAddressList is not supported by the bench page server");
        }
    }

    const QByteArrayView servers = m_catalog.slice(offset, pageSize);
    const qsizetype next = offset + pageSize;

    static constexpr QByteArrayView head1 = "{\"lastModifiedOn\":";
    static constexpr QByteArrayView head2 = ",\"serverCatalogStatus\":\"AVAILABLE\",\"serverList\":[";
    static constexpr QByteArrayView tokenHead = "],\"nextToken\":\"";

    Reply reply;
    reply.body.reserve(servers.size() + 256);
    reply.body.append(head1).append(m_lastModifiedOn).append(head2).append(servers);
    if (next < m_catalog.size())
        reply.body.append(tokenHead).append(m_catalog.tokenFor(next)).append("\"}");
    else
        reply.body.append("]}");
    return reply;
}

PageServer::Reply PageServer::error(Status status, std::string_view type, std::string_view message)
{
    const nlohmann::json body = {{"__type", type}, {"message", message}};
    const std::string text = body.dump();
    return Reply{QByteArray(text.data(), qsizetype(text.size())), status};
}

} // namespace sms::bench
