#pragma once
// ValidationOutputsModel: what GetAppValidationOutput reported of one
// application's validations, a row per validationId: its name, what it
// checks (the application, or a server), status, message and time. Each
// read replaces the rows through KeyedTableModel, so a refresh keeps the
// view's selection.

#include "api/SmsTypes.h"
#include "models/KeyedTableModel.h"
#include "models/StatusTone.h"

#include <string>

namespace sms::models {

struct ValidationOutputRow
{
    std::string validationId;
    api::ValidationOutput output;

    const std::string &key() const { return validationId; }
    bool operator==(const ValidationOutputRow &) const = default;
};

class ValidationOutputsModel : public KeyedTableModel<ValidationOutputRow>
{
    Q_OBJECT

public:
    enum Column { Name, Checks, Status, Message, LatestTime, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole,  // sort key: QString (wire text for the status), QDateTime
        ValidationIdRole,        // QString, on every column
        ToneRole,                // int (models::Tone) of the status
    };

    explicit ValidationOutputsModel(QObject *parent = nullptr);

    // An output without a validationId cannot be told apart from the next
    // read's: it is keyed by its place in the list.
    void setOutputs(const std::vector<api::ValidationOutput> &outputs);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const ValidationOutputRow &row, int column) const;
};

} // namespace sms::models
