#include "ui/settings/SettingFields.h"

#include "models/InstanceTypes.h"
#include "models/LaunchFieldChecks.h"
#include "ui/settings/MemberText.h"

#include <QDateTime>

#include <array>
#include <cstring>

namespace sms::ui {
namespace {

// SMS replicates every 1 to 24 hours (PlanValidation and sms-local agree).
constexpr int kMinFrequencyHours = 1;
constexpr int kMaxFrequencyHours = 24;

#define SMS_TR(text) QT_TRANSLATE_NOOP("sms::ui::SettingsEditor", text)
constexpr std::array<SettingField, 18> kFields{{
    {SettingKind::Launch, "logicalId", SMS_TR("Logical ID:"), FieldWidget::Line, SMS_TR("e.g. WebServer01")},
    {SettingKind::Launch, "instanceType", SMS_TR("Instance type:"), FieldWidget::InstanceType, SMS_TR("e.g. m5.large")},
    {SettingKind::Launch, "vpc", SMS_TR("VPC:"), FieldWidget::Line, SMS_TR("e.g. vpc-0a1b2c3d")},
    {SettingKind::Launch, "subnet", SMS_TR("Subnet:"), FieldWidget::Line, SMS_TR("e.g. subnet-0a1b2c3d")},
    {SettingKind::Launch, "securityGroup", SMS_TR("Security group:"), FieldWidget::Line, SMS_TR("e.g. sg-0a1b2c3d")},
    {SettingKind::Launch, "ec2KeyName", SMS_TR("EC2 key pair:"), FieldWidget::Line, SMS_TR("e.g. migration-keys")},
    {SettingKind::Launch, "associatePublicIpAddress", SMS_TR("Public IP address:"), FieldWidget::Check, ""},
    {SettingKind::Launch, "iamInstanceProfileName", SMS_TR("IAM instance profile:"), FieldWidget::Line,
     SMS_TR("e.g. app-instance-profile")},
    {SettingKind::Launch, "userData", SMS_TR("User data:"), FieldWidget::Line, SMS_TR("s3://bucket/key")},
    {SettingKind::Launch, "configureScript", SMS_TR("Configure script:"), FieldWidget::Line, SMS_TR("s3://bucket/key")},
    {SettingKind::Launch, "configureScriptType", SMS_TR("Script type:"), FieldWidget::Choice, ""},
    {SettingKind::Replication, "seedTime", SMS_TR("Seed time:"), FieldWidget::Line,
     SMS_TR("yyyy-MM-dd HH:mm, local time")},
    {SettingKind::Replication, "frequency", SMS_TR("Every (hours):"), FieldWidget::Line, SMS_TR("1 to 24")},
    {SettingKind::Replication, "runOnce", SMS_TR("Run once:"), FieldWidget::Check, ""},
    {SettingKind::Replication, "licenseType", SMS_TR("License type:"), FieldWidget::Choice, ""},
    {SettingKind::Replication, "numberOfRecentAmisToKeep", SMS_TR("Recent AMIs to keep:"), FieldWidget::Line,
     SMS_TR("0 keeps them all")},
    {SettingKind::Replication, "encrypted", SMS_TR("Encrypted AMIs:"), FieldWidget::Check, ""},
    {SettingKind::Replication, "kmsKeyId", SMS_TR("KMS key:"), FieldWidget::Line, SMS_TR("alias/NAME, a key id or an ARN")},
}};
#undef SMS_TR

bool is(const SettingField &field, const char *member)
{
    return std::strcmp(field.member, member) == 0;
}

std::optional<int> wholeNumber(const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

} // namespace

std::span<const SettingField> settingFields()
{
    return kFields;
}

const SettingField *findSettingField(SettingKind kind, const char *member)
{
    for (const SettingField &field : settingFields())
        if (field.kind == kind && is(field, member))
            return &field;
    return nullptr;
}

QString SettingFieldTexts::label(const SettingField &field)
{
    return tr(field.label);
}

QString SettingFieldTexts::example(const SettingField &field)
{
    return *field.example ? tr(field.example) : QString();
}

std::vector<std::pair<QString, QString>> SettingFieldTexts::choices(const SettingField &field)
{
    if (is(field, "licenseType"))
        return {{QStringLiteral("AWS"), tr("AWS: license included")},
                {QStringLiteral("BYOL"), tr("BYOL: bring your own license")}};
    if (is(field, "configureScriptType"))
        return {{QStringLiteral("SHELL_SCRIPT"), tr("Shell script")},
                {QStringLiteral("POWERSHELL_SCRIPT"), tr("PowerShell script")}};
    return {};
}

QString SettingFieldTexts::valueText(const SettingField &field, const QString &text)
{
    if (field.widget == FieldWidget::Check)
        return text == QLatin1String("true") ? tr("Yes") : tr("No");
    for (const auto &[wire, words] : choices(field))
        if (wire == text)
            return words;
    return text;
}

QString SettingFieldTexts::refusal(const SettingField &field, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (is(field, "logicalId")) {
        switch (models::logicalIdProblem(trimmed.toStdString())) {
        case models::LogicalIdProblem::NotAlphanumeric:
            return tr("CloudFormation takes letters and digits only (A-Z, a-z, 0-9) in a logical ID.");
        case models::LogicalIdProblem::TooLong:
            return tr("A logical ID has at most %1 characters.").arg(models::kMaxLogicalIdLength);
        case models::LogicalIdProblem::None:
        case models::LogicalIdProblem::Empty:
            break;
        }
        return {};
    }
    if (is(field, "frequency")) {
        const std::optional<int> hours = wholeNumber(trimmed);
        if (!hours || *hours < kMinFrequencyHours || *hours > kMaxFrequencyHours)
            return tr("SMS replicates every %1 to %2 hours: type a whole number in that range.")
                .arg(kMinFrequencyHours)
                .arg(kMaxFrequencyHours);
        return {};
    }
    if (is(field, "numberOfRecentAmisToKeep")) {
        const std::optional<int> count = wholeNumber(trimmed);
        if (!count || *count < 0)
            return tr("Type a whole number of AMIs: 0 keeps them all.");
        return {};
    }
    if (is(field, "seedTime")) {
        if (!QDateTime::fromString(trimmed, QLatin1String(kSeedTimeFormat)).isValid())
            return tr("Type the time as yyyy-MM-dd HH:mm in your local time, e.g. 2027-01-15 02:00.");
        return {};
    }
    if (is(field, "userData") || is(field, "configureScript")) {
        api::ServerLaunchConfiguration probe;
        if (!setMemberText(probe, field.member, trimmed))
            return tr("Give the S3 location as s3://bucket/key.");
    }
    return {};
}

QString SettingFieldTexts::warning(const SettingField &field, const std::optional<QString> &value)
{
    using models::ResourceKind;
    const std::pair<const char *, ResourceKind> resources[] = {
        {"vpc", ResourceKind::Vpc}, {"subnet", ResourceKind::Subnet}, {"securityGroup", ResourceKind::SecurityGroup}};
    if (field.kind != SettingKind::Launch) {
        if (is(field, "kmsKeyId") && value && !models::isKmsKeyForm(value->toStdString()))
            return tr("Not a KMS key: give a key id (a UUID), alias/NAME or arn:aws:kms:REGION:ACCOUNT:key/ID; "
                      "replication runs would fail.");
        return {};
    }
    if (!value) {
        api::ServerLaunchConfiguration unset;
        for (const std::string_view need : models::missingLaunchNeeds(unset))
            if (need == field.member)
                return tr("Needed to launch: without it, the server launches with the account's default.");
        return {};
    }
    for (const auto &[member, kind] : resources) {
        if (is(field, member) && !models::isResourceId(kind, value->toStdString())) {
            const std::string_view prefix = models::resourcePrefix(kind);
            const QString text = QString::fromUtf8(prefix.data(), qsizetype(prefix.size()));
            return tr("Not an id of the form %1 and 8 or 17 hexadecimal digits (e.g. %2); the launch would fail.")
                .arg(text, text + QStringLiteral("0a1b2c3d"));
        }
    }
    if (is(field, "instanceType") && !models::isInstanceTypeForm(value->toStdString()))
        return tr("Not an instance type of the form family.size, e.g. m5.large; the launch would fail.");
    return {};
}

} // namespace sms::ui
