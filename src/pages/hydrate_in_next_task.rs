//! A part of the page that is taken over in a task after the rest.
//!
//! Hydrating the whole body in one task blocks a phone's main thread for too long
//! (`docs/performance.md`). The consent banner, the header, the footer and the settings
//! dialog come first, so that the app answers the visitor's choice as soon as possible; the
//! page's own content, wrapped in [`HydrateInNextTask`], follows in the next task: the
//! browser paints and answers taps between the two.
//!
//! Rendering (on the server, or afresh in the browser) is not deferred: only hydration,
//! where the nodes are already on screen.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::reactive::owner::Owner;
use tachys::html::attribute::Attribute;
use tachys::html::attribute::any_attribute::AnyAttribute;
use tachys::hydration::Cursor;
use tachys::renderer::types::{Element, Node};
use tachys::ssr::StreamBuilder;
use tachys::view::add_attr::AddAnyAttr;
use tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use wasm_bindgen::JsCast;

use crate::browser::executor::in_own_task;

/// A view of one element, hydrated in the task after the one that hydrates its parent.
pub struct HydrateInNextTask<V>(pub V);

/// The view's state: its own once hydrated; before that, what hydrating it needs.
pub struct HydrateInNextTaskState<V: Render>(Rc<RefCell<Stage<V>>>);

enum Stage<V: Render> {
    /// Taken over later: the view, its element, and the owner its components belong to.
    Waiting {
        view: V,
        element: Element,
        owner: Option<Owner>,
    },
    /// Being hydrated right now.
    Hydrating,
    Hydrated(V::State),
}

impl<V: RenderHtml + 'static> HydrateInNextTaskState<V> {
    /// Hydrates the view now if it is still waiting, so that the state is the view's own.
    fn flush(&self) {
        let waiting = std::mem::replace(&mut *self.0.borrow_mut(), Stage::Hydrating);
        let Stage::Waiting {
            view,
            element,
            owner,
        } = waiting
        else {
            // Already hydrated, or being hydrated further up this very call: nothing to do.
            *self.0.borrow_mut() = waiting;
            return;
        };
        // The cursor stands on the element itself, as a parent's hydration leaves it.
        let hydrate = move || {
            view.hydrate::<true>(
                &Cursor::new(element),
                &PositionState::new(Position::Current),
            )
        };
        let state = match owner {
            Some(owner) => owner.with(hydrate),
            None => hydrate(),
        };
        *self.0.borrow_mut() = Stage::Hydrated(state);
    }

    /// Runs `f` on the view's state, hydrating it first if it is still waiting.
    fn with<T>(&self, f: impl FnOnce(&mut V::State) -> T) -> Option<T> {
        self.flush();
        match &mut *self.0.borrow_mut() {
            Stage::Hydrated(state) => Some(f(state)),
            _ => None,
        }
    }
}

impl<V: RenderHtml + 'static> Mountable for HydrateInNextTaskState<V> {
    fn unmount(&mut self) {
        self.with(|state| state.unmount());
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.with(|state| state.mount(parent, marker));
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.with(|state| state.insert_before_this(child))
            .unwrap_or(false)
    }

    fn elements(&self) -> Vec<Element> {
        self.with(|state| state.elements()).unwrap_or_default()
    }
}

impl<V: RenderHtml + 'static> Render for HydrateInNextTask<V> {
    type State = HydrateInNextTaskState<V>;

    fn build(self) -> Self::State {
        HydrateInNextTaskState(Rc::new(RefCell::new(Stage::Hydrated(self.0.build()))))
    }

    fn rebuild(self, state: &mut Self::State) {
        state.with(|state| self.0.rebuild(state));
    }
}

impl<V: RenderHtml + 'static> RenderHtml for HydrateInNextTask<V> {
    type AsyncOutput = V::AsyncOutput;
    type Owned = HydrateInNextTask<V::Owned>;

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

    // Streamed as the inner view streams: what it awaits shows, and the host test
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
        // Step onto the view's element, as an element's own hydration does, and leave the
        // cursor there for the views after it.
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        position.set(Position::NextChild);
        let Ok(element) = cursor.current().dyn_into::<Element>() else {
            // Not the element the view renders: hydrate at once, where tachys reports the
            // mismatch as it does for any other part of the page.
            let state = self
                .0
                .hydrate::<FROM_SERVER>(cursor, &PositionState::new(Position::Current));
            return HydrateInNextTaskState(Rc::new(RefCell::new(Stage::Hydrated(state))));
        };
        let state = HydrateInNextTaskState(Rc::new(RefCell::new(Stage::Waiting {
            view: self.0,
            element,
            owner: Owner::current(),
        })));
        let later = HydrateInNextTaskState(Rc::clone(&state.0));
        in_own_task(move || later.flush());
        state
    }

    // Deferred, but synchronous: nothing under it waits on data (see above).
    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.hydrate::<true>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        HydrateInNextTask(self.0.into_owned())
    }
}

// Attributes a parent spreads onto the view: no parent here does; the view would then be
// hydrated with the rest.
impl<V: AddAnyAttr> AddAnyAttr for HydrateInNextTask<V> {
    type Output<SomeNewAttr: Attribute> = V::Output<SomeNewAttr>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        self.0.add_any_attr(attr)
    }
}
