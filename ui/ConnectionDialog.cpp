#include "ui/ConnectionDialog.h"

#include "client/CredentialsFileWriter.h"
#include "client/Endpoint.h"
#include "client/SharedConfig.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace sms::ui {
namespace {

// QSettings keys: the choice, never a credential.
const QString kGroup = QStringLiteral("connection");
const QString kKindKey = QStringLiteral("kind");
const QString kProfileKey = QStringLiteral("profile");
const QString kProfileRegionKey = QStringLiteral("profileRegion");
const QString kEndpointUrlKey = QStringLiteral("endpointUrl");
const QString kEndpointRegionKey = QStringLiteral("endpointRegion");
const QString kEndpointProfileKey = QStringLiteral("endpointProfile");  // a name; the keys are in the AWS files

QString kindKey(ConnectionDialog::Kind kind)
{
    switch (kind) {
    case ConnectionDialog::Kind::Sandbox: return QStringLiteral("sandbox");
    case ConnectionDialog::Kind::Profile: return QStringLiteral("profile");
    case ConnectionDialog::Kind::Endpoint: return QStringLiteral("endpoint");
    }
    return {};
}

// One line in an error colour, hidden while there is nothing to say. Texts
// that change as the user types do not wrap: a top-level window does not
// grow for a wrapped label's new height, so the texts are kept short and a
// long one widens the dialog instead of being cut off.
QLabel *makeReasonLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

// Muted text; only texts set once, before the dialog is shown, may wrap.
QLabel *makeNoteLabel(const QString &text, QWidget *parent, bool wrap = true)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(wrap);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// A field with its reason (or note) right underneath, as one form cell.
void addFieldRow(QFormLayout *form, const QString &label, QWidget *field, QLabel *below)
{
    auto *cell = new QWidget;
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(below);
    form->addRow(label, cell);
}

void showReason(QLabel *label, QWidget *field, const QString &reason)
{
    label->setText(reason);
    label->setVisible(!reason.isEmpty());
    field->setAccessibleDescription(reason);
}

// Sections sit under their radio button's text, not under its circle.
void indentUnderRadio(QWidget *section, const QRadioButton *radio)
{
    const QStyle *style = radio->style();
    const int indent = style->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, radio)
                     + style->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, radio);
    section->layout()->setContentsMargins(indent, 0, 0, 0);
}

QString profileItemText(const services::ConnectionProfile &profile)
{
    const QString region = profile.region.isEmpty() ? ConnectionDialog::tr("no region") : profile.region;
    return ConnectionDialog::tr("%1 \u2014 %2").arg(profile.name, region);
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : ConnectionDialog(client::AwsEnvironment::system(), parent)
{
}

ConnectionDialog::ConnectionDialog(client::AwsEnvironment environment, QWidget *parent)
    : QDialog(parent)
    , m_environment(std::move(environment))
    , m_profiles(services::listConnectionProfiles(m_environment))
    , m_kinds(new QButtonGroup(this))
{
    setWindowTitle(tr("Connect"));

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Where should the planner connect?"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(4);

    buildSandboxSection(layout);
    layout->addSpacing(6);
    buildProfileSection(layout);
    layout->addSpacing(6);
    buildEndpointSection(layout);
    layout->addStretch(1);

    // Set after the dialog is shown, so showFailure() grows the dialog for it.
    m_failure = makeReasonLabel(this);
    m_failure->setWordWrap(true);
    m_failure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_failure);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    layout->addSpacing(6);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);

    // Names for tests and accessibility tools.
    m_sandbox->setObjectName(QStringLiteral("sandboxChoice"));
    m_profile->setObjectName(QStringLiteral("profileChoice"));
    m_endpoint->setObjectName(QStringLiteral("endpointChoice"));
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileNote->setObjectName(QStringLiteral("profileNote"));
    m_profileRegion->setObjectName(QStringLiteral("profileRegion"));
    m_profileRegionReason->setObjectName(QStringLiteral("profileRegionReason"));
    m_endpointUrl->setObjectName(QStringLiteral("endpointUrl"));
    m_endpointUrlReason->setObjectName(QStringLiteral("endpointUrlReason"));
    m_endpointRegion->setObjectName(QStringLiteral("endpointRegion"));
    m_endpointRegionReason->setObjectName(QStringLiteral("endpointRegionReason"));
    m_accessKeyId->setObjectName(QStringLiteral("accessKeyId"));
    m_secretKey->setObjectName(QStringLiteral("secretAccessKey"));
    m_keyProfile->setObjectName(QStringLiteral("keyProfile"));
    m_keysReason->setObjectName(QStringLiteral("keysReason"));
    m_failure->setObjectName(QStringLiteral("connectionFailure"));

    m_kinds->addButton(m_sandbox, int(Kind::Sandbox));
    m_kinds->addButton(m_profile, int(Kind::Profile));
    m_kinds->addButton(m_endpoint, int(Kind::Endpoint));
    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            validate();
    });
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::profileSelected);
    for (QLineEdit *field : {m_profileRegion, m_endpointUrl, m_endpointRegion, m_accessKeyId, m_secretKey, m_keyProfile})
        connect(field, &QLineEdit::textChanged, this, &ConnectionDialog::validate);

    // Room for a URL and a reason without the form looking cramped. On the
    // field, not the dialog: a minimum set on the dialog would stop the layout
    // from widening it for a longer reason.
    m_endpointUrl->setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    restore();
    validate();
}

void ConnectionDialog::buildSandboxSection(QLayout *into)
{
    m_sandbox = new QRadioButton(tr("Local sandbox (built in)"), this);
    into->addWidget(m_sandbox);
    auto *section = new QWidget(this);
    auto *layout = new QVBoxLayout(section);
    layout->addWidget(makeNoteLabel(tr("A simulated SMS endpoint inside this application, with a demo estate of "
                                       "servers. Nothing leaves this computer and no AWS account is needed."),
                                    section));
    indentUnderRadio(section, m_sandbox);
    into->addWidget(section);
}

void ConnectionDialog::buildProfileSection(QLayout *into)
{
    m_profile = new QRadioButton(tr("AWS profile"), this);
    into->addWidget(m_profile);
    m_profileSection = new QWidget(this);
    auto *form = new QFormLayout(m_profileSection);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_profileCombo = new QComboBox(m_profileSection);
    m_profileNote = makeNoteLabel(QString(), m_profileSection, false);
    if (m_profiles) {
        for (const services::ConnectionProfile &profile : m_profiles->profiles)
            m_profileCombo->addItem(profileItemText(profile), profile.name);
    }
    addFieldRow(form, tr("&Profile:"), m_profileCombo, m_profileNote);

    m_profileRegion = new QLineEdit(m_profileSection);
    m_profileRegion->setPlaceholderText(tr("e.g. us-east-1"));
    m_profileRegion->setClearButtonEnabled(true);
    m_profileRegionReason = makeReasonLabel(m_profileSection);
    addFieldRow(form, tr("&Region:"), m_profileRegion, m_profileRegionReason);

    indentUnderRadio(m_profileSection, m_profile);
    into->addWidget(m_profileSection);

    // Without profiles the choice cannot be made; say why instead of hiding it.
    if (!m_profiles || m_profiles->profiles.empty()) {
        m_profile->setEnabled(false);
        const QString why = !m_profiles
            ? QString::fromStdString(m_profiles.error().message)
            : tr("No profiles found in %1 or %2.")
                  .arg(QDir::toNativeSeparators(m_profiles->configFilePath),
                       QDir::toNativeSeparators(m_profiles->credentialsFilePath));
        m_profileNote->setWordWrap(true); // set once, before the dialog is shown
        m_profileNote->setText(why);
        m_profileCombo->hide();
        m_profileRegion->setEnabled(false);
    }
}

void ConnectionDialog::buildEndpointSection(QLayout *into)
{
    m_endpoint = new QRadioButton(tr("Custom endpoint URL"), this);
    into->addWidget(m_endpoint);
    m_endpointSection = new QWidget(this);
    auto *form = new QFormLayout(m_endpointSection);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_endpointUrl = new QLineEdit(m_endpointSection);
    m_endpointUrl->setPlaceholderText(tr("https://sms.example.com or http://localhost:8080"));
    m_endpointUrl->setClearButtonEnabled(true);
    m_endpointUrlReason = makeReasonLabel(m_endpointSection);
    addFieldRow(form, tr("&URL:"), m_endpointUrl, m_endpointUrlReason);

    m_endpointRegion = new QLineEdit(m_endpointSection);
    m_endpointRegion->setPlaceholderText(tr("e.g. us-east-1"));
    m_endpointRegion->setClearButtonEnabled(true);
    m_endpointRegionReason = makeReasonLabel(m_endpointSection);
    addFieldRow(form, tr("R&egion:"), m_endpointRegion, m_endpointRegionReason);

    m_accessKeyId = new QLineEdit(m_endpointSection);
    m_accessKeyId->setPlaceholderText(tr("optional, e.g. AKIASMSLOCALSANDBOX1"));
    form->addRow(tr("&Access key ID:"), m_accessKeyId);
    m_secretKey = new QLineEdit(m_endpointSection);
    m_secretKey->setEchoMode(QLineEdit::Password);
    m_secretKey->setPlaceholderText(tr("goes with the access key ID"));
    form->addRow(tr("&Secret access key:"), m_secretKey);
    m_keyProfile = new QLineEdit(m_endpointSection);
    m_keyProfile->setPlaceholderText(tr("optional, e.g. sms-local"));
    m_keysReason = makeReasonLabel(m_endpointSection);
    addFieldRow(form, tr("Pro&file name:"), m_keyProfile, m_keysReason);
    const QString credentialsFile = QDir::toNativeSeparators(client::SharedConfig::credentialsFilePath(m_environment));
    form->addRow(makeNoteLabel(tr("A key pair is saved as this profile in %1 (readable by you only) and signs the "
                                  "requests. A profile name alone signs with that profile's saved keys; with "
                                  "neither, your AWS environment's credentials sign.")
                                   .arg(credentialsFile),
                               m_endpointSection));

    indentUnderRadio(m_endpointSection, m_endpoint);
    into->addWidget(m_endpointSection);
}

ConnectionDialog::Kind ConnectionDialog::kind() const
{
    const int id = m_kinds->checkedId();
    return id < 0 ? Kind::Sandbox : Kind(id);
}

void ConnectionDialog::setKind(Kind kind)
{
    if (kind == Kind::Profile && !m_profile->isEnabled())
        kind = Kind::Sandbox;
    m_kinds->button(int(kind))->setChecked(true);
}

services::ConnectionRequest ConnectionDialog::request() const
{
    services::ConnectionRequest request;
    request.environment = m_environment;
    switch (kind()) {
    case Kind::Sandbox:
        break;
    case Kind::Profile:
        request.profile = m_profileCombo->currentData().toString();
        request.region = m_profileRegion->text().trimmed();
        break;
    case Kind::Endpoint:
        request.endpointUrl = m_endpointUrl->text().trimmed();
        request.region = m_endpointRegion->text().trimmed();
        request.profile = m_keyProfile->text().trimmed();
        if (!request.profile.isEmpty()) {
            // Keys given for this endpoint sign, not the environment's (which the chain would try first).
            for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"})
                request.environment.variables.remove(QString::fromLatin1(name));
        }
        break;
    }
    return request;
}

void ConnectionDialog::setChoice(const services::ConnectionRequest &request, bool sandbox)
{
    if (sandbox) {
        setKind(Kind::Sandbox);
    } else if (!request.endpointUrl.isEmpty()) {
        m_endpointUrl->setText(request.endpointUrl);
        m_endpointRegion->setText(request.region);
        m_keyProfile->setText(request.profile);
        setKind(Kind::Endpoint);
    } else {
        selectProfile(request.profile.isEmpty() && m_profiles ? m_profiles->selectedProfile : request.profile);
        if (!request.region.isEmpty())
            m_profileRegion->setText(request.region);
        setKind(Kind::Profile);
    }
    validate();
}

void ConnectionDialog::selectProfile(const QString &name)
{
    const int index = m_profileCombo->findData(name);
    if (index >= 0 && index != m_profileCombo->currentIndex())
        m_profileCombo->setCurrentIndex(index); // profileSelected() follows
    else
        profileSelected();
}

void ConnectionDialog::profileSelected()
{
    if (!m_profiles)
        return;
    const services::ConnectionProfile *profile = m_profiles->find(m_profileCombo->currentData().toString());
    if (!profile)
        return;
    // A new profile brings its own region; the user may still change it.
    m_profileRegion->setText(profile->region);

    using Credentials = services::ConnectionProfile::Credentials;
    QString note;
    if (m_profiles->environmentHasKeys) {
        note = tr("AWS_ACCESS_KEY_ID is set: those keys sign, whatever the profile.");
    } else {
        switch (profile->credentials) {
        case Credentials::AccessKeys: note = tr("Signs with the profile's access keys."); break;
        case Credentials::Process: note = tr("Gets credentials from the profile's credential_process."); break;
        case Credentials::None: note = tr("No credentials configured: the endpoint will refuse the requests."); break;
        case Credentials::Unsupported:
            note = tr("Assumes a role or uses SSO, which the planner cannot do; use a credential_process.");
            break;
        }
    }
    m_profileNote->setText(note);
}

QString ConnectionDialog::regionProblem(const QString &region)
{
    const QString text = region.trimmed();
    if (text.isEmpty())
        return tr("Enter a region, e.g. us-east-1.");
    if (!client::isValidRegionName(text))
        return tr("Use lower-case letters, digits and hyphens, e.g. us-east-1.");
    // partition-area-number, e.g. us-east-1, us-gov-west-1, ap-southeast-2.
    static const QRegularExpression shape(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
    if (!shape.match(text).hasMatch())
        return tr("Not an AWS region; regions look like us-east-1 or eu-west-2.");
    return {};
}

QString ConnectionDialog::endpointProblem(const QString &url)
{
    const QString text = url.trimmed();
    if (text.isEmpty())
        return tr("Enter the endpoint's URL.");
    // The client decides what is safe; the words here say what to change.
    const auto checked = client::resolveEndpoint(QStringLiteral("us-east-1"), text);
    if (checked)
        return {};
    if (!text.contains(u"://"))
        return tr("Start with https:// (or http:// for this computer).");
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid())
        return tr("This is not a valid URL.");
    const QString scheme = parsed.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return tr("Use https:// (or http:// for this computer).");
    if (!parsed.userInfo().isEmpty() || text.section(u'/', 2, 2).contains(u'@'))
        return tr("Remove the user name and password: credentials never go in the URL.");
    if (parsed.host().isEmpty())
        return tr("The URL needs a host name.");
    if (parsed.hasQuery() || parsed.hasFragment())
        return tr("Remove the ?query or #fragment.");
    if (scheme == u"http" && !client::isLoopbackHost(parsed.host()))
        return tr("Plain http only goes to this computer (localhost, 127.0.0.1, ::1); use https.");
    // A case the words above do not cover: the client's own (long) message.
    return QString::fromStdString(checked.error().message);
}

QString ConnectionDialog::problem() const
{
    switch (kind()) {
    case Kind::Sandbox: return {};
    case Kind::Profile:
        if (m_profileCombo->currentIndex() < 0)
            return tr("Choose a profile.");
        return regionProblem(m_profileRegion->text());
    case Kind::Endpoint: {
        const QString url = endpointProblem(m_endpointUrl->text());
        if (!url.isEmpty())
            return url;
        const QString region = regionProblem(m_endpointRegion->text());
        return region.isEmpty() ? keysProblem() : region;
    }
    }
    return {};
}

QString ConnectionDialog::keysProblem() const
{
    const QString keyId = m_accessKeyId->text().trimmed();
    const QString secret = m_secretKey->text().trimmed();
    const QString profile = m_keyProfile->text().trimmed();
    if (!keyId.isEmpty() && secret.isEmpty())
        return tr("Enter the secret access key that goes with the access key ID.");
    if (keyId.isEmpty() && !secret.isEmpty())
        return tr("Enter the access key ID that goes with the secret access key.");
    if (!keyId.isEmpty() && profile.isEmpty())
        return tr("Name the profile the key pair is saved as, e.g. sms-local.");
    if (!profile.isEmpty() && !client::profileNameProblem(profile).isEmpty())
        return tr("Use letters, digits and . _ @ + - in a profile name.");
    // Never replaces what a profile already signs with: other tools rely on it.
    if (!keyId.isEmpty() && m_profiles)
        if (const services::ConnectionProfile *existing = m_profiles->find(profile);
            existing && existing->credentials != services::ConnectionProfile::Credentials::None)
            return tr("Profile %1 already has credentials, which other tools may use: name a new profile for "
                      "this key pair, or leave the keys empty to sign with %1.")
                .arg(profile);
    if (!profile.isEmpty() && keyId.isEmpty() && !(m_profiles && m_profiles->find(profile)))
        return tr("There is no profile %1 yet: give its access key pair to save it.").arg(profile);
    return {};
}

void ConnectionDialog::validate()
{
    const Kind current = kind();
    m_profileSection->setEnabled(current == Kind::Profile && !m_trying);
    m_endpointSection->setEnabled(current == Kind::Endpoint && !m_trying);

    // Reasons only for the section in use: the others do not block anything.
    showReason(m_profileRegionReason, m_profileRegion,
               current == Kind::Profile ? regionProblem(m_profileRegion->text()) : QString());
    showReason(m_endpointUrlReason, m_endpointUrl,
               current == Kind::Endpoint ? endpointProblem(m_endpointUrl->text()) : QString());
    showReason(m_endpointRegionReason, m_endpointRegion,
               current == Kind::Endpoint ? regionProblem(m_endpointRegion->text()) : QString());
    showReason(m_keysReason, m_keyProfile, current == Kind::Endpoint ? keysProblem() : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem().isEmpty() && !m_trying);
}

void ConnectionDialog::accept()
{
    if (m_trying || !problem().isEmpty())
        return; // Enter in a field must not get past the checks
    if (!saveKeys())
        return;
    remember();
    if (!m_triesFirst) {
        QDialog::accept();
        return;
    }
    showFailure(QString());
    setTrying(true);
    Q_EMIT connectRequested();
}

void ConnectionDialog::connected()
{
    // Only the connection this dialog asked for closes it (not, say, the start-up one finishing late).
    if (!m_trying)
        return;
    setTrying(false);
    QDialog::accept();
}

void ConnectionDialog::connectFailed(const QString &why)
{
    setTrying(false);
    showFailure(why);
}

QString ConnectionDialog::failure() const
{
    return m_failure->text();
}

// The key pair goes to the AWS credentials file at once and leaves the
// dialog: from here on only the profile's name stands for it.
bool ConnectionDialog::saveKeys()
{
    const QString keyId = m_accessKeyId->text().trimmed();
    if (kind() != Kind::Endpoint || keyId.isEmpty())
        return true;
    const client::ProfileKeys keys{m_keyProfile->text().trimmed(), keyId, m_secretKey->text().trimmed()};
    const auto written = client::writeProfileKeys(m_environment, keys);
    if (!written) {
        showFailure(QString::fromStdString(written.error().message));
        return false;
    }
    m_accessKeyId->clear();
    m_secretKey->clear();
    m_profiles = services::listConnectionProfiles(m_environment);  // the profile exists now
    validate();
    return true;
}

void ConnectionDialog::showFailure(const QString &text)
{
    m_failure->setText(text);
    m_failure->setVisible(!text.isEmpty());
    // A top-level window does not grow by itself for a wrapped label's height.
    layout()->activate();
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (isVisible() && wanted > height())
        resize(width(), wanted);
}

void ConnectionDialog::setTrying(bool trying)
{
    m_trying = trying;
    const bool haveProfiles = m_profileCombo->count() > 0 && m_profileCombo->isVisibleTo(this);
    for (QAbstractButton *choice : m_kinds->buttons())
        choice->setEnabled(!trying && (choice != m_profile || haveProfiles));
    m_buttons->button(QDialogButtonBox::Ok)->setText(trying ? tr("Connecting\u2026") : tr("Connect"));
    validate();  // the sections and Connect: off while trying, else as the input allows
}

void ConnectionDialog::restore()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    const QString savedKind = settings.value(kKindKey).toString();
    const QString savedProfile = settings.value(kProfileKey).toString();
    m_endpointUrl->setText(settings.value(kEndpointUrlKey).toString());
    m_endpointRegion->setText(settings.value(kEndpointRegionKey, QStringLiteral("us-east-1")).toString());
    m_keyProfile->setText(settings.value(kEndpointProfileKey).toString());

    const bool haveProfiles = m_profiles && !m_profiles->profiles.empty();
    const bool savedProfileExists = haveProfiles && m_profiles->find(savedProfile);
    if (haveProfiles)
        selectProfile(savedProfileExists ? savedProfile : m_profiles->selectedProfile);
    if (savedProfileExists && m_profileCombo->currentData().toString() == savedProfile) {
        const QString region = settings.value(kProfileRegionKey).toString();
        if (!region.isEmpty())
            m_profileRegion->setText(region);
    }

    if (savedKind == kindKey(Kind::Endpoint)) {
        setKind(Kind::Endpoint);
    } else if (savedKind == kindKey(Kind::Profile)) {
        setKind(Kind::Profile);
    } else if (savedKind == kindKey(Kind::Sandbox)) {
        setKind(Kind::Sandbox);
    } else {
        // First time: a profile that can sign, else the sandbox (as at start-up).
        const auto *current = haveProfiles ? m_profiles->find(m_profileCombo->currentData().toString()) : nullptr;
        const bool canSign = current && (current->hasCredentials() || m_profiles->environmentHasKeys);
        setKind(canSign ? Kind::Profile : Kind::Sandbox);
    }
}

void ConnectionDialog::remember() const
{
    QSettings settings;
    settings.beginGroup(kGroup);
    settings.setValue(kKindKey, kindKey(kind()));
    switch (kind()) {
    case Kind::Sandbox:
        break;
    case Kind::Profile:
        settings.setValue(kProfileKey, m_profileCombo->currentData().toString());
        settings.setValue(kProfileRegionKey, m_profileRegion->text().trimmed());
        break;
    case Kind::Endpoint:
        // Only a URL that passed the checks gets here, so it carries no user info.
        settings.setValue(kEndpointUrlKey, m_endpointUrl->text().trimmed());
        settings.setValue(kEndpointRegionKey, m_endpointRegion->text().trimmed());
        settings.setValue(kEndpointProfileKey, m_keyProfile->text().trimmed());
        break;
    }
}

} // namespace sms::ui
