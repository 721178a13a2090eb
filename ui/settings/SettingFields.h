#pragma once
// The fields of the launch and replication settings editor, as data: which
// member each edits, how it is shown, and what its text may be. Refusals
// stop a commit (SMS or CloudFormation would refuse the value, or it is not
// of the member's form); warnings are shown in place but the value is kept,
// as the plan's checks keep it (a warning there too, models/PlanValidation).

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace sms::ui {

enum class SettingKind { Launch, Replication };
enum class FieldWidget { Line, InstanceType, Check, Choice };

struct SettingField
{
    SettingKind kind = SettingKind::Launch;
    const char *member = "";       // the API member, e.g. "instanceType"
    const char *label = "";        // untranslated; tr() in the SettingsEditor context
    FieldWidget widget = FieldWidget::Line;
    const char *example = "";      // untranslated example for an empty field, or ""
};

// In the order the editor shows them: launch, then replication.
std::span<const SettingField> settingFields();
const SettingField *findSettingField(SettingKind kind, const char *member);

class SettingFieldTexts
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::SettingsEditor)

public:
    static QString label(const SettingField &field);
    static QString example(const SettingField &field);
    // A Choice field's values: wire text and what the menu says.
    static std::vector<std::pair<QString, QString>> choices(const SettingField &field);
    // What a Check or Choice value reads as, for the origin line ("Yes", "AWS: license included").
    static QString valueText(const SettingField &field, const QString &text);
    // Why `text` cannot be the field's value; empty when it can.
    static QString refusal(const SettingField &field, const QString &text);
    // What is wrong with a value it can take (or a missing one the launch needs); empty when nothing.
    static QString warning(const SettingField &field, const std::optional<QString> &value);
};

} // namespace sms::ui
