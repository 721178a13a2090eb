#include "ui/settings/ReplicationSettingsEdit.h"

#include "ui/settings/RangeSpinBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QTimeZone>

#include <array>
#include <cmath>
#include <optional>

namespace sms::ui {
namespace {

// SMS takes 1 to 24 hours (PlanValidation and sms-local check the same).
constexpr int kMinFrequencyHours = 1;
constexpr int kMaxFrequencyHours = 24;
constexpr int kDefaultFrequencyHours = 12;
// The model gives numberOfRecentAmisToKeep no upper limit and 0 keeps every
// AMI; three digits are more recent AMIs than anyone keeps.
constexpr int kMaxAmisToKeep = 999;

// The licence types in the menu's order; the first lets SMS choose.
constexpr std::array<std::optional<api::LicenseType>, 3> kLicenses{std::nullopt, api::LicenseType::Aws,
                                                                    api::LicenseType::Byol};

} // namespace

ReplicationSettingsEdit::ReplicationSettingsEdit(QWidget *parent)
    : QWidget(parent)
    , m_replicateLabel(new QLabel(this))
    , m_every(new QRadioButton(this))
    , m_frequency(new RangeSpinBox(this))
    , m_hours(new QLabel(this))
    , m_once(new QRadioButton(this))
    , m_seed(new QCheckBox(this))
    , m_seedTime(new QDateTimeEdit(this))
    , m_seedZone(new QLabel(this))
    , m_licenseLabel(new QLabel(this))
    , m_license(new QComboBox(this))
    , m_amisLabel(new QLabel(this))
    , m_amis(new RangeSpinBox(this))
    , m_amisNote(new QLabel(this))
    , m_encrypted(new QCheckBox(this))
    , m_kmsLabel(new QLabel(this))
    , m_kmsKey(new QLineEdit(this))
{
    m_every->setObjectName(QStringLiteral("everyButton"));
    m_frequency->setObjectName(QStringLiteral("frequencyBox"));
    m_once->setObjectName(QStringLiteral("onceButton"));
    m_seed->setObjectName(QStringLiteral("seedCheck"));
    m_seedTime->setObjectName(QStringLiteral("seedTimeEdit"));
    m_license->setObjectName(QStringLiteral("licenseBox"));
    m_amis->setObjectName(QStringLiteral("amisBox"));
    m_encrypted->setObjectName(QStringLiteral("encryptedCheck"));
    m_kmsKey->setObjectName(QStringLiteral("kmsKeyEdit"));

    m_frequency->setRange(kMinFrequencyHours, kMaxFrequencyHours);
    m_frequency->setValue(kDefaultFrequencyHours);
    m_every->setChecked(true);
    m_hours->setBuddy(m_frequency);
    m_seedTime->setCalendarPopup(true);
    m_seedTime->setDateTime(QDateTime::currentDateTime().addDays(1));
    m_seedTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    for (std::size_t i = 0; i < kLicenses.size(); ++i)
        m_license->addItem(QString());
    m_amis->setRange(0, kMaxAmisToKeep);
    m_license->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);  // a menu of three, not a text field
    m_licenseLabel->setBuddy(m_license);
    m_amisLabel->setBuddy(m_amis);
    m_kmsLabel->setBuddy(m_kmsKey);
    m_amisNote->setWordWrap(true);

    auto *frequency = new QHBoxLayout;
    frequency->addWidget(m_every);
    frequency->addWidget(m_frequency);
    frequency->addWidget(m_hours);
    frequency->addSpacing(24);
    frequency->addWidget(m_once);
    frequency->addStretch();
    auto *seed = new QHBoxLayout;
    seed->addWidget(m_seed);
    seed->addWidget(m_seedTime);
    seed->addWidget(m_seedZone);
    seed->addStretch();
    auto *amis = new QHBoxLayout;
    amis->addWidget(m_amis);
    amis->addWidget(m_amisNote, 1);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_replicateLabel, frequency);
    form->addRow(QString(), seed);
    form->addRow(m_licenseLabel, m_license);
    form->addRow(m_amisLabel, amis);
    form->addRow(QString(), m_encrypted);
    form->addRow(m_kmsLabel, m_kmsKey);

    connect(m_every, &QRadioButton::toggled, this, &ReplicationSettingsEdit::updateEnabled);
    connect(m_seed, &QCheckBox::toggled, this, &ReplicationSettingsEdit::updateEnabled);
    connect(m_encrypted, &QCheckBox::toggled, this, &ReplicationSettingsEdit::updateEnabled);
    connect(m_seedTime, &QDateTimeEdit::dateTimeChanged, this, &ReplicationSettingsEdit::changed);
    connect(m_frequency, &RangeSpinBox::outOfRangeChanged, this, &ReplicationSettingsEdit::changed);
    connect(m_amis, &RangeSpinBox::outOfRangeChanged, this, &ReplicationSettingsEdit::changed);
    retranslate();
    updateEnabled();
}

void ReplicationSettingsEdit::retranslate()
{
    m_replicateLabel->setText(tr("Replicate:"));
    m_every->setText(tr("&Every"));
    m_hours->setText(tr("hours"));
    m_once->setText(tr("&Once, then stop"));
    m_seed->setText(m_existingJob ? tr("Start the &next replication at") : tr("Start the first (&seed) replication at"));
    const QString fixedPair = m_existingJob ? tr("An existing job cannot change between once and a schedule: "
                                                 "delete it and create it again.")
                                            : QString();
    m_every->setToolTip(fixedPair);
    m_once->setToolTip(fixedPair);
    m_licenseLabel->setText(tr("&License type:"));
    m_license->setItemText(0, tr("Let SMS choose"));
    m_license->setItemText(1, tr("AWS: license included"));
    m_license->setItemText(2, tr("BYOL: bring your own license"));
    m_amisLabel->setText(tr("Recent &AMIs to keep:"));
    m_amis->setSpecialValueText(tr("All"));
    m_amisNote->setText(tr("All (type 0) keeps every AMI; a number keeps that many of the most recent and deletes "
                           "older ones."));
    // SMS takes a moment (epoch seconds), not a wall-clock time: the field
    // shows it in this computer's zone, and says which.
    const QDateTime now = QDateTime::currentDateTime();
    m_seedZone->setText(tr("your local time, %1").arg(now.timeZone().displayName(now, QTimeZone::OffsetName)));
    m_encrypted->setText(tr("Encr&ypt the AMIs"));
    m_kmsLabel->setText(tr("&KMS key ID:"));
    m_kmsKey->setPlaceholderText(tr("Optional: the account's default key for EBS when empty"));
}

void ReplicationSettingsEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReplicationSettingsEdit::setForExistingJob(bool existing)
{
    m_existingJob = existing;
    retranslate();
    updateEnabled();
}

void ReplicationSettingsEdit::updateEnabled()
{
    m_every->setEnabled(!m_existingJob);
    m_once->setEnabled(!m_existingJob);
    m_frequency->setEnabled(m_every->isChecked());
    m_seedTime->setEnabled(m_seed->isChecked());
    m_seedZone->setEnabled(m_seed->isChecked());
    m_kmsKey->setEnabled(m_encrypted->isChecked());
    m_kmsLabel->setEnabled(m_encrypted->isChecked());
    Q_EMIT changed();
}

void ReplicationSettingsEdit::setReplication(const api::ServerReplicationParameters &parameters)
{
    m_shown = parameters;
    m_loaded = true;
    // Once wins over a frequency, as SMS reads the pair.
    (parameters.runOnce.value_or(false) ? m_once : m_every)->setChecked(true);
    m_frequency->setValue(parameters.frequency.value_or(kDefaultFrequencyHours));
    m_seed->setChecked(parameters.seedTime.has_value());
    if (parameters.seedTime)
        m_seedTime->setDateTime(QDateTime::fromSecsSinceEpoch(std::llround(parameters.seedTime->epochSeconds)));
    int license = 0;
    for (std::size_t i = 1; i < kLicenses.size(); ++i)
        if (parameters.licenseType && *parameters.licenseType == *kLicenses[i])
            license = int(i);
    m_license->setCurrentIndex(license);
    m_amis->setValue(parameters.numberOfRecentAmisToKeep.value_or(0));
    m_encrypted->setChecked(parameters.encrypted.value_or(false));
    m_kmsKey->setText(QString::fromStdString(parameters.kmsKeyId.value_or("")));
    updateEnabled();
}

QString ReplicationSettingsEdit::problem() const
{
    if (const auto typed = m_frequency->typedOutOfRange(); typed && m_every->isChecked())
        return tr("SMS replicates every %1 to %2 hours: %3 is out of range.")
            .arg(kMinFrequencyHours)
            .arg(kMaxFrequencyHours)
            .arg(*typed);
    if (const auto typed = m_amis->typedOutOfRange())
        return tr("Recent AMIs to keep: %1 is more than %2; type 0 to keep them all.").arg(*typed).arg(kMaxAmisToKeep);
    if (m_seed->isChecked() && m_seedTime->dateTime() <= QDateTime::currentDateTime())
        return m_existingJob ? tr("The time of the next run has passed: choose a time to come, or untick it to keep "
                                  "the job's schedule.")
                             : tr("The seed time has passed: choose a time to come, or untick it to start at once.");
    return {};
}

api::ServerReplicationParameters ReplicationSettingsEdit::replication() const
{
    api::ServerReplicationParameters parameters;
    // Once and a frequency together only earn a warning: set one of them.
    if (m_once->isChecked())
        parameters.runOnce = true;
    else {
        parameters.frequency = m_frequency->value();
        if (m_shown.runOnce == false)
            parameters.runOnce = false;
    }
    if (m_seed->isChecked())
        parameters.seedTime = api::Timestamp{double(m_seedTime->dateTime().toSecsSinceEpoch())};
    if (const auto license = kLicenses[std::size_t(m_license->currentIndex())])
        parameters.licenseType = *license;
    if (!(m_loaded && !m_shown.numberOfRecentAmisToKeep && m_amis->value() == 0))
        parameters.numberOfRecentAmisToKeep = m_amis->value();
    if (m_encrypted->isChecked()) {
        parameters.encrypted = true;
        if (const QString key = m_kmsKey->text().trimmed(); !key.isEmpty())
            parameters.kmsKeyId = key.toStdString();
    } else if (m_shown.encrypted == false) {
        parameters.encrypted = false;
    }
    return parameters;
}

} // namespace sms::ui
