//! One component per route, and the wrappers that say how a part of the page hydrates.

/// The part of `RenderHtml` a wrapper of one view (`self.0`, of type `V`) shares with it:
/// the HTML is the inner view's own. The wrappers differ only in how they hydrate.
macro_rules! rendered_as_the_inner_view {
    () => {
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
