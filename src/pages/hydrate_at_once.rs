//! A page's view that hydrates in one go, applied once, where `app.rs` declares the routes.
//!
//! The router erases the type of each route's view (`AnyView`), and an erased view carries
//! every way of rendering it, the asynchronous hydration for pages that wait on data
//! included. No page here waits on anything, so that path would be dead weight: for the
//! cookie page alone it was most of its 28 KB brotli. Wrapped in [`HydrateAtOnce`], a page
//! takes the synchronous path either way, and the dead one is never compiled.
//!
//! Delete this when the router stops erasing route views into one `AnyView` with both
//! paths: leptos 0.9's lazy routes (`#[lazy_route]`, split per route) are that change.

use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{PositionState, Render, RenderHtml};

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

    rendered_as_the_inner_view!(HydrateAtOnce);

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
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
