//! One component per route, and the wrappers that say how a part of the page hydrates.

/// The part of `RenderHtml` a wrapper of one view (`$wrapper(self.0)`, `self.0` of type `V`)
/// shares with it: the HTML is the inner view's own, the owned view is wrapped again, and an
/// asynchronous hydration is the wrapper's synchronous one (no page here waits on data).
/// The wrappers differ only in `hydrate`.
macro_rules! rendered_as_the_inner_view {
    ($wrapper:ident) => {
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
            position: &mut leptos::tachys::view::Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<leptos::tachys::html::attribute::any_attribute::AnyAttribute>,
        ) {
            self.0
                .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
        }

        // Streamed as the inner view streams: what it awaits shows, and the host test
        // `no_page_awaits_anything_so_hydrating_at_once_is_right` fails on it.
        fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
            self,
            buf: &mut leptos::tachys::ssr::StreamBuilder,
            position: &mut leptos::tachys::view::Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<leptos::tachys::html::attribute::any_attribute::AnyAttribute>,
        ) {
            self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
                buf,
                position,
                escape,
                mark_branches,
                extra_attrs,
            );
        }

        async fn hydrate_async(
            self,
            cursor: &leptos::tachys::hydration::Cursor,
            position: &leptos::tachys::view::PositionState,
        ) -> Self::State {
            self.hydrate::<true>(cursor, position)
        }

        fn into_owned(self) -> Self::Owned {
            $wrapper(self.0.into_owned())
        }
    };
}

pub mod cookies;
pub mod hydrate_at_once;
pub mod hydrate_in_next_task;
pub mod not_found;
pub mod raison_etre;

pub use cookies::CookiesPage;
pub use hydrate_at_once::HydrateAtOnce;
pub use hydrate_in_next_task::HydrateInNextTask;
pub use not_found::NotFoundPage;
pub use raison_etre::RaisonEtrePage;
