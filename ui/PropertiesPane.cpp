#include "ui/PropertiesPane.h"

#include "api/QtText.h"

#include "models/PlanEditor.h"
#include "ui/settings/SettingsEditor.h"

#include <QAbstractItemDelegate>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtMath>

#include <algorithm>
#include <functional>
#include <memory>
#include <set>

namespace sms::ui {
namespace {

using models::PlanKey;

using api::toQString;

// A value the catalog or endpoint did not give.
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("\u2014") : text;
}

bool isEscape(const QEvent *event)
{
    return (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)
        && static_cast<const QKeyEvent *>(event)->key() == Qt::Key_Escape
        && static_cast<const QKeyEvent *>(event)->modifiers() == Qt::NoModifier;
}

// A read-only value the user can select and copy. A word-wrapped QLabel
// breaks lines only at spaces and hyphens, so a path ("/dc/vm/Prod/web01")
// runs past the dock's edge; this breaks such a word anywhere, and copying
// still gives the text exactly (no break characters put into it).
class WrappingText : public QTextEdit
{
public:
    explicit WrappingText(QWidget *parent)
        : QTextEdit(parent)
    {
        setReadOnly(true);
        setTextInteractionFlags(Qt::TextSelectableByMouse);
        setFocusPolicy(Qt::ClickFocus);  // like a selectable QLabel: out of the tab chain
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        document()->setDocumentMargin(0);
        viewport()->setAutoFillBackground(false);  // the pane's background, as behind a label
        viewport()->setCursor(Qt::IBeamCursor);
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    void setText(const QString &text)
    {
        if (text == toPlainText())
            return;  // keeps a selection the user is about to copy
        setPlainText(text);
        updateGeometry();
    }

    bool hasHeightForWidth() const override { return true; }

    int heightForWidth(int width) const override
    {
        const QMargins margins = contentsMargins();
        const std::unique_ptr<QTextDocument> layout(document()->clone());
        layout->setTextWidth(std::max(1, width - margins.left() - margins.right()));
        return qCeil(layout->size().height()) + margins.top() + margins.bottom();
    }

    QSize sizeHint() const override
    {
        // The text on one line, but no wider than a dock usually is: a long
        // description wraps instead of widening the dock.
        const QMargins margins = contentsMargins();
        const std::unique_ptr<QTextDocument> layout(document()->clone());
        const int widest = fontMetrics().averageCharWidth() * 32;
        const int width = std::min(qCeil(layout->idealWidth()), widest) + margins.left() + margins.right();
        return {width, heightForWidth(width)};
    }

    QSize minimumSizeHint() const override
    {
        return {fontMetrics().averageCharWidth() * 6, fontMetrics().height()};
    }

protected:
    void changeEvent(QEvent *event) override
    {
        QTextEdit::changeEvent(event);
        if (event->type() == QEvent::FontChange)
            updateGeometry();
    }

    // The value is as tall as its text and never scrolls (nor zooms): the
    // wheel belongs to the pane's scroll area, so pass it on.
    void wheelEvent(QWheelEvent *event) override { event->ignore(); }
};

// The reason a field's text cannot be committed, in red under the field.
QLabel *newErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

void setError(QLabel *label, const QString &reason)
{
    label->setText(reason);
    label->setVisible(!reason.isEmpty());
}

// QTableWidget with the one protected fact the tags editor needs.
class TagsTable : public QTableWidget
{
public:
    using QTableWidget::QTableWidget;
    bool isEditing() const { return state() == EditingState; }
};

} // namespace

// One line edit for one field of the shown item, with the reason its text
// cannot be committed shown under it. The form commits on editingFinished;
// Escape puts the document's value back.
class FieldEdit : public QWidget
{
public:
    // Returns why a text cannot be committed, or an empty string.
    using Validator = std::function<QString(const QString &)>;

    FieldEdit(const QString &objectName, Validator validator, QWidget *parent)
        : QWidget(parent)
        , m_edit(new QLineEdit(this))
        , m_error(newErrorLabel(this))
        , m_validator(std::move(validator))
    {
        m_edit->setObjectName(objectName);
        m_error->setObjectName(objectName + QStringLiteral("Error"));
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(m_edit);
        layout->addWidget(m_error);
        setFocusProxy(m_edit);
        m_edit->installEventFilter(this);
        // Once shown, the reason follows the typing, so it goes away when fixed.
        connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
            if (!m_error->isHidden())
                setError(m_error, m_validator ? m_validator(text) : QString());
        });
    }

    QLineEdit *lineEdit() const { return m_edit; }
    QString text() const { return m_edit->text(); }

    // The user has typed something not (yet) in the document.
    bool isEditing() const { return m_edit->text() != m_shown || !m_error->isHidden(); }

    // Shows the document's value; with keepEdit, an edit in progress stays
    // and only Escape brings the new value back.
    void showValue(const QString &value, bool keepEdit)
    {
        const bool editing = isEditing();
        m_shown = value;
        if (keepEdit && editing)
            return;
        if (m_edit->text() != value) {
            m_edit->setText(value);
            m_edit->setCursorPosition(0);  // a text longer than the field shows its start
        }
        setError(m_error, {});
    }

    // Shows the reason when the text cannot be committed.
    bool check()
    {
        const QString reason = m_validator ? m_validator(m_edit->text()) : QString();
        setError(m_error, reason);
        return reason.isEmpty();
    }

    void revert() { showValue(m_shown, false); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_edit && isEscape(event) && isEditing()) {
            // Claim Escape before a window shortcut does, then revert on the press.
            event->accept();
            if (event->type() == QEvent::KeyPress)
                revert();
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }

private:
    QLineEdit *m_edit;
    QLabel *m_error;
    Validator m_validator;
    QString m_shown;  // the document's value the field last showed
};

// An application's tags as a two-column table. A change is committed once
// the cell editor closes (or a row is removed), as one list, when every tag
// has a key and no key is used twice.
class TagsEdit : public QWidget
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::PropertiesPane)

public:
    using Commit = std::function<void(std::vector<api::Tag>)>;

    TagsEdit(Commit commit, QWidget *parent)
        : QWidget(parent)
        , m_table(new TagsTable(0, 2, this))
        , m_add(new QPushButton(this))
        , m_remove(new QPushButton(this))
        , m_error(newErrorLabel(this))
        , m_commit(std::move(commit))
    {
        m_table->setObjectName(QStringLiteral("tagsTable"));
        m_add->setObjectName(QStringLiteral("addTagButton"));
        m_remove->setObjectName(QStringLiteral("removeTagButton"));
        m_error->setObjectName(QStringLiteral("tagsError"));
        m_table->verticalHeader()->hide();
        m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        m_table->horizontalHeader()->setHighlightSections(false);
        m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                 | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
        m_table->setWordWrap(false);
        // Tab leaves the table for the next field; in a cell editor it still
        // moves to the next cell (the delegate's closeEditor hint).
        m_table->setTabKeyNavigation(false);
        m_table->installEventFilter(this);

        auto *buttons = new QHBoxLayout;
        buttons->addWidget(m_add);
        buttons->addWidget(m_remove);
        buttons->addStretch();
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        layout->addWidget(m_table);
        layout->addLayout(buttons);
        layout->addWidget(m_error);

        // The view's own closeEditor slot runs first, so the cell's text is
        // in the table when this one does.
        connect(m_table->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] { tryCommit(); });
        connect(m_add, &QPushButton::clicked, this, &TagsEdit::addRow);
        connect(m_remove, &QPushButton::clicked, this, &TagsEdit::removeRows);
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this] { m_remove->setEnabled(m_table->selectionModel()->hasSelection()); });
        m_remove->setEnabled(false);
        retranslate();
        fitHeight();
    }

    void retranslate()
    {
        m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
        m_add->setText(tr("Add Tag"));
        m_remove->setText(tr("Remove"));
        m_table->setAccessibleName(tr("Tags"));
    }

    bool isEditing() const
    {
        return m_table->isEditing() || rows() != rowsOf(m_shown) || !m_error->isHidden();
    }

    // As FieldEdit::showValue.
    void showTags(const std::vector<api::Tag> &tags, bool keepEdit)
    {
        const bool editing = isEditing();
        m_shown = tags;
        if (keepEdit && editing)
            return;
        setError(m_error, {});
        if (rows() == rowsOf(tags))
            return;  // an open editor or the selection stays
        m_table->setRowCount(0);
        for (const auto &[key, value] : rowsOf(tags))
            appendRow(key, value);
        fitHeight();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // An open cell editor handles its own Escape (it drops the cell's edit).
        if (watched == m_table && isEscape(event) && !m_table->isEditing() && isEditing()) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                showTags(m_shown, false);
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }

private:
    using Row = std::pair<QString, QString>;  // key, value

    static std::vector<Row> rowsOf(const std::vector<api::Tag> &tags)
    {
        std::vector<Row> rows;
        rows.reserve(tags.size());
        for (const api::Tag &tag : tags)
            rows.emplace_back(toQString(tag.key), toQString(tag.value));
        return rows;
    }

    std::vector<Row> rows() const
    {
        std::vector<Row> rows;
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const QTableWidgetItem *key = m_table->item(row, 0);
            const QTableWidgetItem *value = m_table->item(row, 1);
            rows.emplace_back(key ? key->text() : QString(), value ? value->text() : QString());
        }
        return rows;
    }

    void appendRow(const QString &key, const QString &value)
    {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(key));
        m_table->setItem(row, 1, new QTableWidgetItem(value));
    }

    // Room for the tags (at least two rows, so that an empty table still
    // looks like one), up to eight before the table scrolls.
    void fitHeight()
    {
        const int rows = std::clamp(m_table->rowCount(), 2, 8);
        m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height()
                                + rows * m_table->verticalHeader()->defaultSectionSize()
                                + 2 * m_table->frameWidth());
    }

    void addRow()
    {
        appendRow({}, {});
        fitHeight();
        const int row = m_table->rowCount() - 1;
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    }

    void removeRows()
    {
        std::set<int> doomed;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            doomed.insert(index.row());
        for (auto row = doomed.rbegin(); row != doomed.rend(); ++row)
            m_table->removeRow(*row);
        fitHeight();
        tryCommit();
    }

    QString problem(const std::vector<Row> &rows) const
    {
        std::set<QString> keys;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto &[key, value] = rows[i];
            if (key.trimmed().isEmpty())
                return tr("Tag %1 has no key: every tag needs one.").arg(qulonglong(i + 1));
            if (!keys.insert(key).second)
                return tr("The key \u201C%1\u201D is used twice: tag keys must be unique.").arg(key);
        }
        return {};
    }

    void tryCommit()
    {
        // A row added and left empty is dropped, not an error.
        if (!m_table->isEditing()) {
            bool removed = false;
            for (int row = m_table->rowCount() - 1; row >= 0; --row) {
                const QTableWidgetItem *key = m_table->item(row, 0);
                const QTableWidgetItem *value = m_table->item(row, 1);
                if ((!key || key->text().isEmpty()) && (!value || value->text().isEmpty())) {
                    m_table->removeRow(row);
                    removed = true;
                }
            }
            if (removed)
                fitHeight();
        }
        std::vector<Row> current = rows();
        // The row being typed into is not finished: no verdict on it yet.
        if (m_table->isEditing()) {
            const int editing = m_table->currentRow();
            if (editing >= 0 && editing < int(current.size()) && current[std::size_t(editing)] == Row{})
                current.erase(current.begin() + editing);
        }
        const QString reason = problem(current);
        setError(m_error, reason);
        if (!reason.isEmpty() || current == rowsOf(m_shown))
            return;
        // Rows the user did not touch keep their tag as it was (a value the
        // endpoint left out stays left out).
        std::vector<api::Tag> tags;
        const std::vector<Row> before = rowsOf(m_shown);
        for (std::size_t i = 0; i < current.size(); ++i) {
            if (i < before.size() && current[i] == before[i])
                tags.push_back(m_shown[i]);
            else
                tags.push_back({current[i].first.toStdString(), current[i].second.toStdString()});
        }
        m_commit(std::move(tags));
    }

    TagsTable *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_error;
    Commit m_commit;
    std::vector<api::Tag> m_shown;
};

namespace {

QString requireName(const QString &text)
{
    return text.trimmed().isEmpty() ? PropertiesPane::tr("A name is required.") : QString();
}

// The parts every form has: the editor, a heading, and form rows whose
// labels are translated again when the language changes.
class FormBase : public QWidget
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::PropertiesPane)

public:
    FormBase(models::PlanEditor &editor, QWidget *parent)
        : QWidget(parent)
        , m_editor(&editor)
        , m_heading(new WrappingText(this))
        , m_layout(new QFormLayout(this))
    {
        m_heading->setObjectName(QStringLiteral("heading"));
        QFont font = m_heading->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.15);
        m_heading->setFont(font);
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_layout->setLabelAlignment(Qt::AlignLeft);
        m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
        m_layout->addRow(m_heading);
    }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QWidget::changeEvent(event);
    }

    // The labels in the new language, then the shown values (some are words).
    virtual void retranslate()
    {
        retranslateLabels();
        reload();
    }

    // Shows the item's values again; a field the user is editing stays.
    virtual void reload() = 0;

    // `text` is marked with QT_TR_NOOP; the label is translated from it.
    QLabel *addRow(const char *text, QWidget *field)
    {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_labels.emplace_back(label, text);
        m_layout->addRow(label, field);
        return label;
    }

    WrappingText *addValueRow(const char *text, const QString &objectName)
    {
        auto *value = new WrappingText(this);
        value->setObjectName(objectName);
        // QFormLayout centres a label on a tall field; a wrapped value reads
        // from its first line, which is where the label belongs.
        addRow(text, value)->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        return value;
    }

    void retranslateLabels()
    {
        for (const auto &[label, text] : m_labels)
            label->setText(tr(text));
    }

    QPointer<models::PlanEditor> m_editor;  // see PropertiesPane::m_editor
    WrappingText *m_heading;
    QFormLayout *m_layout;

private:
    std::vector<std::pair<QLabel *, const char *>> m_labels;
};

// A form for one application or server group, which it finds by its key.
class KeyedForm : public FormBase
{
public:
    using FormBase::FormBase;

    void showItem(PlanKey key)
    {
        m_key = key;
        load(false);
    }

    PlanKey key() const { return m_key; }
    // False when the item is gone.
    bool refresh() { return load(true); }

protected:
    // Where the item is in the plan; not valid when it (or the editor) is gone.
    models::PlanPosition position() const
    {
        return m_editor ? m_editor->document().positionOf(m_key) : models::PlanPosition{};
    }

    // Shows the item's values; with keepEdits, a field the user is editing
    // stays. False when the item is gone.
    virtual bool load(bool keepEdits) = 0;

    void reload() override { load(true); }

    PlanKey m_key = models::kNoKey;
};

} // namespace

class ApplicationForm : public KeyedForm
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::PropertiesPane)

public:
    ApplicationForm(models::PlanEditor &editor, QWidget *parent)
        : KeyedForm(editor, parent)
        , m_name(new FieldEdit(QStringLiteral("nameEdit"), requireName, this))
        , m_description(new FieldEdit(QStringLiteral("descriptionEdit"), {}, this))
        , m_roleName(new FieldEdit(QStringLiteral("roleNameEdit"), {}, this))
        , m_tags(new TagsEdit([this](std::vector<api::Tag> tags) { commitTags(std::move(tags)); }, this))
        , m_tagsLabel(new QLabel(this))
    {
        // The SMS model (2016-10-24) sets no length or pattern for AppName,
        // AppDescription, RoleName, TagKey or TagValue: the only rules are
        // ours (a name, tag keys present and unique).
        addRow(QT_TR_NOOP("Name:"), m_name);
        addRow(QT_TR_NOOP("Description:"), m_description);
        addRow(QT_TR_NOOP("IAM role:"), m_roleName);
        m_tagsLabel->setBuddy(m_tags);
        m_layout->addRow(m_tagsLabel);  // the table takes the full width: two columns need it
        m_layout->addRow(m_tags);
        m_appId = addValueRow(QT_TR_NOOP("Endpoint id:"), QStringLiteral("appIdValue"));
        m_groups = addValueRow(QT_TR_NOOP("Server groups:"), QStringLiteral("groupCountValue"));
        m_servers = addValueRow(QT_TR_NOOP("Servers:"), QStringLiteral("serverCountValue"));
        connect(m_name->lineEdit(), &QLineEdit::editingFinished, this, [this] {
            if (m_name->check())
                commit([this](models::ApplicationFields &f) { f.name = m_name->text().trimmed().toStdString(); });
        });
        connect(m_description->lineEdit(), &QLineEdit::editingFinished, this, [this] {
            commit([this](models::ApplicationFields &f) { f.description = m_description->text().toStdString(); });
        });
        connect(m_roleName->lineEdit(), &QLineEdit::editingFinished, this, [this] {
            commit([this](models::ApplicationFields &f) { f.roleName = m_roleName->text().trimmed().toStdString(); });
        });
        retranslate();
    }

private:
    const models::PlanApplication *application() const
    {
        const models::PlanPosition at = position();
        return at.isValid() && !at.isGroup() ? &m_editor->document().application(at.application) : nullptr;
    }

    bool load(bool keepEdits) override
    {
        const models::PlanApplication *app = application();
        if (!app)
            return false;
        m_heading->setText(tr("Application: %1").arg(toQString(app->name)));
        m_name->showValue(toQString(app->name), keepEdits);
        m_description->showValue(toQString(app->description), keepEdits);
        m_roleName->showValue(toQString(app->roleName), keepEdits);
        m_tags->showTags(app->tags, keepEdits);
        m_appId->setText(app->appId.empty() ? tr("Not on the endpoint yet") : toQString(app->appId));
        std::size_t servers = 0;
        for (const models::PlanServerGroup &group : app->serverGroups)
            servers += group.serverIds.size();
        m_groups->setText(QLocale().toString(qulonglong(app->serverGroups.size())));
        m_servers->setText(QLocale().toString(qulonglong(servers)));
        return true;
    }

    // One field changed: one editApplication call, one undo step. The other
    // fields go in as the document has them, not as typed so far.
    void commit(const std::function<void(models::ApplicationFields &)> &change)
    {
        const models::PlanApplication *app = application();
        if (!app)
            return;
        models::ApplicationFields fields = models::fieldsOf(*app);
        change(fields);
        m_editor->editApplication(m_key, std::move(fields));
        // Shows what was stored (trimmed), also when nothing changed.
        showCommitted();
    }

    void commitTags(std::vector<api::Tag> tags)
    {
        commit([&tags](models::ApplicationFields &f) { f.tags = std::move(tags); });
    }

    void showCommitted()
    {
        if (const models::PlanApplication *app = application()) {
            m_heading->setText(tr("Application: %1").arg(toQString(app->name)));
            // Each field is left alone while the user edits it: only the one
            // just committed is in step with the document.
            if (m_name->text().trimmed() == toQString(app->name))
                m_name->showValue(toQString(app->name), false);
            if (m_roleName->text().trimmed() == toQString(app->roleName))
                m_roleName->showValue(toQString(app->roleName), false);
            if (m_description->text() == toQString(app->description))
                m_description->showValue(toQString(app->description), false);
            m_tags->showTags(app->tags, true);
        }
    }

    void retranslate() override
    {
        m_tagsLabel->setText(tr("Tags:"));
        m_tags->retranslate();
        m_roleName->lineEdit()->setPlaceholderText(tr("Optional"));
        m_roleName->lineEdit()->setToolTip(tr("The IAM service role that SMS uses for this application."));
        m_description->lineEdit()->setPlaceholderText(tr("Optional"));
        KeyedForm::retranslate();
    }

    FieldEdit *m_name;
    FieldEdit *m_description;
    FieldEdit *m_roleName;
    TagsEdit *m_tags;
    QLabel *m_tagsLabel;
    WrappingText *m_appId = nullptr;
    WrappingText *m_groups = nullptr;
    WrappingText *m_servers = nullptr;
};

class GroupForm : public KeyedForm
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::PropertiesPane)

public:
    GroupForm(models::PlanEditor &editor, QWidget *parent)
        : KeyedForm(editor, parent)
        , m_name(new FieldEdit(QStringLiteral("groupNameEdit"), requireName, this))
    {
        // ServerGroupName has no length or pattern in the SMS model either.
        addRow(QT_TR_NOOP("Name:"), m_name);
        m_application = addValueRow(QT_TR_NOOP("Application:"), QStringLiteral("groupApplicationValue"));
        m_groupId = addValueRow(QT_TR_NOOP("Endpoint id:"), QStringLiteral("groupIdValue"));
        m_servers = addValueRow(QT_TR_NOOP("Servers:"), QStringLiteral("groupServerCountValue"));
        connect(m_name->lineEdit(), &QLineEdit::editingFinished, this, [this] {
            if (!m_name->check() || !group())
                return;
            m_editor->renameGroup(m_key, m_name->text().trimmed().toStdString());
            if (const models::PlanServerGroup *renamed = group()) {
                m_name->showValue(toQString(renamed->name), false);
                m_heading->setText(tr("Server group: %1").arg(toQString(renamed->name)));
            }
        });
        retranslateLabels();
    }

private:
    const models::PlanServerGroup *group() const
    {
        const models::PlanPosition at = position();
        return at.isGroup() ? &m_editor->document().group(at.application, at.group) : nullptr;
    }

    bool load(bool keepEdits) override
    {
        const models::PlanPosition at = position();
        if (!at.isGroup())
            return false;
        const models::PlanDocument &document = m_editor->document();
        const models::PlanServerGroup &group = document.group(at.application, at.group);
        m_heading->setText(tr("Server group: %1").arg(toQString(group.name)));
        m_name->showValue(toQString(group.name), keepEdits);
        m_application->setText(toQString(document.application(at.application).name));
        m_groupId->setText(group.serverGroupId.empty() ? tr("Not on the endpoint yet") : toQString(group.serverGroupId));
        m_servers->setText(QLocale().toString(qulonglong(group.serverIds.size())));
        return true;
    }

    FieldEdit *m_name;
    WrappingText *m_application = nullptr;
    WrappingText *m_groupId = nullptr;
    WrappingText *m_servers = nullptr;
};

class ServerForm : public FormBase
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::PropertiesPane)

public:
    ServerForm(models::PlanEditor &editor, QWidget *parent)
        : FormBase(editor, parent)
        , m_note(new QLabel(this))
    {
        m_note->setObjectName(QStringLiteral("serverNote"));
        m_note->setWordWrap(true);
        m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_layout->addRow(m_note);
        m_vmName = addValueRow(QT_TR_NOOP("VM name:"), QStringLiteral("vmNameValue"));
        m_serverId = addValueRow(QT_TR_NOOP("Server id:"), QStringLiteral("serverIdValue"));
        m_type = addValueRow(QT_TR_NOOP("Type:"), QStringLiteral("serverTypeValue"));
        m_manager = addValueRow(QT_TR_NOOP("VM manager:"), QStringLiteral("vmManagerValue"));
        m_managerType = addValueRow(QT_TR_NOOP("Manager type:"), QStringLiteral("vmManagerTypeValue"));
        m_managerId = addValueRow(QT_TR_NOOP("VM manager id:"), QStringLiteral("vmManagerIdValue"));
        m_vmId = addValueRow(QT_TR_NOOP("VM id:"), QStringLiteral("vmIdValue"));
        m_path = addValueRow(QT_TR_NOOP("Path:"), QStringLiteral("vmPathValue"));
        m_job = addValueRow(QT_TR_NOOP("Replication job:"), QStringLiteral("replicationJobValue"));
        m_jobState = addValueRow(QT_TR_NOOP("Job state:"), QStringLiteral("jobStateValue"));
        m_terminated = addValueRow(QT_TR_NOOP("Job terminated:"), QStringLiteral("jobTerminatedValue"));
        m_planned = addValueRow(QT_TR_NOOP("Planned in:"), QStringLiteral("plannedInValue"));
        // What an imported inventory said (models/InventoryTypes.h): sizing
        // and placement the SMS catalog does not know.
        m_cpus = addValueRow(QT_TR_NOOP("CPUs:"), QStringLiteral("cpusValue"));
        m_memory = addValueRow(QT_TR_NOOP("Memory:"), QStringLiteral("memoryValue"));
        m_disk = addValueRow(QT_TR_NOOP("Provisioned disk:"), QStringLiteral("provisionedValue"));
        m_os = addValueRow(QT_TR_NOOP("Operating system:"), QStringLiteral("operatingSystemValue"));
        m_power = addValueRow(QT_TR_NOOP("Power state:"), QStringLiteral("powerStateValue"));
        m_placement = addValueRow(QT_TR_NOOP("Placement:"), QStringLiteral("placementValue"));
        retranslateLabels();
    }

    void showItem(const QString &serverId)
    {
        m_id = serverId.toStdString();
        refresh();
    }

    QString serverId() const { return toQString(m_id); }

    void refresh()
    {
        if (!m_editor)
            return;
        const models::PlanDocument &document = m_editor->document();
        const int row = document.catalogRow(m_id);
        const api::Server *server = row >= 0 ? &document.catalog().servers[std::size_t(row)] : nullptr;
        const api::VmServer vm = server && server->vmServer ? *server->vmServer : api::VmServer{};
        const api::VmServerAddress address = vm.vmServerAddress.value_or(api::VmServerAddress{});
        const QString id = toQString(m_id);

        m_heading->setText(tr("Server: %1").arg(vm.vmName ? toQString(vm.vmName) : id));
        m_note->setText(tr("This server is not in the catalog that was read last."));
        m_layout->setRowVisible(m_note, !server);
        for (WrappingText *value : {m_vmName, m_type, m_manager, m_managerType, m_managerId, m_vmId, m_path, m_job})
            m_layout->setRowVisible(value, server != nullptr);
        m_vmName->setText(orDash(toQString(vm.vmName)));
        m_serverId->setText(id);
        m_type->setText(server ? orDash(toQString(server->serverType)) : QString());
        m_manager->setText(orDash(toQString(vm.vmManagerName)));
        m_managerType->setText(orDash(toQString(vm.vmManagerType)));
        m_managerId->setText(orDash(toQString(address.vmManagerId)));
        m_vmId->setText(orDash(toQString(address.vmId)));
        m_path->setText(orDash(toQString(vm.vmPath)));

        const bool hasJob = server && server->replicationJobId;
        m_job->setText(hasJob ? toQString(server->replicationJobId) : tr("None"));
        m_layout->setRowVisible(m_jobState, hasJob);
        m_layout->setRowVisible(m_terminated, hasJob || (server && server->replicationJobTerminated));
        if (hasJob) {
            const models::ReplicationJobSummary *job = document.replicationJob(*server->replicationJobId);
            QString state = tr("Not known: the job is not among the replication jobs read last");
            if (job) {
                state = toQString(job->state);
                if (!job->statusMessage.empty())
                    state += QLatin1Char('\n') + toQString(job->statusMessage);
            }
            m_jobState->setText(state);
        }
        if (server)
            m_terminated->setText(server->replicationJobTerminated.value_or(false) ? tr("Yes") : tr("No"));
        m_planned->setText(plannedIn(document));
        showInventory(document);
    }

private:
    void reload() override { refresh(); }

    void showInventory(const models::PlanDocument &document)
    {
        const auto &inventory = document.inventory();
        const auto found = std::find_if(inventory.begin(), inventory.end(),
                                        [this](const models::InventoryDetails &d) { return d.serverId == m_id; });
        const models::InventoryDetails details = found == inventory.end() ? models::InventoryDetails{} : *found;
        const QLocale locale;
        const auto megabytes = [&locale](const std::optional<std::int64_t> &mb) {
            return mb ? locale.formattedDataSize(*mb * 1024 * 1024, 1, QLocale::DataSizeIecFormat) : QString();
        };
        QStringList placement;
        for (const auto *part : {&details.datacenter, &details.cluster, &details.host})
            if (*part)
                placement << toQString(*part);
        const std::pair<WrappingText *, QString> rows[] = {
            {m_cpus, details.cpus ? locale.toString(qlonglong(*details.cpus)) : QString()},
            {m_memory, megabytes(details.memoryMb)},
            {m_disk, megabytes(details.provisionedMb)},
            {m_os, toQString(details.operatingSystem)},
            {m_power, toQString(details.powerState)},
            {m_placement, placement.join(QStringLiteral(" \u203A "))},
        };
        for (const auto &[row, text] : rows) {
            row->setText(text);
            m_layout->setRowVisible(row, !text.isEmpty());
        }
    }

    QString plannedIn(const models::PlanDocument &document) const
    {
        const models::Placement placement = document.placementOf(m_id);
        const models::PlanPosition position = document.positionOf(placement.group);
        if (!placement.isPlanned() || !position.isGroup())
            return tr("No application");
        return tr("%1 \u203A %2")
            .arg(toQString(document.application(position.application).name),
                 toQString(document.group(position.application, position.group).name));
    }

    std::string m_id;
    QLabel *m_note;
    WrappingText *m_vmName = nullptr;
    WrappingText *m_serverId = nullptr;
    WrappingText *m_type = nullptr;
    WrappingText *m_manager = nullptr;
    WrappingText *m_managerType = nullptr;
    WrappingText *m_managerId = nullptr;
    WrappingText *m_vmId = nullptr;
    WrappingText *m_path = nullptr;
    WrappingText *m_job = nullptr;
    WrappingText *m_jobState = nullptr;
    WrappingText *m_terminated = nullptr;
    WrappingText *m_planned = nullptr;
    WrappingText *m_cpus = nullptr;
    WrappingText *m_memory = nullptr;
    WrappingText *m_disk = nullptr;
    WrappingText *m_os = nullptr;
    WrappingText *m_power = nullptr;
    WrappingText *m_placement = nullptr;
};

namespace {

// Puts `item` in `form`, which the pane shows when `formShown`. The item it
// shows already (its row moved, the selection was re-announced) is refreshed
// instead, so that what the user is typing stays. True when the form got
// another item, which the pane then shows.
template <typename Form, typename Item>
bool putInForm(Form &form, bool formShown, const Item &item, const Item &shownItem)
{
    if (formShown && shownItem == item) {
        form.refresh();
        return false;
    }
    form.showItem(item);
    return true;
}

} // namespace

PropertiesPane::PropertiesPane(models::PlanEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(&editor)
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget(m_scroll))
    , m_message(new QLabel(m_content))
    , m_applicationForm(new ApplicationForm(editor, m_content))
    , m_groupForm(new GroupForm(editor, m_content))
    , m_serverForm(new ServerForm(editor, m_content))
    , m_settings(new SettingsEditor(editor, m_content))
{
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QVBoxLayout(m_content);
    content->addWidget(m_message);
    content->addWidget(m_applicationForm);
    content->addWidget(m_groupForm);
    content->addWidget(m_serverForm);
    content->addWidget(m_settings);
    content->addStretch();

    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the forms wrap to the width instead
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &PropertiesPane::refresh);

    const models::PlanDocument *document = &editor.document();
    // Keys belong to the plan that was replaced: an application or group of
    // the new one that happens to have the same key is another item.
    connect(document, &models::PlanDocument::resetDone, this, [this] {
        if (m_showing == Showing::Application || m_showing == Showing::Group)
            clear();
        else
            scheduleRefresh();
    });
    for (auto signal : {&models::PlanDocument::applicationChanged, &models::PlanDocument::applicationRemoved})
        connect(document, signal, this, &PropertiesPane::scheduleRefresh);
    for (auto signal : {&models::PlanDocument::groupChanged, &models::PlanDocument::groupRemoved})
        connect(document, signal, this, &PropertiesPane::scheduleRefresh);
    for (auto signal : {&models::PlanDocument::catalogCleared, &models::PlanDocument::replicationJobsChanged,
                        &models::PlanDocument::inventoryChanged})
        connect(document, signal, this, &PropertiesPane::scheduleRefresh);
    for (auto signal : {&models::PlanDocument::serversAppended, &models::PlanDocument::placementsChanged,
                        &models::PlanDocument::serversChanged, &models::PlanDocument::catalogRowsRemoved})
        connect(document, signal, this, &PropertiesPane::scheduleRefresh);

    clear();
}

PropertiesPane::~PropertiesPane()
{
    // A field that loses focus while the pane is torn down would commit
    // (editingFinished, a cell editor closing) into half-destroyed forms:
    // from here on, nothing the children say is acted on.
    const auto children = findChildren<QObject *>();
    for (QObject *child : children)
        child->blockSignals(true);
    if (m_editor)
        disconnect(&m_editor->document(), nullptr, this, nullptr);
}

void PropertiesPane::showApplication(models::PlanKey application)
{
    if (!m_editor)
        return clear();
    const models::PlanPosition position = m_editor->document().positionOf(application);
    if (!position.isValid() || position.isGroup())
        return clear();
    if (putInForm(*m_applicationForm, m_showing == Showing::Application, application, m_applicationForm->key()))
        showForm(Showing::Application);
    m_settings->showApplication(application);
}

void PropertiesPane::showGroup(models::PlanKey group)
{
    if (!m_editor || !m_editor->document().positionOf(group).isGroup())
        return clear();
    if (putInForm(*m_groupForm, m_showing == Showing::Group, group, m_groupForm->key()))
        showForm(Showing::Group);
    m_settings->showGroup(group);
}

void PropertiesPane::showServer(const QString &serverId)
{
    if (serverId.isEmpty())
        return clear();
    if (putInForm(*m_serverForm, m_showing == Showing::Server, serverId, m_serverForm->serverId()))
        showForm(Showing::Server);
    m_settings->showServers({serverId.toStdString()});
}

void PropertiesPane::showSelectionSummary(int applications, int groups, int servers,
                                          std::vector<std::string> serverIds)
{
    if (applications + groups + servers <= 0)
        return clear();
    m_summary = {applications, groups, servers};
    m_bulkEdit = !serverIds.empty();
    m_settings->showServers(std::move(serverIds));
    showMessage(Showing::Summary);
}

void PropertiesPane::clear()
{
    showMessage(Showing::Hint);
}

void PropertiesPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_message->setText(messageText());
    QWidget::changeEvent(event);
}

void PropertiesPane::showMessage(Showing kind)
{
    m_showing = kind;
    m_message->setText(messageText());
    showForm(kind);
}

void PropertiesPane::showForm(Showing kind)
{
    m_showing = kind;
    const std::pair<QWidget *, bool> pages[] = {
        {m_message, kind == Showing::Hint || kind == Showing::Summary},
        {m_applicationForm, kind == Showing::Application},
        {m_groupForm, kind == Showing::Group},
        {m_serverForm, kind == Showing::Server},
        {m_settings, kind != Showing::Hint && (kind != Showing::Summary || m_bulkEdit)},
    };
    // Show the new page before hiding the old ones: focus then moves into
    // the new page, not through the old one's other fields.
    for (const auto &[page, visible] : pages) {
        if (visible)
            page->show();
    }
    for (const auto &[page, visible] : pages) {
        if (!visible)
            page->hide();
    }
    m_scroll->verticalScrollBar()->setValue(0);
}

QString PropertiesPane::messageText() const
{
    if (m_showing != Showing::Summary)
        return tr("Select an application, a server group or a server to see its details.");
    // "kind: count" needs no plural forms, so it reads right untranslated too.
    const QLocale locale;
    QStringList parts;
    if (m_summary.applications > 0)
        parts << tr("applications: %1").arg(locale.toString(m_summary.applications));
    if (m_summary.groups > 0)
        parts << tr("server groups: %1").arg(locale.toString(m_summary.groups));
    if (m_summary.servers > 0)
        parts << tr("servers: %1").arg(locale.toString(m_summary.servers));
    return tr("Selected \u2014 %1.").arg(parts.join(tr(", "))) + QLatin1Char('\n')
        + (m_bulkEdit ? tr("Their servers' launch and replication settings are below; select a single item to see "
                           "and edit its other details.")
                      : tr("Select a single item to see and edit its details."));
}

void PropertiesPane::scheduleRefresh()
{
    if (m_showing != Showing::Hint && m_showing != Showing::Summary)
        m_refreshTimer.start();
}

void PropertiesPane::refresh()
{
    switch (m_showing) {
    case Showing::Application:
        if (!m_applicationForm->refresh())
            clear();
        break;
    case Showing::Group:
        if (!m_groupForm->refresh())
            clear();
        break;
    case Showing::Server:
        m_serverForm->refresh();
        break;
    case Showing::Hint:
    case Showing::Summary:
        break;
    }
}

} // namespace sms::ui
