#pragma once
// Pager: walks a paginated operation (GetServers, GetReplicationJobs,
// GetReplicationRuns, GetConnectors, ListApps) page by page, handing each page
// over as it arrives and finally the merged result. The merged response keeps
// the first page's other members (serverCatalogStatus, lastModifiedOn,
// replicationJob), which must not be mixed across pages.
//
//   auto *pager = paginate(client, GetServersRequest{}, this, onPage, onDone);
//   connect(pager, &PagerBase::progress, ...);  pager->cancel();
//
// The pager is a child of `context`: destroying the context stops it and the
// request it has in flight. It deletes itself after the done callback.

#include "client/SmsClient.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <utility>

namespace sms::client {

class PagerBase : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Cancels the request in flight; the done callback reports Canceled.
    // After the last page has arrived there is nothing left to cancel.
    virtual void cancel() = 0;

Q_SIGNALS:
    void progress(int pages, qsizetype items);

protected:
    void countPage(qsizetype items)
    {
        ++m_pages;
        m_items += items;
        Q_EMIT progress(m_pages, m_items);
    }

private:
    int m_pages = 0;
    qsizetype m_items = 0;
};

template <typename Request>
struct PageTraits;

// Whether the merged response collects every page's items, or the page
// callback consumes them (a catalog of 100,000 servers need not be held twice).
enum class PageItems { Keep, Drop };

#define SMS_PAGE_TRAITS(Op, method, listMember)                                                   \
    template <>                                                                                   \
    struct PageTraits<api::Op##Request>                                                           \
    {                                                                                             \
        using Response = api::Op##Response;                                                       \
        static constexpr const char *operation = #Op;                                             \
        static constexpr const char *listName = #listMember;                                      \
        static constexpr auto call = &SmsClient::method;                                          \
        static constexpr auto list = &api::Op##Response::listMember;                              \
    };
SMS_FOR_EACH_PAGINATED_OPERATION(SMS_PAGE_TRAITS)
#undef SMS_PAGE_TRAITS

template <typename Request>
class Pager final : public PagerBase
{
public:
    using Traits = PageTraits<Request>;
    using Response = typename Traits::Response;
    // With PageItems::Drop the callback may move the page's items out (the
    // pager drops them next); with Keep it must leave them for the merge.
    using PageCallback = std::function<void(Response &page)>;

    Pager(SmsClient &client, Request request, PageCallback onPage, Callback<Response> done, QObject *context,
          PageItems items)
        : PagerBase(context)
        , m_client(client)
        , m_request(std::move(request))
        , m_onPage(std::move(onPage))
        , m_done(std::move(done))
        , m_items(items)
    {
    }

    ~Pager() override
    {
        // The context went away: stop the request in flight too.
        if (m_call) {
            m_call->disconnect(this);
            m_call->cancel();
        }
    }

    void start() { requestPage(); }

    void cancel() override
    {
        if (m_call)
            m_call->cancel();  // arrives in onPage as Canceled
    }

private:
    void requestPage()
    {
        m_call = (m_client.*Traits::call)(m_request, this, [this](Result<Response> page) { onPage(std::move(page)); });
    }

    void onPage(Result<Response> page)
    {
        if (m_finished)
            return;
        if (!page) {
            finish(page.error());
            return;
        }
        Response &response = page.value();
        auto next = std::exchange(response.nextToken, std::nullopt);
        const bool last = !next || next->empty();
        if (!last) {
            if (m_request.nextToken == next) {
                // A service that hands back the token it was given would loop forever.
                finish(SmsError::make(ErrorCode::InvalidResponse,
                                      "the endpoint returned the same nextToken twice; stopped paging"));
                return;
            }
            // Ask for the next page first: the network and the endpoint work
            // on it while this page is handed over.
            m_request.nextToken = std::move(next);
            requestPage();
        }
        const auto &items = response.*Traits::list;
        countPage(items ? qsizetype(items->size()) : 0);
        if (m_onPage) {
            const QPointer<PagerBase> alive(this);
            m_onPage(response);
            if (!alive || m_finished)
                return;  // the page callback deleted or canceled us
        }
        merge(std::move(response));
        if (last)
            finish(std::move(*m_merged));
    }

    // Moves the page's items over (unless told to drop them); the first
    // page's other members stay.
    void merge(Response &&page)
    {
        auto &items = page.*Traits::list;
        if (!m_merged) {
            if (m_items == PageItems::Drop)
                items.reset();
            m_merged = std::move(page);
        } else if (items && m_items == PageItems::Keep) {
            auto &all = (*m_merged).*Traits::list;
            if (!all)
                all.emplace();
            all->insert(all->end(), std::make_move_iterator(items->begin()), std::make_move_iterator(items->end()));
        }
    }

    void finish(Result<Response> result)
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_call)
            m_call->cancel();  // a look-ahead request nobody needs any more
        // The callback may destroy our context, and with it us: nothing of
        // ours is touched after it.
        auto done = std::move(m_done);
        deleteLater();
        done(std::move(result));
    }

    SmsClient &m_client;
    Request m_request;
    PageCallback m_onPage;
    Callback<Response> m_done;
    std::optional<Response> m_merged;
    CallHandle m_call;
    PageItems m_items;
    bool m_finished = false;
};

// Starts walking every page of the operation `request` belongs to. With
// PageItems::Drop the merged response has no list; onPage saw every item.
template <typename Request>
QPointer<Pager<Request>> paginate(SmsClient &client, Request request, QObject *context,
                         typename Pager<Request>::PageCallback onPage,
                         Callback<typename PageTraits<Request>::Response> done, PageItems items = PageItems::Keep)
{
    auto *pager = new Pager<Request>(client, std::move(request), std::move(onPage), std::move(done), context, items);
    pager->start();
    return pager;
}

} // namespace sms::client
