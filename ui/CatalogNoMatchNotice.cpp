#include "ui/CatalogNoMatchNotice.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sms::ui {

CatalogNoMatchNotice::CatalogNoMatchNotice(QAbstractItemView *view)
    : QWidget(view->viewport())
    , m_view(view)
    , m_message(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear Filters"), this))
{
    setObjectName(QStringLiteral("catalogNoMatch"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_message);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    connect(m_clear, &QPushButton::clicked, this, &CatalogNoMatchNotice::clearRequested);
    view->viewport()->installEventFilter(this);
    hide();
}

void CatalogNoMatchNotice::showFor(const QString &text, bool otherFilters)
{
    const QString words = text.simplified();
    if (words.isEmpty())
        m_message->setText(tr("No server matches the filters set."));
    else if (otherFilters)
        m_message->setText(tr("No server matches \u201C%1\u201D with the other filters set.").arg(words));
    else
        m_message->setText(tr("No server matches \u201C%1\u201D.").arg(words));
    fitViewport();
    show();
}

bool CatalogNoMatchNotice::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitViewport();
    return false;
}

void CatalogNoMatchNotice::fitViewport()
{
    setGeometry(m_view->viewport()->rect());
}

} // namespace sms::ui
