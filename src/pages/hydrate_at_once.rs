//! A page's view that hydrates in one go, applied once, where `app.rs` declares the routes.
//!
//! The router erases the type of each route's view (`AnyView`), and an erased view carries
//! every way of rendering it, the asynchronous hydration for pages that wait on data
//! included. No page here waits on anything, so that path would be dead weight: for the
//! cookie page alone it was most of what the page costs (`docs/performance.md`). Wrapped in
//! [`HydrateAtOnce`], a page takes the synchronous path either way, and the dead one is
//! never compiled.
//!
//! Lazy routes (`#[lazy_route]`, in leptos_router since 0.8.5) do not take that path away:
//! they split the wasm per route, which Trunk cannot do. On an upgrade, build without the
//! wrapper and compare the wasm's size (`src/pages/mod.rs`); delete it when they match.

use tachys::html::attribute::Attribute;
use tachys::html::attribute::any_attribute::AnyAttribute;
use tachys::hydration::Cursor;
use tachys::ssr::StreamBuilder;
use tachys::view::add_attr::AddAnyAttr;
use tachys::view::{Position, PositionState, Render, RenderHtml};

/// A view hydrated synchronously, even where an asynchronous hydration is asked for.
pub struct HydrateAtOnce<V>(pub V);

impl<V: Render> Render for HydrateAtOnce<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        self.0.rebuild(state);
    }
}

impl<V: RenderHtml> RenderHtml for HydrateAtOnce<V> {
    type AsyncOutput = V::AsyncOutput;
    type Owned = HydrateAtOnce<V::Owned>;

    const MIN_LENGTH: usize = V::MIN_LENGTH;
    const EXISTS: bool = V::EXISTS;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        self.0.resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    // Streamed as the page streams: what it awaits shows, and the host test
    // `no_page_awaits_anything_so_hydrating_at_once_is_right` fails on it.
    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        );
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    // The reason for the wrapper: the synchronous hydration, asked for either way.
    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.hydrate::<true>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        HydrateAtOnce(self.0.into_owned())
    }
}

impl<V: AddAnyAttr> AddAnyAttr for HydrateAtOnce<V> {
    type Output<SomeNewAttr: Attribute> = HydrateAtOnce<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        HydrateAtOnce(self.0.add_any_attr(attr))
    }
}
