#pragma once
// KeyedTableModel<Row>: a flat table whose rows are keyed by an id (Row::key())
// and replaced wholesale by each refresh, announced with the fewest signals
// that keep views' selections and scroll positions: rows whose key is gone are
// removed (one removal per run of them), rows that differ get one dataChanged
// each (or a single range over them when more than half of the rows changed,
// where one signal is cheaper for a view than hundreds), and new keys are
// inserted at the end in one insertion. Never a reset. Sorting is a proxy's job.
//
// The rows are plain values compared with ==, so a row holds only what the
// cells show (derived figures included) and an unchanged row costs a compare.

#include <QAbstractTableModel>

#include <string>
#include <unordered_map>
#include <vector>

namespace sms::models {

template <typename Row>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    const Row &row(int at) const { return m_rows[std::size_t(at)]; }
    const std::vector<Row> &rows() const { return m_rows; }
    // The row of `key`, or -1.
    int rowOf(const std::string &key) const
    {
        const auto it = m_rowOf.find(key);
        return it == m_rowOf.end() ? -1 : it->second;
    }

    // A repeated key keeps its first row.
    void setRows(std::vector<Row> incoming)
    {
        std::unordered_map<std::string, std::size_t> at;
        at.reserve(incoming.size());
        for (std::size_t i = 0; i < incoming.size(); ++i)
            at.try_emplace(incoming[i].key(), i);

        removeGone(at);
        // Which are new, before updating moves the kept ones' keys out.
        std::vector<std::size_t> added;
        for (std::size_t i = 0; i < incoming.size(); ++i) {
            const std::string &key = incoming[i].key();
            if (!m_rowOf.count(key) && at.find(key)->second == i)
                added.push_back(i);
        }
        updateKept(incoming, at);
        appendNew(incoming, added);
    }

private:
    void removeGone(const std::unordered_map<std::string, std::size_t> &at)
    {
        // Bottom up, so the rows above keep their numbers while we go.
        bool removed = false;
        for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
            if (at.count(m_rows[std::size_t(last)].key()))
                continue;
            int first = last;
            while (first > 0 && !at.count(m_rows[std::size_t(first - 1)].key()))
                --first;
            beginRemoveRows({}, first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            endRemoveRows();
            removed = true;
            last = first;
        }
        if (removed)
            reindex();
    }

    void updateKept(std::vector<Row> &incoming, const std::unordered_map<std::string, std::size_t> &at)
    {
        std::vector<int> changed;
        for (int r = 0; r < int(m_rows.size()); ++r) {
            Row &current = m_rows[std::size_t(r)];
            Row &fresh = incoming[at.find(current.key())->second];
            if (!(current == fresh)) {
                current = std::move(fresh);
                changed.push_back(r);
            }
        }
        if (changed.empty())
            return;
        const int lastColumn = columnCount() - 1;
        if (changed.size() * 2 > m_rows.size()) {
            Q_EMIT this->dataChanged(index(changed.front(), 0), index(changed.back(), lastColumn));
            return;
        }
        for (int r : changed)
            Q_EMIT this->dataChanged(index(r, 0), index(r, lastColumn));
    }

    void appendNew(std::vector<Row> &incoming, const std::vector<std::size_t> &added)
    {
        if (added.empty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.reserve(m_rows.size() + added.size());
        for (std::size_t i : added) {
            m_rowOf.emplace(incoming[i].key(), int(m_rows.size()));
            m_rows.push_back(std::move(incoming[i]));
        }
        endInsertRows();
    }

    void reindex()
    {
        m_rowOf.clear();
        for (int r = 0; r < int(m_rows.size()); ++r)
            m_rowOf.emplace(m_rows[std::size_t(r)].key(), r);
    }

    std::vector<Row> m_rows;
    std::unordered_map<std::string, int> m_rowOf;
};

} // namespace sms::models
