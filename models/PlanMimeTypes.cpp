#include "models/PlanMimeTypes.h"

namespace sms::models {
namespace {

QString mimeType(const char *type)
{
    return QString::fromLatin1(type);
}

std::vector<QByteArray> lines(const QMimeData &data, const char *type)
{
    std::vector<QByteArray> result;
    for (const QByteArray &line : data.data(mimeType(type)).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            result.push_back(trimmed);
    }
    return result;
}

} // namespace

std::unique_ptr<QMimeData> serverIdsMimeData(const std::vector<std::string> &serverIds)
{
    QByteArray bytes;
    for (const std::string &id : serverIds) {
        bytes.append(id.data(), qsizetype(id.size()));
        bytes.append('\n');
    }
    auto data = std::make_unique<QMimeData>();
    data->setData(mimeType(kServerIdsMimeType), bytes);
    // Other programs (a text editor, a ticket) get the ids as plain text.
    data->setText(QString::fromUtf8(bytes));
    return data;
}

std::vector<std::string> serverIdsFrom(const QMimeData &data)
{
    std::vector<std::string> ids;
    for (const QByteArray &line : lines(data, kServerIdsMimeType))
        ids.push_back(line.toStdString());
    return ids;
}

bool holdsServerIds(const QMimeData *data)
{
    return data && data->hasFormat(mimeType(kServerIdsMimeType));
}

std::unique_ptr<QMimeData> groupKeysMimeData(const std::vector<PlanKey> &groups)
{
    QByteArray bytes;
    for (PlanKey key : groups)
        bytes.append(QByteArray::number(quint64(key))).append('\n');
    auto data = std::make_unique<QMimeData>();
    data->setData(mimeType(kGroupKeysMimeType), bytes);
    return data;
}

std::vector<PlanKey> groupKeysFrom(const QMimeData &data)
{
    std::vector<PlanKey> keys;
    for (const QByteArray &line : lines(data, kGroupKeysMimeType)) {
        bool ok = false;
        const quint64 key = line.toULongLong(&ok);
        if (ok && key != kNoKey)
            keys.push_back(key);
    }
    return keys;
}

} // namespace sms::models
