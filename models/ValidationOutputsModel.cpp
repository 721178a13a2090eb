#include "models/ValidationOutputsModel.h"

#include "api/QtText.h"
#include "models/EpochText.h"
#include "models/ReplicationWords.h"

namespace sms::models {

using api::toQString;

ValidationOutputsModel::ValidationOutputsModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

void ValidationOutputsModel::setOutputs(const std::vector<api::ValidationOutput> &outputs)
{
    std::vector<ValidationOutputRow> rows;
    rows.reserve(outputs.size());
    for (std::size_t i = 0; i < outputs.size(); ++i)
        rows.push_back({outputs[i].validationId.value_or("#" + std::to_string(i)), outputs[i]});
    setRows(std::move(rows));
}

int ValidationOutputsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ValidationOutputsModel::text(const ValidationOutputRow &row, int column) const
{
    const api::ValidationOutput &output = row.output;
    switch (column) {
    case Name: return output.name ? toQString(output.name) : toQString(row.validationId);
    case Checks: {
        if (!output.serverValidationOutput)
            return tr("Application");
        const auto &server = output.serverValidationOutput->server;
        const QString id = server ? toQString(server->serverId) : QString();
        const QString vmName = server && server->vmServer ? toQString(server->vmServer->vmName) : QString();
        return vmName.isEmpty() ? tr("Server %1").arg(id) : tr("Server %1 (%2)").arg(id, vmName);
    }
    case Status: return validationStatusText(output.status);
    case Message: return toQString(output.statusMessage);
    case LatestTime: return localDateTimeText(epochSecondsOf(output.latestValidationTime));
    }
    return {};
}

QVariant ValidationOutputsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ValidationOutputRow &r = row(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(r, column);
    case Qt::ToolTipRole:
        if (column == Message && r.output.statusMessage)
            return toQString(r.output.statusMessage);
        if (column == LatestTime)
            return localDateTimeText(epochSecondsOf(r.output.latestValidationTime), QLocale::LongFormat);
        return {};
    case RawRole:
        if (column == Status)
            return toQString(r.output.status);
        if (column == LatestTime)
            return localDateTime(epochSecondsOf(r.output.latestValidationTime));
        return text(r, column);
    case ValidationIdRole: return toQString(r.validationId);
    case ToneRole: return int(validationStatusTone(r.output.status));
    default: return {};
    }
}

QVariant ValidationOutputsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Validation");
    case Checks: return tr("Checks");
    case Status: return tr("Status");
    case Message: return tr("Message");
    case LatestTime: return tr("Last validated");
    }
    return {};
}

} // namespace sms::models
